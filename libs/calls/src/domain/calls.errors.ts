import { DomainError, PLATFORM_ERRORS, declareDetails, declareErrors, problemDetail } from '@app/platform/errors';
import type { CallKind } from './call';

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
  WRONG_CALL_KIND: {
    status: 409,
    title: {
      ar: 'لا ينطبق هذا الإجراء على هذا النوع من الدعوات',
      zh: '此操作不适用于此类征集',
      en: 'Not for this kind of call',
      fr: 'Sans objet pour ce type d’appel',
      ru: 'Неприменимо к призыву этого вида',
      es: 'No procede para este tipo de convocatoria',
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

/** A circular's subject or body names a figure its letter does not fill in: the detail names the first, counts the others. */
export class UnknownPlaceholderError extends DomainError {
  constructor(readonly problems: Array<{ field: string; placeholder: string; allowed: readonly string[] }>) {
    const [first] = problems;
    super(
      CALLS_ERRORS.UNKNOWN_PLACEHOLDER,
      problemDetail(CALLS_DETAILS.UNKNOWN_PLACEHOLDER, {
        field: first.field,
        placeholder: `{${first.placeholder}}`,
        allowed: first.allowed.map((a) => `{${a}}`).join(', '),
        others: problems.length - 1,
      }),
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

/** A change of a field the call's status no longer lets change: the fields that may, and those refused. */
export class FieldLockedError extends DomainError {
  constructor(status: string, allowed: string[], fields: string[]) {
    super(
      CALLS_ERRORS.FIELD_LOCKED,
      problemDetail(CALLS_DETAILS.FIELD_LOCKED, {
        status,
        count: allowed.length,
        others: allowed.slice(0, -1).join(', '),
        last: allowed[allowed.length - 1] ?? '',
        fields: fields.join(', '),
      }),
    );
  }
}

/** What only a call of the other kind has: a registration call is not evaluated, a selection call's replies are not confirmed. */
export class WrongCallKindError extends DomainError {
  constructor(kind: CallKind) {
    super(CALLS_ERRORS.WRONG_CALL_KIND, problemDetail(CALLS_DETAILS.WRONG_CALL_KIND, { kind }));
  }
}

/** 409 WRONG_CALL_KIND unless the call is of this kind. */
export function assertCallKind(call: { kind: CallKind }, kind: CallKind): void {
  if (call.kind !== kind) throw new WrongCallKindError(call.kind);
}

export class CallPublishedError extends DomainError {
  constructor() {
    super(PLATFORM_ERRORS.COHORT_PUBLISHED, problemDetail(CALLS_DETAILS.CALL_PUBLISHED));
  }
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
  WRONG_CALL_KIND: {
    ar: '{kind, select, registration {هذه دعوة تسجيل: لا تُقيَّم ولا تُرتَّب، ويؤكد الأمانة الردود عليها أو يرفضها.} other {هذه دعوة اختيار: تُقيَّم الطلبات وتُرتَّب، ولا تؤكَّد الردود.}}',
    zh: '{kind, select, registration {这是登记类征集：不作评审和排名，由秘书处确认或拒绝答复。} other {这是遴选类征集：申请经评审和排名，答复不作确认。}}',
    en: '{kind, select, registration {This is a registration call: it is not evaluated or ranked; the secretariat confirms or declines its replies.} other {This is a selection call: its applications are evaluated and ranked, not confirmed.}}',
    fr: '{kind, select, registration {Cet appel est un appel à inscription : il n’est ni évalué ni classé ; le secrétariat confirme ou décline les réponses.} other {Cet appel est un appel à sélection : ses candidatures sont évaluées et classées, non confirmées.}}',
    ru: '{kind, select, registration {Это призыв к регистрации: он не оценивается и не ранжируется; секретариат подтверждает или отклоняет ответы.} other {Это призыв к отбору: заявки оцениваются и ранжируются, а не подтверждаются.}}',
    es: '{kind, select, registration {Esta es una convocatoria de inscripción: no se evalúa ni se clasifica; la secretaría confirma o rechaza las respuestas.} other {Esta es una convocatoria de selección: sus candidaturas se evalúan y clasifican, no se confirman.}}',
  },
  CALL_PUBLISHED: {
    ar: 'نُشرت دفعة هذه الدعوة؛ ولم يعد بالإمكان تغيير الدعوة.',
    zh: '此征集的批次已发布，该征集不能再作更改。',
    en: 'The cohort of this call is published; the call can no longer change.',
    fr: 'La cohorte de cet appel est publiée ; l’appel ne peut plus être modifié.',
    ru: 'Когорта этого призыва опубликована; сам призыв больше нельзя изменить.',
    es: 'La cohorte de esta convocatoria está publicada; la convocatoria ya no puede modificarse.',
  },
  FIELD_LOCKED: {
    ar: 'في دعوة {status, select, draft {في مرحلة المسودة} open {مفتوحة} closed {مغلقة} reviewing {قيد الاستعراض} published {منشورة} archived {مؤرشفة} other {في الحالة «{status}»}}، {count, plural, =1 {لا يمكن تغيير سوى الحقل {last}} other {لا يمكن تغيير سوى الحقول {others} و{last}}}؛ ولا يُقبل تغيير {fields}.',
    zh: '在{status, select, draft {草稿状态} open {开放} closed {已截止} reviewing {评审中} published {已发布} archived {已归档} other {处于“{status}”状态}}的征集中，只能更改{count, plural, =1 {字段 {last}} other {字段 {others} 和 {last}}}；不能更改 {fields}。',
    en: 'In a call that is {status}, only {count, plural, =1 {{last}} other {{others} and {last}}} can change; not {fields}.',
    fr: 'Dans un appel {status, select, draft {en brouillon} open {ouvert} closed {clôturé} reviewing {en cours d’examen} published {publié} archived {archivé} other {au statut « {status} »}}, {count, plural, =1 {seul le champ {last} peut être modifié} other {seuls les champs {others} et {last} peuvent être modifiés}} ; la modification de {fields} n’est pas admise.',
    ru: 'В призыве в статусе «{status, select, draft {черновик} open {открыт} closed {закрыт} reviewing {на рассмотрении} published {опубликован} archived {в архиве} other {{status}}}» можно изменять только {count, plural, =1 {поле {last}} other {поля {others} и {last}}}; изменение полей {fields} не допускается.',
    es: 'En una convocatoria {status, select, draft {en borrador} open {abierta} closed {cerrada} reviewing {en evaluación} published {publicada} archived {archivada} other {en estado «{status}»}}, {count, plural, =1 {solo puede modificarse el campo {last}} other {solo pueden modificarse los campos {others} y {last}}}; no se admiten cambios en {fields}.',
  },
  UNKNOWN_PLACEHOLDER: {
    ar: 'يتضمن النص {field} العنصر النائب {placeholder}، ولا يجوز أن يتضمن إلا {allowed}{others, plural, =0 {} one {؛ ويتضمن نص آخر عنصرًا نائبًا غير معروف أيضًا} two {؛ ويتضمن نصان آخران عناصر نائبة غير معروفة أيضًا} few {؛ ويتضمن # نصوص أخرى عناصر نائبة غير معروفة أيضًا} many {؛ ويتضمن # نصًا آخر عناصر نائبة غير معروفة أيضًا} other {؛ ويتضمن # نص آخر عناصر نائبة غير معروفة أيضًا}}.',
    zh: '文本 {field} 含有 {placeholder}；该文本只能含有 {allowed}{others, plural, =0 {} other {；另有 # 个文本也含有未知占位符}}。',
    en: '{field} names {placeholder}; it may name {allowed}{others, plural, =0 {} one {; # other text names an unknown placeholder too} other {; # other texts name unknown placeholders too}}.',
    fr: 'Le texte {field} contient {placeholder} ; seuls {allowed} peuvent y figurer{others, plural, =0 {} one { ; # autre texte contient aussi un champ à remplir inconnu} other { ; # autres textes contiennent aussi des champs à remplir inconnus}}.',
    ru: 'Текст {field} содержит {placeholder}; в нём допустимы только {allowed}{others, plural, =0 {} one {; ещё # текст содержит неизвестный заполнитель} few {; ещё # текста содержат неизвестные заполнители} many {; ещё # текстов содержат неизвестные заполнители} other {; ещё # текста содержат неизвестные заполнители}}.',
    es: 'El texto {field} contiene {placeholder}; solo puede contener {allowed}{others, plural, =0 {} one {; # texto más contiene también un marcador de posición desconocido} other {; # textos más contienen también marcadores de posición desconocidos}}.',
  },
});
