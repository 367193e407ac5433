import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SsoSettingsDto {
  /** Whether the platform offers single sign-on. */
  enabled: boolean;
  /** The identity provider's name, for a "Sign in with …" button; present when enabled. */
  displayName?: string;
}

export class SsoStartQueryDto {
  /** A path of the web app to go to once signed in (e.g. an invitation page); anything else is ignored. */
  @IsOptional()
  @IsString()
  @MaxLength(512)
  returnTo?: string;
}

export class SsoCallbackQueryDto {
  /** The authorization code, from the identity provider. */
  @IsOptional()
  @IsString()
  code?: string;
  /** The state of the sign-in this answers. */
  @IsOptional()
  @IsString()
  state?: string;
  /** The provider's issuer identifier (RFC 9207). */
  @IsOptional()
  @IsString()
  iss?: string;
  /** The provider's refusal (e.g. access_denied when the user cancelled). */
  @IsOptional()
  @IsString()
  error?: string;
  @IsOptional()
  @IsString()
  error_description?: string;
}

export class SsoExchangeDto {
  /** The one-time code the callback gave the web app (in the fragment of /sso/complete). */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  code: string;
}
