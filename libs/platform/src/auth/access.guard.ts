import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ForbiddenError, PLATFORM_DETAILS, PLATFORM_ERRORS, problemDetail } from '../errors';
import { ACCESS_METADATA, AccessRule, RequestWithUser } from './access.decorators';
import { AccessTokens, bearerToken } from './access-token';
import type { AuthUser } from './auth.types';
import { ApiTokenRouteRule, apiTokenRuleOfTags, apiTokenScopeRefusal, looksLikeApiToken } from './api-token-scopes';
import { API_TOKEN_RULE_METADATA, ApiTokenAuthenticator, InsufficientScopeError } from './api-tokens';
import { setCurrentApiToken } from '../http/request-context';

/** Where @ApiTags keeps a controller's or route's tags. */
const OPENAPI_TAGS_METADATA = 'swagger/apiUseTags';

/** Deny by default: a route is reachable only as its access decorator allows. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly apiTokens: ApiTokenAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenError(problemDetail(PLATFORM_DETAILS.NO_ACCESS_RULE));

    const request = context.switchToHttp().getRequest<RequestWithUser>();
    const bearer = bearerToken(request.headers.authorization);
    if (looksLikeApiToken(bearer)) {
      // A personal API token: refused outright when not valid, even where no token is needed.
      const { user, token, lastUseStale } = await this.apiTokens.authenticate(bearer);
      request.user = user;
      request.apiToken = token;
      setCurrentApiToken(token);
      const refusal = apiTokenScopeRefusal(token.scopes, request.method, this.apiTokenRule(context));
      if (refusal) throw new InsufficientScopeError(refusal);
      checkRule(rule, user);
      if (lastUseStale) await this.apiTokens.recordUse(token.id);
      return true;
    }

    const user = await this.tokens.authenticate(bearer);
    if (user) request.user = user;
    checkRule(rule, request.user);
    return true;
  }

  /** What API tokens may do here: the route's or controller's declared rule, else its tags'. */
  private apiTokenRule(context: ExecutionContext): ApiTokenRouteRule {
    const targets = [context.getHandler(), context.getClass()];
    const declared = this.reflector.getAllAndOverride<ApiTokenRouteRule | undefined>(API_TOKEN_RULE_METADATA, targets);
    return (
      declared ??
      apiTokenRuleOfTags(this.reflector.getAllAndOverride<string[] | undefined>(OPENAPI_TAGS_METADATA, targets))
    );
  }
}

/** Throws unless the rule lets this caller (or no caller) in. */
function checkRule(rule: AccessRule, user: AuthUser | undefined): void {
  if (rule.kind === 'public') return;
  if (!user) throw new DomainError(PLATFORM_ERRORS.UNAUTHENTICATED, problemDetail(PLATFORM_DETAILS.UNAUTHENTICATED));
  if (rule.kind === 'roles' && !rule.roles.includes(user.role)) throw new ForbiddenError();
}
