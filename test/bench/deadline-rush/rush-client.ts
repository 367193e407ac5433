import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { inPool } from '../../support/async';
import { Applicant, REQUIRED_KIND, RushCall } from './rush-seed';

/**
 * The applicants of a rush, as browsers would be: each uploads its document and then submits, once,
 * through node:http, at most `concurrency` applicants at a time. The upload goes to one
 * API process and the submission to the other, so that nothing kept in one process's memory can
 * make it pass. Every answer is kept with the client's clock when it was sent and answered (the
 * database runs on this host: the same clock as its own).
 */

/** A document of 1 MiB, a PDF by its bytes. */
export const DOCUMENT_BYTES = 1_048_576;
/** A request unanswered this long counts as hung. */
const ANSWER_WITHIN_MS = 60_000;

const PDF_HEAD = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Applicant `n`'s document: the same PDF padded with a comment that names it, so that no two are alike. */
export function documentOf(n: number): Buffer {
  const pdf = Buffer.alloc(DOCUMENT_BYTES, '%');
  PDF_HEAD.copy(pdf);
  pdf.write(`% applicant ${n}\n`, PDF_HEAD.length);
  return pdf;
}

export interface Answer {
  /** 0 when no HTTP answer came (a network error or no answer in time: `code` says which). */
  status: number;
  /** The problem's code, or the network error's. */
  code?: string;
  retryAfter?: string;
  /** Epoch ms by the client's clock. */
  sentAt: number;
  answeredAt: number;
  ms: number;
  /** Of a successful submission: the server's submittedAt. */
  submittedAt?: string;
}

export interface Outcome {
  applicationId: string;
  upload: Answer;
  /** Absent when the upload was refused: the applicant cannot submit without its document. */
  submit?: Answer;
}

/**
 * One request on a connection of its own (`Connection: close`): a kept-alive connection that the
 * server closes as idle while the client, late on a busy machine, starts a request on it fails with
 * EPIPE or ECONNRESET, which would be counted against the server. An answer that arrives while the
 * body is still being sent counts as that answer, as a browser reads it.
 */
function send(url: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  const sentAt = Date.now();
  const started = performance.now();
  const answer = (fields: Partial<Answer> & { status: number }): Answer => ({
    sentAt,
    answeredAt: Date.now(),
    ms: performance.now() - started,
    ...fields,
  });
  return new Promise((resolve) => {
    let answered: (() => void) | undefined;
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, connection: 'close', 'content-length': String(body?.length ?? 0) },
        timeout: ANSWER_WITHIN_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        // The answer as far as it came: a server answering before it has read the whole upload (a
        // refusal at its door) may close the connection under the rest of it, cutting the body.
        answered = () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const parsed = parse(text);
          const status = res.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          resolve(
            answer({
              status,
              code: ok ? undefined : String(parsed?.code ?? parsed?.message ?? (text.slice(0, 80) || 'no body')),
              retryAfter: res.headers['retry-after'],
              submittedAt: typeof parsed?.submittedAt === 'string' ? parsed.submittedAt : undefined,
            }),
          );
        };
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', answered);
        res.on('error', answered);
        res.on('close', answered);
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('no answer'), { code: 'NO_ANSWER_IN_60_S' })));
    req.on('error', (error: NodeJS.ErrnoException) =>
      answered ? answered() : resolve(answer({ status: 0, code: error.code ?? error.name })),
    );
    req.end(body);
  });
}

/** A multipart form of the document's kind and its file, as a browser sends it. */
function multipart(kind: string, filename: string, file: Buffer): { type: string; body: Buffer } {
  const boundary = `----rush${randomUUID()}`;
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n${kind}\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
    'Content-Type: application/pdf\r\n\r\n';
  return {
    type: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export async function rush(
  urls: string[],
  applicants: Applicant[],
  call: RushCall,
  concurrency: number,
): Promise<Outcome[]> {
  const numbered = applicants.map((applicant, n) => ({ applicant, n }));
  return inPool(numbered, concurrency, async ({ applicant, n }) => {
    const applicationId = applicant.drafts[call];
    const authorization = `Bearer ${applicant.token}`;
    const form = multipart(REQUIRED_KIND, `business-plan-${n}.pdf`, documentOf(n));
    const upload = await send(
      `${urls[n % urls.length]}/api/v1/applications/${applicationId}/documents`,
      { authorization, 'content-type': form.type },
      form.body,
    );
    if (upload.status !== 201) return { applicationId, upload };
    const submit = await send(`${urls[(n + 1) % urls.length]}/api/v1/applications/${applicationId}/submit`, {
      authorization,
    });
    return { applicationId, upload, submit };
  });
}
