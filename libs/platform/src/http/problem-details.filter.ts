import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError, FieldError, codeForStatus, statusForCode } from '../errors';
import { Locale, problemTitle } from '../errors/problem-titles';

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
    const { status, code, detail, errors } = describe(exception);
    const locale = preferredLocale(request);
    const problem: ProblemDocument = {
      type: `urn:problem:${code.toLowerCase().replace(/_/g, '-')}`,
      title: problemTitle(code, locale),
      status,
      detail,
      code,
      instance: request.originalUrl ?? request.url,
      requestId: request.id === undefined ? undefined : String(request.id),
      ...(errors ? { errors } : {}),
    };
    if (status >= 500) {
      problem.errorId = randomUUID();
      this.logger.error({ err: exception, errorId: problem.errorId }, 'Unhandled error');
    }
    if (response.headersSent) return;
    response.status(status).type('application/problem+json').setHeader('Content-Language', locale);
    response.send(JSON.stringify(problem));
  }
}

function describe(exception: unknown): { status: number; code: string; detail: string; errors?: FieldError[] } {
  if (exception instanceof DomainError) {
    return {
      status: statusForCode(exception.code),
      code: exception.code,
      detail: exception.message,
      errors: exception.errors,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { status, code: codeForStatus(status), detail: httpExceptionDetail(exception) };
  }
  const bodyParserStatus = bodyParserErrorStatus(exception);
  if (bodyParserStatus !== undefined) {
    const detail = bodyParserStatus === 413 ? 'The request body is too large.' : 'The request body is not valid JSON.';
    return { status: bodyParserStatus, code: codeForStatus(bodyParserStatus), detail };
  }
  return { status: 500, code: 'INTERNAL_ERROR', detail: 'An unexpected error occurred; it has been logged.' };
}

function httpExceptionDetail(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** Errors raised by Express' body parser before Nest sees the request carry `type` and `status`. */
function bodyParserErrorStatus(exception: unknown): number | undefined {
  if (typeof exception !== 'object' || exception === null) return undefined;
  const { type, status } = exception as { type?: unknown; status?: unknown };
  if (typeof type === 'string' && type.startsWith('entity.') && typeof status === 'number' && status < 500) {
    return status;
  }
  return undefined;
}

function preferredLocale(request: Request): Locale {
  const header = request.headers?.['accept-language'];
  return typeof header === 'string' && /^\s*fr\b/i.test(header) ? 'fr' : 'en';
}
