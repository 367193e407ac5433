import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { PlatformConfig, ProblemDetailsFilter, logUnhandledRejections, platformConfig } from '@app/platform';
import { WORKER_SHUTDOWN_LIMIT_MS, endShutdownWithin } from '@app/platform/queue';
import { WorkerModule } from './worker.module';

/** The worker serves no API: only /health/live and /health/ready on WORKER_PORT. */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const logger = app.get(Logger);
  endShutdownWithin(WORKER_SHUTDOWN_LIMIT_MS, () =>
    logger.error(`Shutdown still waiting after ${WORKER_SHUTDOWN_LIMIT_MS} ms; ending the process`, 'Shutdown'),
  );
  const config = app.get<PlatformConfig>(platformConfig.KEY);
  await app.listen(config.WORKER_PORT, '0.0.0.0');
}

logUnhandledRejections();
void bootstrap();
