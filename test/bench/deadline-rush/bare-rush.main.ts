import 'reflect-metadata';
import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import { BARE_POOL, BareApiController } from '../http/bare-api.controller';
import { BareUploadController } from './bare-upload.controller';

/**
 * The deadline rush's floor as a process of its own: the HTTP bench's bare NestJS app (its
 * submission: the same checks and one statement writing the submission, its audit event, the
 * receipt and its e-mail job) with a bare upload beside it, a `pg` pool as large as the project's.
 * Environment: DATABASE_URL, JWT_SECRET, PORT, DB_POOL_SIZE.
 */
const env = {
  databaseUrl: process.env.DATABASE_URL,
  jwtSecret: process.env.JWT_SECRET ?? '',
  port: Number(process.env.PORT),
  poolSize: Number(process.env.DB_POOL_SIZE ?? 10),
};

@Module({
  imports: [
    JwtModule.register({
      secret: createSecretKey(Buffer.from(env.jwtSecret)),
      verifyOptions: { algorithms: ['HS256'] },
    }),
  ],
  controllers: [BareApiController, BareUploadController],
  providers: [
    { provide: BARE_POOL, useFactory: () => new Pool({ connectionString: env.databaseUrl, max: env.poolSize }) },
  ],
})
class BareRushModule {}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BareRushModule, { logger: ['error'] });
  app.enableShutdownHooks();
  await app.listen(env.port, '127.0.0.1');
}

void bootstrap();
