import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto, ROLES, Role, sortValues, trimmed } from '@app/platform';
import { MAX_ACCOUNT_CHANGE_REASON_LENGTH } from '../domain/account-change';
import { REGIONS, Region } from '../domain/geography';
import {
  MEMBERSHIP_CATEGORIES,
  MembershipCategory,
  ORGANISATION_TYPES,
  OrganisationType,
} from '../domain/organisation';
import { LOCALES, Locale } from '../domain/user';
import { USER_SORT_KEYS, USER_STATUS_FILTERS, UserStatusFilter } from '../infrastructure/users.repository';
import { NewPasswordField } from './password.field';

const STAFF_ACCOUNT_ROLES = ['evaluator', 'secretariat', 'admin'] as const;

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class RegisterDto {
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @NewPasswordField()
  password: string;

  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class RegisteredUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  email: string;
  @ApiProperty({ enum: ['applicant'] })
  role: 'applicant';
}

export class LoginDto {
  @IsString()
  @MaxLength(254)
  email: string;

  @IsString()
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  email: string;
  displayName: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
  @ApiPropertyOptional({ format: 'uuid' })
  organisationId?: string;
  @ApiPropertyOptional()
  countryCode?: string;
  @ApiProperty({ enum: LOCALES })
  locale: Locale;
  /** Whether the user confirmed its e-mail address (by the link e-mailed to it). */
  emailVerified: boolean;
  /** Whether the user must still confirm its address before submitting an application. */
  emailVerificationRequired: boolean;
}

/** A sign-up's fields plus what the secretariat knows of a staff member. */
export class CreateUserDto extends RegisterDto {
  @ApiProperty({ enum: ['evaluator', 'secretariat'] })
  @IsIn(['evaluator', 'secretariat'])
  role: 'evaluator' | 'secretariat';

  @ApiPropertyOptional({ example: 'KE' })
  @IsOptional()
  @Transform(upper)
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code' })
  countryCode?: string;

  /** The organisation the evaluator works for; used to find conflicts of interest. */
  @IsOptional()
  @IsString()
  @MaxLength(300)
  affiliation?: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  email: string;
  displayName: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
  @ApiProperty({ type: 'string', nullable: true })
  countryCode: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  affiliation: string | null;
  @ApiProperty({ enum: LOCALES })
  locale: Locale;
  /** False once deactivated: the user can no longer sign in and its tokens stop working. */
  active: boolean;
}

/** A change of an account by the secretariat; at least one field. Only an admin grants or changes `admin`. */
export class UpdateUserDto {
  @ApiPropertyOptional({ enum: STAFF_ACCOUNT_ROLES })
  @ValidateIf((body: UpdateUserDto) => body.role !== undefined)
  @IsIn(STAFF_ACCOUNT_ROLES)
  role?: (typeof STAFF_ACCOUNT_ROLES)[number];

  /** False deactivates the account at once (its tokens stop working); true lets it sign in again. */
  @ApiPropertyOptional()
  @ValidateIf((body: UpdateUserDto) => body.active !== undefined)
  @IsBoolean()
  active?: boolean;

  /** Why the account changes; kept in its history (the web app asks for one). */
  @ApiPropertyOptional({ maxLength: MAX_ACCOUNT_CHANGE_REASON_LENGTH })
  @ValidateIf((body: UpdateUserDto) => body.reason !== undefined)
  @Transform(trimmed)
  @IsString()
  @MaxLength(MAX_ACCOUNT_CHANGE_REASON_LENGTH)
  reason?: string;
}

export class CreateOrganisationDto {
  @Transform(trimmed)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: 'SN', description: 'ISO 3166-1 alpha-2; the ITU region is derived from it.' })
  @Transform(upper)
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code' })
  countryCode: string;

  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES)
  type: OrganisationType;

  /** The Union's membership category; presumed from the type when left out, corrected by the secretariat. */
  @ApiPropertyOptional({ enum: MEMBERSHIP_CATEGORIES })
  @IsOptional()
  @IsIn(MEMBERSHIP_CATEGORIES)
  membershipCategory?: MembershipCategory;

  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  city?: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  website?: string;
}

export class MembershipCategoryChangeDto {
  @ApiProperty({ enum: MEMBERSHIP_CATEGORIES })
  @IsIn(MEMBERSHIP_CATEGORIES)
  membershipCategory: MembershipCategory;

  /** Why, kept in the audit trail. */
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_ACCOUNT_CHANGE_REASON_LENGTH)
  reason: string;
}

export class OrganisationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  name: string;
  countryCode: string;
  countryName: string;
  @ApiProperty({ enum: REGIONS })
  region: Region;
  /** Whether the country is an ITU Member State. */
  memberState: boolean;
  @ApiProperty({ enum: ORGANISATION_TYPES })
  type: OrganisationType;
  /** The Union's membership category, which calls are addressed by. */
  @ApiProperty({ enum: MEMBERSHIP_CATEGORIES })
  membershipCategory: MembershipCategory;
  @ApiProperty({ type: 'string', nullable: true })
  city: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  website: string | null;
  createdAt: Date;
}

export class CountryDto {
  code: string;
  @ApiProperty({ enum: REGIONS })
  region: Region;
  memberState: boolean;
  nameEn: string;
  nameFr: string;
}

/** At least one field; null is refused (neither can be cleared). */
export class UpdateMeDto {
  @ValidateIf((me: UpdateMeDto) => me.displayName !== undefined || me.locale === undefined)
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;

  /** The language of the user's notifications, e-mails and pages. */
  @ApiPropertyOptional({ enum: LOCALES })
  @ValidateIf((me: UpdateMeDto) => me.locale !== undefined)
  @IsIn(LOCALES)
  locale?: Locale;
}

export class LogoutDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken: string;
}

const USER_SORTS = sortValues(USER_SORT_KEYS);

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** Part of the name, e-mail or affiliation, any case. */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(200)
  q?: string;

  /** Active accounts, or deactivated ones; without it, both. */
  @ApiPropertyOptional({ enum: USER_STATUS_FILTERS })
  @IsOptional()
  @IsIn(USER_STATUS_FILTERS)
  status?: UserStatusFilter;

  /** What to sort by, descending with a leading `-`; ties by name. By name by default. */
  @ApiPropertyOptional({ enum: USER_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(USER_SORTS)
  sort?: string;
}

export class UserListItemDto extends UserDto {
  createdAt: Date;
}
