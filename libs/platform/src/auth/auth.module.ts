import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AccessTokens } from './access-token';
import { AccessGuard } from './access.guard';
import { ApiTokenAuthenticator } from './api-tokens';
import { AccountLinkSigner, accountLinksConfig } from './account-links';
import { AuthConfig, authConfig } from './auth.config';
import { CallerStates } from './caller-states';
import { ReadGrants } from './read-grants';

/**
 * Verifies access tokens on every route against their user's current state; identity signs them with
 * the same JwtService and registers the source of that state.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forFeature(authConfig),
    ConfigModule.forFeature(accountLinksConfig),
    JwtModule.registerAsync({
      imports: [ConfigModule.forFeature(authConfig)],
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => ({
        // A key object: given a string, jsonwebtoken first tries it as a PEM public key, which throws, on every call.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET)),
        signOptions: { expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    AccessTokens,
    ApiTokenAuthenticator,
    CallerStates,
    ReadGrants,
    AccountLinkSigner,
  ],
  exports: [JwtModule, ConfigModule, AccessTokens, ApiTokenAuthenticator, CallerStates, ReadGrants, AccountLinkSigner],
})
export class PlatformAuthModule {}
