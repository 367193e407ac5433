import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { STORED_ENCODINGS, type StoredEncoding, preferredEncoding } from './accept-encoding';

/** Paths the API answers itself; the web app's fallback never takes them (an unknown /api path stays a 404 problem). */
const API_PATHS = /^\/(api|docs|docs-json|queues|health|metrics)(\/|$)/;
/** A missing build file is a 404, not the app's page in its place. */
const ASSETS = /^\/assets\//;
/** The suffix of each stored coding's file beside the plain one (written by the build, apps/web/vite.config.mts). */
const SUFFIX: Record<StoredEncoding, string> = { br: '.br', gzip: '.gz' };

/**
 * Serves the built web app (apps/web, built into `root` by `vite build`): its files as they are,
 * the hashed ones under assets/ cached for good and sent in the smallest coding the build stored
 * that the client accepts, and index.html for any other page the browser asks for, so that the
 * app's own router shows it. Answers whether there was a build to serve.
 */
export function serveWebApp(app: NestExpressApplication, root: string): boolean {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.use('/assets', preferStoredCodings(join(root, 'assets')));
  app.useStaticAssets(join(root, 'assets'), {
    prefix: '/assets',
    immutable: true,
    maxAge: '1y',
    setHeaders: storedCoding,
  });
  app.useStaticAssets(root, { index: false, maxAge: '1h', setHeaders: neverCacheIndex });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      API_PATHS.test(req.path) ||
      ASSETS.test(req.path) ||
      !req.accepts('html')
    ) {
      return next();
    }
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
  });
  return true;
}

/** index.html names the current build's assets: never cached, so a deployment takes effect at once. */
function neverCacheIndex(res: Response, path: string): void {
  if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
}

/**
 * Sends the client the smallest coding of an asset that the build stored (apps/web/vite.config.mts
 * compresses each once, at the highest level, where the compression middleware would spend CPU on
 * every request at a lower one): the request is turned to the .br or .gz file, whose Content-Type
 * and Content-Encoding `storedCoding` sets; the middleware leaves an answer that has a
 * Content-Encoding alone. The files are listed once: a newer build comes with a restart, and a
 * name missing from the list is served plain.
 */
function preferStoredCodings(assets: string) {
  const stored = new Set(existsSync(assets) ? readdirSync(assets, { recursive: true, encoding: 'utf8' }) : []);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = req.path.slice(1);
    const available = STORED_ENCODINGS.filter((encoding) => stored.has(file + SUFFIX[encoding]));
    if (available.length === 0) return next();
    res.vary('Accept-Encoding');
    const encoding = preferredEncoding(req.headers['accept-encoding'], available);
    if (encoding) req.url = req.url.replace(/^[^?]*/, (path) => path + SUFFIX[encoding]);
    next();
  };
}

/** The headers of a stored coding of an asset: its coding, and the type of the plain file. */
function storedCoding(res: Response, path: string): void {
  const encoding = STORED_ENCODINGS.find((candidate) => path.endsWith(SUFFIX[candidate]));
  if (!encoding) return;
  res.setHeader('Content-Encoding', encoding);
  res.type(extname(path.slice(0, -SUFFIX[encoding].length)));
}
