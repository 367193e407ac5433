import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import { RefreshTokenEntity } from './identity.entities';

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(
    tx: Transaction,
    token: {
      userId: string;
      familyId: string;
      tokenHash: string;
      expiresAt: Date;
      userAgent?: string | null;
      ip?: string | null;
    },
  ): Promise<void> {
    await tx.insert(RefreshTokenEntity, token);
  }

  /**
   * Marks a live token used, atomically, so that two concurrent refreshes cannot both succeed.
   * Returns its owner and family, or null when the token is unknown, used, revoked or expired.
   */
  async consume(tx: Transaction, tokenHash: string): Promise<{ userId: string; familyId: string } | null> {
    const [rows] = (await tx.query(
      `UPDATE refresh_tokens SET used_at = now()
       WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
       RETURNING user_id, family_id`,
      [tokenHash],
    )) as [Array<{ user_id: string; family_id: string }>, number];
    const row = rows[0];
    return row ? { userId: row.user_id, familyId: row.family_id } : null;
  }

  /**
   * Ends the session a token belongs to: every token of its family stops working (a used token
   * presented again means it leaked). Answers the session's owner and id, or null for an unknown token.
   */
  async revokeFamilyOf(tokenHash: string): Promise<{ userId: string; familyId: string } | null> {
    const rows: Array<{ user_id: string; family_id: string }> = await this.transactions.autocommit.query(
      `WITH session AS (SELECT user_id, family_id FROM refresh_tokens WHERE token_hash = $1),
            revoked AS (UPDATE refresh_tokens SET revoked_at = now()
                        WHERE revoked_at IS NULL AND family_id = (SELECT family_id FROM session))
       SELECT user_id, family_id FROM session`,
      [tokenHash],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, familyId: row.family_id } : null;
  }
}
