import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS } from '@app/platform';
import { SignInUnavailableError, TooManyLinkRequestsError } from '../domain/identity.errors';
import { IdentityConfig, identityConfig } from '../identity.config';
import { LoginCounters } from '../infrastructure/login-counters';

/**
 * Counts the e-mails with a link that people ask for (password resets, invitation resends) per
 * address and per client in Redis, as sign-in attempts are: beyond the limits, 429 with Retry-After;
 * without Redis, 503 rather than unlimited e-mails. Counted whether or not the address has an account,
 * so the limits tell nothing about which addresses do.
 */
@Injectable()
export class LinkRequestLimits {
  constructor(
    private readonly counters: LoginCounters,
    @Inject(identityConfig.KEY) private readonly config: IdentityConfig,
  ) {}

  async count(address: string, client: string): Promise<void> {
    const windows = await this.counters
      .count(
        [`links:address:${address.trim().toLowerCase()}`, `links:client:${client}`],
        this.config.ACCOUNT_LINK_REQUEST_WINDOW_SECONDS * 1000,
      )
      .catch(() => {
        throw new SignInUnavailableError(SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS);
      });
    const limits = [this.config.ACCOUNT_LINK_REQUEST_LIMIT, this.config.ACCOUNT_LINK_CLIENT_REQUEST_LIMIT];
    const exceeded = windows.filter((window, index) => window.count > limits[index]);
    if (exceeded.length === 0) return;
    const waitMs = Math.max(...exceeded.map((window) => window.remainingMs));
    throw new TooManyLinkRequestsError(Math.max(1, Math.ceil(waitMs / 1000)));
  }
}
