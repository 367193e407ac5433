/**
 * An e-mail as the notifications context writes it, in the recipient's language: plain text, and the
 * same text as HTML that says its language and direction (domain/email-html.ts).
 */
export interface OutgoingEmail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** BCP 47 code of the text, sent as Content-Language. */
  language: string;
}

/**
 * Sends e-mail. An abstract class rather than an interface so that it can be the injection token;
 * the worker provides an SMTP implementation when SMTP_URL is set, or one that is not `configured`.
 */
export abstract class Mailer {
  /** False when no SMTP server is configured: e-mails are then recorded as not sent. */
  abstract readonly configured: boolean;

  /** Resolves with the Message-ID once the SMTP server has accepted the message; rejects otherwise. */
  abstract send(email: OutgoingEmail): Promise<{ messageId: string }>;
}
