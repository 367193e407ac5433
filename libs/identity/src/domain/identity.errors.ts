import {
  DomainError,
  PLATFORM_ERRORS,
  ProblemDetail,
  declareDetails,
  declareErrors,
  problemDetail,
} from '@app/platform/errors';

/** The codes identity raises, with the status and title the HTTP edge answers them with. */
export const IDENTITY_ERRORS = declareErrors({
  EMAIL_TAKEN: {
    status: 409,
    title: {
      ar: 'عنوان البريد الإلكتروني مسجل بالفعل',
      zh: '该电子邮件地址已注册',
      en: 'E-mail already registered',
      fr: 'Adresse électronique déjà enregistrée',
      ru: 'Адрес электронной почты уже зарегистрирован',
      es: 'Dirección de correo electrónico ya registrada',
    },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    title: {
      ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة',
      zh: '电子邮件地址或密码不正确',
      en: 'Wrong e-mail or password',
      fr: 'Adresse électronique ou mot de passe incorrect',
      ru: 'Неверный адрес электронной почты или пароль',
      es: 'Correo electrónico o contraseña incorrectos',
    },
  },
  INVALID_REFRESH_TOKEN: {
    status: 401,
    title: {
      ar: 'انتهت صلاحية الجلسة',
      zh: '会话已过期',
      en: 'The session has expired',
      fr: 'La session a expiré',
      ru: 'Срок действия сеанса истёк',
      es: 'La sesión ha caducado',
    },
  },
  ORGANISATION_EXISTS: {
    status: 409,
    title: {
      ar: 'عضو بالفعل في منظمة',
      zh: '已是某一组织的成员',
      en: 'Already member of an organisation',
      fr: 'Déjà membre d’une organisation',
      ru: 'Уже является членом организации',
      es: 'Ya es miembro de una organización',
    },
  },
  LINK_INVALID: {
    status: 400,
    title: {
      ar: 'هذا الرابط غير صالح',
      zh: '此链接无效',
      en: 'This link is not valid',
      fr: 'Ce lien n’est pas valide',
      ru: 'Эта ссылка недействительна',
      es: 'Este enlace no es válido',
    },
  },
  LINK_EXPIRED: {
    status: 410,
    title: {
      ar: 'انتهت صلاحية هذا الرابط',
      zh: '此链接已过期',
      en: 'This link has expired',
      fr: 'Ce lien a expiré',
      ru: 'Срок действия этой ссылки истёк',
      es: 'Este enlace ha caducado',
    },
  },
  LINK_USED: {
    status: 410,
    title: {
      ar: 'سبق استخدام هذا الرابط',
      zh: '此链接已被使用',
      en: 'This link has already been used',
      fr: 'Ce lien a déjà été utilisé',
      ru: 'Эта ссылка уже использована',
      es: 'Este enlace ya se ha utilizado',
    },
  },
  LINK_REVOKED: {
    status: 410,
    title: {
      ar: 'سُحب هذا الرابط',
      zh: '此链接已被撤回',
      en: 'This link has been withdrawn',
      fr: 'Ce lien a été retiré',
      ru: 'Эта ссылка отозвана',
      es: 'Este enlace ha sido retirado',
    },
  },
  LINK_WRONG_USER: {
    status: 403,
    title: {
      ar: 'أُرسل هذا الرابط إلى حساب آخر',
      zh: '此链接已发送至另一账户',
      en: 'This link was sent to another account',
      fr: 'Ce lien a été envoyé à un autre compte',
      ru: 'Эта ссылка была отправлена на другую учётную запись',
      es: 'Este enlace se envió a otra cuenta',
    },
  },
  WRONG_PASSWORD: {
    status: 400,
    title: {
      ar: 'كلمة المرور الحالية غير صحيحة',
      zh: '当前密码不正确',
      en: 'The current password is wrong',
      fr: 'Le mot de passe actuel est incorrect',
      ru: 'Текущий пароль неверен',
      es: 'La contraseña actual es incorrecta',
    },
  },
  INVITATION_NOT_PENDING: {
    status: 409,
    title: {
      ar: 'لم تعد الدعوة معلّقة',
      zh: '该邀请已不再处于待处理状态',
      en: 'The invitation is no longer pending',
      fr: 'L’invitation n’est plus en attente',
      ru: 'Приглашение больше не ожидает ответа',
      es: 'La invitación ya no está pendiente',
    },
  },
});

