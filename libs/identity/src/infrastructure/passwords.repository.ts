import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import type { Locale } from '../domain/user';

/** The password of an account, apart from sign-in (UsersRepository.findCredentials). */
@Injectable()
export class PasswordsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The active account of an address (any case) that may reset its password; invited accounts accept instead. */
  async findResettable(email: string): Promise<{ id: string; locale: Locale } | null> {
    const rows: Array<{ id: string; locale: Locale }> = await this.transactions.autocommit.query(
      `SELECT id, locale FROM users WHERE lower(email) = lower($1) AND active AND NOT invited`,
      [email.trim()],
    );
    return rows[0] ?? null;
  }

  /** The stored hash, or null for an unknown user or one without a password (invited, single sign-on only). */
  async hashOf(userId: string): Promise<string | null> {
    const rows: Array<{ hash: string | null }> = await this.transactions.autocommit.query(
      `SELECT password_hash AS hash FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.hash ?? null;
  }

  /** Sets a new password; false for an unknown user. */
  async set(tx: Transaction, userId: string, passwordHash: string): Promise<boolean> {
    const [, count] = (await tx.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [userId, passwordHash])) as [
      unknown[],
      number,
    ];
    return count === 1;
  }
}
