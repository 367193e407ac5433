import type { AddressInfo } from 'node:net';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

/** A message as the SMTP server received it, its headers and its plain-text and HTML bodies decoded. */
export interface ReceivedEmail {
  envelope: { from: string; to: string[] };
  headers: Map<string, string>;
  subject: string;
  text: string;
  /** The text/html alternative of a multipart message, if it has one. */
  html?: string;
}

/**
 * An SMTP server in the test's process, without TLS or authentication, that keeps what it is sent
 * and refuses, with a permanent 550, the recipients it is told to refuse.
 */
export class SmtpTestServer {
  readonly received: ReceivedEmail[] = [];
  /** One entry per refused RCPT TO: the address, lower-cased. */
  readonly refusals: string[] = [];
  private readonly refused = new Set<string>();
  private readonly server = new SMTPServer({
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    closeTimeout: 1000,
    onRcptTo: (address, _session, callback) => this.acceptRecipient(address, callback),
    onData: (stream, session, callback) => this.collect(stream, session, callback),
  });

  private constructor() {}

  static async start(): Promise<SmtpTestServer> {
    const smtp = new SmtpTestServer();
    await new Promise<void>((resolve, reject) => {
      smtp.server.once('error', reject);
      smtp.server.listen(0, '127.0.0.1', () => resolve());
    });
    return smtp;
  }

  /** The port the kernel gave the server. */
  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** An smtp:// URL (no TLS) for SMTP_URL. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  refuse(address: string): void {
    this.refused.add(address.toLowerCase());
  }

  /** The messages received for this address. */
  to(address: string): ReceivedEmail[] {
    const wanted = address.toLowerCase();
    return this.received.filter((m) => m.envelope.to.includes(wanted));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private acceptRecipient(address: SMTPServerAddress, callback: (error?: Error | null) => void): void {
    const recipient = address.address.toLowerCase();
    if (!this.refused.has(recipient)) return callback();
    this.refusals.push(recipient);
    callback(Object.assign(new Error(`Mailbox ${recipient} unavailable`), { responseCode: 550 }));
  }

  private collect(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error) => void): void {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
      };
      this.received.push({ envelope, ...parseMessage(Buffer.concat(chunks).toString('latin1')) });
      callback();
    });
  }
}

/** Headers (unfolded, encoded words decoded) and the text and HTML bodies of a single-part or multipart message. */
function parseMessage(raw: string): Omit<ReceivedEmail, 'envelope'> {
  const { headers, parts } = parseEntity(raw);
  const text = parts.find((part) => part.type === 'text/plain')?.body ?? '';
  const html = parts.find((part) => part.type === 'text/html')?.body;
  return { headers, subject: headers.get('subject') ?? '', text, ...(html === undefined ? {} : { html }) };
}

/** An entity's headers, and its leaves with their media types (a multipart's parts, in order). */
function parseEntity(raw: string): { headers: Map<string, string>; parts: Array<{ type: string; body: string }> } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const contentType = headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0].trim().toLowerCase();
  const content = raw.slice(split + 4);
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (type.startsWith('multipart/') && boundary) {
    const sections = content.split(`--${boundary}`).slice(1, -1);
    return { headers, parts: sections.flatMap((section) => parseEntity(section.replace(/^\r\n/, '')).parts) };
  }
  const body = bodyBytes(content, headers.get('content-transfer-encoding') ?? '7bit');
  return { headers, parts: [{ type, body: body.toString('utf8').replace(/\r\n/g, '\n') }] };
}

function bodyBytes(body: string, encoding: string): Buffer {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return quotedPrintable(body.replace(/=\r\n/g, ''));
    default:
      return Buffer.from(body, 'latin1');
  }
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(text.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (UTF-8, B or Q); adjacent words join, as a character may span two. */
function decodeWords(value: string): string {
  const WORD = /=\?utf-8\?([bq])\?([^?]*)\?=/gi;
  return value.replace(/(\?=)\s+(=\?)/g, '$1$2').replace(/(?:=\?utf-8\?[bq]\?[^?]*\?=)+/gi, (run) => {
    const bytes = [...run.matchAll(WORD)].map(([, kind, text]) =>
      kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : quotedPrintable(text.replace(/_/g, ' ')),
    );
    return Buffer.concat(bytes).toString('utf8');
  });
}
