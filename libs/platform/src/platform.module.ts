import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { PlatformAuthModule } from './auth';
import { platformConfig } from './config';
import { DatabaseModule } from './database';
import { LoggerModule } from './logger';
import { OutboxModule } from './outbox';
import { RedisModule } from './redis';

/** Configuration, logs, PostgreSQL, Redis, the outbox writer and token verification: what every process needs. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [platformConfig] }),
    LoggerModule,
    DatabaseModule,
    RedisModule,
    PlatformAuthModule,
    OutboxModule,
  ],
  exports: [DatabaseModule, RedisModule, PlatformAuthModule, OutboxModule],
})
export class PlatformModule {}
