import { declareDetails } from '@app/platform/errors';

/** The details of this context's problems in each language (problem+json `detail`, by Accept-Language). */
export const NOTIFICATIONS_DETAILS = declareDetails({
  'NOT_FOUND.Notification': {
    ar: 'لم يُعثر على الإشعار.',
    zh: '未找到该通知。',
    en: 'Notification not found.',
    fr: 'Notification introuvable.',
    ru: 'Уведомление не найдено.',
    es: 'No se ha encontrado la notificación.',
  },
});
