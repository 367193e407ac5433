import type { Language } from '../languages/languages';
import { ErrorCode, declarationOf, declareErrors } from './error-declarations';

/**
 * The platform's own codes (API.md "Status codes"): those of the HTTP edge, of authentication and of
 * the errors every context shares. Each context declares its own next to its error classes.
 */
export const PLATFORM_ERRORS = declareErrors({
  VALIDATION_FAILED: {
    status: 400,
    title: {
      ar: 'الطلب غير صالح',
      zh: '请求无效',
      en: 'The request is invalid',
      fr: 'La requête est invalide',
      ru: 'Запрос недействителен',
      es: 'La solicitud no es válida',
    },
  },
  BAD_REQUEST: {
    status: 400,
    title: {
      ar: 'طلب غير سليم',
      zh: '错误的请求',
      en: 'Bad request',
      fr: 'Requête incorrecte',
      ru: 'Некорректный запрос',
      es: 'Solicitud incorrecta',
    },
  },
  UNAUTHENTICATED: {
    status: 401,
    title: {
      ar: 'يلزم التحقق من الهوية',
      zh: '需要身份验证',
      en: 'Authentication required',
      fr: 'Authentification requise',
      ru: 'Требуется аутентификация',
      es: 'Se requiere autenticación',
    },
  },
  // A personal API token that is unknown, expired or revoked, or whose owner may no longer use it.
  INVALID_API_TOKEN: {
    status: 401,
    title: {
      ar: 'رمز واجهة برمجة التطبيقات غير صالح',
      zh: 'API 令牌无效',
      en: 'Invalid API token',
      fr: 'Jeton d’API non valide',
      ru: 'Недействительный токен API',
      es: 'Token de API no válido',
    },
  },
  FORBIDDEN: {
    status: 403,
    title: {
      ar: 'إجراء غير مسموح به',
      zh: '不允许此操作',
      en: 'Not allowed',
      fr: 'Action non autorisée',
      ru: 'Действие не разрешено',
      es: 'Acción no autorizada',
    },
  },
  INSUFFICIENT_SCOPE: {
    status: 403,
    title: {
      ar: 'خارج نطاقات رمز واجهة برمجة التطبيقات',
      zh: '超出 API 令牌的权限范围',
      en: 'Outside the API token’s scopes',
      fr: 'Hors de la portée du jeton d’API',
      ru: 'Вне областей действия токена API',
      es: 'Fuera del alcance del token de API',
    },
  },
  NOT_FOUND: {
    status: 404,
    title: {
      ar: 'غير موجود',
      zh: '未找到',
      en: 'Not found',
      fr: 'Introuvable',
      ru: 'Не найдено',
      es: 'No encontrado',
    },
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    title: {
      ar: 'الأسلوب غير مسموح به',
      zh: '不允许使用该方法',
      en: 'Method not allowed',
      fr: 'Méthode non autorisée',
      ru: 'Метод не разрешён',
      es: 'Método no permitido',
    },
  },
  REQUEST_TIMEOUT: {
    status: 408,
    title: {
      ar: 'استغرق الطلب وقتاً أطول مما ينبغي',
      zh: '请求耗时过长',
      en: 'The request took too long',
      fr: 'La requête a pris trop de temps',
      ru: 'Запрос выполнялся слишком долго',
      es: 'La solicitud tardó demasiado',
    },
  },
  CONFLICT: {
    status: 409,
    title: {
      ar: 'تعارض',
      zh: '冲突',
      en: 'Conflict',
      fr: 'Conflit',
      ru: 'Конфликт',
      es: 'Conflicto',
    },
  },
  INVALID_TRANSITION: {
    status: 409,
    title: {
      ar: 'غير ممكن في الحالة الراهنة',
      zh: '在当前状态下无法执行',
      en: 'Not possible in the current state',
      fr: 'Impossible dans l’état actuel',
      ru: 'Невозможно в текущем состоянии',
      es: 'No es posible en el estado actual',
    },
  },
  // Raised by the database too, on any write to a published call (isPublishedCallWrite).
  COHORT_PUBLISHED: {
    status: 409,
    title: {
      ar: 'الدفعة منشورة',
      zh: '该批次已发布',
      en: 'The cohort is published',
      fr: 'La cohorte est publiée',
      ru: 'Когорта опубликована',
      es: 'La cohorte está publicada',
    },
  },
  VERSION_CONFLICT: {
    status: 412,
    title: {
      ar: 'عدّله شخص آخر في الأثناء',
      zh: '已被他人修改',
      en: 'Changed by someone else',
      fr: 'Modifié entre-temps par quelqu’un d’autre',
      ru: 'Изменено другим пользователем',
      es: 'Modificado entretanto por otra persona',
    },
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    title: {
      ar: 'الحجم كبير جداً',
      zh: '内容过大',
      en: 'Too large',
      fr: 'Trop volumineux',
      ru: 'Слишком большой объём',
      es: 'Demasiado grande',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    title: {
      ar: 'نوع الملف غير مدعوم',
      zh: '不支持的文件类型',
      en: 'Unsupported file type',
      fr: 'Type de fichier non accepté',
      ru: 'Неподдерживаемый тип файла',
      es: 'Tipo de archivo no admitido',
    },
  },
  UNPROCESSABLE: {
    status: 422,
    title: {
      ar: 'يتعذر معالجة الطلب',
      zh: '无法处理的请求',
      en: 'Unprocessable request',
      fr: 'Requête impossible à traiter',
      ru: 'Запрос не может быть обработан',
      es: 'Solicitud imposible de procesar',
    },
  },
  PRECONDITION_REQUIRED: {
    status: 428,
    title: {
      ar: 'يلزم تحديد الإصدار',
      zh: '需要提供版本',
      en: 'Version required',
      fr: 'Version requise',
      ru: 'Требуется версия',
      es: 'Se requiere la versión',
    },
  },
  RATE_LIMITED: {
    status: 429,
    title: {
      ar: 'عدد الطلبات كبير جداً',
      zh: '请求过多',
      en: 'Too many requests',
      fr: 'Trop de requêtes',
      ru: 'Слишком много запросов',
      es: 'Demasiadas solicitudes',
    },
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    title: {
      ar: 'ترويسات الطلب كبيرة جداً',
      zh: '请求标头过大',
      en: 'Request headers too large',
      fr: 'En-têtes de requête trop volumineux',
      ru: 'Слишком большие заголовки запроса',
      es: 'Encabezados de la solicitud demasiado grandes',
    },
  },
  INTERNAL_ERROR: {
    status: 500,
    title: {
      ar: 'خطأ داخلي',
      zh: '内部错误',
      en: 'Internal error',
      fr: 'Erreur interne',
      ru: 'Внутренняя ошибка',
      es: 'Error interno',
    },
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    title: {
      ar: 'الخدمة غير متاحة',
      zh: '服务不可用',
      en: 'Service unavailable',
      fr: 'Service indisponible',
      ru: 'Служба недоступна',
      es: 'Servicio no disponible',
    },
  },
  // The object store of documents (DOCUMENT_STORAGE=s3) refused, failed or did not answer; nothing was recorded.
  DOCUMENT_STORE_UNAVAILABLE: {
    status: 503,
    title: {
      ar: 'مخزن المستندات غير متاح',
      zh: '文档存储不可用',
      en: 'The document store is unavailable',
      fr: 'Le stockage des documents est indisponible',
      ru: 'Хранилище документов недоступно',
      es: 'El almacén de documentos no está disponible',
    },
  },
});

/** An undeclared code is a bug, answered as one (a logged 500), never guessed as a refusal. */
export function statusForCode(code: string): number {
  return declarationOf(code)?.status ?? 500;
}

/** The language of a problem's title: one of the platform's (languages/languages.ts). */
export type Locale = Language;

/** The short, localised title of a problem document; details stay in the message of each error. */
export function problemTitle(code: string, locale: Locale): string {
  return declarationOf(code)?.title[locale] ?? code.replace(/_/g, ' ').toLowerCase();
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: PLATFORM_ERRORS.VALIDATION_FAILED,
  401: PLATFORM_ERRORS.UNAUTHENTICATED,
  403: PLATFORM_ERRORS.FORBIDDEN,
  404: PLATFORM_ERRORS.NOT_FOUND,
  405: PLATFORM_ERRORS.METHOD_NOT_ALLOWED,
  408: PLATFORM_ERRORS.REQUEST_TIMEOUT,
  409: PLATFORM_ERRORS.CONFLICT,
  412: PLATFORM_ERRORS.VERSION_CONFLICT,
  413: PLATFORM_ERRORS.PAYLOAD_TOO_LARGE,
  415: PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE,
  422: PLATFORM_ERRORS.UNPROCESSABLE,
  428: PLATFORM_ERRORS.PRECONDITION_REQUIRED,
  429: PLATFORM_ERRORS.RATE_LIMITED,
  431: PLATFORM_ERRORS.HEADERS_TOO_LARGE,
  503: PLATFORM_ERRORS.SERVICE_UNAVAILABLE,
};

/** For errors raised by the framework itself (body parser, router, throttler), which carry only a status. */
export function codeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? PLATFORM_ERRORS.INTERNAL_ERROR : PLATFORM_ERRORS.BAD_REQUEST);
}
