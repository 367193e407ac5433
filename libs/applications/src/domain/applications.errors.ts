import {
  DomainError,
  FieldError,
  PLATFORM_ERRORS,
  ProblemDetail,
  declareDetails,
  declareErrors,
  problemDetail,
} from '@app/platform/errors';

/** The codes applications raises, with the status and title the HTTP edge answers them with. */
export const APPLICATIONS_ERRORS = declareErrors({
  DUPLICATE_APPLICATION: {
    status: 409,
    title: {
      ar: 'سبق تقديم طلب في إطار هذه الدعوة',
      zh: '已就本征集提交申请',
      en: 'Already applied to this call',
      fr: 'Candidature déjà déposée pour cet appel',
      ru: 'Заявка на этот конкурс уже подана',
      es: 'Ya se ha presentado una solicitud a esta convocatoria',
    },
  },
  ORGANISATION_REQUIRED: {
    status: 409,
    title: {
      ar: 'يلزم وجود منظمة',
      zh: '需要一个组织',
      en: 'An organisation is required',
      fr: 'Une organisation est requise',
      ru: 'Требуется организация',
      es: 'Se requiere una organización',
    },
  },
  DEADLINE_PASSED: {
    status: 409,
    title: {
      ar: 'انقضى الموعد النهائي',
      zh: '截止日期已过',
      en: 'The deadline has passed',
      fr: 'La date limite est dépassée',
      ru: 'Срок истёк',
      es: 'El plazo ha vencido',
    },
  },
  CALL_NOT_OPEN: {
    status: 409,
    title: {
      ar: 'الدعوة غير مفتوحة',
      zh: '该征集未开放',
      en: 'The call is not open',
      fr: 'L’appel n’est pas ouvert',
      ru: 'Конкурс не открыт',
      es: 'La convocatoria no está abierta',
    },
  },
  INCOMPLETE_APPLICATION: {
    status: 422,
    title: {
      ar: 'الطلب غير مكتمل',
      zh: '申请不完整',
      en: 'The application is incomplete',
      fr: 'La candidature est incomplète',
      ru: 'Заявка не заполнена полностью',
      es: 'La solicitud está incompleta',
    },
  },
  QUOTA_EXCEEDED: {
    status: 413,
    title: {
      ar: 'تم تجاوز الحصة',
      zh: '已超出限额',
      en: 'Quota exceeded',
      fr: 'Quota dépassé',
      ru: 'Превышена квота',
      es: 'Cuota superada',
    },
  },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    title: {
      ar: 'يرجى التحقق من عنوان بريدكم الإلكتروني أولاً',
      zh: '请先验证您的电子邮件地址',
      en: 'Verify your e-mail address first',
      fr: 'Vérifiez d’abord votre adresse électronique',
      ru: 'Сначала подтвердите свой адрес электронной почты',
      es: 'Verifique primero su dirección de correo electrónico',
    },
  },
});

export class DuplicateApplicationError extends DomainError {
  constructor() {
    super(APPLICATIONS_ERRORS.DUPLICATE_APPLICATION, problemDetail(APPLICATIONS_DETAILS.DUPLICATE_APPLICATION));
  }
}

export class OrganisationRequiredError extends DomainError {
  constructor() {
    super(APPLICATIONS_ERRORS.ORGANISATION_REQUIRED, problemDetail(APPLICATIONS_DETAILS.ORGANISATION_REQUIRED));
  }
}

export class DeadlinePassedError extends DomainError {
  constructor(closesAt: Date) {
    super(
      APPLICATIONS_ERRORS.DEADLINE_PASSED,
      problemDetail(APPLICATIONS_DETAILS.DEADLINE_PASSED, { closesAt: closesAt.toISOString() }),
    );
  }
}

export class CallNotOpenError extends DomainError {
  constructor() {
    super(APPLICATIONS_ERRORS.CALL_NOT_OPEN, problemDetail(APPLICATIONS_DETAILS.CALL_NOT_OPEN));
  }
}

export class IncompleteApplicationError extends DomainError {
  constructor(errors: FieldError[]) {
    super(
      APPLICATIONS_ERRORS.INCOMPLETE_APPLICATION,
      problemDetail(APPLICATIONS_DETAILS.INCOMPLETE_APPLICATION),
      errors,
    );
  }
}

export class NotDraftError extends DomainError {
  constructor(status: string) {
    super(PLATFORM_ERRORS.INVALID_TRANSITION, problemDetail(APPLICATIONS_DETAILS.NOT_DRAFT, { status }));
  }
}

