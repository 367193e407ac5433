import { ExecutionContext, SetMetadata, applyDecorators, createParamDecorator } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { Request } from 'express';
import type { ApiTokenUse } from './api-tokens';
import { AuthUser, Role, STAFF_ROLES } from './auth.types';

export const ACCESS_METADATA = 'access';

/** Who may call a route. Every route must say it: the guard refuses routes that do not. */
export type AccessRule = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'roles'; roles: readonly Role[] };

/** Anyone, with or without a token (a valid token still identifies the caller). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Any signed-in user; the service then checks the resource itself. */
export const Authenticated = () =>
  applyDecorators(SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule), ApiBearerAuth());

export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule), ApiBearerAuth());

/** The secretariat, and admins who can do all it can. */
export const Staff = () => Roles(...STAFF_ROLES);

export type RequestWithUser = Request & {
  user?: AuthUser;
  /** The personal API token the request was made with, if any. */
  apiToken?: ApiTokenUse;
};

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<RequestWithUser>().user;
});
