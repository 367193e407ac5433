import { OnApplicationShutdown } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';
import { Mailer, OutgoingEmail } from '../application/mailer';

export interface SmtpSettings {
  /** smtp://[user:password@]host[:port][?option=value…] (smtps:// for implicit TLS), as nodemailer reads it. */
  url: string;
  /** The From header, e.g. `"ITU BDT Accelerator Network" <no-reply@accelerators.example.org>`. */
  from: string;
  /** Connections kept open to the server, one per e-mail the worker sends at once. */
  connections: number;
}

/**
 * Timeouts short enough that a dead server fails an attempt (which BullMQ retries later) instead
 * of holding a job for minutes; nodemailer's own defaults reach ten. Options in SMTP_URL win.
 */
const CONNECTION_DEFAULTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** E-mail over SMTP with nodemailer, through a pool of connections reused from one e-mail to the next. */
export class SmtpMailer extends Mailer implements OnApplicationShutdown {
  readonly configured = true;
  private readonly transporter: Transporter;

  constructor(settings: SmtpSettings) {
    super();
    this.transporter = createTransport(poolUrl(settings), { from: settings.from });
  }

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const info = (await this.transporter.sendMail({
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: { 'Content-Language': email.language },
    })) as { messageId: string };
    return { messageId: info.messageId };
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}

/** No SMTP server configured: every e-mail is recorded as not sent. */
export class UnconfiguredMailer extends Mailer {
  readonly configured = false;

  send(): Promise<{ messageId: string }> {
    return Promise.reject(new Error('No SMTP server is configured (SMTP_URL).'));
  }
}

function poolUrl(settings: SmtpSettings): string {
  const url = new URL(settings.url);
  const defaults = { pool: true, maxConnections: settings.connections, ...CONNECTION_DEFAULTS };
  for (const [option, value] of Object.entries(defaults)) {
    if (!url.searchParams.has(option)) url.searchParams.set(option, String(value));
  }
  return url.toString();
}
