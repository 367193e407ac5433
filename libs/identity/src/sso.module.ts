import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuditModule } from '@app/audit';
import { SsoService } from './application/sso.service';
import { IdentityModule } from './identity.module';
import { UserIdentitiesRepository } from './infrastructure/user-identities.repository';
import { UsersRepository } from './infrastructure/users.repository';
import { ssoConfig } from './sso.config';

/** Single sign-on with an OpenID Connect provider (SsoService), for the HTTP edge and, later, invitations. */
@Module({
  imports: [ConfigModule.forFeature(ssoConfig), IdentityModule, AuditModule],
  providers: [SsoService, UserIdentitiesRepository, UsersRepository],
  exports: [SsoService],
})
export class SsoModule {}
