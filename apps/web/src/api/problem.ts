import type { components } from './schema';

type ProblemDocument = components['schemas']['Problem'];

export interface FieldProblem {
  field: string;
  /** English. */
  message: string;
  /** Stable code of the problem (REQUIRED, TOO_LONG, …) and what its message quotes. */
  code?: string;
  params?: Record<string, string | number>;
}

/** Status 0: the request never reached the API (offline, connection refused). */
export const NETWORK_ERROR = 'NETWORK_ERROR';

/**
 * An RFC 9457 problem the API answered, with its stable `code` and per-field `errors`; thrown by
 * every API call of the app so that pages handle one kind of failure.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldProblem[];

  constructor(status: number, problem: Partial<ProblemDocument>) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? NETWORK_ERROR : `HTTP_${status}`);
    this.title = problem.title ?? '';
    this.detail = problem.detail ?? '';
    this.errors = problem.errors ?? [];
  }

  /** From a failed response's body, whatever it is (a proxy's HTML page has no code). */
  static from(status: number, body: unknown): ApiProblem {
    return new ApiProblem(status, isProblem(body) ? body : {});
  }

  static network(cause: unknown): ApiProblem {
    return new ApiProblem(0, { detail: cause instanceof Error ? cause.message : String(cause) });
  }

  is(...codes: string[]): boolean {
    return codes.includes(this.code);
  }
}

function isProblem(body: unknown): body is Partial<ProblemDocument> {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}
