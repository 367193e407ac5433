import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { PlatformConfig, ProblemDetailsFilter, platformConfig } from '@app/platform';
import { WorkerModule } from './worker.module';

/** The worker serves no API: only /health/live and /health/ready on WORKER_PORT. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const config = app.get<PlatformConfig>(platformConfig.KEY);
  await app.listen(config.WORKER_PORT, '0.0.0.0');
}

void bootstrap();
