import { DomainError, declareErrors, problemDetail } from '@app/platform/errors';
import { IDENTITY_DETAILS } from './identity.errors';

/**
 * The codes of single sign-on. The browser leg (start, callback) sends the reader back to the
 * sign-in page with `?ssoError=<code>`, which the web app shows translated; the API calls answer
 * them as problem+json.
 */
export const SSO_ERRORS = declareErrors({
  SSO_NOT_CONFIGURED: {
    status: 404,
    title: {
      ar: 'لم تُهيّأ خدمة الدخول الموحّد',
      zh: '未配置单点登录',
      en: 'Single sign-on is not configured',
      fr: 'L’authentification unique n’est pas configurée',
      ru: 'Единый вход не настроен',
      es: 'El inicio de sesión único no está configurado',
    },
  },
  SSO_STATE_INVALID: {
    status: 400,
    title: {
      ar: 'محاولة تسجيل الدخول غير معروفة أو انتهت صلاحيتها',
      zh: '登录尝试未知或已过期',
      en: 'The sign-in attempt is unknown or has expired',
      fr: 'La tentative de connexion est inconnue ou a expiré',
      ru: 'Попытка входа неизвестна или истекла',
      es: 'El intento de inicio de sesión es desconocido o ha caducado',
    },
  },
  SSO_REJECTED: {
    status: 401,
    title: {
      ar: 'رُفض رد مقدّم خدمة الهوية',
      zh: '身份提供方的答复被拒绝',
      en: 'The identity provider’s answer was refused',
      fr: 'La réponse du fournisseur d’identité a été refusée',
      ru: 'Ответ поставщика удостоверений отклонён',
      es: 'Se ha rechazado la respuesta del proveedor de identidad',
    },
  },
  SSO_EMAIL_MISSING: {
    status: 401,
    title: {
      ar: 'لم يقدّم مقدّم خدمة الهوية أي عنوان بريد إلكتروني',
      zh: '身份提供方未提供电子邮件地址',
      en: 'The identity provider gave no e-mail address',
      fr: 'Le fournisseur d’identité n’a transmis aucune adresse électronique',
      ru: 'Поставщик удостоверений не предоставил адрес электронной почты',
      es: 'El proveedor de identidad no ha facilitado ninguna dirección de correo electrónico',
    },
  },
  SSO_EMAIL_UNVERIFIED: {
    status: 409,
    title: {
      ar: 'لم يتحقق مقدّم خدمة الهوية من عنوان البريد الإلكتروني',
      zh: '身份提供方未验证该电子邮件地址',
      en: 'The e-mail address is not verified by the identity provider',
      fr: 'L’adresse électronique n’est pas vérifiée par le fournisseur d’identité',
      ru: 'Адрес электронной почты не подтверждён поставщиком удостоверений',
      es: 'El proveedor de identidad no ha verificado la dirección de correo electrónico',
    },
  },
  SSO_ACCOUNT_DISABLED: {
    status: 403,
    title: {
      ar: 'الحساب معطّل',
      zh: '该账户已停用',
      en: 'The account is deactivated',
      fr: 'Le compte est désactivé',
      ru: 'Учётная запись деактивирована',
      es: 'La cuenta está desactivada',
    },
  },
  SSO_UNAVAILABLE: {
    status: 503,
    title: {
      ar: 'يتعذر الوصول إلى مقدّم خدمة الهوية',
      zh: '无法连接身份提供方',
      en: 'The identity provider cannot be reached',
      fr: 'Le fournisseur d’identité est injoignable',
      ru: 'Поставщик удостоверений недоступен',
      es: 'No se puede contactar con el proveedor de identidad',
    },
  },
  SSO_CODE_INVALID: {
    status: 401,
    title: {
      ar: 'رمز تسجيل الدخول غير معروف أو منتهي الصلاحية أو سبق استخدامه',
      zh: '登录代码未知、已过期或已被使用',
      en: 'The sign-in code is unknown, expired or already used',
      fr: 'Le code de connexion est inconnu, expiré ou déjà utilisé',
      ru: 'Код входа неизвестен, истёк или уже использован',
      es: 'El código de inicio de sesión es desconocido, ha caducado o ya se ha utilizado',
    },
  },
});

export class SsoNotConfiguredError extends DomainError {
  constructor() {
    super(SSO_ERRORS.SSO_NOT_CONFIGURED, problemDetail(IDENTITY_DETAILS.SSO_NOT_CONFIGURED));
  }
}

export class SsoStateInvalidError extends DomainError {
  constructor() {
    super(SSO_ERRORS.SSO_STATE_INVALID, problemDetail(IDENTITY_DETAILS.SSO_STATE_INVALID));
  }
}

export class SsoRejectedError extends DomainError {
  constructor(reason: string) {
    super(SSO_ERRORS.SSO_REJECTED, `The identity provider's answer was refused: ${reason}`);
  }
}

export class SsoEmailMissingError extends DomainError {
  constructor(claim: string) {
    super(SSO_ERRORS.SSO_EMAIL_MISSING, problemDetail(IDENTITY_DETAILS.SSO_EMAIL_MISSING, { claim }));
  }
}

export class SsoEmailUnverifiedError extends DomainError {
  constructor() {
    super(SSO_ERRORS.SSO_EMAIL_UNVERIFIED, problemDetail(IDENTITY_DETAILS.SSO_EMAIL_UNVERIFIED));
  }
}

export class SsoAccountDisabledError extends DomainError {
  constructor() {
    super(SSO_ERRORS.SSO_ACCOUNT_DISABLED, problemDetail(IDENTITY_DETAILS.SSO_ACCOUNT_DISABLED));
  }
}

export class SsoUnavailableError extends DomainError {
  constructor() {
    super(SSO_ERRORS.SSO_UNAVAILABLE, problemDetail(IDENTITY_DETAILS.SSO_UNAVAILABLE));
  }
}

export class SsoCodeInvalidError extends DomainError {
  constructor() {
    super(SSO_ERRORS.SSO_CODE_INVALID, problemDetail(IDENTITY_DETAILS.SSO_CODE_INVALID));
  }
}

/** The code of a refusal of single sign-on, or null for any other error. */
export function ssoErrorCode(error: unknown): string | null {
  if (!(error instanceof DomainError)) return null;
  const code = String(error.code);
  return code in SSO_ERRORS ? code : null;
}
