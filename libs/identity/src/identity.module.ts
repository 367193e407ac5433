import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { NotificationsModule } from '@app/notifications';
import { AccountLinksService } from './application/account-links.service';
import { AccountsService } from './application/accounts.service';
import { AuthService } from './application/auth.service';
import { CallerStateRegistration } from './application/caller-state-registration';
import { CountriesService } from './application/countries.service';
import { InvitationHooks } from './application/invitation-hooks';
import { EmailVerificationService } from './application/email-verification.service';
import { OrganisationMembersService } from './application/organisation-members.service';
import { OrganisationsService } from './application/organisations.service';
import { PasswordHasher } from './application/password-hasher';
import { SessionsService } from './application/sessions.service';
import { UsersService } from './application/users.service';
import { identityConfig } from './identity.config';
import { AccountLinksRepository } from './infrastructure/account-links.repository';
import { AccountsRepository } from './infrastructure/accounts.repository';
import { CountryEntity, OrganisationEntity, RefreshTokenEntity, UserEntity } from './infrastructure/identity.entities';
import { OrganisationMembersRepository } from './infrastructure/organisation-members.repository';
import { CountriesRepository, OrganisationsRepository } from './infrastructure/organisations.repository';
import { RefreshTokensRepository } from './infrastructure/refresh-tokens.repository';
import { SessionsRepository } from './infrastructure/sessions.repository';
import { UsersRepository } from './infrastructure/users.repository';

@Module({
  imports: [
    ConfigModule.forFeature(identityConfig),
    TypeOrmModule.forFeature([CountryEntity, OrganisationEntity, UserEntity, RefreshTokenEntity]),
    AuditModule,
    NotificationsModule,
  ],
  providers: [
    AccountLinksService,
    AccountLinksRepository,
    InvitationHooks,
    AuthService,
    CallerStateRegistration,
    UsersService,
    SessionsService,
    AccountsService,
    OrganisationsService,
    OrganisationMembersService,
    OrganisationMembersRepository,
    EmailVerificationService,
    CountriesService,
    PasswordHasher,
    UsersRepository,
    RefreshTokensRepository,
    SessionsRepository,
    AccountsRepository,
    OrganisationsRepository,
    CountriesRepository,
  ],
  exports: [
    AccountLinksService,
    InvitationHooks,
    PasswordHasher,
    AuthService,
    UsersService,
    SessionsService,
    AccountsService,
    OrganisationsService,
    OrganisationMembersService,
    EmailVerificationService,
    CountriesService,
  ],
})
export class IdentityModule {}
