import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API (apps/api) in development; `npm run start:api` or the demo with `--port 3000`. */
const API = 'http://127.0.0.1:3000';

/**
 * Run as `vite apps/web` / `vite build apps/web`: the root is this folder, the build goes to
 * dist/web at the repository root, where the API serves it in production.
 */
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // One bundle of about 210 kB gzipped (React, Mantine, the router): split it when it grows.
    chunkSizeWarningLimit: 800,
  },
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(['/api', '/docs', '/queues', '/health'].map((path) => [path, API])),
  },
});
