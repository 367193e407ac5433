import { ssoConfig } from './sso.config';

describe('single sign-on configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const OIDC = ['OIDC_ISSUER_URL', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_RULES', 'OIDC_REDIRECT_URL'];
  beforeEach(() => {
    for (const key of [...OIDC, 'OIDC_DISPLAY_NAME', 'OIDC_EMAIL_CLAIM', 'PUBLIC_BASE_URL']) delete process.env[key];
  });

  it('is off without an issuer', () => {
    expect(ssoConfig()).toEqual({ enabled: false });
  });

  it('reads the provider, with defaults for the claim, the name and the callback', () => {
    Object.assign(process.env, {
      OIDC_ISSUER_URL: 'https://id.itu.example/realms/staff',
      OIDC_CLIENT_ID: 'platform',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_ROLE_RULES: 'itu.int=secretariat',
      PUBLIC_BASE_URL: 'https://accelerators.example.org/',
    });
    const settings = ssoConfig();
    expect(settings).toMatchObject({
      enabled: true,
      clientId: 'platform',
      emailClaim: 'email',
      displayName: 'id.itu.example',
      roleRules: [{ domain: 'itu.int', role: 'secretariat' }],
      allowHttp: false,
    });
    expect(settings.enabled && settings.redirectUrl.href).toBe(
      'https://accelerators.example.org/api/v1/auth/sso/callback',
    );
  });

  it.each([
    [{ OIDC_ISSUER_URL: 'https://id.example' }, /OIDC_CLIENT_ID is required/],
    [{ OIDC_ISSUER_URL: 'http://id.example', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' }, /must use https/],
    [
      {
        OIDC_ISSUER_URL: 'https://id.example',
        OIDC_CLIENT_ID: 'c',
        OIDC_CLIENT_SECRET: 's',
        OIDC_ROLE_RULES: 'x=admin',
      },
      /OIDC_ROLE_RULES/,
    ],
    [{ OIDC_ISSUER_URL: 'not a url' }, /OIDC_ISSUER_URL/],
  ])('refuses %j', (env, message) => {
    Object.assign(process.env, env);
    expect(() => ssoConfig()).toThrow(message);
  });

  it('accepts plain http for a provider on the loopback interface only', () => {
    Object.assign(process.env, {
      OIDC_ISSUER_URL: 'http://127.0.0.1:4000',
      OIDC_CLIENT_ID: 'c',
      OIDC_CLIENT_SECRET: 's',
    });
    expect(ssoConfig()).toMatchObject({ enabled: true, allowHttp: true });
  });
});
