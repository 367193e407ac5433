import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { appShell } from './app-shell.mjs';

/** The API (apps/api) in development; `npm run start:api` or the demo with `--port 3000`. */
const API = 'http://127.0.0.1:3000';

/** Text the browser fetches; fonts, images other than SVG and the like are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;
/** Below about a network packet, a compressed copy saves nothing worth a file. */
const MIN_BYTES = 1024;

/**
 * Writes a .br and a .gz copy, at the highest levels, beside each compressible file of assets/;
 * the API sends the one the browser accepts (libs/platform/src/http/web-app.ts).
 */
function precompressAssets(): Plugin {
  let assets = '';
  return {
    name: 'precompress-assets',
    apply: 'build',
    configResolved(config) {
      assets = resolve(config.root, config.build.outDir, config.build.assetsDir);
    },
    async closeBundle() {
      const files = (await readdir(assets)).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          const path = join(assets, file);
          if ((await stat(path)).size < MIN_BYTES) return;
          const bytes = await readFile(path);
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(bytes, {
              params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
            }),
            promisify(gzip)(bytes, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}

/**
 * Writes .vite/chunks.json beside the manifest: each chunk's file and the sources in it, which the
 * manifest does not say (test/browser/web-chunks.browser-spec.ts checks what the first page loads).
 */
function chunkContents(): Plugin {
  return {
    name: 'chunk-contents',
    apply: 'build',
    generateBundle(_, bundle) {
      const { root } = this.environment.config;
      const contents = Object.fromEntries(
        Object.values(bundle).flatMap((output) =>
          output.type === 'chunk' ? [[output.fileName, output.moduleIds.map((id) => relative(root, id))]] : [],
        ),
      );
      this.emitFile({ type: 'asset', fileName: '.vite/chunks.json', source: JSON.stringify(contents, null, 1) });
    },
  };
}

/**
 * Run as `vite apps/web` / `vite build apps/web`: the root is this folder, the build goes to
 * dist/web at the repository root, where the API serves it in production. Each area's pages and
 * each language's catalogues are chunks of their own, fetched when first needed; the manifest
 * (.vite/manifest.json) says which chunk each imports, for the tests that check it.
 * No source maps: the production build does not publish its sources.
 */
export default defineConfig({
  plugins: [react(), precompressAssets(), chunkContents(), appShell()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    manifest: true,
  },
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(['/api', '/docs', '/queues', '/health'].map((path) => [path, API])),
  },
});