export class EmailTakenError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.EMAIL_TAKEN, problemDetail(IDENTITY_DETAILS.EMAIL_TAKEN));
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.INVALID_CREDENTIALS, problemDetail(IDENTITY_DETAILS.INVALID_CREDENTIALS));
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.INVALID_REFRESH_TOKEN, problemDetail(IDENTITY_DETAILS.INVALID_REFRESH_TOKEN));
  }
}

export class OrganisationExistsError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.ORGANISATION_EXISTS, problemDetail(IDENTITY_DETAILS.ORGANISATION_EXISTS));
  }
}

export class LinkInvalidError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.LINK_INVALID, problemDetail(IDENTITY_DETAILS.LINK_INVALID));
  }
}

export class LinkExpiredError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.LINK_EXPIRED, problemDetail(IDENTITY_DETAILS.LINK_EXPIRED));
  }
}

export class LinkUsedError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.LINK_USED, problemDetail(IDENTITY_DETAILS.LINK_USED));
  }
}

export class LinkRevokedError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.LINK_REVOKED, problemDetail(IDENTITY_DETAILS.LINK_REVOKED));
  }
}

export class LinkWrongUserError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.LINK_WRONG_USER, problemDetail(IDENTITY_DETAILS.LINK_WRONG_USER));
  }
}

export class WrongPasswordError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.WRONG_PASSWORD, problemDetail(IDENTITY_DETAILS.WRONG_PASSWORD));
  }
}

export class InvitationNotPendingError extends DomainError {
  constructor(status: string) {
    super(IDENTITY_ERRORS.INVITATION_NOT_PENDING, problemDetail(IDENTITY_DETAILS.INVITATION_NOT_PENDING, { status }));
  }
}

export class UnknownCountryError extends DomainError {
  constructor(field: string, code: string) {
    super(PLATFORM_ERRORS.VALIDATION_FAILED, problemDetail(IDENTITY_DETAILS.UNKNOWN_COUNTRY, { code }), [
      { field, message: `${field} must be an ISO 3166-1 alpha-2 code of an ITU Member State or observer` },
    ]);
  }
}

/** A refusal the client may retry after the given time; the HTTP edge sends it as Retry-After. */
export class RetryLaterError extends DomainError {
  constructor(
    code: typeof PLATFORM_ERRORS.RATE_LIMITED | typeof PLATFORM_ERRORS.SERVICE_UNAVAILABLE,
    message: string | ProblemDetail,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

export class TooManySignInAttemptsError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super(
      PLATFORM_ERRORS.RATE_LIMITED,
      problemDetail(IDENTITY_DETAILS.TOO_MANY_SIGN_IN_ATTEMPTS, { seconds: retryAfterSeconds }),
      retryAfterSeconds,
    );
  }
}

/** Too many link e-mails (password resets, invitation resends) for one address or from one client. */
export class TooManyLinkRequestsError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super(
      PLATFORM_ERRORS.RATE_LIMITED,
      problemDetail(IDENTITY_DETAILS.TOO_MANY_LINK_REQUESTS, { seconds: retryAfterSeconds }),
      retryAfterSeconds,
    );
  }
}

/** More passwords are waiting to be hashed or checked than the process takes on. */
export class PasswordChecksBusyError extends RetryLaterError {
  constructor() {
    super(PLATFORM_ERRORS.RATE_LIMITED, problemDetail(IDENTITY_DETAILS.PASSWORD_CHECKS_BUSY), 1);
  }
}

/** The store of sign-in counters (Redis) does not answer: sign-in waits rather than goes unlimited. */
export class SignInUnavailableError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super(PLATFORM_ERRORS.SERVICE_UNAVAILABLE, problemDetail(IDENTITY_DETAILS.SIGN_IN_UNAVAILABLE), retryAfterSeconds);
  }
}

