import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import compression from 'compression';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AuthConfig, authConfig, trustedProxies } from '../auth';
import { PlatformConfig, platformConfig } from '../config';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation.pipe';
import { HostileInputPipe } from './hostile-input.pipe';
import { MAX_JSON_DEPTH, refuseDeepJson } from './hostile-input';
import { answerClientErrorsAsProblems } from './client-error';
import { serveOpenApi } from './openapi';
import { serveWebApp } from './web-app';

export const API_PREFIX = 'api/v1';

export interface HttpAppOptions {
  /** The built web app (dist/web) to serve beside the API; nothing is served when it is absent or not built. */
  webRoot?: string;
}

/** Everything an HTTP app needs before it listens; shared by the api and the end-to-end tests. */
export function configureHttpApp(app: NestExpressApplication, options: HttpAppOptions = {}): void {
  const config = app.get<PlatformConfig>(platformConfig.KEY);
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', trustedProxies(app.get<AuthConfig>(authConfig.KEY).TRUST_PROXY));
  app.use(securityHeaders());
  // gzip or brotli (quality 4: fast enough per request) by Accept-Encoding, for bodies of 1 kB or
  // more whose type gains from it (JSON, problem+json, HTML, CSS, JS, SVG, CSV, the metrics); not
  // PDF, ZIP, XLSX or images, whose bytes are compressed already. The web app's assets come
  // compressed from the build.
  app.use(compression());
  if (options.webRoot) serveWebApp(app, options.webRoot);
  // Nest's typing leaves `verify` out (it uses it for rawBody, which this app does not ask for).
  const jsonOptions = { limit: config.JSON_BODY_LIMIT, verify: refuseDeepJson(MAX_JSON_DEPTH) };
  app.useBodyParser('json', jsonOptions);
  app.useBodyParser('urlencoded', { limit: config.JSON_BODY_LIMIT, extended: false });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/{*path}', method: RequestMethod.ALL },
      { path: 'metrics', method: RequestMethod.ALL },
      { path: 'queues', method: RequestMethod.ALL },
      { path: 'queues/{*path}', method: RequestMethod.ALL },
    ],
  });
  app.useGlobalPipes(new HostileInputPipe(), createValidationPipe());
  answerClientErrorsAsProblems(app.getHttpServer());
  app.useGlobalFilters(new ProblemDetailsFilter());
  serveOpenApi(app);
}

/** The third-party UIs served beside the API: the OpenAPI UI needs inline scripts; Bull Board was built for that policy. */
const OPERATOR_UIS = /^\/(docs|queues)(\/|$)/;

/**
 * Helmet's headers. The web app runs only its own scripts; its styles need 'unsafe-inline'
 * because Mantine writes its theme as a <style> element and sets style attributes, which no nonce
 * covers. Only the operators' UIs keep inline scripts.
 */
function securityHeaders(): (req: Request, res: Response, next: NextFunction) => void {
  const app = helmet({
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'connect-src': ["'self'"] },
    },
  });
  const operators = helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"] } } });
  return (req, res, next) => (OPERATOR_UIS.test(req.path) ? operators : app)(req, res, next);
}
