// Serves the built web client with a fallback to index.html for its client-side routes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { HttpRequest, HttpResponse, MiddlewareHost, NextFn } from '../common/http-types.js';

const SERVER_PATHS = /^\/(api|health|socket\.io)(\/|$)/;

/** Mounts the client when `webDir` holds a build; returns whether it did. */
export function serveWebClient(app: NestExpressApplication, webDir: string): boolean {
  const index = path.join(webDir, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(webDir, { index: false, maxAge: '1h' });
  (app as unknown as MiddlewareHost).use((request: HttpRequest, response: HttpResponse, next: NextFn) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || SERVER_PATHS.test(request.path)) return next();
    response.sendFile(index);
  });
  return true;
}
