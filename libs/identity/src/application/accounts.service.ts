import { Injectable } from '@nestjs/common';
import { AuditService, HistoryEntry } from '@app/audit';
import { AuthUser, NotFoundError, Page, PageQuery, Transactions } from '@app/platform';
import {
  AccountChange,
  accountChangeEffect,
  accountChangeRefusal,
  normaliseReason,
  removesAnAdmin,
} from '../domain/account-change';
import { User } from '../domain/user';
import { AccountsRepository } from '../infrastructure/accounts.repository';
import { UsersRepository } from '../infrastructure/users.repository';
import { SessionsService } from './sessions.service';

/** One entry of an account's history: a change made to it, by whom, with the reason given. */
export type AccountHistoryEntry = Omit<HistoryEntry, 'entityType' | 'entityId'>;

/** The secretariat's and administrators' management of people: roles, deactivation, history. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly accounts: AccountsRepository,
    private readonly sessions: SessionsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /**
   * Changes an account's role or deactivates or reactivates it, with the reason given, effective at
   * once: deactivation ends every session and every access token (the access guard reads the
   * current role and status; this process forgets what it cached, others within
   * TOKEN_STATE_CACHE_MS). A change that changes nothing records nothing.
   */
  async updateAccount(actor: AuthUser, id: string, change: AccountChange & { reason?: string }): Promise<User> {
    const { reason, ...requested } = change;
    await this.transactions.run(async (tx) => {
      const activeAdmins = await this.accounts.lockActiveAdmins(tx);
      const target = await this.users.lockById(tx, id);
      if (!target) throw new NotFoundError('User');
      const refusal = accountChangeRefusal(actor, target, requested, { activeAdmins });
      if (refusal) throw refusal;
      const effect = accountChangeEffect(target, requested);
      if (effect.role === undefined && effect.active === undefined) return;
      await this.users.updateAccount(tx, id, effect);
      const sessionsEnded = effect.active === false ? await this.sessions.revokeAll(id, { tx }) : 0;
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'user.account_changed',
        entityType: 'user',
        entityId: id,
        before: { role: target.role, active: target.active },
        after: {
          ...effect,
          reason: normaliseReason(reason),
          ...(effect.active === false ? { sessionsEnded } : {}),
          ...(removesAnAdmin(target, effect) ? { adminsLeft: activeAdmins - 1 } : {}),
        },
      });
    });
    this.sessions.forgetCachedState(id);
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /** The changes made to an account, oldest first, with who made them. */
  async history(id: string, page: PageQuery): Promise<Page<AccountHistoryEntry>> {
    if (!(await this.users.findById(id))) throw new NotFoundError('User');
    const history = await this.audit.history({ entityType: 'user', entityId: id, ...page }, (ids) =>
      this.users.findByIds(ids),
    );
    return { total: history.total, items: history.items.map(({ entityType: _, entityId: __, ...entry }) => entry) };
  }
}
