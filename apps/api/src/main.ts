import 'reflect-metadata';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PlatformConfig, configureHttpApp, platformConfig } from '@app/platform';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  // The build puts this file in dist/apps/api/src and the web app in dist/web.
  configureHttpApp(app, { webRoot: join(__dirname, '..', '..', '..', 'web') });
  const config = app.get<PlatformConfig>(platformConfig.KEY);
  await app.listen(config.PORT, '0.0.0.0');
}

// A promise that a library let go of (a Redis command timing out under the queue dashboard) is logged:
// it must not end the process and every request in flight with it.
process.on('unhandledRejection', (reason) => new Logger('Process').error({ err: reason }, 'Unhandled rejection'));

void bootstrap();
