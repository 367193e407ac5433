import type { JwtService } from '@nestjs/jwt';
import { AccessTokenClaims, AuthUser, ROLES } from './auth.types';

/** The caller a signed, unexpired access token names; undefined for anything else. */
export async function verifyAccessToken(jwt: JwtService, token: string | undefined): Promise<AuthUser | undefined> {
  if (!token) return undefined;
  try {
    const claims = await jwt.verifyAsync<AccessTokenClaims>(token);
    return typeof claims.sub === 'string' && ROLES.includes(claims.role)
      ? { id: claims.sub, role: claims.role }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The token of an `Authorization: Bearer …` header. */
export function bearerToken(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+(\S+)$/i)?.[1];
}
