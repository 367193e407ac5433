import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuditModule } from '@app/audit';
import { NotificationsModule } from '@app/notifications';
import { InvitationsService } from './application/invitations.service';
import { LinkRequestLimits } from './application/link-request-limits';
import { PasswordsService } from './application/passwords.service';
import { identityConfig } from './identity.config';
import { IdentityModule } from './identity.module';
import { InvitationsRepository } from './infrastructure/invitations.repository';
import { LoginCounters } from './infrastructure/login-counters';
import { PasswordsRepository } from './infrastructure/passwords.repository';

/** What people do through e-mailed links: accept invitations, reset passwords; and change passwords. */
@Module({
  imports: [ConfigModule.forFeature(identityConfig), IdentityModule, NotificationsModule, AuditModule],
  providers: [
    InvitationsService,
    PasswordsService,
    InvitationsRepository,
    PasswordsRepository,
    LinkRequestLimits,
    LoginCounters,
  ],
  exports: [InvitationsService, PasswordsService],
})
export class AccountLinkFlowsModule {}
