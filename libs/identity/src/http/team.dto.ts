import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

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
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName: string;
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
