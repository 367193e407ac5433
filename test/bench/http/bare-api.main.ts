import 'reflect-metadata';
import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Pool } from 'pg';
import { BARE_POOL, BareApiController } from './bare-api.controller';

/**
 * The bench's floor as a process of its own: a minimal NestJS app on platform-express with the
 * project's routes, a `pg` pool as large as the project's and JWT verification with a key object.
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
  controllers: [BareApiController],
  providers: [
    { provide: BARE_POOL, useFactory: () => new Pool({ connectionString: env.databaseUrl, max: env.poolSize }) },
  ],
})
class BareApiModule {}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BareApiModule, { logger: ['error'] });
  app.enableShutdownHooks();
  await app.listen(env.port, '127.0.0.1');
}

void bootstrap();
