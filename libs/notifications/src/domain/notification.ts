import type { AccountLinkPurpose } from '@app/platform/auth/account-links';
import type { Language } from '@app/platform/languages';

/**
 * What each template says and which parameters it takes. `datetime` parameters are ISO 8601
 * instants, shown in the recipient's language in UTC; `number` ones are formatted in it too.
 */
export const TEMPLATE_PARAMS = {
  'application.received': {
    callReference: 'text',
    callTitle: 'text',
    organisationName: 'text',
    submittedAt: 'datetime',
  },
  'reply.received': {
    callReference: 'text',
    callTitle: 'text',
    organisationName: 'text',
    submittedAt: 'datetime',
  },
  'reply.confirmed': { callReference: 'text', callTitle: 'text', organisationName: 'text', reason: 'text' },
  'reply.declined': { callReference: 'text', callTitle: 'text', organisationName: 'text', reason: 'text' },
  'session.allocated': {
    callReference: 'text',
    callTitle: 'text',
    organisationName: 'text',
    sessionTitle: 'text',
    sessionTime: 'text',
    programme: 'text',
    programmeUrl: 'text',
  },
  'session.not_allocated': {
    callReference: 'text',
    callTitle: 'text',
    organisationName: 'text',
    reason: 'text',
    programme: 'text',
    programmeUrl: 'text',
  },
  'application.reminder': {
    callReference: 'text',
    callTitle: 'text',
    organisationName: 'text',
    closesAt: 'datetime',
  },
  'assignment.created': { callReference: 'text', callTitle: 'text', count: 'number' },
  'assignment.reassigned': { callReference: 'text', callTitle: 'text', count: 'number', reason: 'text' },
  'evaluation.reopened': { callReference: 'text', callTitle: 'text', organisationName: 'text' },
  'evaluation.reopened_with_reason': {
    callReference: 'text',
    callTitle: 'text',
    organisationName: 'text',
    reason: 'text',
  },
  'evaluation.reminder': { callReference: 'text', callTitle: 'text', count: 'number' },
  'evaluation.reminder_with_message': { callReference: 'text', callTitle: 'text', count: 'number', message: 'text' },
  'evaluation.due_soon': { callReference: 'text', callTitle: 'text', count: 'number', dueAt: 'datetime' },
  'evaluation.overdue': { callReference: 'text', callTitle: 'text', count: 'number', dueAt: 'datetime' },
  'clarification.requested': {
    callReference: 'text',
    callTitle: 'text',
    organisationName: 'text',
    question: 'text',
    replyBy: 'datetime',
  },
  'clarification.proposal_sent': { callReference: 'text', callTitle: 'text', question: 'text', replyBy: 'datetime' },
  'clarification.proposal_declined': { callReference: 'text', callTitle: 'text', question: 'text', reason: 'text' },
  'clarification.answered': { callReference: 'text', callTitle: 'text', question: 'text' },
  'cohort.selected': { callReference: 'text', callTitle: 'text', publicUrl: 'text', respondBy: 'datetime' },
  'cohort.promoted': { callReference: 'text', callTitle: 'text', publicUrl: 'text', respondBy: 'datetime' },
  'cohort.offer_reminder': { callReference: 'text', callTitle: 'text', respondBy: 'datetime' },
  'cohort.offer_expired': { callReference: 'text', callTitle: 'text', publicUrl: 'text', respondBy: 'datetime' },
  'cohort.offer_declined': {
    callReference: 'text',
    callTitle: 'text',
    organisationName: 'text',
    reason: 'text',
    cohortUrl: 'text',
  },
  'cohort.offer_lapsed': {
    callReference: 'text',
    callTitle: 'text',
    organisationName: 'text',
    respondBy: 'datetime',
    cohortUrl: 'text',
  },
  'cohort.withdrawn': { callReference: 'text', callTitle: 'text', reason: 'text', publicUrl: 'text' },
  'cohort.waitlisted': { callReference: 'text', callTitle: 'text', publicUrl: 'text' },
  'cohort.not_selected': { callReference: 'text', callTitle: 'text', publicUrl: 'text' },
  'agreement.issued': { callReference: 'text', callTitle: 'text', agreementUrl: 'text' },
  'agreement.reminder': { callReference: 'text', callTitle: 'text', agreementUrl: 'text', issuedAt: 'datetime' },
  'agreement.returned': { callReference: 'text', callTitle: 'text', agreementUrl: 'text', reason: 'text' },
  'agreement.countersigned': { callReference: 'text', callTitle: 'text', agreementUrl: 'text' },
  'discussion.mentioned': { authorName: 'text', callReference: 'text', callTitle: 'text', discussionUrl: 'text' },
  'discussion.mentioned_by_evaluator': {
    evaluatorNumber: 'number',
    callReference: 'text',
    callTitle: 'text',
    discussionUrl: 'text',
  },
  'discussion.mentioned_by_secretariat': { callReference: 'text', callTitle: 'text', discussionUrl: 'text' },
  'account.invitation': { linkId: 'text', inviterName: 'text', expiresAt: 'datetime' },
  'account.colleague_invitation': {
    linkId: 'text',
    inviterName: 'text',
    organisationName: 'text',
    expiresAt: 'datetime',
  },
  'account.password_reset': { linkId: 'text', expiresAt: 'datetime' },
  'account.email_verification': { linkId: 'text', expiresAt: 'datetime' },
} as const satisfies Record<string, Record<string, ParamKind>>;

