// A real OpenID Connect provider (the oidc-provider package) in a process of its own, for the
// single sign-on tests (test/support/oidc-provider-server.ts starts it). It listens on a free
// loopback port and prints {"issuer": "..."} once ready. Configuration in OIDC_TEST_PROVIDER (JSON):
// clients (client_id, client_secret, redirect_uris) and otherAudience, a client id the "other-audience"
// mode names as the ID token's audience.
//
// Besides the provider, two test routes: POST /test/accounts {login, claims} registers an account the
// login page accepts (with any password), and POST /test/id-token-mode {mode} makes the token endpoint
// answer ID tokens as issued ("as-issued"), for another client ("other-audience") or expired an hour
// ago ("expired"): each re-signed with the provider's own key, so only that claim is wrong.
import { Buffer } from 'node:buffer';
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import process from 'node:process';
import Provider from 'oidc-provider';

const settings = JSON.parse(process.env.OIDC_TEST_PROVIDER ?? '{}');
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', alg: 'RS256', use: 'sig' };

/** login → the claims of the account. */
const accounts = new Map();
let idTokenMode = 'as-issued';

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: settings.clients,
  jwks: { keys: [signingKey] },
  findAccount: (_ctx, id) => {
    const claims = accounts.get(id);
    return claims && { accountId: id, claims: () => ({ ...claims, sub: id }) };
  },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'locale'] },
  cookies: { keys: ['oidc-test-provider-cookie-key'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
});

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path !== '/token' || idTokenMode === 'as-issued' || typeof ctx.body?.id_token !== 'string') return;
  const [header, payload] = ctx.body.id_token.split('.').slice(0, 2).map(decodePart);
  const now = Math.floor(Date.now() / 1000);
  if (idTokenMode === 'other-audience') payload.aud = settings.otherAudience;
  if (idTokenMode === 'expired') Object.assign(payload, { iat: now - 7200, auth_time: now - 7200, exp: now - 3600 });
  ctx.body = { ...ctx.body, id_token: signJwt(header, payload) };
});

const handle = provider.callback();
server.on('request', (req, res) => {
  if (!req.url.startsWith('/test/')) return void handle(req, res);
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    const input = body ? JSON.parse(body) : {};
    if (req.method === 'POST' && req.url === '/test/accounts') accounts.set(input.login, input.claims);
    else if (req.method === 'POST' && req.url === '/test/id-token-mode') idTokenMode = input.mode;
    else return void res.writeHead(404).end();
    res.writeHead(204).end();
  });
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ issuer })}\n`);

function decodePart(part) {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

function signJwt(header, payload) {
  const input = [header, payload].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');
  return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
}
