import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, AuthUser } from './auth.types';
import { CallerStates } from './caller-states';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Access tokens follow their user: a signed, unexpired token identifies the caller only while the
 * user exists and is active, the token's version is current and its session is not signed out;
 * the role is the user's current one, never the token's.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly callers: CallerStates,
  ) {}

  /** The caller a token names, as it is now; undefined for anything else. */
  async authenticate(token: string | undefined): Promise<AuthUser | undefined> {
    const claims = await this.verify(token);
    if (!claims) return undefined;
    const state = await this.callers.current(claims.sub, claims.sid);
    if (!state || !state.active || !state.sessionLive || state.tokenVersion !== claims.ver) return undefined;
    return { id: claims.sub, role: state.role, organisationId: state.organisationId, sessionId: claims.sid };
  }

  private async verify(token: string | undefined): Promise<AccessTokenClaims | undefined> {
    if (!token) return undefined;
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token);
      const { sub, sid, ver } = claims;
      return typeof sub === 'string' &&
        UUID.test(sub) &&
        typeof sid === 'string' &&
        UUID.test(sid) &&
        Number.isInteger(ver)
        ? (claims as AccessTokenClaims)
        : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+(\S+)$/i)?.[1];
}
