import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ForbiddenError, PLATFORM_ERRORS } from '../errors';
import { ACCESS_METADATA, AccessRule, RequestWithUser } from './access.decorators';
import { AccessTokens, bearerToken } from './access-token';

/** Deny by default: a route is reachable only as its access decorator allows. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenError('This route declares no access rule.');

    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const user = await this.tokens.authenticate(bearerToken(request.headers.authorization));
    if (user) request.user = user;

    if (rule.kind === 'public') return true;
    if (!request.user) throw new DomainError(PLATFORM_ERRORS.UNAUTHENTICATED, 'A valid access token is required.');
    if (rule.kind === 'roles' && !rule.roles.includes(request.user.role)) throw new ForbiddenError();
    return true;
  }
}
