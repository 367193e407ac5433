import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { NotFoundError, Page, Role, Transaction } from '@app/platform';
import { Locale, User } from '../domain/user';
import { IdentityConfig, identityConfig } from '../identity.config';
import { UserListFilter, UsersRepository } from '../infrastructure/users.repository';
import { CountriesService } from './countries.service';
import { PasswordHasher } from './password-hasher';

export interface NewStaffUser {
  email: string;
  password: string;
  displayName: string;
  role: Extract<Role, 'evaluator' | 'secretariat'>;
  countryCode?: string;
  affiliation?: string;
  locale?: Locale;
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly passwords: PasswordHasher,
    private readonly countries: CountriesService,
    @Inject(identityConfig.KEY) private readonly config: IdentityConfig,
  ) {}

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /** Users by id; unknown ids are left out. */
  getMany(ids: string[], tx?: Transaction): Promise<User[]> {
    return this.users.findByIds([...new Set(ids)], tx);
  }

  /** For the secretariat: e.g. the evaluators to seat on a panel. */
  list(filter: UserListFilter): Promise<Page<User>> {
    return this.users.list(filter);
  }

  /** A user changes its own name or language (its next notifications are written in it). */
  async updateProfile(id: string, profile: { displayName?: string; locale?: Locale }): Promise<User> {
    await this.users.updateProfile(id, profile);
    return this.get(id);
  }

  /** Evaluators and secretariat members are created by the secretariat, never by sign-up. */
  async createStaffUser(input: NewStaffUser): Promise<User> {
    if (input.countryCode) await this.countries.require(input.countryCode, 'countryCode');
    return this.users.insert({
      email: input.email.trim().toLowerCase(),
      passwordHash: await this.passwords.hash(input.password),
      role: input.role,
      displayName: input.displayName.trim(),
      countryCode: input.countryCode ?? null,
      affiliation: input.affiliation?.trim() || null,
      locale: input.locale ?? 'en',
      organisationId: null,
    });
  }

  /** Creates the bootstrap admin from the environment when it does not exist yet. */
  async onApplicationBootstrap(): Promise<void> {
    const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return;
    const created = await this.users.insertIfAbsent({
      email: email.trim().toLowerCase(),
      passwordHash: await this.passwords.hash(password),
      role: 'admin',
      displayName: 'Administrator',
      locale: 'en',
      countryCode: null,
      affiliation: null,
      organisationId: null,
    });
    if (created) this.logger.log(`Bootstrap admin ${email} created`);
  }
}
