import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';

/** What the first page needs of each language: the shared texts and the public area's. */
const SHELL_NAMESPACES = ['common', 'public'] as const;

type Catalogue = Record<string, unknown>;
interface Shell {
  home: string;
  page: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function text(catalogue: Catalogue, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Catalogue | undefined)?.[part], catalogue);
  if (typeof value !== 'string') throw new Error(`no text ${key}`);
  return value;
}

/** The shell module (src/app/shell/render.tsx) built for Node and loaded: its `renderShell`. */
async function loadRenderer(root: string, scratch: string) {
  await build({
    configFile: false,
    root,
    mode: 'production',
    logLevel: 'warn',
    plugins: [react()],
    resolve: { alias: [{ find: /^(\.\.\/)+api\/session$/, replacement: resolve(root, 'src/app/shell/session.ts') }] },
    build: {
      ssr: 'src/app/shell/render.tsx',
      outDir: scratch,
      emptyOutDir: true,
      copyPublicDir: false,
      // Run once at build time, never sent: its size does not matter.
      chunkSizeWarningLimit: 100_000,
      rollupOptions: { output: { entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' } },
    },
  });
  return (await import(pathToFileURL(join(scratch, 'render.mjs')).href)) as {
    renderShells: (resources: Record<string, Record<string, Catalogue>>) => Promise<Record<string, Shell>>;
    /** The interface's languages (src/i18n/languages.ts), each with its direction. */
    LANGUAGES: readonly { code: string; dir: string }[];
  };
}

function writeWithCodings(path: string, html: string): void {
  const bytes = Buffer.from(html);
  writeFileSync(path, bytes);
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }));
}

/**
 * The page shell: after the client build, renders the app's layout (src/app/shell/render.tsx, built
 * for Node into a scratch folder) into index.html for each language and kind of page, and writes
 * shell/<language>/home.html and page.html (with .br and .gz copies), which the API sends by the
 * visitor's language (libs/platform/src/http/web-app.ts); index.html becomes the English home page's.
 * Each shell has the first style sheet inlined (no request before the first paint), the page's
 * title, `<html lang dir>`, Mantine's light colour scheme, and `modulepreload` hints for the entry's
 * chunks (Vite's) and the language's first catalogues, so the app that replaces it loads at once.
 */
export function appShell(): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'app-shell',
    apply: (config, { command }) => command === 'build' && !config.build?.ssr,
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const cache = resolve(root, '..', '..', 'node_modules', '.cache');
      mkdirSync(cache, { recursive: true });
      const scratch = mkdtempSync(join(cache, 'app-shell-'));
      try {
        const { renderShells, LANGUAGES } = await loadRenderer(root, scratch);
        const template = readFileSync(join(outDir, 'index.html'), 'utf8');
        const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
          string,
          { file: string }
        >;
        const styled = template.replace(
          /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g,
          (_, href: string) => `<style>${readFileSync(join(outDir, href), 'utf8')}</style>`,
        );
        const languages = LANGUAGES.map((language) => language.code);
        const directionOf = (code: string) => LANGUAGES.find((language) => language.code === code)?.dir ?? 'ltr';
        const resources = Object.fromEntries(
          languages.map((language) => [
            language,
            Object.fromEntries(
              SHELL_NAMESPACES.map((namespace) => [
                namespace,
                JSON.parse(readFileSync(join(root, 'src', 'i18n', language, `${namespace}.json`), 'utf8')) as Catalogue,
              ]),
            ),
          ]),
        );
        const shells = await renderShells(resources);
        for (const language of languages) {
          const catalogues = resources[language];
          const shell = shells[language];
          const preloads = SHELL_NAMESPACES.map(
            (namespace) =>
              `<link rel="modulepreload" crossorigin href="/${manifest[`src/i18n/${language}/${namespace}.json`].file}">`,
          ).join('');
          const appName = text(catalogues.common, 'app.name');
          const page = (markup: string, title: string) =>
            styled
              .replace(
                /<html lang="[^"]*">/,
                `<html lang="${language}" dir="${directionOf(language)}" data-mantine-color-scheme="light">`,
              )
              .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
              .replace('</head>', `${preloads}</head>`)
              .replace('<div id="root"></div>', `<div id="root">${markup}</div>`);
          const folder = join(outDir, 'shell', language);
          mkdirSync(folder, { recursive: true });
          const home = page(shell.home, `${text(catalogues.public, 'home.title')} · ${appName}`);
          writeWithCodings(join(folder, 'home.html'), home);
          writeWithCodings(join(folder, 'page.html'), page(shell.page, appName));
          if (language === 'en') writeFileSync(join(outDir, 'index.html'), home);
        }
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    },
  };
}
