import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { PlatformConfig, platformConfig } from '../config';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation.pipe';
import { serveOpenApi } from './openapi';

export const API_PREFIX = 'api/v1';

/** Everything an HTTP app needs before it listens; shared by the api and the end-to-end tests. */
export function configureHttpApp(app: NestExpressApplication): void {
  const config = app.get<PlatformConfig>(platformConfig.KEY);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      // The OpenAPI UI at /docs needs inline scripts and styles.
      contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"] } },
    }),
  );
  app.useBodyParser('json', { limit: config.JSON_BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: config.JSON_BODY_LIMIT, extended: false });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/{*path}', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.ALL },
      { path: 'queues', method: RequestMethod.ALL },
      { path: 'queues/{*path}', method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  serveOpenApi(app);
}
