import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { recordChild } from './child-processes';

export interface OidcTestClient {
  clientId: string;
  clientSecret: string;
}

export type IdTokenMode = 'as-issued' | 'other-audience' | 'expired';

export interface OidcAccountClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
  locale?: string;
}

/**
 * A real OpenID Connect provider (oidc-provider, test/support/oidc-provider-process.mjs) as a
 * process of its own on a free loopback port, with the given clients registered, and a browser's
 * way through its sign-in and consent pages (plain HTTP with a cookie jar).
 */
export class OidcProviderProcess {
  private readonly exit: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly issuer: string,
    private readonly redirectUri: string,
  ) {
    this.exit = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Starts the provider; `otherAudience` is a registered client the "other-audience" mode issues ID tokens for. */
  static async start(options: {
    redirectUri: string;
    clients: OidcTestClient[];
    otherAudience: string;
  }): Promise<OidcProviderProcess> {
    const settings = {
      clients: options.clients.map((client) => ({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      })),
      otherAudience: options.otherAudience,
    };
    const child = spawn(process.execPath, [join(__dirname, 'oidc-provider-process.mjs')], {
      env: { ...process.env, NODE_ENV: 'test', OIDC_TEST_PROVIDER: JSON.stringify(settings) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    recordChild(child);
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const issuer = await new Promise<string>((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      lines.once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer));
      child.once('exit', (code) => reject(new Error(`The OpenID provider exited (${code}): ${errors}`)));
    });
    return new OidcProviderProcess(child, issuer, options.redirectUri);
  }

  /** An account the provider's sign-in page accepts under `login` (with any password); `login` is its subject. */
  async addAccount(login: string, claims: OidcAccountClaims): Promise<void> {
    await this.control('/test/accounts', { login, claims });
  }

  async setIdTokenMode(mode: IdTokenMode): Promise<void> {
    await this.control('/test/id-token-mode', { mode });
  }

  /**
   * Follows the authorization URL as a browser would, signing in as `login` and consenting, until
   * the provider sends the browser back to the client; answers that URL (with code, state, iss).
   */
  async authorize(authorizationUrl: string, login: string): Promise<URL> {
    const cookies = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let form: URLSearchParams | null = null;
    for (let step = 0; step < 20; step += 1) {
      if (url.href.startsWith(this.redirectUri)) return url;
      const response = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form?.toString(),
      });
      for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(';');
        const at = pair.indexOf('=');
        cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
      }
      form = null;
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url);
        continue;
      }
      const page = await response.text();
      const prompt = /name="prompt" value="(login|consent)"/.exec(page)?.[1];
      if (response.status !== 200 || !prompt) {
        throw new Error(`Unexpected answer of the OpenID provider at ${url.pathname}: ${response.status} ${page}`);
      }
      form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any password' } : { prompt });
    }
    throw new Error('The OpenID provider did not send the browser back');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exit;
  }

  private async control(path: string, body: unknown): Promise<void> {
    const response = await fetch(new URL(path, this.issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 204) throw new Error(`${path} answered ${response.status}`);
  }
}
