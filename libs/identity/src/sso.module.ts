import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuditModule } from '@app/audit';
import { SsoService } from './application/sso.service';
import { AccountLinkFlowsModule } from './account-link-flows.module';
import { IdentityModule } from './identity.module';
import { UserIdentitiesRepository } from './infrastructure/user-identities.repository';
import { UsersRepository } from './infrastructure/users.repository';
import { ssoConfig } from './sso.config';

/** Single sign-on with an OpenID Connect provider (SsoService), for the HTTP edge; it accepts invitations of verified addresses. */
@Module({
  imports: [ConfigModule.forFeature(ssoConfig), IdentityModule, AccountLinkFlowsModule, AuditModule],
  providers: [SsoService, UserIdentitiesRepository, UsersRepository],
  exports: [SsoService],
})
export class SsoModule {}
