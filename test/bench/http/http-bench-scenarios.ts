import type { Request } from 'autocannon';
import { AUTOSAVE_ANSWERS, CRITERIA, HttpBenchData, Owned } from './http-bench-seed';

/**
 * The measured requests, the same for the project and the floor. Writes never share a row between
 * two requests in flight (each takes an application or an assignment off a free list and gives it
 * back with its answer), so a lock wait or a stale version is never what is measured.
 */
/** autocannon's request description with the functions in place (not the worker mode's file paths). */
export interface BenchRequest extends Omit<Request, 'setupRequest' | 'onResponse'> {
  setupRequest?: (request: Request, context: object) => Request;
  onResponse?: (status: number, body: string, context: object) => void;
}

export interface Scenario {
  name: string;
  /**
   * A run's request description for autocannon, each request built afresh by its setupRequest. A
   * run cut short leaves requests unanswered, so a write run never reuses another's draft versions.
   */
  request: () => BenchRequest;
  /** Runs of a fixed number of requests rather than a duration (a submission consumes its draft). */
  consumes: boolean;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function bearer(owned: Owned): Record<string, string> {
  return { authorization: `Bearer ${owned.token}` };
}

/** Rows not in use by a request in flight. */
class FreeList<T> {
  private readonly free: T[];

  constructor(items: T[]) {
    this.free = [...items];
  }

  take(): T {
    const item = this.free.shift();
    if (item === undefined) throw new Error('more requests in flight than rows to give them');
    return item;
  }

  give(item: T): void {
    this.free.push(item);
  }
}

/** A request on a row of the free list, which goes back to it when the answer arrives. */
function onFreeRow<T extends Owned>(
  rows: FreeList<T>,
  build: (row: T) => Pick<Request, 'method' | 'path' | 'headers' | 'body'>,
  answered: (row: T, status: number) => void = () => undefined,
): BenchRequest {
  // autocannon keeps a context per connection from a request's setup to its answer.
  type Context = { row?: T };
  return {
    setupRequest: (request, context) => {
      const row = rows.take();
      (context as Context).row = row;
      return { ...request, ...build(row) };
    },
    onResponse: (status, _body, context) => {
      const row = (context as Context).row as T;
      answered(row, status);
      rows.give(row);
    },
  };
}

/** Drafts each autosave run edits: more than the connections, so that a free one is always at hand. */
export const DRAFTS_PER_AUTOSAVE_RUN = 100;

export function scenarios(data: HttpBenchData): Scenario[] {
  let read = 0;
  let autosaveRuns = 0;
  let submitted = 0;
  const scores = Array.from({ length: CRITERIA }, (_, i) => ({
    criterionCode: `C${i + 1}`,
    score: (i * 3) % 11,
    ...(i % 2 === 0 ? { comment: 'Clear plan, credible partners.' } : {}),
  }));
  return [
    { name: 'GET /calls (public list)', request: () => ({ method: 'GET', path: '/api/v1/calls' }), consumes: false },
    {
      name: 'GET /applications/:id (owner)',
      request: () => ({
        setupRequest: (request) => {
          const draft = data.drafts[read++ % data.drafts.length];
          return { ...request, method: 'GET', path: `/api/v1/applications/${draft.id}`, headers: bearer(draft) };
        },
      }),
      consumes: false,
    },
    {
      name: 'PATCH /applications/:id (autosave)',
      request: () => {
        const first = DRAFTS_PER_AUTOSAVE_RUN * autosaveRuns++;
        const drafts = data.drafts.slice(first, first + DRAFTS_PER_AUTOSAVE_RUN).map((d) => ({ ...d, version: 1 }));
        if (drafts.length < DRAFTS_PER_AUTOSAVE_RUN) throw new Error('no fresh drafts left to autosave');
        return onFreeRow(
          new FreeList(drafts),
          (draft) => ({
            method: 'PATCH',
            path: `/api/v1/applications/${draft.id}`,
            headers: { ...bearer(draft), ...JSON_HEADERS, 'if-match': `"${draft.version}"` },
            body: JSON.stringify({ answers: AUTOSAVE_ANSWERS }),
          }),
          (draft, status) => {
            if (status === 200) draft.version++;
          },
        );
      },
      consumes: false,
    },
    {
      name: 'PUT /assignments/:id/evaluation (8 scores)',
      request: () =>
        onFreeRow(new FreeList(data.assignments), (assignment) => ({
          method: 'PUT',
          path: `/api/v1/assignments/${assignment.id}/evaluation`,
          headers: { ...bearer(assignment), ...JSON_HEADERS },
          body: JSON.stringify({ scores, overallComment: 'A strong programme.' }),
        })),
      consumes: false,
    },
    {
      name: 'POST /applications/:id/submit',
      request: () => ({
        setupRequest: (request) => {
          const draft = data.submittable[submitted++];
          if (!draft) throw new Error('no draft left to submit: raise the seed size');
          return {
            ...request,
            method: 'POST',
            path: `/api/v1/applications/${draft.id}/submit`,
            headers: bearer(draft),
          };
        },
      }),
      consumes: true,
    },
  ];
}
