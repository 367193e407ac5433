import { Injectable, MiddlewareConsumer, Module, NestMiddleware, NestModule } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

interface RequestContext {
  requestId: string | null;
  /** The personal API token the request was made with, set by the access guard. */
  apiToken?: { id: string; name: string };
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The id of the HTTP request being served, for audit events and job data; null outside a request. */
export function currentRequestId(): string | null {
  return storage.getStore()?.requestId ?? null;
}

/** The personal API token of the HTTP request being served, for audit events; null otherwise. */
export function currentApiToken(): { id: string; name: string } | null {
  return storage.getStore()?.apiToken ?? null;
}

/** Called by the access guard once it has authenticated a request's API token. */
export function setCurrentApiToken(token: { id: string; name: string }): void {
  const store = storage.getStore();
  if (store) store.apiToken = { id: token.id, name: token.name };
}

@Injectable()
class RequestContextMiddleware implements NestMiddleware {
  use(request: Request & { id?: unknown }, _response: Response, next: NextFunction): void {
    const requestId = request.id === undefined ? null : String(request.id);
    storage.run({ requestId }, next);
  }
}

@Module({})
export class RequestContextModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('{*path}');
  }
}