/** The details of this context's problems in each language (problem+json `detail`, by Accept-Language). */
export const IDENTITY_DETAILS = declareDetails({
  'NOT_FOUND.API token': {
    ar: 'لم يُعثر على رمز API.',
    zh: '未找到该 API 令牌。',
    en: 'API token not found.',
    fr: 'Jeton d’API introuvable.',
    ru: 'Токен API не найден.',
    es: 'No se ha encontrado el token de API.',
  },
  'NOT_FOUND.Invitation': {
    ar: 'لم يُعثر على دعوة الانضمام.',
    zh: '未找到该邀请。',
    en: 'Invitation not found.',
    fr: 'Invitation introuvable.',
    ru: 'Приглашение не найдено.',
    es: 'No se ha encontrado la invitación.',
  },
  'NOT_FOUND.Organisation': {
    ar: 'لم يُعثر على المنظمة.',
    zh: '未找到该组织。',
    en: 'Organisation not found.',
    fr: 'Organisation introuvable.',
    ru: 'Организация не найдена.',
    es: 'No se ha encontrado la organización.',
  },
  'NOT_FOUND.Session': {
    ar: 'لم يُعثر على الجلسة.',
    zh: '未找到该会话。',
    en: 'Session not found.',
    fr: 'Session introuvable.',
    ru: 'Сеанс не найден.',
    es: 'No se ha encontrado la sesión.',
  },
  'NOT_FOUND.User': {
    ar: 'لم يُعثر على المستخدم.',
    zh: '未找到该用户。',
    en: 'User not found.',
    fr: 'Utilisateur introuvable.',
    ru: 'Пользователь не найден.',
    es: 'No se ha encontrado el usuario.',
  },
  EMAIL_TAKEN: {
    ar: 'يوجد بالفعل حساب بعنوان البريد الإلكتروني هذا.',
    zh: '已存在使用此电子邮件地址的账户。',
    en: 'An account with this e-mail address already exists.',
    fr: 'Un compte existe déjà avec cette adresse électronique.',
    ru: 'Учётная запись с этим адресом электронной почты уже существует.',
    es: 'Ya existe una cuenta con esta dirección de correo electrónico.',
  },
  INVALID_CREDENTIALS: {
    ar: 'عنوان البريد الإلكتروني أو كلمة المرور غير صحيحة.',
    zh: '电子邮件地址或密码不正确。',
    en: 'The e-mail address or password is wrong.',
    fr: 'L’adresse électronique ou le mot de passe est incorrect.',
    ru: 'Неверный адрес электронной почты или пароль.',
    es: 'La dirección de correo electrónico o la contraseña son incorrectas.',
  },
  INVALID_REFRESH_TOKEN: {
    ar: 'رمز التحديث غير معروف أو منتهي الصلاحية أو سبق استخدامه؛ يُرجى تسجيل الدخول مجددًا.',
    zh: '刷新令牌未知、已过期或已被使用；请重新登录。',
    en: 'The refresh token is unknown, expired or already used; sign in again.',
    fr: 'Le jeton de renouvellement est inconnu, expiré ou déjà utilisé ; veuillez vous reconnecter.',
    ru: 'Токен обновления неизвестен, истёк или уже использован; войдите снова.',
    es: 'El token de renovación es desconocido, ha caducado o ya se ha utilizado; inicie sesión de nuevo.',
  },
  ORGANISATION_EXISTS: {
    ar: 'أنتم تنتمون بالفعل إلى منظمة.',
    zh: '您已隶属于一个组织。',
    en: 'You already belong to an organisation.',
    fr: 'Vous appartenez déjà à une organisation.',
    ru: 'Вы уже состоите в организации.',
    es: 'Usted ya pertenece a una organización.',
  },
  LINK_INVALID: {
    ar: 'الرابط غير معروف أو غير مخصص لهذه الصفحة؛ يُرجى طلب رابط جديد.',
    zh: '该链接未知或不适用于此页面；请申请新的链接。',
    en: 'The link is unknown or not meant for this page; ask for a new one.',
    fr: 'Le lien est inconnu ou n’est pas destiné à cette page ; veuillez en demander un nouveau.',
    ru: 'Ссылка неизвестна или не предназначена для этой страницы; запросите новую.',
    es: 'El enlace es desconocido o no corresponde a esta página; solicite uno nuevo.',
  },
  LINK_EXPIRED: {
    ar: 'انتهت صلاحية الرابط؛ يُرجى طلب رابط جديد.',
    zh: '该链接已过期；请申请新的链接。',
    en: 'The link has expired; ask for a new one.',
    fr: 'Le lien a expiré ; veuillez en demander un nouveau.',
    ru: 'Срок действия ссылки истёк; запросите новую.',
    es: 'El enlace ha caducado; solicite uno nuevo.',
  },
  LINK_USED: {
    ar: 'سبق استخدام الرابط؛ فالرابط لا يصلح إلا مرة واحدة.',
    zh: '该链接已被使用；每个链接只能使用一次。',
    en: 'The link has already been used; a link works once.',
    fr: 'Le lien a déjà été utilisé ; un lien ne sert qu’une fois.',
    ru: 'Ссылка уже использована; каждая ссылка действует один раз.',
    es: 'El enlace ya se ha utilizado; cada enlace sirve una sola vez.',
  },
  LINK_REVOKED: {
    ar: 'سُحب الرابط أو استُعيض عنه برابط أحدث.',
    zh: '该链接已被撤回或已由更新的链接取代。',
    en: 'The link has been withdrawn or replaced by a newer one.',
    fr: 'Le lien a été retiré ou remplacé par un lien plus récent.',
    ru: 'Ссылка отозвана или заменена более новой.',
    es: 'El enlace se ha retirado o se ha sustituido por otro más reciente.',
  },
  LINK_WRONG_USER: {
    ar: 'أُرسل الرابط إلى حساب غير الحساب المسجَّل دخوله.',
    zh: '该链接发送给的账户并非当前登录的账户。',
    en: 'The link was sent to another account than the one signed in.',
    fr: 'Le lien a été envoyé à un autre compte que celui qui est connecté.',
    ru: 'Ссылка была отправлена не той учётной записи, под которой выполнен вход.',
    es: 'El enlace se envió a una cuenta distinta de la que ha iniciado sesión.',
  },
  WRONG_PASSWORD: {
    ar: 'كلمة المرور الحالية غير صحيحة؛ ولم تُغيَّر كلمة المرور.',
    zh: '当前密码不正确；密码未更改。',
    en: 'The current password is wrong; the password was not changed.',
    fr: 'Le mot de passe actuel est incorrect ; le mot de passe n’a pas été modifié.',
    ru: 'Текущий пароль неверен; пароль не изменён.',
    es: 'La contraseña actual es incorrecta; no se ha cambiado la contraseña.',
  },
  PASSWORD_CHECKS_BUSY: {
    ar: 'يجري التحقق من عدد كبير جدًا من كلمات المرور في آن واحد؛ يُرجى المحاولة مجددًا بعد ثانية.',
    zh: '同时校验的密码过多；请一秒后重试。',
    en: 'Too many passwords are being checked at once; try again in a second.',
    fr: 'Trop de mots de passe sont en cours de vérification ; veuillez réessayer dans une seconde.',
    ru: 'Одновременно проверяется слишком много паролей; повторите попытку через секунду.',
    es: 'Se están comprobando demasiadas contraseñas a la vez; vuelva a intentarlo dentro de un segundo.',
  },
  INVITATION_NOT_PENDING: {
    ar: 'دعوة الانضمام {status, select, accepted {مقبولة} revoked {ملغاة} expired {منتهية الصلاحية} other {في الحالة «{status}»}}؛ ولا يمكن تغيير سوى دعوة معلّقة.',
    zh: '该邀请{status, select, accepted {已被接受} revoked {已被撤销} expired {已过期} other {处于“{status}”状态}}；只有待处理的邀请可以更改。',
    en: 'The invitation is {status}; only a pending invitation can change.',
    fr: 'L’invitation est {status, select, accepted {acceptée} revoked {révoquée} expired {expirée} other {à l’état « {status} »}} ; seule une invitation en attente peut être modifiée.',
    ru: 'Приглашение {status, select, accepted {принято} revoked {отозвано} expired {истекло} other {в состоянии «{status}»}}; изменить можно только ожидающее приглашение.',
    es: 'La invitación está {status, select, accepted {aceptada} revoked {revocada} expired {caducada} other {en estado «{status}»}}; solo puede modificarse una invitación pendiente.',
  },
  UNKNOWN_COUNTRY: {
    ar: 'رمز البلد {code} غير معروف.',
    zh: '未知的国家代码 {code}。',
    en: 'Unknown country code {code}.',
    fr: 'Code de pays inconnu : {code}.',
    ru: 'Неизвестный код страны: {code}.',
    es: 'Código de país desconocido: {code}.',
  },
  TOO_MANY_SIGN_IN_ATTEMPTS: {
    ar: 'محاولات تسجيل الدخول كثيرة جدًا؛ يُرجى المحاولة مجددًا بعد {seconds, plural, zero {# ثانية} one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}.',
    zh: '登录尝试次数过多；请在 {seconds, number} 秒后重试。',
    en: 'Too many sign-in attempts; try again in {seconds, plural, one {# second} other {# seconds}}.',
    fr: 'Trop de tentatives de connexion ; veuillez réessayer dans {seconds, plural, one {# seconde} other {# secondes}}.',
    ru: 'Слишком много попыток входа; повторите попытку через {seconds, plural, one {# секунду} few {# секунды} many {# секунд} other {# секунды}}.',
    es: 'Demasiados intentos de inicio de sesión; vuelva a intentarlo dentro de {seconds, plural, one {# segundo} other {# segundos}}.',
  },
  TOO_MANY_LINK_REQUESTS: {
    ar: 'طُلب عدد كبير جدًا من رسائل الروابط؛ يُرجى المحاولة مجددًا بعد {seconds, plural, zero {# ثانية} one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}.',
    zh: '申请发送链接邮件的次数过多；请在 {seconds, number} 秒后重试。',
    en: 'Too many link e-mails were asked for; try again in {seconds, plural, one {# second} other {# seconds}}.',
    fr: 'Trop de courriels contenant un lien ont été demandés ; veuillez réessayer dans {seconds, plural, one {# seconde} other {# secondes}}.',
    ru: 'Запрошено слишком много писем со ссылками; повторите попытку через {seconds, plural, one {# секунду} few {# секунды} many {# секунд} other {# секунды}}.',
    es: 'Se han solicitado demasiados correos con enlaces; vuelva a intentarlo dentro de {seconds, plural, one {# segundo} other {# segundos}}.',
  },
  SIGN_IN_UNAVAILABLE: {
    ar: 'تسجيل الدخول غير متاح مؤقتًا؛ يُرجى المحاولة مجددًا بعد قليل.',
    zh: '登录暂时不可用；请稍后重试。',
    en: 'Sign-in is unavailable for a moment; try again shortly.',
    fr: 'La connexion est momentanément indisponible ; veuillez réessayer dans quelques instants.',
    ru: 'Вход временно недоступен; повторите попытку чуть позже.',
    es: 'El inicio de sesión no está disponible en este momento; vuelva a intentarlo en unos instantes.',
  },
  LAST_MEMBER: {
    ar: 'أنتم آخر عضو في المنظمة؛ يُرجى دعوة زميل قبل المغادرة.',
    zh: '您是该组织的最后一名成员；请在退出前邀请一位同事。',
    en: 'You are the last member of the organisation; invite a colleague before leaving.',
    fr: 'Vous êtes le dernier membre de l’organisation ; veuillez inviter un collègue avant de la quitter.',
    ru: 'Вы последний член организации; прежде чем выйти из неё, пригласите коллегу.',
    es: 'Usted es el último miembro de la organización; invite a un colega antes de abandonarla.',
  },
  NOT_A_MEMBER: {
    ar: 'لا يجوز القيام بذلك إلا لأعضاء المنظمة.',
    zh: '只有该组织的成员才能执行此操作。',
    en: 'Only members of the organisation may do this.',
    fr: 'Seuls les membres de l’organisation peuvent effectuer cette opération.',
    ru: 'Это могут делать только члены организации.',
    es: 'Solo los miembros de la organización pueden realizar esta operación.',
  },
  EMAIL_ALREADY_VERIFIED: {
    ar: 'تم التحقق من عنوان بريدكم الإلكتروني بالفعل.',
    zh: '您的电子邮件地址已经验证。',
    en: 'Your e-mail address is already verified.',
    fr: 'Votre adresse électronique est déjà vérifiée.',
    ru: 'Ваш адрес электронной почты уже подтверждён.',
    es: 'Su dirección de correo electrónico ya está verificada.',
  },
  TOO_MANY_VERIFICATION_EMAILS: {
    ar: 'طُلب عدد كبير جدًا من رسائل التحقق؛ يُرجى المحاولة مجددًا بعد {seconds, plural, zero {# ثانية} one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}.',
    zh: '申请发送验证邮件的次数过多；请在 {seconds, number} 秒后重试。',
    en: 'Too many verification e-mails asked for; try again in {seconds, plural, one {# second} other {# seconds}}.',
    fr: 'Trop de courriels de vérification ont été demandés ; veuillez réessayer dans {seconds, plural, one {# seconde} other {# secondes}}.',
    ru: 'Запрошено слишком много писем для подтверждения; повторите попытку через {seconds, plural, one {# секунду} few {# секунды} many {# секунд} other {# секунды}}.',
    es: 'Se han solicitado demasiados correos de verificación; vuelva a intentarlo dentro de {seconds, plural, one {# segundo} other {# segundos}}.',
  },
  VERIFICATION_EMAILS_UNAVAILABLE: {
    ar: 'رسائل التحقق غير متاحة مؤقتًا؛ يُرجى المحاولة مجددًا بعد قليل.',
    zh: '验证邮件暂时不可用；请稍后重试。',
    en: 'Verification e-mails are unavailable for a moment; try again shortly.',
    fr: 'Les courriels de vérification sont momentanément indisponibles ; veuillez réessayer dans quelques instants.',
    ru: 'Письма для подтверждения временно недоступны; повторите попытку чуть позже.',
    es: 'Los correos de verificación no están disponibles en este momento; vuelva a intentarlo en unos instantes.',
  },
  ACCOUNT_INVITED: {
    ar: 'هذا الحساب مدعو ولم يقبل الدعوة بعد: ويصبح نشطًا عبر رابط دعوته (يمكن إعادة إرساله عند الحاجة).',
    zh: '该账户已受邀但尚未接受邀请：通过其邀请链接即可激活（如有需要，可重新发送）。',
    en: 'This account is invited and has not accepted yet: it becomes active by its invitation link (resend it if needed).',
    fr: 'Ce compte a été invité et n’a pas encore accepté : il devient actif au moyen de son lien d’invitation (à renvoyer au besoin).',
    ru: 'Эта учётная запись приглашена, но приглашение ещё не принято: она станет активной по ссылке из приглашения (при необходимости отправьте её повторно).',
    es: 'Esta cuenta ha sido invitada y aún no ha aceptado: se activa mediante su enlace de invitación (reenvíelo si es necesario).',
  },
  LAST_ADMIN: {
    ar: 'هذا آخر مسؤول نشط: فلا يمكن إلغاء تنشيطه ولا إسناد دور آخر إليه.',
    zh: '这是最后一名在职管理员：既不能停用，也不能改派其他角色。',
    en: 'This is the last active administrator: it can be neither deactivated nor given another role.',
    fr: 'Il s’agit du dernier administrateur actif : il ne peut être ni désactivé ni doté d’un autre rôle.',
    ru: 'Это последний активный администратор: его нельзя ни деактивировать, ни назначить на другую роль.',
    es: 'Es el último administrador activo: no puede desactivarse ni recibir otro rol.',
  },
  SSO_NOT_CONFIGURED: {
    ar: 'لم تُهيَّأ خدمة الدخول الموحد على هذه المنصة.',
    zh: '本平台未配置单点登录。',
    en: 'Single sign-on is not configured on this platform.',
    fr: 'L’authentification unique n’est pas configurée sur cette plateforme.',
    ru: 'Единый вход на этой платформе не настроен.',
    es: 'El inicio de sesión único no está configurado en esta plataforma.',
  },
  SSO_STATE_INVALID: {
    ar: 'محاولة تسجيل الدخول غير معروفة أو منتهية الصلاحية أو سبق استخدامها أو صادرة من متصفح آخر.',
    zh: '该登录尝试未知、已过期、已被使用或来自其他浏览器。',
    en: 'The sign-in attempt is unknown, expired, already used or from another browser.',
    fr: 'La tentative de connexion est inconnue, expirée, déjà utilisée ou provient d’un autre navigateur.',
    ru: 'Попытка входа неизвестна, истекла, уже использована или сделана из другого браузера.',
    es: 'El intento de inicio de sesión es desconocido, ha caducado, ya se ha utilizado o procede de otro navegador.',
  },
  SSO_EMAIL_UNVERIFIED: {
    ar: 'يوجد حساب بعنوان البريد الإلكتروني هذا، لكن مقدّم الهوية لا يضمن صحته: يُرجى تسجيل الدخول بكلمة المرور.',
    zh: '已有账户使用此电子邮件地址，但身份提供方未对其作出担保：请使用密码登录。',
    en: 'An account has this e-mail address, but the identity provider does not vouch for it: sign in with the password.',
    fr: 'Un compte existe avec cette adresse électronique, mais le fournisseur d’identité ne la garantit pas : veuillez vous connecter avec le mot de passe.',
    ru: 'Учётная запись с этим адресом электронной почты существует, но поставщик удостоверений не подтверждает его: войдите с паролем.',
    es: 'Existe una cuenta con esta dirección de correo electrónico, pero el proveedor de identidad no la avala: inicie sesión con la contraseña.',
  },
  SSO_ACCOUNT_DISABLED: {
    ar: 'الحساب معطَّل.',
    zh: '该账户已停用。',
    en: 'The account is deactivated.',
    fr: 'Le compte est désactivé.',
    ru: 'Учётная запись деактивирована.',
    es: 'La cuenta está desactivada.',
  },
  SSO_UNAVAILABLE: {
    ar: 'يتعذّر الوصول إلى مقدّم الهوية؛ يُرجى المحاولة مجددًا بعد قليل.',
    zh: '无法连接身份提供方；请稍后重试。',
    en: 'The identity provider cannot be reached; try again shortly.',
    fr: 'Le fournisseur d’identité est injoignable ; veuillez réessayer dans quelques instants.',
    ru: 'Поставщик удостоверений недоступен; повторите попытку чуть позже.',
    es: 'No se puede contactar con el proveedor de identidad; vuelva a intentarlo en unos instantes.',
  },
  SSO_CODE_INVALID: {
    ar: 'رمز تسجيل الدخول غير معروف أو منتهي الصلاحية أو سبق استخدامه؛ يُرجى تسجيل الدخول مجددًا.',
    zh: '该登录代码未知、已过期或已被使用；请重新登录。',
    en: 'The sign-in code is unknown, expired or already used; sign in again.',
    fr: 'Le code de connexion est inconnu, expiré ou déjà utilisé ; veuillez vous reconnecter.',
    ru: 'Код входа неизвестен, истёк или уже использован; войдите снова.',
    es: 'El código de inicio de sesión es desconocido, ha caducado o ya se ha utilizado; inicie sesión de nuevo.',
  },
  SSO_EMAIL_MISSING: {
    ar: 'لم يقدّم مقدّم الهوية أي عنوان بريد إلكتروني في المطالبة {claim}.',
    zh: '身份提供方未在声明 {claim} 中提供电子邮件地址。',
    en: 'The identity provider gave no e-mail address in the claim {claim}.',
    fr: 'Le fournisseur d’identité n’a fourni aucune adresse électronique dans la déclaration {claim}.',
    ru: 'Поставщик удостоверений не указал адрес электронной почты в утверждении {claim}.',
    es: 'El proveedor de identidad no ha facilitado ninguna dirección de correo electrónico en la declaración {claim}.',
  },
  PANELS_FOR_EVALUATORS: {
    ar: 'لا ينضم إلى أفرقة التقييم إلا المقيّم المدعو.',
    zh: '只有受邀的评审人才能加入评审小组。',
    en: 'Only an invited evaluator joins panels.',
    fr: 'Seul un évaluateur invité rejoint des comités d’évaluation.',
    ru: 'В группы оценки входит только приглашённый оценщик.',
    es: 'Solo un evaluador invitado se incorpora a los comités de evaluación.',
  },
  OWN_ACCOUNT: {
    ar: 'لا يمكنكم تغيير دوركم أو إلغاء تنشيط حسابكم بأنفسكم.',
    zh: '您不能更改自己的角色，也不能停用自己的账户。',
    en: 'You cannot change your own role or deactivate yourself.',
    fr: 'Vous ne pouvez ni modifier votre propre rôle ni désactiver votre propre compte.',
    ru: 'Вы не можете изменить собственную роль или деактивировать свою учётную запись.',
    es: 'No puede cambiar su propio rol ni desactivar su propia cuenta.',
  },
  ADMIN_ONLY: {
    ar: 'لا يجوز تغيير حساب مسؤول أو منح دور المسؤول إلا لمسؤول.',
    zh: '只有管理员才能更改管理员的账户或授予管理员角色。',
    en: 'Only an administrator can change an administrator’s account or grant the role.',
    fr: 'Seul un administrateur peut modifier le compte d’un administrateur ou attribuer ce rôle.',
    ru: 'Изменять учётную запись администратора или назначать эту роль может только администратор.',
    es: 'Solo un administrador puede modificar la cuenta de un administrador o conceder ese rol.',
  },
});
