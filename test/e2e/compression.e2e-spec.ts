import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { freePort } from '../support/redis-server';
import { TestApi } from '../support/test-app';

/**
 * Issue 11: responses go compressed to a client that accepts it (brotli before gzip), with the
 * headers a cache needs, and plain to one that does not; the web app's assets go as the build
 * compressed them. Raw HTTP, since supertest asks for gzip and decodes it on its own.
 */

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** The body as the client reads it, decoded as its Content-Encoding says. */
function decoded({ headers, body }: RawResponse): string {
  const encoding = headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(body).toString('utf8');
  expect(encoding).toBeUndefined();
  return body.toString('utf8');
}

const SCRIPT = `export const greeting = ${JSON.stringify('hello '.repeat(2000))};\n`;
const PICTURE = Buffer.alloc(4096, 7);

describe('compression', () => {
  let api: TestApi;
  let baseUrl: string;
  let webRoot: string;

  function get(path: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      const method = body === undefined ? 'GET' : 'POST';
      const req = httpRequest(`${baseUrl}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  beforeAll(async () => {
    // A web build as `vite build` leaves it: a hashed script with its .br and .gz, a picture without.
    webRoot = mkdtempSync(join(tmpdir(), 'web-root-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app</title><div id="root"></div>');
    writeFileSync(join(webRoot, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
    writeFileSync(join(webRoot, 'assets', 'index-Ab12Cd34.js.br'), brotliCompressSync(SCRIPT));
    writeFileSync(join(webRoot, 'assets', 'index-Ab12Cd34.js.gz'), gzipSync(SCRIPT));
    writeFileSync(join(webRoot, 'assets', 'logo-Ef56Gh78.png'), PICTURE);
    api = await TestApi.start({ webRoot });
    baseUrl = await api.listen(await freePort());
  });
  afterAll(async () => {
    await api.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  describe('API answers', () => {
    it.each([
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
    ])('send JSON to a client that accepts %p as %s, varying by Accept-Encoding', async (accept, encoding) => {
      const plain = await get('/docs-json');
      const compressed = await get('/docs-json', { 'Accept-Encoding': accept });
      expect(compressed.status).toBe(200);
      expect(compressed.headers['content-encoding']).toBe(encoding);
      expect(compressed.headers.vary).toMatch(/Accept-Encoding/i);
      expect(compressed.headers['content-type']).toMatch(/^application\/json/);
      expect(compressed.body.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(decoded(compressed))).toEqual(JSON.parse(plain.body.toString('utf8')));
    });

    it('send a client that names no coding the plain bytes', async () => {
      const plain = await get('/docs-json');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(plain.body.toString('utf8'))).toHaveProperty('openapi');
    });

    it('send a problem+json compressed and whole', async () => {
      // A registration without any field: a problem that names every field, over a kilobyte.
      const headers = { 'Content-Type': 'application/json', 'Accept-Encoding': 'br' };
      const problem = await get('/api/v1/auth/register', headers, JSON.stringify({ role: 1, email: [], name: {} }));
      expect(problem.status).toBe(400);
      expect(problem.headers['content-encoding']).toBe('br');
      expect(problem.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(decoded(problem))).toMatchObject({ status: 400, code: expect.any(String) });
    });

    it('send the metrics compressed in Prometheus text', async () => {
      const metrics = await get('/metrics', { 'Accept-Encoding': 'gzip' });
      expect(metrics.headers['content-encoding']).toBe('gzip');
      expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
      expect(decoded(metrics)).toContain('process_cpu_seconds_total');
    });
  });

  describe('web app assets', () => {
    it.each([
      ['gzip, deflate, br, zstd', 'br', brotliCompressSync(SCRIPT)],
      ['gzip', 'gzip', gzipSync(SCRIPT)],
      ['br;q=0.5, gzip', 'gzip', gzipSync(SCRIPT)],
    ])('go to a client that accepts %p as the stored %s copy, typed as the script', async (accept, encoding, bytes) => {
      const res = await get('/assets/index-Ab12Cd34.js', { 'Accept-Encoding': accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.body.equals(bytes)).toBe(true);
      expect(decoded(res)).toBe(SCRIPT);
    });

    it('go plain to a client that accepts no coding, still varying by Accept-Encoding', async () => {
      const res = await get('/assets/index-Ab12Cd34.js', { 'Accept-Encoding': 'identity' });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(res.body.toString('utf8')).toBe(SCRIPT);
    });

    it('answer 304 to a client that holds the current copy of the coding it accepts', async () => {
      const first = await get('/assets/index-Ab12Cd34.js', { 'Accept-Encoding': 'br' });
      const again = await get('/assets/index-Ab12Cd34.js', {
        'Accept-Encoding': 'br',
        'If-None-Match': String(first.headers.etag),
      });
      expect(again.status).toBe(304);
      const other = await get('/assets/index-Ab12Cd34.js', { 'If-None-Match': String(first.headers.etag) });
      expect(other.status).toBe(200);
    });

    it('leave a picture, compressed already, as it is', async () => {
      const res = await get('/assets/logo-Ef56Gh78.png', { 'Accept-Encoding': 'br, gzip' });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.body.equals(PICTURE)).toBe(true);
    });

    it('serve index.html uncached, at any page of the app and under its own name', async () => {
      for (const path of ['/', '/secretariat/calls', '/index.html']) {
        const res = await get(path, { Accept: 'text/html', 'Accept-Encoding': 'br' });
        expect({ path, status: res.status, cache: res.headers['cache-control'] }).toEqual({
          path,
          status: 200,
          cache: 'no-cache',
        });
        expect(decoded(res)).toContain('<div id="root">');
      }
    });
  });
});
