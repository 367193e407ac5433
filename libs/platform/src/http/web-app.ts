import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { STORED_ENCODINGS, type StoredEncoding, preferredEncoding } from './accept-encoding';
import { cookieValue } from './cookies';

/** Paths the API answers itself; the web app's fallback never takes them (an unknown /api path stays a 404 problem). */
const API_PATHS = /^\/(api|docs|docs-json|queues|health|metrics)(\/|$)/;
/** A missing build file is a 404, not the app's page in its place. */
const ASSETS = /^\/assets\//;
/** The suffix of each stored coding's file beside the plain one (written by the build, apps/web/vite.config.mts). */
const SUFFIX: Record<StoredEncoding, string> = { br: '.br', gzip: '.gz' };

/**
 * Serves the built web app (apps/web, built into `root` by `vite build`): its files as they are,
 * the hashed ones under assets/ cached for good and sent in the smallest coding the build stored
 * that the client accepts, and for any other page the browser asks for the page shell in the
 * reader's language (index.html as the build rendered it, `sendShell`), which the app's own router
 * then replaces with the page. Answers whether there was a build to serve.
 */
export function serveWebApp(app: NestExpressApplication, root: string): boolean {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  const shells = readShells(root, index);
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
    sendShell(req, res, shells);
  });
  return true;
}

/** A page shell as the build stored it: its bytes and the codings written beside them. */
type StoredPage = { plain: Buffer } & Partial<Record<StoredEncoding, Buffer>>;
/** Per language, the shell of the home page and of any other page (apps/web/app-shell.mts). */
interface PageShells {
  languages: string[];
  pages: Map<string, { home: StoredPage; page: StoredPage }>;
}

function readStored(path: string): StoredPage {
  const page: StoredPage = { plain: readFileSync(path) };
  for (const encoding of STORED_ENCODINGS) {
    if (existsSync(path + SUFFIX[encoding])) page[encoding] = readFileSync(path + SUFFIX[encoding]);
  }
  return page;
}

/**
 * The shells the build wrote, read once: shell/<language>/home.html and page.html, English first
 * (the default); a build without them has index.html for every page and language.
 */
function readShells(root: string, index: string): PageShells {
  const folder = join(root, 'shell');
  const languages = existsSync(folder)
    ? readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'home.html')))
        .map((entry) => entry.name)
        .sort((a, b) => Number(b === 'en') - Number(a === 'en') || a.localeCompare(b))
    : [];
  if (languages.length === 0) {
    const only = readStored(index);
    return { languages: ['en'], pages: new Map([['en', { home: only, page: only }]]) };
  }
  const pages = new Map(
    languages.map((language) => [
      language,
      {
        home: readStored(join(folder, language, 'home.html')),
        page: readStored(join(folder, language, 'page.html')),
      },
    ]),
  );
  return { languages, pages };
}

/** The language of the reader's `lang` cookie (the app's last), else the best of Accept-Language, else the first. */
function shellLanguage(req: Request, languages: string[]): string {
  const cookie = cookieValue(req.headers.cookie, 'lang');
  if (cookie && languages.includes(cookie)) return cookie;
  const accepted = req.acceptsLanguages(...languages);
  return typeof accepted === 'string' ? accepted : languages[0];
}

/**
 * The app's page for any path of it: the shell of the home page at `/`, of any page elsewhere, in
 * the reader's language, in the smallest coding stored that the client accepts. Never cached: it
 * names the current build's assets, and it varies by language.
 */
function sendShell(req: Request, res: Response, shells: PageShells): void {
  const language = shellLanguage(req, shells.languages);
  const pages = shells.pages.get(language)!;
  const stored = req.path === '/' ? pages.home : pages.page;
  const encoding = preferredEncoding(
    req.headers['accept-encoding'],
    STORED_ENCODINGS.filter((candidate) => stored[candidate]),
  );
  res.vary('Accept-Encoding').vary('Accept-Language').vary('Cookie');
  res.set({ 'Cache-Control': 'no-cache', 'Content-Language': language });
  res.type('html');
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.send(encoding ? stored[encoding] : stored.plain);
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
