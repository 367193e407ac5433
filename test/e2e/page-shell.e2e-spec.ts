import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import request from 'supertest';
import { TestApi } from '../support/test-app';

/**
 * Issue 11: the page the API sends for any page of the web app is the build's page shell
 * (apps/web/app-shell.mts) of the reader's language — the `lang` cookie, else Accept-Language,
 * else English — the home page's at `/` and the other pages' elsewhere, in the stored coding the
 * client accepts, never cached.
 */

const shell = (language: string, kind: string) =>
  `<!doctype html><html lang="${language}"><title>${kind}</title><div id="root">${kind} ${language}</div>`;

describe('page shell', () => {
  let api: TestApi;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'web-shell-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), shell('en', 'home'));
    for (const language of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      mkdirSync(join(webRoot, 'shell', language), { recursive: true });
      for (const kind of ['home', 'page']) {
        const path = join(webRoot, 'shell', language, `${kind}.html`);
        writeFileSync(path, shell(language, kind));
        writeFileSync(`${path}.br`, brotliCompressSync(shell(language, kind)));
      }
    }
    api = await TestApi.start({ webRoot });
  });
  afterAll(async () => {
    await api.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  /** The page as the browser reads it (supertest decodes a brotli body as a browser does). */
  async function visit(path: string, headers: Record<string, string>) {
    const res = await request(api.server)
      .get(path)
      .set({ Accept: 'text/html', ...headers });
    return { res, html: res.text };
  }

  it.each([
    ['/', { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.8' }, 'home fr'],
    ['/', { 'Accept-Language': 'de-DE' }, 'home en'],
    ['/', {}, 'home en'],
    ['/cohorts/42', { 'Accept-Language': 'fr-CA' }, 'page fr'],
    ['/', { 'Accept-Language': 'fr-FR', Cookie: 'theme=x; lang=en' }, 'home en'],
    ['/secretariat/calls', { 'Accept-Language': 'en-GB', Cookie: 'lang=fr' }, 'page fr'],
    ['/', { 'Accept-Language': 'fr-FR', Cookie: 'lang=xx' }, 'home fr'],
    ['/', { 'Accept-Language': 'zh-CN,zh;q=0.9' }, 'home zh'],
    ['/calls/7', { 'Accept-Language': 'ar-EG,en;q=0.5' }, 'page ar'],
    ['/', { 'Accept-Language': 'de-DE,ru;q=0.8,en;q=0.5' }, 'home ru'],
    ['/cohorts', { 'Accept-Language': 'en-GB', Cookie: 'lang=es' }, 'page es'],
  ])('at %s with %j sends the shell "%s", uncached', async (path, headers, expected) => {
    const { res, html } = await visit(path, { 'Accept-Encoding': 'gzip, br', ...headers });
    expect(res.status).toBe(200);
    expect(html).toContain(`<div id="root">${expected}</div>`);
    expect(res.headers['content-language']).toBe(expected.split(' ')[1]);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers.vary).toMatch(/Accept-Encoding.*Accept-Language.*Cookie/);
  });

  it('sends the plain shell to a client that accepts no coding', async () => {
    const { res, html } = await visit('/', { 'Accept-Encoding': 'identity', 'Accept-Language': 'fr' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(html).toBe(shell('fr', 'home'));
  });
});
