import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import {
  DetailKey,
  DomainError,
  FieldError,
  Locale,
  PLATFORM_DETAILS,
  codeForStatus,
  formatDetail,
  problemTitle,
  statusForCode,
} from '../errors';
import { isPublishedCallWrite } from '../database/postgres-errors';
import { SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS, isServiceUnavailable } from '../database/service-unavailable';
import { requestId } from '../logger/logger.module';
import { negotiateLanguage } from '../languages/languages';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId?: string;
  errorId?: string;
  errors?: FieldError[];
}

/** Writes every error as RFC 9457 problem+json; 5xx get an error id that is also logged. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const locale = preferredLocale(request);
    const { status, code, detail, errors } = describe(exception, locale, request);
    const problem: ProblemDocument = {
      type: `urn:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      title: problemTitle(code, locale),
      status,
      detail,
      code,
      instance: request.originalUrl ?? request.url,
      requestId: requestIdOf(request, response),
      ...(errors ? { errors } : {}),
    };
    if (status >= 500) {
      problem.errorId = randomUUID();
      // A failed readiness check is an expected answer; only the unexpected deserves an error with its stack.
      if (code === 'INTERNAL_ERROR') this.logger.error({ err: exception, errorId: problem.errorId }, 'Unhandled error');
      else {
        // The cause names the dependency (refused, timed out, shutting down), which the client is not told.
        const cause = exception instanceof Error ? exception.message : undefined;
        this.logger.warn({ errorId: problem.errorId, code, detail, cause }, 'Service unavailable');
      }
    }
    if (response.headersSent) return;
    response.status(status).type('application/problem+json').setHeader('Content-Language', locale);
    // A delay the route chose itself stands; otherwise an outage says when to come back.
    if (status === 503 && !response.hasHeader('Retry-After')) {
      response.setHeader('Retry-After', String(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS));
    }
    response.send(JSON.stringify(problem));
  }
}

/**
 * Status, code and detail of an error, the detail in the reader's language (the framework's own 404
 * for an unknown route and a failed readiness check too; what the check says of a dependency is its own).
 */
function describe(
  exception: unknown,
  locale: Locale,
  request: Request,
): { status: number; code: string; detail: string; errors?: FieldError[] } {
  const say = (key: DetailKey, params?: Record<string, string>) => formatDetail({ key, params }, locale) ?? key;
  if (exception instanceof DomainError) {
    return {
      status: statusForCode(exception.code),
      code: exception.code,
      detail: exception.detailIn(locale),
      errors: exception.errors,
    };
  }
  if (isPublishedCallWrite(exception)) {
    return { status: 409, code: 'COHORT_PUBLISHED', detail: say(PLATFORM_DETAILS.COHORT_PUBLISHED) };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    // The platform's own "not found" are domain errors: an HTTP 404 is the router's, for an unknown route.
    if (status === 404) {
      const detail = say(PLATFORM_DETAILS.ROUTE_NOT_FOUND, { method: request.method, path: request.path });
      return { status, code: codeForStatus(status), detail };
    }
    const down = failedHealthChecks(exception.getResponse());
    const detail = down ? say(PLATFORM_DETAILS.NOT_READY, { down }) : httpExceptionDetail(exception);
    return { status, code: codeForStatus(status), detail };
  }
  const clientErrorStatus = middlewareClientErrorStatus(exception);
  if (clientErrorStatus !== undefined) {
    const detail = say(MIDDLEWARE_ERROR_DETAILS[clientErrorStatus] ?? PLATFORM_DETAILS.REQUEST_UNREADABLE);
    return { status: clientErrorStatus, code: codeForStatus(clientErrorStatus), detail };
  }
  if (isServiceUnavailable(exception)) {
    return { status: 503, code: 'SERVICE_UNAVAILABLE', detail: say(PLATFORM_DETAILS.SERVICE_UNAVAILABLE) };
  }
  return { status: 500, code: 'INTERNAL_ERROR', detail: say(PLATFORM_DETAILS.INTERNAL_ERROR) };
}

const MIDDLEWARE_ERROR_DETAILS: Record<number, DetailKey> = {
  400: PLATFORM_DETAILS.BODY_UNREADABLE,
  413: PLATFORM_DETAILS.BODY_TOO_LARGE,
  415: PLATFORM_DETAILS.BODY_ENCODING_UNSUPPORTED,
};

function httpExceptionDetail(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** The dependencies a failed health check names (`{ error: { redis: { status: 'down', message } } }`). */
function failedHealthChecks(body: string | object): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { status?: unknown; error?: unknown }).error;
  if ((body as { status?: unknown }).status !== 'error' || typeof error !== 'object' || error === null)
    return undefined;
  return Object.entries(error as Record<string, { message?: unknown }>)
    .map(([name, check]) => (typeof check?.message === 'string' ? `${name} down (${check.message})` : `${name} down`))
    .join(', ');
}

/**
 * Errors raised by Express middleware before Nest sees the request (the body parser's oversized body,
 * unknown charset or content encoding, corrupt gzip) are http-errors: a 4xx `status` with `expose` set.
 * Matching only `type: 'entity.*'` turned the charset, encoding and zlib ones (which have other or no
 * `type`) into 500s. Their messages may quote zlib or iconv, so the client gets a fixed detail instead.
 */
function middlewareClientErrorStatus(exception: unknown): number | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { status, expose } = exception as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}

/**
 * The body parser runs before the logging middleware that assigns request ids, so errors it raises
 * arrive without one; give them the caller's X-Request-Id (or a new id) the same way, echoed too.
 */
function requestIdOf(request: Request & { id?: unknown }, response: Response): string | undefined {
  if (request.id === undefined && !response.headersSent) request.id = requestId(request, response);
  return request.id === undefined ? undefined : String(request.id);
}

/** The best of the six languages for the reader's Accept-Language, else English. */
function preferredLocale(request: Request): Locale {
  return negotiateLanguage(request.headers?.['accept-language']);
}
