import fc from 'fast-check';
import {
  API_TOKEN_AREAS,
  API_TOKEN_PATTERN,
  API_TOKEN_SCOPES,
  apiTokenRuleOfTags,
  apiTokenScopeRefusal,
  hashApiToken,
  looksLikeApiToken,
} from './api-token-scopes';
import { InsufficientScopeError } from './api-tokens';

const scopes = fc.subarray([...API_TOKEN_SCOPES], { minLength: 1 });
const readMethods = fc.constantFrom('GET', 'HEAD', 'get', 'head');
const writeMethods = fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'post');
const rules = fc.constantFrom(...API_TOKEN_AREAS, 'read' as const, 'none' as const);

describe('API token scopes', () => {
  it('let every token read wherever a token may go', () => {
    fc.assert(
      fc.property(scopes, readMethods, rules, (granted, method, rule) => {
        expect(apiTokenScopeRefusal(granted, method, rule) === null).toBe(rule !== 'none');
      }),
    );
  });

  it('let a token write exactly in the areas of its write scopes', () => {
    fc.assert(
      fc.property(scopes, writeMethods, rules, (granted, method, rule) => {
        const allowed = rule !== 'none' && rule !== 'read' && granted.includes(`${rule}:write` as never);
        expect(apiTokenScopeRefusal(granted, method, rule) === null).toBe(allowed);
      }),
    );
  });

  it('never let a read-only token write, nor any token reach a closed route', () => {
    fc.assert(
      fc.property(writeMethods, rules, (method, rule) => {
        expect(apiTokenScopeRefusal(['read'], method, rule)).not.toBeNull();
        expect(apiTokenScopeRefusal([...API_TOKEN_SCOPES], 'GET', 'none')).not.toBeNull();
      }),
    );
  });

  it('read the areas from the contexts’ tags, closing identity and keeping unknown tags read-only', () => {
    expect(apiTokenRuleOfTags(['calls'])).toBe('calls');
    expect(apiTokenRuleOfTags(['applications'])).toBe('applications');
    expect(apiTokenRuleOfTags(['scoring'])).toBe('scoring');
    expect(apiTokenRuleOfTags(['evaluation'])).toBe('scoring');
    expect(apiTokenRuleOfTags(['identity'])).toBe('none');
    expect(apiTokenRuleOfTags(['identity', 'calls'])).toBe('none');
    expect(apiTokenRuleOfTags(['cohorts'])).toBe('read');
    expect(apiTokenRuleOfTags(['operations'])).toBe('read');
    expect(apiTokenRuleOfTags(['calls', 'applications'])).toBe('read');
    expect(apiTokenRuleOfTags(undefined)).toBe('read');
    expect(apiTokenRuleOfTags([])).toBe('read');
  });

  it('tell API tokens from access tokens by their prefix, and store a 64-digit hash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const secret = `bdt_pat_${Buffer.from(bytes).toString('base64url')}`;
        expect(secret).toMatch(API_TOKEN_PATTERN);
        expect(looksLikeApiToken(secret)).toBe(true);
        expect(hashApiToken(secret)).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
    expect(looksLikeApiToken('eyJhbGciOiJIUzI1NiJ9.e30.sig')).toBe(false);
    expect(looksLikeApiToken(undefined)).toBe(false);
  });
});

describe('API token refusals in the reader’s language', () => {
  it('says why a token may not make the request, the English as before', () => {
    const missing = new InsufficientScopeError(apiTokenScopeRefusal(['read'], 'POST', 'calls')!);
    expect(missing.message).toBe('This API token lacks the calls:write scope.');
    expect(missing.detailIn('fr')).toBe('Ce jeton d’API ne dispose pas de la portée calls:write.');
    const excluded = new InsufficientScopeError(apiTokenScopeRefusal(['read'], 'GET', 'none')!);
    expect(excluded.message).toBe('API tokens cannot reach account, session or token routes.');
    expect(excluded.detailIn('ru')).toBe('Токены API не имеют доступа к маршрутам учётной записи, сеансов и токенов.');
    expect(new InsufficientScopeError(apiTokenScopeRefusal([], 'DELETE', 'read')!).detailIn('es')).toBe(
      'Ningún token de API puede escribir aquí.',
    );
  });
});
