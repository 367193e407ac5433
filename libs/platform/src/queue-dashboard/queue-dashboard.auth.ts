import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokens, STAFF_ROLES, bearerToken } from '../auth';
import { DomainError, ForbiddenError, PLATFORM_DETAILS, PLATFORM_ERRORS, problemDetail } from '../errors';
import { cookieValue } from '../http/cookies';
import { negotiateLanguage } from '../languages/languages';
import { dashboardLanguage } from './queue-dashboard.outages';

/** Where the dashboard lives (outside /api/v1) and the cookie a browser carries to it. */
export const QUEUE_DASHBOARD_ROUTE = '/queues';
export const QUEUE_DASHBOARD_COOKIE = 'queue_dashboard_token';

/**
 * The queue dashboard is the secretariat's: a browser brings the access token in the cookie that
 * POST /api/v1/queue-dashboard/session sets, a script in the Authorization header.
 */
@Injectable()
export class QueueDashboardAuth implements NestMiddleware {
  constructor(private readonly tokens: AccessTokens) {}

  async use(request: Request, _response: Response, next: NextFunction): Promise<void> {
    const token =
      bearerToken(request.headers.authorization) ?? cookieValue(request.headers.cookie, QUEUE_DASHBOARD_COOKIE);
    const user = await this.tokens.authenticate(token);
    if (!user)
      return next(new DomainError(PLATFORM_ERRORS.UNAUTHENTICATED, problemDetail(PLATFORM_DETAILS.UNAUTHENTICATED)));
    if (!STAFF_ROLES.includes(user.role)) return next(new ForbiddenError());
    // Bull Board answers its errors without the request: it reads the language from here.
    dashboardLanguage.run(negotiateLanguage(request.headers['accept-language']), next);
  }
}
