import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { REDIS } from '@app/platform';
import { IdentityConfig, identityConfig } from '../identity.config';
import { IdentityModule } from '../identity.module';
import { AuthController } from './auth.controller';
import { UsersController } from './users.controller';

/** The identity context's HTTP edge; login counters live in Redis so every replica shares them. */
@Module({
  imports: [
    IdentityModule,
    ThrottlerModule.forRootAsync({
      imports: [ConfigModule.forFeature(identityConfig)],
      inject: [identityConfig.KEY, REDIS],
      useFactory: (config: IdentityConfig, redis: Redis) => ({
        // Named 'default' because the library suffixes its headers with any other name ("Retry-After-login"),
        // which clients do not understand; only LoginThrottlerGuard uses this throttler.
        throttlers: [{ name: 'default', limit: config.LOGIN_RATE_LIMIT, ttl: config.LOGIN_RATE_WINDOW_SECONDS * 1000 }],
        storage: new ThrottlerStorageRedisService(redis),
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
})
export class IdentityHttpModule {}
