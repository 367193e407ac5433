import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';

/** Links between an identity provider's accounts (issuer, subject) and platform users. */
@Injectable()
export class UserIdentitiesRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The user linked to the provider's account, noting the sign-in; null when none is. */
  async touch(tx: Transaction, issuer: string, subject: string): Promise<string | null> {
    const [rows] = (await tx.query(
      `UPDATE user_identities SET last_sign_in_at = now()
       WHERE issuer = $1 AND subject = $2 RETURNING user_id`,
      [issuer, subject],
    )) as [Array<{ user_id: string }>, number];
    return rows[0]?.user_id ?? null;
  }

  /** Links the provider's account to the user; false when another request linked it first. */
  async link(
    tx: Transaction,
    link: { issuer: string; subject: string; userId: string; email: string },
  ): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO user_identities (issuer, subject, user_id, email) VALUES ($1, $2, $3, $4)
       ON CONFLICT (issuer, subject) DO NOTHING RETURNING user_id`,
      [link.issuer, link.subject, link.userId, link.email],
    );
    return rows.length > 0;
  }

  /** The providers' accounts linked to a user. */
  async ofUser(
    userId: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<Array<{ issuer: string; subject: string }>> {
    return tx.query(`SELECT issuer, subject FROM user_identities WHERE user_id = $1 ORDER BY linked_at`, [userId]);
  }
}
