import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { PlatformConfig, platformConfig } from '../config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** A caller's X-Request-Id when well-formed, else a new one; echoed on the response. */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const header = request.headers['x-request-id'];
  const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/** Structured JSON logs with the request id on every line. */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      imports: [ConfigModule.forFeature(platformConfig)],
      inject: [platformConfig.KEY],
      useFactory: (config: PlatformConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: requestId,
          redact: ['req.headers.authorization', 'req.headers.cookie'],
          // The access record of a request made with a personal API token (reads included): its id and name.
          customProps: (req: IncomingMessage & { apiToken?: { id: string; name: string } }) =>
            req.apiToken ? { apiToken: { id: req.apiToken.id, name: req.apiToken.name } } : {},
          customLogLevel: (_req, res, err) =>
            err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
        },
      }),
    }),
  ],
})
export class LoggerModule {}
