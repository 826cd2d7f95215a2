// /api/docs without paying for @nestjs/swagger at start: the middleware is in place before the routes, and the
// module is loaded and its routes collected into it by the first request for the docs.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { HttpRequest, HttpResponse, MiddlewareHost, NextFn } from './http-types.js';

export const API_DOCS_PATH = '/api/docs';

type DocsHandler = (request: HttpRequest, response: HttpResponse) => unknown;

/** Serves /api/docs from the first request on; call before `app.init()`. */
export function serveApiDocsOnDemand(app: NestExpressApplication): void {
  new LazyApiDocs(app);
}

class LazyApiDocs {
  private readonly routes = new Map<string, DocsHandler>();
  private readonly assets: { prefix: string; root: string }[] = [];
  private ready?: Promise<void>;

  /** Registers the dispatching middleware; call before `app.init()` so it runs ahead of the not-found handler. */
  constructor(private readonly app: NestExpressApplication) {
    (app as unknown as MiddlewareHost).use((request: HttpRequest, response: HttpResponse, next: NextFn) => {
      if (!request.path.startsWith(API_DOCS_PATH) || request.method !== 'GET') return next();
      (this.ready ?? this.load()).then(() => this.serve(request, response, next), next);
    });
  }

  /** Loads @nestjs/swagger (about 0.5 s of CPU) and collects its routes; the document is built on first request. */
  load(): Promise<void> {
    this.ready ??= this.collect();
    return this.ready;
  }

  private async collect(): Promise<void> {
    const { DocumentBuilder, SwaggerModule } = await import('@nestjs/swagger');
    const config = new DocumentBuilder()
      .setTitle('TTX')
      .setDescription('Tabletop cyber exercises: HTTP API. The socket protocol is described in docs/protocol.md.')
      .addBearerAuth()
      .build();
    const adapter = {
      getType: () => 'express',
      getRequestUrl: (request: HttpRequest) => request.url ?? '',
      get: (route: string, handler: DocsHandler) => void this.routes.set(route, handler),
    };
    // SwaggerModule.setup registers through these two calls only: routes on the adapter, static files on the app.
    const collector = {
      getHttpAdapter: () => adapter,
      useStaticAssets: (root: string, options: { prefix: string }) => void this.assets.push({ prefix: options.prefix, root }),
    };
    SwaggerModule.setup(API_DOCS_PATH, collector as unknown as NestExpressApplication, () => SwaggerModule.createDocument(this.app, config));
  }

  private serve(request: HttpRequest, response: HttpResponse, next: NextFn): void {
    const handler = this.routes.get(request.path);
    if (handler) {
      Promise.resolve(handler(request, response)).catch(next);
      return;
    }
    for (const { prefix, root } of this.assets) {
      if (!request.path.startsWith(`${prefix}/`)) continue;
      const file = path.resolve(root, `.${request.path.slice(prefix.length)}`);
      if (file.startsWith(`${path.resolve(root)}${path.sep}`) && existsSync(file) && statSync(file).isFile()) return response.sendFile(file);
    }
    next();
  }
}
