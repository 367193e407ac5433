import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from '@app/platform';
import { SignInUnavailableError, TooManySignInAttemptsError } from '../domain/identity.errors';
import { IdentityConfig, identityConfig } from '../identity.config';
import { LoginCounters } from '../infrastructure/login-counters';
import { sendRetryAfter } from './retry-after.interceptor';

/**
 * Limits login attempts per client address and e-mail (LOGIN_RATE_LIMIT), so one noisy client cannot
 * lock out others, and per client address across e-mails (LOGIN_CLIENT_RATE_LIMIT), against credential
 * stuffing. Without its counters (Redis down) sign-in answers 503 rather than going unlimited.
 */
@Injectable()
export class LoginThrottlerGuard implements CanActivate {
  constructor(
    private readonly counters: LoginCounters,
    @Inject(identityConfig.KEY) private readonly config: IdentityConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    try {
      await this.countAttempt(request);
      return true;
    } catch (error) {
      sendRetryAfter(response, error);
      throw error;
    }
  }

  private async countAttempt(request: Request): Promise<void> {
    const client = request.ip ?? 'unknown';
    const body = request.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    const windows = await this.counters
      .count(
        [`login:client-email:${client}|${email}`, `login:client:${client}`],
        this.config.LOGIN_RATE_WINDOW_SECONDS * 1000,
      )
      .catch(() => {
        throw new SignInUnavailableError(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS);
      });
    const limits = [this.config.LOGIN_RATE_LIMIT, this.config.LOGIN_CLIENT_RATE_LIMIT];
    const exceeded = windows.filter((window, index) => window.count > limits[index]);
    if (exceeded.length === 0) return;
    const waitMs = Math.max(...exceeded.map((window) => window.remainingMs));
    throw new TooManySignInAttemptsError(Math.max(1, Math.ceil(waitMs / 1000)));
  }
}
