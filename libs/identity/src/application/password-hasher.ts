import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { PasswordChecksBusyError } from '../domain/identity.errors';
import { IdentityConfig, identityConfig } from '../identity.config';
import { BoundedConcurrency } from './bounded-concurrency';

/**
 * Hashes and checks passwords, at most PASSWORD_HASH_CONCURRENCY at a time: argon2 runs on libuv's
 * small thread pool (4 threads by default), which a flood of sign-ins would otherwise fill, starving
 * everything else that needs it. Beyond PASSWORD_HASH_QUEUE_LIMIT waiting, the request is refused.
 */
@Injectable()
export class PasswordHasher {
  private readonly options: argon2.HashOptions & { raw?: false };
  /** A hash of a password nobody has, verified against when the e-mail is unknown, so timing tells nothing. */
  private readonly decoy: Promise<string>;
  private readonly slots: BoundedConcurrency;

  constructor(@Inject(identityConfig.KEY) config: IdentityConfig) {
    this.options = { type: argon2.argon2id, memoryCost: config.PASSWORD_HASH_MEMORY_KIB };
    this.decoy = argon2.hash('decoy password that matches no account', this.options);
    this.slots = new BoundedConcurrency(
      config.PASSWORD_HASH_CONCURRENCY,
      config.PASSWORD_HASH_QUEUE_LIMIT,
      () => new PasswordChecksBusyError(),
    );
  }

  /** Hashes already stored keep the parameters they were made with: argon2 reads them from the hash. */
  hash(password: string): Promise<string> {
    return this.slots.run(() => argon2.hash(password, this.options));
  }

  /** An unknown account (undefined) or one without a password (null) costs the same check as any other. */
  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    const target = hash ?? (await this.decoy);
    const matches = await this.slots.run(() => argon2.verify(target, password).catch(() => false));
    return hash != null && matches;
  }
}
