import { DomainError, PLATFORM_ERRORS, declareErrors } from '@app/platform/errors';

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
    super(CALLS_ERRORS.STAGE_NOT_FOUND, `The call has no stage ${position}; its stages are 1 to ${stages}.`);
  }
}

export class ReferenceTakenError extends DomainError {
  constructor(reference: string) {
    super(CALLS_ERRORS.REFERENCE_TAKEN, `Another call already has the reference ${reference}.`);
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
    super(PLATFORM_ERRORS.COHORT_PUBLISHED, 'The cohort of this call is published; the call can no longer change.');
  }
}

/** "a", "a and b", "a, b and c". */
function inWords(items: string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
