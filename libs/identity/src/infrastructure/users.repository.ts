import { Injectable } from '@nestjs/common';
import { CallerState, Page, PageQuery, Role, Sort, Transaction, Transactions, isUniqueViolation } from '@app/platform';
import { EmailTakenError } from '../domain/identity.errors';
import { Locale, User } from '../domain/user';
import { UserEntity } from './identity.entities';

/** What the list of users sorts by; the name (then id) is the default and breaks every tie. */
export const USER_SORT_KEYS = ['name', 'email', 'role', 'status', 'createdAt'] as const;
export type UserSortKey = (typeof USER_SORT_KEYS)[number];

export const USER_STATUS_FILTERS = ['active', 'inactive'] as const;
export type UserStatusFilter = (typeof USER_STATUS_FILTERS)[number];

export interface UserListFilter extends PageQuery {
  role?: Role;
  status?: UserStatusFilter;
  /** Part of the name, e-mail or affiliation, any case. */
  q?: string;
  sort?: Sort<UserSortKey>;
}

const USER_SORT_COLUMNS: Record<UserSortKey, string> = {
  name: 'lower(u.display_name)',
  email: 'lower(u.email)',
  role: 'u.role',
  // Active ones first when ascending, as a reader expects of "status".
  status: 'NOT u.active',
  createdAt: 'u.created_at',
};

export type NewUser = Omit<
  UserEntity,
  'id' | 'createdAt' | 'active' | 'invited' | 'tokenVersion' | 'emailVerifiedAt'
> & {
  emailVerifiedAt?: Date | null;
};

@Injectable()
export class UsersRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Inserts a user; a taken e-mail (any case) is EMAIL_TAKEN, also when two requests race. */
  async insert(user: NewUser, tx: Transaction = this.transactions.autocommit): Promise<User> {
    try {
      const saved = await tx.save(UserEntity, tx.create(UserEntity, user));
      return toUser(await tx.findOneByOrFail(UserEntity, { id: saved.id }));
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw new EmailTakenError();
      throw error;
    }
  }

  /** Inserts unless the e-mail exists; true when inserted. Safe when several processes start at once. */
  async insertIfAbsent(user: NewUser): Promise<boolean> {
    const rows: unknown[] = await this.transactions.autocommit.query(
      `INSERT INTO users (email, password_hash, role, display_name, locale)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [user.email, user.passwordHash, user.role, user.displayName, user.locale],
    );
    return rows.length > 0;
  }

  async findById(id: string, tx: Transaction = this.transactions.autocommit): Promise<User | null> {
    const row = await tx.findOneBy(UserEntity, { id });
    return row ? toUser(row) : null;
  }

  async findByIds(ids: string[], tx: Transaction = this.transactions.autocommit): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await tx
      .createQueryBuilder(UserEntity, 'u')
      .where('u.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .orderBy('u.id')
      .getMany();
    return rows.map(toUser);
  }

  async findCredentials(email: string): Promise<{ user: User; passwordHash: string | null } | null> {
    const row = await this.transactions.autocommit
      .createQueryBuilder(UserEntity, 'u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    return row ? { user: toUser(row), passwordHash: row.passwordHash } : null;
  }

  /** Locks the user row so that two organisations cannot be created for one applicant. */
  async lockById(tx: Transaction, id: string): Promise<User | null> {
    const row = await tx.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return row ? toUser(row) : null;
  }

  /** Users by role, account status and a search over name, e-mail and affiliation, sorted as asked (by name by default). */
  async list(filter: UserListFilter): Promise<Page<User>> {
    const query = this.transactions.autocommit.createQueryBuilder(UserEntity, 'u');
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (filter.status) query.andWhere('u.active = :active', { active: filter.status === 'active' });
    if (filter.q) {
      const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(u.display_name ILIKE :pattern OR u.email ILIKE :pattern OR u.affiliation ILIKE :pattern)', {
        pattern,
      });
    }
    const sort = filter.sort ?? { key: 'name', descending: false };
    query.orderBy(USER_SORT_COLUMNS[sort.key], sort.descending ? 'DESC' : 'ASC');
    // Ties by name; not when sorting by name, since a second ORDER BY of it would replace the first.
    if (sort.key !== 'name') query.addOrderBy(USER_SORT_COLUMNS.name);
    const [rows, total] = await query.addOrderBy('u.id').take(filter.limit).skip(filter.offset).getManyAndCount();
    return { items: rows.map(toUser), total };
  }

  async updateProfile(id: string, profile: { displayName?: string; locale?: Locale }): Promise<void> {
    if (Object.keys(profile).length > 0) await this.transactions.autocommit.update(UserEntity, { id }, profile);
  }

  /**
   * What an access token's check and the caller's rights need (role, account state, session,
   * organisation), in one statement on the two primary/family indexes.
   */
  async callerState(userId: string, sessionId: string): Promise<CallerState | null> {
    const rows: CallerState[] = await this.transactions.autocommit.query(
      `SELECT u.role, u.active, u.token_version AS "tokenVersion", u.organisation_id AS "organisationId",
              EXISTS (SELECT 1 FROM refresh_tokens t
                      WHERE t.family_id = $2 AND t.user_id = u.id AND t.revoked_at IS NULL) AS "sessionLive"
       FROM users u WHERE u.id = $1`,
      [userId, sessionId],
    );
    return rows[0] ?? null;
  }

  /** Changes a role or the active flag; deactivating also ends every token issued so far. */
  async updateAccount(tx: Transaction, id: string, change: { role?: Role; active?: boolean }): Promise<void> {
    const endTokens = change.active === false ? { tokenVersion: () => 'token_version + 1' } : {};
    await tx
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...change, ...endTokens })
      .where('id = :id', { id })
      .execute();
  }

  async setOrganisation(tx: Transaction, userId: string, organisationId: string): Promise<void> {
    await tx.update(UserEntity, { id: userId }, { organisationId });
  }
}

function toUser(row: UserEntity): User {
  const { passwordHash: _secret, ...user } = row;
  return user;
}
