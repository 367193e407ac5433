import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { IdentityConfig, identityConfig } from '../identity.config';

@Injectable()
export class PasswordHasher {
  private readonly options: argon2.HashOptions & { raw?: false };
  /** A hash of a password nobody has, verified against when the e-mail is unknown, so timing tells nothing. */
  private readonly decoy: Promise<string>;

  constructor(@Inject(identityConfig.KEY) config: IdentityConfig) {
    this.options = { type: argon2.argon2id, memoryCost: config.PASSWORD_HASH_MEMORY_KIB };
    this.decoy = argon2.hash('decoy password that matches no account', this.options);
  }

  /** Hashes already stored keep the parameters they were made with: argon2 reads them from the hash. */
  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    const target = hash ?? (await this.decoy);
    const matches = await argon2.verify(target, password).catch(() => false);
    return hash !== undefined && matches;
  }
}
