import type { FieldError } from '@app/platform/errors';
import { NotificationParams, NotificationRequest, NotificationTemplate, TEMPLATE_PARAMS } from './notification';
import {
  NOTIFICATION_LOCALES,
  NotificationLocale,
  notificationLocale,
  renderEmailText,
  renderNotification,
} from './templates';

/** What the recipients of one template who read one language would receive, and how many they are. */
export interface NotificationPreview {
  template: NotificationTemplate;
  locale: NotificationLocale;
  recipients: number;
  subject: string;
  /** The e-mail's text. */
  body: string;
}

/**
 * The messages these requests would send, once per template and language their recipients read
 * (`locales`: each recipient's own), rendered from the first request of each group, in the order of
 * the templates' first requests and then of the languages. The same rendering as `notify`, so what
 * is previewed is what is sent.
 */
export function previewNotifications(
  requests: NotificationRequest[],
  locales: ReadonlyMap<string, string>,
): NotificationPreview[] {
  const groups = new Map<string, { request: NotificationRequest; locale: NotificationLocale; recipients: number }>();
  for (const request of requests) {
    const locale = notificationLocale(locales.get(request.recipientId));
    const key = `${request.template}\u0000${locale}`;
    const group = groups.get(key);
    if (group) group.recipients += 1;
    else groups.set(key, { request, locale, recipients: 1 });
  }
  const templateOrder = [...new Set(requests.map((r) => r.template))];
  return [...groups.values()]
    .sort(
      (a, b) =>
        templateOrder.indexOf(a.request.template) - templateOrder.indexOf(b.request.template) ||
        NOTIFICATION_LOCALES.indexOf(a.locale) - NOTIFICATION_LOCALES.indexOf(b.locale),
    )
    .map(({ request, locale, recipients }) => ({
      template: request.template,
      locale,
      recipients,
      subject: renderNotification(request.template, locale, request.params).subject,
      body: renderEmailText(request.template, locale, request.params, {}),
    }));
}

/**
 * What is wrong with parameters a client gives for a template: each declared one present and of its
 * kind (a number, an ISO 8601 instant), none undeclared. Rendering throws on these, as the bugs they
 * are when the server builds the parameters; from a client they are bad input.
 */
export function templateParamErrors(template: NotificationTemplate, params: NotificationParams): FieldError[] {
  const kinds: Record<string, string> = TEMPLATE_PARAMS[template];
  const errors: FieldError[] = [];
  for (const [name, kind] of Object.entries(kinds)) {
    const value = params[name];
    const field = `params.${name}`;
    if (value === undefined || value === '') errors.push({ field, message: `${template} needs the parameter ${name}` });
    else if (kind === 'number' && typeof value !== 'number')
      errors.push({ field, message: `${name} must be a number` });
    else if (kind === 'text' && typeof value !== 'string') errors.push({ field, message: `${name} must be a string` });
    else if (kind === 'datetime' && (typeof value !== 'string' || Number.isNaN(new Date(value).getTime())))
      errors.push({ field, message: `${name} must be an ISO 8601 instant` });
  }
  for (const name of Object.keys(params)) {
    if (!Object.hasOwn(kinds, name))
      errors.push({ field: `params.${name}`, message: `${template} takes no parameter ${name}` });
  }
  return errors;
}
