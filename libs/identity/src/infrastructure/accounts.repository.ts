import { Injectable } from '@nestjs/common';
import { Transaction } from '@app/platform';

/** What the management of accounts needs of the users table beyond UsersRepository. */
@Injectable()
export class AccountsRepository {
  /**
   * Locks the active administrators' rows (in id order, as every caller does, so two changes cannot
   * deadlock) and counts them: two administrators demoting each other at once then run one after
   * the other, and the second sees the first's change.
   */
  async lockActiveAdmins(tx: Transaction): Promise<number> {
    const rows: unknown[] = await tx.query(
      `SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`,
    );
    return rows.length;
  }
}