export class UnsupportedFileTypeError extends DomainError {
  constructor(accepted: 'PDF files' | 'PDF, DOCX, XLSX, PNG and JPEG files' = 'PDF, DOCX, XLSX, PNG and JPEG files') {
    super(
      PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE,
      problemDetail(APPLICATIONS_DETAILS.UNSUPPORTED_FILE_TYPE, { accepted: accepted === 'PDF files' ? 'pdf' : 'any' }),
    );
  }
}

export class FileTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super(
      PLATFORM_ERRORS.PAYLOAD_TOO_LARGE,
      problemDetail(APPLICATIONS_DETAILS.FILE_TOO_LARGE, { mebibytes: Math.floor(limitBytes / 1_048_576) }),
    );
  }
}

export class QuotaExceededError extends DomainError {
  constructor(message: string | ProblemDetail) {
    super(APPLICATIONS_ERRORS.QUOTA_EXCEEDED, message);
  }
}

export class EmailNotVerifiedError extends DomainError {
  constructor() {
    super(APPLICATIONS_ERRORS.EMAIL_NOT_VERIFIED, problemDetail(APPLICATIONS_DETAILS.EMAIL_NOT_VERIFIED));
  }
}

/** The details of this context's problems in each language (problem+json `detail`, by Accept-Language). */
export const APPLICATIONS_DETAILS = declareDetails({
  'NOT_FOUND.Application': {
    ar: 'لم يُعثر على الطلب.',
    zh: '未找到该申请。',
    en: 'Application not found.',
    fr: 'Candidature introuvable.',
    ru: 'Заявка не найдена.',
    es: 'No se ha encontrado la solicitud.',
  },
  'NOT_FOUND.Clarification request': {
    ar: 'لم يُعثر على طلب الإيضاح.',
    zh: '未找到该澄清请求。',
    en: 'Clarification request not found.',
    fr: 'Demande d’éclaircissement introuvable.',
    ru: 'Запрос разъяснений не найден.',
    es: 'No se ha encontrado la solicitud de aclaración.',
  },
  'NOT_FOUND.Document': {
    ar: 'لم يُعثر على المستند.',
    zh: '未找到该文档。',
    en: 'Document not found.',
    fr: 'Document introuvable.',
    ru: 'Документ не найден.',
    es: 'No se ha encontrado el documento.',
  },
  'NOT_FOUND.Document content': {
    ar: 'لم يُعثر على محتوى المستند.',
    zh: '未找到该文档的内容。',
    en: 'Document content not found.',
    fr: 'Contenu du document introuvable.',
    ru: 'Содержимое документа не найдено.',
    es: 'No se ha encontrado el contenido del documento.',
  },
  DUPLICATE_APPLICATION: {
    ar: 'لدى منظمتكم طلب مقدَّم بالفعل في إطار هذه الدعوة.',
    zh: '贵组织已就此征集提交过申请。',
    en: 'Your organisation already has an application to this call.',
    fr: 'Votre organisation a déjà une candidature pour cet appel.',
    ru: 'У вашей организации уже есть заявка по этому призыву.',
    es: 'Su organización ya tiene una solicitud para esta convocatoria.',
  },
  ORGANISATION_REQUIRED: {
    ar: 'يُرجى تسجيل منظمتكم قبل تقديم الطلب.',
    zh: '请先登记贵组织，然后再提交申请。',
    en: 'Register your organisation before applying.',
    fr: 'Veuillez enregistrer votre organisation avant de présenter une candidature.',
    ru: 'Прежде чем подавать заявку, зарегистрируйте свою организацию.',
    es: 'Registre su organización antes de presentar una solicitud.',
  },
  DEADLINE_PASSED: {
    ar: 'أُغلقت الدعوة في {closesAt}.',
    zh: '该征集已于 {closesAt} 截止。',
    en: 'The call closed at {closesAt}.',
    fr: 'L’appel a été clos le {closesAt}.',
    ru: 'Призыв закрыт {closesAt}.',
    es: 'La convocatoria se cerró el {closesAt}.',
  },
  CALL_NOT_OPEN: {
    ar: 'الدعوة غير مفتوحة لتلقي الطلبات.',
    zh: '该征集目前不接受申请。',
    en: 'The call is not open for applications.',
    fr: 'L’appel n’est pas ouvert aux candidatures.',
    ru: 'Приём заявок по этому призыву не открыт.',
    es: 'La convocatoria no está abierta a solicitudes.',
  },
  INCOMPLETE_APPLICATION: {
    ar: 'لا يمكن تقديم الطلب قبل تصحيح هذه النقاط.',
    zh: '须先更正以下各项，方可提交申请。',
    en: 'The application cannot be submitted until these are fixed.',
    fr: 'La candidature ne peut être soumise tant que ces points ne sont pas corrigés.',
    ru: 'Заявку нельзя подать, пока эти недочёты не исправлены.',
    es: 'La solicitud no puede presentarse hasta que se corrijan estos puntos.',
  },
  NOT_DRAFT: {
    ar: 'حالة الطلب: {status, select, submitted {مقدَّم} withdrawn {مسحوب} selected {مختار} waitlisted {على قائمة الانتظار} not_selected {غير مختار} withdrawn_from_cohort {مسحوب من الدفعة} other {{status}}}؛ ولا يمكن تغيير سوى المسودة.',
    zh: '该申请{status, select, submitted {已提交} withdrawn {已撤回} selected {已入选} waitlisted {已列入候补名单} not_selected {未入选} withdrawn_from_cohort {已从批次中撤出} other {处于“{status}”状态}}；只有草稿可以更改。',
    en: 'The application is {status}; only a draft can change.',
    fr: 'La candidature est {status, select, submitted {soumise} withdrawn {retirée} selected {retenue} waitlisted {sur liste d’attente} not_selected {non retenue} withdrawn_from_cohort {retirée de la cohorte} other {à l’état « {status} »}} ; seul un brouillon peut être modifié.',
    ru: 'Заявка {status, select, submitted {подана} withdrawn {отозвана} selected {отобрана} waitlisted {в листе ожидания} not_selected {не отобрана} withdrawn_from_cohort {исключена из когорты} other {в состоянии «{status}»}}; изменить можно только черновик.',
    es: 'La solicitud está {status, select, submitted {presentada} withdrawn {retirada} selected {seleccionada} waitlisted {en lista de espera} not_selected {no seleccionada} withdrawn_from_cohort {retirada de la cohorte} other {en estado «{status}»}}; solo un borrador puede modificarse.',
  },
  UNSUPPORTED_FILE_TYPE: {
    ar: 'لا تُقبل إلا {accepted, select, pdf {ملفات PDF} other {ملفات PDF وDOCX وXLSX وPNG وJPEG}} (يُتحقق من ذلك بحسب المحتوى).',
    zh: '仅接受{accepted, select, pdf {PDF 文件} other {PDF、DOCX、XLSX、PNG 和 JPEG 文件}}（按内容检查）。',
    en: 'Only {accepted, select, pdf {PDF files} other {PDF, DOCX, XLSX, PNG and JPEG files}} are accepted (checked by content).',
    fr: 'Seuls les fichiers {accepted, select, pdf {PDF} other {PDF, DOCX, XLSX, PNG et JPEG}} sont acceptés (vérification du contenu).',
    ru: 'Принимаются только файлы {accepted, select, pdf {PDF} other {PDF, DOCX, XLSX, PNG и JPEG}} (проверяется по содержимому).',
    es: 'Solo se aceptan archivos {accepted, select, pdf {PDF} other {PDF, DOCX, XLSX, PNG y JPEG}} (se comprueba por su contenido).',
  },
  FILE_TOO_LARGE: {
    ar: 'لا يجوز أن يتجاوز حجم الملف {mebibytes} ميبيبايت.',
    zh: '文件大小不得超过 {mebibytes} MiB。',
    en: 'Files may be at most {mebibytes} MiB.',
    fr: 'Un fichier ne peut dépasser {mebibytes} Mio.',
    ru: 'Размер файла не может превышать {mebibytes} МиБ.',
    es: 'Los archivos no pueden superar {mebibytes} MiB.',
  },
  QUOTA_COUNT: {
    ar: 'لا يجوز أن يتضمن الطلب أكثر من {maxCount, plural, zero {# مستند} one {مستند واحد} two {مستندين} few {# مستندات} many {# مستندًا} other {# مستند}}.',
    zh: '一份申请最多可包含 {maxCount, number} 个文档。',
    en: 'An application may hold at most {maxCount, plural, one {# document} other {# documents}}.',
    fr: 'Une candidature peut comporter au plus {maxCount, plural, one {# document} other {# documents}}.',
    ru: 'Заявка может содержать не более {maxCount, plural, one {# документа} few {# документов} many {# документов} other {# документа}}.',
    es: 'Una solicitud puede contener como máximo {maxCount, plural, one {# documento} other {# documentos}}.',
  },
  QUOTA_SIZE: {
    ar: 'لا يجوز أن يتجاوز الحجم الإجمالي لمستندات الطلب {amount} {unit, select, mib {ميبيبايت} other {بايت}}.',
    zh: '一份申请的文档总大小不得超过 {amount} {unit, select, mib {MiB} other {字节}}。',
    en: "An application's documents may take at most {amount} {unit, select, mib {MiB} other {bytes}} in all.",
    fr: 'Les documents d’une candidature ne peuvent dépasser {amount} {unit, select, mib {Mio} other {octets}} au total.',
    ru: 'Общий объём документов заявки не может превышать {amount} {unit, select, mib {МиБ} other {байт}}.',
    es: 'Los documentos de una solicitud no pueden ocupar más de {amount} {unit, select, mib {MiB} other {bytes}} en total.',
  },
  EMAIL_NOT_VERIFIED: {
    ar: 'يُرجى تأكيد عنوان بريدكم الإلكتروني (عبر الرابط المرسل إليه) قبل التقديم؛ ويمكن في الأثناء حفظ المسودات.',
    zh: '提交前请先确认您的电子邮件地址（点击发送至该地址的链接）；在此期间可以保存草稿。',
    en: 'Confirm your e-mail address (the link sent to it) before submitting; drafts may be saved meanwhile.',
    fr: 'Veuillez confirmer votre adresse électronique (au moyen du lien qui lui a été envoyé) avant de soumettre ; les brouillons peuvent être enregistrés entre-temps.',
    ru: 'Перед подачей подтвердите свой адрес электронной почты (по ссылке, отправленной на него); тем временем черновики можно сохранять.',
    es: 'Confirme su dirección de correo electrónico (mediante el enlace que se le envió) antes de presentar la solicitud; mientras tanto, puede guardar borradores.',
  },
  APPLICATIONS_NOT_IN_CALL: {
    ar: 'بعض الطلبات ليست من طلبات هذه الدعوة؛ ولم يُغيَّر شيء.',
    zh: '部分申请不属于此征集；未作任何更改。',
    en: 'Some applications are not applications of this call; nothing was changed.',
    fr: 'Certaines candidatures ne relèvent pas de cet appel ; rien n’a été modifié.',
    ru: 'Некоторые заявки не относятся к этому призыву; ничего не изменено.',
    es: 'Algunas solicitudes no pertenecen a esta convocatoria; no se ha modificado nada.',
  },
  APPLICATIONS_NOT_SUBMITTED: {
    ar: 'بعض الطلبات لم تُقدَّم، فلا يُتخذ بشأنها قرار أهلية؛ ولم يُغيَّر شيء.',
    zh: '部分申请尚未提交，因此不能对其作出资格决定；未作任何更改。',
    en: 'Some applications are not submitted, so they take no eligibility decision; nothing was changed.',
    fr: 'Certaines candidatures ne sont pas soumises et ne peuvent donc faire l’objet d’une décision d’éligibilité ; rien n’a été modifié.',
    ru: 'Некоторые заявки не поданы, поэтому решение о соответствии по ним не принимается; ничего не изменено.',
    es: 'Algunas solicitudes no se han presentado, por lo que no admiten una decisión de admisibilidad; no se ha modificado nada.',
  },
  CLARIFICATION_EXPIRED: {
    ar: 'كانت الإجابات تُقبل حتى {replyBy}.',
    zh: '答复截止时间为 {replyBy}。',
    en: 'Answers were accepted until {replyBy}.',
    fr: 'Les réponses étaient acceptées jusqu’au {replyBy}.',
    ru: 'Ответы принимались до {replyBy}.',
    es: 'Las respuestas se aceptaban hasta el {replyBy}.',
  },
  APPLICANT_ONLY: {
    ar: 'لا يجوز تغييره إلا للمنظمة مقدِّمة الطلب.',
    zh: '只有申请组织才能更改此申请。',
    en: 'Only the applicant organisation can change it.',
    fr: 'Seule l’organisation candidate peut la modifier.',
    ru: 'Изменять её может только организация-заявитель.',
    es: 'Solo la organización solicitante puede modificarla.',
  },
});
