import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the API answers itself; the web app's fallback never takes them (an unknown /api path stays a 404 problem). */
const API_PATHS = /^\/(api|docs|docs-json|queues|health|metrics)(\/|$)/;
/** A missing build file is a 404, not the app's page in its place. */
const ASSETS = /^\/assets\//;

/**
 * Serves the built web app (apps/web, built into `root` by `vite build`): its files as they are,
 * the hashed ones under assets/ cached for good, and index.html for any other page the browser
 * asks for, so that the app's own router shows it. Answers whether there was a build to serve.
 */
export function serveWebApp(app: NestExpressApplication, root: string): boolean {
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(join(root, 'assets'), { prefix: '/assets', immutable: true, maxAge: '1y' });
  app.useStaticAssets(root, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      API_PATHS.test(req.path) ||
      ASSETS.test(req.path) ||
      !req.accepts('html')
    ) {
      return next();
    }
    // index.html names the current build's assets: never cached, so a deployment takes effect at once.
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' } });
  });
  return true;
}
