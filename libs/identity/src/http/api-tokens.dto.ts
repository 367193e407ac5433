import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { API_TOKEN_SCOPES, ApiTokenScope, isoDateTime, trimmed } from '@app/platform';

export class CreateApiTokenDto {
  /** What the token is for, e.g. the integration that uses it; audit entries name it. */
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\u0000-\u001f\u007f-\u009f]*$/, { message: 'name must not contain control characters' })
  name: string;

  /** When the token stops working: in the future, within 366 days. */
  @ApiProperty({ type: 'string', format: 'date-time' })
  @Transform(isoDateTime)
  @IsDate({ message: 'expiresAt must be an ISO 8601 date-time' })
  expiresAt: Date;

  /** `read` reads only; each `<area>:write` also writes in its area (calls, applications, scoring). */
  @ApiProperty({ enum: API_TOKEN_SCOPES, isArray: true, minItems: 1, maxItems: API_TOKEN_SCOPES.length })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_TOKEN_SCOPES.length)
  @IsIn(API_TOKEN_SCOPES, { each: true })
  scopes: ApiTokenScope[];
}

export class ApiTokenDto {
  id: string;
  name: string;
  @ApiProperty({ enum: API_TOKEN_SCOPES, isArray: true })
  scopes: string[];
  /** The beginning of the secret, to tell tokens apart. */
  prefix: string;
  expiresAt: Date;
  /** The last request made with it, to the minute. */
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  lastUsedAt: Date | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  revokedAt: Date | null;
  createdAt: Date;
}

export class CreatedApiTokenDto {
  token: ApiTokenDto;
  /** The secret, to send as `Authorization: Bearer …`: shown this once, never again. */
  secret: string;
}
