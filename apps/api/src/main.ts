import 'reflect-metadata';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PlatformConfig, configureHttpApp, logUnhandledRejections, platformConfig } from '@app/platform';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  // The build puts this file in dist/apps/api/src and the web app in dist/web.
  configureHttpApp(app, { webRoot: join(__dirname, '..', '..', '..', 'web') });
  const config = app.get<PlatformConfig>(platformConfig.KEY);
  await app.listen(config.PORT, '0.0.0.0');
}

logUnhandledRejections();
void bootstrap();
