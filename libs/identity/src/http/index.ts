import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { identityConfig } from '../identity.config';
import { IdentityModule } from '../identity.module';
import { LoginCounters } from '../infrastructure/login-counters';
import { AuthController } from './auth.controller';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { UsersController } from './users.controller';

/** The identity context's HTTP edge; login counters live in Redis so every replica shares them. */
@Module({
  imports: [IdentityModule, ConfigModule.forFeature(identityConfig)],
  providers: [LoginCounters, LoginThrottlerGuard],
  controllers: [AuthController, UsersController],
})
export class IdentityHttpModule {}