export type ParamKind = 'text' | 'number' | 'datetime';
export type NotificationTemplate = keyof typeof TEMPLATE_PARAMS;
export const NOTIFICATION_TEMPLATES = Object.keys(TEMPLATE_PARAMS) as NotificationTemplate[];

/**
 * A text the sender has in several languages (a call's title as translated), English always there:
 * the notification is written with the recipient's language, English where it has none.
 */
export type LocalizedText = { en: string } & Partial<Record<Language, string>>;

export type NotificationParams = Record<string, string | number | LocalizedText>;

/** The text in a language, English where that language has none; a plain string is the same in every language. */
export function textIn(value: string | number | LocalizedText, language: Language): string | number {
  if (typeof value !== 'object' || value === null) return value;
  const text = value[language];
  return text !== undefined && text !== '' ? text : value.en;
}

/** The parameters as one language reads them: each localized text resolved, the others as they are. */
export function paramsIn(params: NotificationParams, language: Language): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, textIn(value, language)]));
}

/**
 * Templates whose e-mail carries a single-use account link. The notification keeps only the link's id
 * (`linkId`); its in-app body says that a link was e-mailed, and the e-mail's own text (`email` in
 * the catalogues) gets `{accountLinkUrl}`, built by AccountLinkSigner when the e-mail is sent, so no
 * stored text holds a usable token.
 */
export const LINK_TEMPLATES = {
  'account.invitation': 'invitation',
  'account.colleague_invitation': 'invitation',
  'account.password_reset': 'password_reset',
  'account.email_verification': 'email_verification',
} as const satisfies Partial<Record<NotificationTemplate, AccountLinkPurpose>>;
export type LinkTemplate = keyof typeof LINK_TEMPLATES;

export function isLinkTemplate(template: string): template is LinkTemplate {
  return Object.hasOwn(LINK_TEMPLATES, template);
}

/**
 * The parameters of one template, typed: `count` is a number, datetimes strings, and texts a string
 * or a text per language (resolved in the recipient's language when the notification is written).
 */
export type TemplateParams<T extends NotificationTemplate> = {
  [P in keyof (typeof TEMPLATE_PARAMS)[T]]: (typeof TEMPLATE_PARAMS)[T][P] extends 'number'
    ? number
    : (typeof TEMPLATE_PARAMS)[T][P] extends 'text'
      ? string | LocalizedText
      : string;
};

/** A notification to create; the recipient's language decides the text. */
export interface NotificationRequest {
  recipientId: string;
  template: NotificationTemplate;
  params: NotificationParams;
}

/** Builds a request whose parameters the compiler checks against the template. */
export function notificationRequest<T extends NotificationTemplate>(
  recipientId: string,
  template: T,
  params: TemplateParams<T>,
): NotificationRequest {
  return { recipientId, template, params: params as NotificationParams };
}

export const EMAIL_STATUSES = ['pending', 'sent', 'failed', 'not_sent'] as const;
/** `not_sent`: no SMTP server is configured; the in-app notification exists all the same. */
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export interface Notification {
  id: string;
  recipientId: string;
  template: NotificationTemplate;
  locale: string;
  subject: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  email: {
    status: EmailStatus;
    attempts: number;
    sentAt: Date | null;
    error: string | null;
  };
}

/** As the secretariat sees it: with whom it was for. */
export interface NotificationWithRecipient extends Notification {
  recipient: { id: string; email: string; displayName: string };
}

/** The templates a client may preview: not those of account links, whose e-mail holds a secret per recipient. */
export const PREVIEWABLE_TEMPLATES = NOTIFICATION_TEMPLATES.filter((template) => !isLinkTemplate(template));
