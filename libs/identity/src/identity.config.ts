import { ConfigType, registerAs } from '@nestjs/config';
import { IsEmail, IsInt, IsOptional, IsString, Min, MinLength } from 'class-validator';
import { readEnv } from '@app/platform';

export class IdentityEnv {
  @IsInt()
  @Min(1)
  REFRESH_TOKEN_TTL_DAYS: number = 14;

  /** Failed or not, login attempts allowed per e-mail and client address in each window. */
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT: number = 10;

  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS: number = 60;

  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  BOOTSTRAP_ADMIN_PASSWORD?: string;
}

export const identityConfig = registerAs('identity', () => readEnv(IdentityEnv));
export type IdentityConfig = ConfigType<typeof identityConfig>;
