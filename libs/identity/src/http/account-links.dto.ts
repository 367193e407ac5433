import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto, ROLES, Role, sortValues, trimmed } from '@app/platform';
import { INVITATION_STATUSES, INVITED_ROLES, InvitationStatus, InvitedRole } from '../domain/invitation';
import { LOCALES, Locale } from '../domain/user';
import { INVITATION_SORT_KEYS } from '../infrastructure/invitations.repository';
import { NewPasswordField } from './password.field';

/** Longer than any token the platform makes (43 characters), short enough to refuse junk at once. */
const MAX_TOKEN_LENGTH = 200;

export class CreateInvitationDto {
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ enum: INVITED_ROLES })
  @IsIn(INVITED_ROLES)
  role: InvitedRole;

  /** The language of the invitation e-mail and of the account's notifications. */
  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  /** Calls whose panel an invited evaluator joins on accepting (only for evaluators). */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  callIds?: string[];
}

export class InvitationDto {
  /** The invited user's id. */
  @ApiProperty({ format: 'uuid' })
  id: string;
  email: string;
  displayName: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
  @ApiProperty({ enum: LOCALES })
  locale: Locale;
  @ApiProperty({ type: [String], format: 'uuid' })
  callIds: string[];
  @ApiProperty({ enum: INVITATION_STATUSES })
  status: InvitationStatus;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  invitedBy: string | null;
  /** When the newest invitation e-mail was sent. */
  sentAt: Date;
  /** Until when its link works. */
  expiresAt: Date;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  acceptedAt: Date | null;
}

const INVITATION_SORTS = sortValues(INVITATION_SORT_KEYS);

export class InvitationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INVITATION_STATUSES })
  @IsOptional()
  @IsIn(INVITATION_STATUSES)
  status?: InvitationStatus;

  /** What to sort by (`person` is the name), descending with a leading `-`; the most recently sent first by default. */
  @ApiPropertyOptional({ enum: INVITATION_SORTS, default: '-sentAt' })
  @IsOptional()
  @IsIn(INVITATION_SORTS)
  sort?: string;
}

export class AccountLinkTokenDto {
  /** The token of the e-mailed link (after `#token=`). */
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TOKEN_LENGTH)
  token: string;
}

export class AcceptInvitationDto extends AccountLinkTokenDto {
  @NewPasswordField()
  password: string;

  /** The name to go by, if not the one the secretariat wrote. */
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;
}

export class InvitationPreviewDto {
  email: string;
  displayName: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
  expiresAt: Date;
}

export class PasswordResetRequestDto {
  @IsString()
  @MaxLength(254)
  email: string;
}

export class PasswordResetRequestedDto {
  /** The same whether or not the address has an account. */
  @ApiProperty({ example: 'If an account uses this address, a link to reset its password has been sent to it.' })
  message: string;
}

export class PasswordResetConfirmDto extends AccountLinkTokenDto {
  @NewPasswordField()
  password: string;
}

export class ChangePasswordDto {
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @NewPasswordField()
  newPassword: string;
}
