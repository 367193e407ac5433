import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, catchError, throwError } from 'rxjs';
import { RetryLaterError } from '../domain/identity.errors';

/** Says when to come back: a RetryLaterError's delay as the Retry-After header of the problem. */
export function sendRetryAfter(response: Response, error: unknown): void {
  if (error instanceof RetryLaterError && !response.headersSent) {
    response.setHeader('Retry-After', String(error.retryAfterSeconds));
  }
}

@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        sendRetryAfter(context.switchToHttp().getResponse<Response>(), error);
        return throwError(() => error);
      }),
    );
  }
}
