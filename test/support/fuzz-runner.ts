import fc from 'fast-check';
import request, { Response } from 'supertest';
import { sql } from './applications';
import { DatabaseChanges } from './fuzz-database';
import { FuzzOperation, FuzzRequest, RequestGenerator } from './fuzz-requests';
import { FuzzRole, FuzzWorld } from './fuzz-world';
import { TestApi } from './test-app';

/** Sends generated requests of one operation and role, and says what was wrong with the answers. */

/** A request that takes longer is a hang, which an outage test would call a failure too. */
const ANSWER_TIMEOUT_MS = 20_000;

export interface BatchResult {
  sent: number;
  /** The first wrong answer, described so it can be replayed; undefined when all were right. */
  failure?: string;
}

export class FuzzRunner {
  private constructor(
    private readonly api: TestApi,
    private readonly world: FuzzWorld,
    private readonly generator: RequestGenerator,
    private readonly changes: DatabaseChanges,
  ) {}

  /** `changes` watches the database the API writes (DatabaseChanges.watch). */
  static start(api: TestApi, world: FuzzWorld, generator: RequestGenerator, changes: DatabaseChanges): FuzzRunner {
    return new FuzzRunner(api, world, generator, changes);
  }

  /** `replay` is how to run this batch again, told with a failure. */
  async batch(
    role: FuzzRole,
    operation: FuzzOperation,
    options: { seed: number; numRuns: number; replay: string },
  ): Promise<BatchResult> {
    const token = role === 'anonymous' ? undefined : this.world.tokens[role];
    const result: BatchResult = { sent: 0 };
    let mark = await this.changes.mark();
    const property = fc.asyncProperty(this.generator.requests(operation, token), async (sent) => {
      result.sent++;
      const res = await this.send(sent).catch((error: Error) => error);
      if (res instanceof Error) {
        result.failure = describeFailure(role, sent, `no answer: ${res.message}`);
        return false;
      }
      const reasons = this.wrongAnswer(res);
      const { tables: changed, mark: now } = await this.changes.since(mark);
      if (res.status >= 400 && res.status < 500 && changed.length > 0) {
        reasons.push(`a refused request changed rows of ${changed.join(', ')}`);
      }
      mark = now;
      if (res.status < 300) await this.refreshVersions();
      if (reasons.length === 0) return true;
      result.failure = describeFailure(role, sent, reasons.join('; '), res);
      return false;
    });
    const run = await fc.check(property, { seed: options.seed, numRuns: options.numRuns, endOnFailure: true });
    if (run.failed) {
      const error = run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
      result.failure = `${result.failure ?? error.slice(0, 1_000)}\n  replay: ${options.replay} (run ${run.counterexamplePath})`;
    }
    return result;
  }

  private async send(sent: FuzzRequest): Promise<Response> {
    const method = sent.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    let test = request(this.api.server)[method](sent.url).timeout(ANSWER_TIMEOUT_MS);
    for (const [name, value] of Object.entries(sent.headers)) test = test.set(name, value);
    return sent.body === undefined ? test : test.send(sent.body);
  }

  /** No 5xx; every 4xx a problem document whose status is the HTTP status; the answer as documented. */
  private wrongAnswer(res: Response): string[] {
    const reasons: string[] = [];
    if (res.status >= 500) reasons.push(`answered ${res.status}`);
    if (res.status >= 400 && res.status < 500) {
      if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) {
        reasons.push(`a ${res.status} of type ${res.headers['content-type']}, not application/problem+json`);
      }
      if (typeof res.body?.code !== 'string') reasons.push('a problem without a string code');
      if (res.body?.status !== res.status) reasons.push(`a problem whose status is ${res.body?.status}`);
    }
    try {
      this.api.contract.assertSupertestResponse(res);
    } catch (error) {
      reasons.push((error as Error).message.split('\n').slice(0, 6).join(' | '));
    }
    return reasons;
  }

  /** A successful update moves a version on: later requests then use the new one in If-Match. */
  private async refreshVersions(): Promise<void> {
    const [call] = await sql<{ version: number }>(this.api, 'SELECT version FROM calls WHERE id = $1', [
      this.world.ids.call[2],
    ]);
    const [application] = await sql<{ version: number }>(this.api, 'SELECT version FROM applications WHERE id = $1', [
      this.world.ids.application[0],
    ]);
    this.world.versions = { draftCall: call!.version, draftApplication: application!.version };
  }
}

function describeFailure(role: FuzzRole, sent: FuzzRequest, reason: string, res?: Response): string {
  const body = sent.body === undefined ? '(none)' : excerpt(sent.body.toString('utf8'));
  const headers = Object.entries(sent.headers)
    .filter(([name]) => name !== 'Authorization')
    .map(([name, value]) => `${name}: ${excerpt(value)}`);
  return [
    reason,
    `  as ${role}: ${sent.method} ${excerpt(sent.url)}`,
    `  headers: ${headers.join(', ') || '(none)'}`,
    `  body: ${body}`,
    ...(res ? [`  answer: ${res.status} ${excerpt(JSON.stringify(res.body ?? res.text ?? ''))}`] : []),
  ].join('\n');
}

/** Cut to a readable length, with control characters, bidirectional marks and lone surrogates as \u escapes. */
function excerpt(text: string): string {
  let shown = '';
  let i = 0;
  for (; i < text.length && shown.length < 300; i++) {
    const code = text.charCodeAt(i);
    const paired = isHigh(code) ? isLow(text.charCodeAt(i + 1)) : isLow(code) && isHigh(text.charCodeAt(i - 1));
    const invisible = code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x202a && code <= 0x202e);
    shown +=
      invisible || ((isHigh(code) || isLow(code)) && !paired) ? `\\u${code.toString(16).padStart(4, '0')}` : text[i];
  }
  return i < text.length ? `${shown}… (${text.length} characters)` : shown;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
