import { DomainError, PLATFORM_ERRORS, declareDetails, declareErrors, problemDetail } from '@app/platform/errors';

/** The codes calls raises, with the status and title the HTTP edge answers them with. */
export const CALLS_ERRORS = declareErrors({
  REFERENCE_TAKEN: {
    status: 409,
    title: {
      ar: 'المرجع مستخدم بالفعل',
      zh: '该编号已被使用',
      en: 'Reference already used',
      fr: 'Référence déjà utilisée',
      ru: 'Номер уже используется',
      es: 'Referencia ya utilizada',
    },
  },
  FIELD_LOCKED: {
    status: 409,
    title: {
      ar: 'لم يعد من الممكن تغيير هذا الحقل',
      zh: '此字段已不能更改',
      en: 'This field can no longer change',
      fr: 'Ce champ ne peut plus être modifié',
      ru: 'Это поле больше не может быть изменено',
      es: 'Este campo ya no puede modificarse',
    },
  },
  STAGE_NOT_FOUND: {
    status: 404,
    title: {
      ar: 'مرحلة الاستعراض هذه غير موجودة',
      zh: '不存在该评审阶段',
      en: 'No such review stage',
      fr: "Cette étape d'évaluation n'existe pas",
      ru: 'Такого этапа рассмотрения не существует',
      es: 'No existe esa etapa de evaluación',
    },
  },
  UNKNOWN_PLACEHOLDER: {
    status: 422,
    title: {
      ar: 'عنصر نائب غير معروف في النص',
      zh: '文本中有未知的占位符',
      en: 'Unknown placeholder in the text',
      fr: 'Champ à remplir inconnu dans le texte',
      ru: 'Неизвестный заполнитель в тексте',
      es: 'Marcador de posición desconocido en el texto',
    },
  },
});

/** A circular's subject or body names a figure its letter does not fill in. */
export class UnknownPlaceholderError extends DomainError {
  constructor(readonly problems: Array<{ field: string; placeholder: string; allowed: readonly string[] }>) {
    super(
      CALLS_ERRORS.UNKNOWN_PLACEHOLDER,
      problems
        .map((p) => `${p.field} names {${p.placeholder}}; it may name ${p.allowed.map((a) => `{${a}}`).join(', ')}.`)
        .join(' '),
      problems.map((p) => ({
        field: p.field,
        message: `Unknown placeholder {${p.placeholder}}.`,
        code: 'UNKNOWN_PLACEHOLDER',
        params: { placeholder: `{${p.placeholder}}`, allowed: p.allowed.map((a) => `{${a}}`).join(', ') },
      })),
    );
  }
}

export class StageNotFoundError extends DomainError {
  constructor(position: number, stages: number) {
    super(CALLS_ERRORS.STAGE_NOT_FOUND, problemDetail(CALLS_DETAILS.STAGE_NOT_FOUND, { position, stages }));
  }
}

export class ReferenceTakenError extends DomainError {
  constructor(reference: string) {
    super(CALLS_ERRORS.REFERENCE_TAKEN, problemDetail(CALLS_DETAILS.REFERENCE_TAKEN, { reference }));
  }
}

export class FieldLockedError extends DomainError {
  constructor(status: string, allowed: string[], fields: string[]) {
    super(
      CALLS_ERRORS.FIELD_LOCKED,
      `In a call that is ${status}, only ${inWords(allowed)} can change; not ${fields.join(', ')}.`,
    );
  }
}

export class CallPublishedError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.COHORT_PUBLISHED, problemDetail(CALLS_DETAILS.CALL_PUBLISHED));
  }
}

/** "a", "a and b", "a, b and c". */
function inWords(items: string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The details of this context's problems in each language (problem+json `detail`, by Accept-Language). */
export const CALLS_DETAILS = declareDetails({
  'NOT_FOUND.Call': {
    ar: 'لم يُعثر على الدعوة.',
    zh: '未找到该征集。',
    en: 'Call not found.',
    fr: 'Appel introuvable.',
    ru: 'Призыв не найден.',
    es: 'No se ha encontrado la convocatoria.',
  },
  STAGE_NOT_FOUND: {
    ar: 'لا تتضمن الدعوة المرحلة {position}؛ ومراحلها من 1 إلى {stages}.',
    zh: '该征集没有第 {position} 阶段；其阶段为第 1 至第 {stages} 阶段。',
    en: 'The call has no stage {position}; its stages are 1 to {stages}.',
    fr: 'L’appel n’a pas d’étape {position} ; ses étapes vont de 1 à {stages}.',
    ru: 'У призыва нет этапа {position}; его этапы — с 1 по {stages}.',
    es: 'La convocatoria no tiene etapa {position}; sus etapas van de la 1 a la {stages}.',
  },
  REFERENCE_TAKEN: {
    ar: 'توجد دعوة أخرى تحمل المرجع {reference} بالفعل.',
    zh: '已有另一个征集使用编号 {reference}。',
    en: 'Another call already has the reference {reference}.',
    fr: 'Un autre appel porte déjà la référence {reference}.',
    ru: 'Другой призыв уже имеет номер {reference}.',
    es: 'Otra convocatoria ya tiene la referencia {reference}.',
  },
  CALL_PUBLISHED: {
    ar: 'نُشرت دفعة هذه الدعوة؛ ولم يعد بالإمكان تغيير الدعوة.',
    zh: '此征集的批次已发布，该征集不能再作更改。',
    en: 'The cohort of this call is published; the call can no longer change.',
    fr: 'La cohorte de cet appel est publiée ; l’appel ne peut plus être modifié.',
    ru: 'Когорта этого призыва опубликована; сам призыв больше нельзя изменить.',
    es: 'La cohorte de esta convocatoria está publicada; la convocatoria ya no puede modificarse.',
  },
});
