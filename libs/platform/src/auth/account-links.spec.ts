import { createHash, createHmac } from 'node:crypto';
import { AccountLinkSigner, accountLinksConfig } from './account-links';

describe('AccountLinkSigner', () => {
  const config = {
    secret: 'a secret of at least thirty-two characters',
    publicBaseUrl: 'https://selection.example.org',
  };
  const signer = new AccountLinkSigner(config);
  const linkId = '0b5c8f4e-8a43-4c1e-9d8e-1f2a3b4c5d6e';

  it('makes the token a keyed hash of the link id, and stores its SHA-256 only', () => {
    const token = signer.token(linkId);
    expect(token).toBe(createHmac('sha256', config.secret).update(linkId).digest('base64url'));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signer.tokenHash(token)).toBe(createHash('sha256').update(token).digest('hex'));
    expect(new AccountLinkSigner({ ...config, secret: `${config.secret}!` }).token(linkId)).not.toBe(token);
  });

  it('puts the token in the fragment of the purpose page', () => {
    expect(signer.url('invitation', linkId)).toBe(
      `https://selection.example.org/accept-invitation#token=${signer.token(linkId)}`,
    );
    expect(signer.url('password_reset', linkId)).toMatch(/^https:\/\/selection\.example\.org\/reset-password#token=/);
    expect(signer.url('email_verification', linkId)).toMatch(/\/verify-email#token=/);
  });
});

describe('accountLinksConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('derives a secret from JWT_SECRET outside production, and requires its own in production', () => {
    delete process.env.ACCOUNT_LINK_SECRET;
    process.env.NODE_ENV = 'test';
    process.env.JWT_SECRET = 'one jwt secret for the test';
    const derived = accountLinksConfig().secret;
    process.env.JWT_SECRET = 'another jwt secret for the test';
    expect(accountLinksConfig().secret).not.toBe(derived);
    process.env.NODE_ENV = 'production';
    expect(() => accountLinksConfig()).toThrow(/ACCOUNT_LINK_SECRET must be set in production/);
    process.env.ACCOUNT_LINK_SECRET = 'x'.repeat(32);
    expect(accountLinksConfig().secret).toBe('x'.repeat(32));
  });

  it('refuses a short secret and a base URL that is not http(s)', () => {
    process.env.ACCOUNT_LINK_SECRET = 'too short';
    expect(() => accountLinksConfig()).toThrow(/ACCOUNT_LINK_SECRET/);
    process.env.ACCOUNT_LINK_SECRET = 'x'.repeat(32);
    process.env.PUBLIC_BASE_URL = 'javascript:alert(1)';
    expect(() => accountLinksConfig()).toThrow(/PUBLIC_BASE_URL/);
  });
});
