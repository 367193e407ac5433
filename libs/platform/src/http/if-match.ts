import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { Request } from 'express';
import { PreconditionRequiredError, ValidationError } from '../errors';

/** Parses `If-Match: "<version>"` (quotes and W/ optional) into the version number it names. */
export function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw new PreconditionRequiredError();
  const match = header.trim().match(/^(?:W\/)?"?(\d{1,9})"?$/);
  if (!match) {
    throw new ValidationError([{ field: 'If-Match', message: 'must be the version number, e.g. "3"' }]);
  }
  return Number(match[1]);
}

export const IfMatchVersion = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  parseIfMatch(context.switchToHttp().getRequest<Request>().headers['if-match']),
);
