import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

/** A message as the catcher received it: the envelope and the raw RFC 5322 bytes. */
export interface CaughtEmail {
  to: string[];
  raw: Buffer;
  /** The Content-Language header: the language the platform wrote the message in. */
  language: string;
}

/**
 * A local SMTP server for the demo, in the demo's own process: the worker sends the platform's real
 * e-mails to it (no TLS, no authentication, on 127.0.0.1 only) and nothing leaves the machine. It
 * keeps every message so that the demo can count them and write them out as .eml files.
 */
export class MailCatcher {
  readonly caught: CaughtEmail[] = [];
  private readonly server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    onData: (stream, session, callback) => this.collect(stream, session, callback),
  });

  private constructor() {}

  static async start(): Promise<MailCatcher> {
    const catcher = new MailCatcher();
    await new Promise<void>((resolve, reject) => {
      catcher.server.once('error', reject);
      catcher.server.listen(0, '127.0.0.1', () => resolve());
    });
    return catcher;
  }

  /** The SMTP_URL for the worker. */
  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** Writes each message as <dir>/NNN-<recipient>.eml, numbered in the order they arrived. */
  async writeAll(dir: string): Promise<string[]> {
    await mkdir(dir, { recursive: true });
    const paths: string[] = [];
    for (const [index, email] of this.caught.entries()) {
      const recipient = (email.to[0] ?? 'unknown').replace(/[^A-Za-z0-9@._-]+/g, '_');
      const path = join(dir, `${String(index + 1).padStart(3, '0')}-${recipient}.eml`);
      await writeFile(path, email.raw);
      paths.push(path);
    }
    return paths;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private collect(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      this.caught.push({ to, raw, language: headerOf(raw, 'content-language') ?? 'unknown' });
      callback();
    });
  }
}

/** One header's value from the raw message (unfolded), or undefined. */
function headerOf(raw: Buffer, name: string): string | undefined {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const headers = (end < 0 ? text : text.slice(0, end)).replace(/\r\n[ \t]+/g, ' ').split('\r\n');
  const line = headers.find((h) => h.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}
