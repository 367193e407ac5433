import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@app/platform';
import type { Region } from '../domain/geography';
import type { MembershipCategory, OrganisationType } from '../domain/organisation';
import type { Locale } from '../domain/user';

@Entity('countries')
export class CountryEntity {
  @PrimaryColumn({ type: 'char', length: 2 })
  code: string;

  @Column('text')
  region: Region;

  @Column({ name: 'member_state', type: 'boolean' })
  memberState: boolean;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ name: 'name_fr', type: 'text' })
  nameFr: string;
}

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column({ name: 'country_code', type: 'char', length: 2 })
  countryCode: string;

  @Column('text')
  type: OrganisationType;

  @Column({ name: 'membership_category', type: 'text' })
  membershipCategory: MembershipCategory;

  @Column({ type: 'text', nullable: true })
  city: string | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  /** Read only by sign-in (UsersRepository.findCredentials), which asks for it. */
  @Column({ name: 'password_hash', type: 'text', select: false, nullable: true })
  passwordHash: string | null;

  @Column('text')
  role: Role;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ name: 'country_code', type: 'char', length: 2, nullable: true })
  countryCode: string | null;

  @Column({ type: 'text', nullable: true })
  affiliation: string | null;

  @Column('text')
  locale: Locale;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'boolean', insert: false })
  active: boolean;

  @Column({ type: 'boolean', insert: false })
  invited: boolean;

  @Column({ name: 'token_version', type: 'integer', insert: false })
  tokenVersion: number;

  /** When the user confirmed its e-mail address (by a link sent to it); null until then. */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt: Date;
}

@Entity('refresh_tokens')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Of the request that obtained the token (sign-in or refresh). */
  @Column({ name: 'user_agent', type: 'text', nullable: true })
  userAgent: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;
}
