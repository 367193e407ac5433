import { DomainError, FieldError, PLATFORM_ERRORS, declareErrors } from '@app/platform/errors';

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
    super(APPLICATIONS_ERRORS.DUPLICATE_APPLICATION, 'Your organisation already has an application to this call.');
  }
}

export class OrganisationRequiredError extends DomainError {
  constructor() {
    super(APPLICATIONS_ERRORS.ORGANISATION_REQUIRED, 'Register your organisation before applying.');
  }
}

export class DeadlinePassedError extends DomainError {
  constructor(closesAt: Date) {
    super(APPLICATIONS_ERRORS.DEADLINE_PASSED, `The call closed at ${closesAt.toISOString()}.`);
  }
}

export class CallNotOpenError extends DomainError {
  constructor() {
    super(APPLICATIONS_ERRORS.CALL_NOT_OPEN, 'The call is not open for applications.');
  }
}

export class IncompleteApplicationError extends DomainError {
  constructor(errors: FieldError[]) {
    super(
      APPLICATIONS_ERRORS.INCOMPLETE_APPLICATION,
      'The application cannot be submitted until these are fixed.',
      errors,
    );
  }
}

export class NotDraftError extends DomainError {
  constructor(status: string) {
    super(PLATFORM_ERRORS.INVALID_TRANSITION, `The application is ${status}; only a draft can change.`);
  }
}

export class UnsupportedFileTypeError extends DomainError {
  constructor(accepted = 'PDF, DOCX, XLSX, PNG and JPEG files') {
    super(PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE, `Only ${accepted} are accepted (checked by content).`);
  }
}

export class FileTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super(PLATFORM_ERRORS.PAYLOAD_TOO_LARGE, `Files may be at most ${Math.floor(limitBytes / 1_048_576)} MiB.`);
  }
}

export class QuotaExceededError extends DomainError {
  constructor(message: string) {
    super(APPLICATIONS_ERRORS.QUOTA_EXCEEDED, message);
  }
}

export class EmailNotVerifiedError extends DomainError {
  constructor() {
    super(
      APPLICATIONS_ERRORS.EMAIL_NOT_VERIFIED,
      'Confirm your e-mail address (the link sent to it) before submitting; drafts may be saved meanwhile.',
    );
  }
}
