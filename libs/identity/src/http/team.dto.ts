import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { trimmed } from '@app/platform';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LOCALES, Locale } from '../domain/user';

/** A member of an organisation, as its team and the secretariat see it. */
export class OrganisationMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  displayName: string;
  email: string;
  /** Whether the member confirmed its e-mail address. */
  emailVerified: boolean;
}

/** A colleague a member invites to join its organisation. */
export class InviteColleagueDto {
  @Transform(trimmed)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;

  /** The language of the invitation e-mail and of the colleague's account; the inviter's by default. */
  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class ConfirmEmailDto {
  @ApiProperty({ description: 'The token of the link e-mailed to the address.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}

export class EmailVerificationDto {
  /** Whether the caller's e-mail address is now confirmed. */
  emailVerified: boolean;
}
