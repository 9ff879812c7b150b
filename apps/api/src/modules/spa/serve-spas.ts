import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Logger } from '@nestjs/common';
import { type NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** The three SPAs and where they live in the one origin. The most specific prefix comes first. */
export const SPAS = [
  { name: 'backoffice', basePath: '/backoffice' },
  { name: 'admin', basePath: '/admin' },
  { name: 'citizen', basePath: '' },
] as const;

const API_PATHS = /^\/(api|pagopa)(\/|$)/;

/**
 * Serves the built SPAs from `<spaRoot>/<name>`: hashed assets cached for a year, `index.html` never cached,
 * and any other GET that wants HTML answered with the app's `index.html` so client-side routes survive a reload.
 */
export function serveSpas(app: NestExpressApplication, spaRoot: string, logger: Logger): void {
  for (const spa of SPAS) {
    const dir = join(spaRoot, spa.name);
    const index = join(dir, 'index.html');
    if (!existsSync(index)) {
      logger.warn(`SPA ${spa.name} not built (${index} missing): ${spa.basePath || '/'} is not served`);
      continue;
    }
    const mount = spa.basePath || '/';
    app.use(
      mount,
      express.static(dir, {
        index: false,
        setHeaders: (res, path) => {
          res.setHeader(
            'Cache-Control',
            path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      }),
    );
    app.use(mount, (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      if (API_PATHS.test(req.originalUrl)) return next();
      if (!req.accepts('html')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
}
