import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { RequestWithUser } from '@app/platform';
import { TooManyVerificationEmailsError, VerificationEmailsUnavailableError } from '../domain/team.errors';
import { IdentityConfig, identityConfig } from '../identity.config';
import { LoginCounters } from '../infrastructure/login-counters';
import { sendRetryAfter } from './retry-after.interceptor';

/**
 * At most EMAIL_VERIFICATION_RESEND_LIMIT verification e-mails per user in each window, counted in
 * Redis like sign-in attempts (shared by every replica); beyond, 429 with Retry-After.
 */
@Injectable()
export class VerificationResendGuard implements CanActivate {
  constructor(
    private readonly counters: LoginCounters,
    @Inject(identityConfig.KEY) private readonly config: IdentityConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const response = context.switchToHttp().getResponse<Response>();
    try {
      const [window] = await this.counters
        .count(
          [`email-verification:user:${request.user?.id ?? ''}`],
          this.config.EMAIL_VERIFICATION_RESEND_WINDOW_SECONDS * 1000,
        )
        .catch(() => {
          throw new VerificationEmailsUnavailableError();
        });
      if (window.count > this.config.EMAIL_VERIFICATION_RESEND_LIMIT) {
        throw new TooManyVerificationEmailsError(Math.max(1, Math.ceil(window.remainingMs / 1000)));
      }
      return true;
    } catch (error) {
      sendRetryAfter(response, error);
      throw error;
    }
  }
}
