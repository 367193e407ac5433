import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { PlatformConfig, configureHttpApp, platformConfig } from '@app/platform';
import { ApiModule } from './api.module';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  configureHttpApp(app);
  const config = app.get<PlatformConfig>(platformConfig.KEY);
  await app.listen(config.PORT, '0.0.0.0');
}

void bootstrap();
