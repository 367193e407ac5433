import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AccountLinkFlowsModule } from '../account-link-flows.module';
import { ApiTokensModule } from '../api-tokens.module';
import { identityConfig } from '../identity.config';
import { IdentityModule } from '../identity.module';
import { LoginCounters } from '../infrastructure/login-counters';
import { SsoModule } from '../sso.module';
import { ApiTokensController } from './api-tokens.controller';
import { AccountsController } from './accounts.controller';
import { AuthController } from './auth.controller';
import { EmailVerificationController } from './email-verification.controller';
import { InvitationsController } from './invitations.controller';
import { PasswordsController } from './passwords.controller';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { OrganisationMembersController } from './organisation-members.controller';
import { SessionsController } from './sessions.controller';
import { SsoController } from './sso.controller';
import { UsersController } from './users.controller';
import { VerificationResendGuard } from './verification-resend.guard';

/** The identity context's HTTP edge; login counters live in Redis so every replica shares them. */
@Module({
  imports: [
    IdentityModule,
    ApiTokensModule,
    AccountLinkFlowsModule,
    SsoModule,
    ConfigModule.forFeature(identityConfig),
  ],
  providers: [LoginCounters, LoginThrottlerGuard, VerificationResendGuard],
  controllers: [
    AuthController,
    UsersController,
    AccountsController,
    SessionsController,
    InvitationsController,
    PasswordsController,
    ApiTokensController,
    SsoController,
    EmailVerificationController,
    OrganisationMembersController,
  ],
})
export class IdentityHttpModule {}
