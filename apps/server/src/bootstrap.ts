// Builds and starts the application: used by main.ts and by the tests (which listen on port 0).
import { type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { httpStatusOf, LIMITS } from '@ttx/contracts';
import { AppModule } from './app.module.js';
import { AuthService } from './auth/auth.service.js';
import { type DemoExercise, DemoExerciseService } from './demo/demo-exercise.service.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { errorBodyOf } from './common/error-mapping.js';
import type { HttpRequest, HttpResponse, MiddlewareHost, NextFn } from './common/http-types.js';
import type { TtxConfig } from './config/ttx-config.js';
import { serveWebClient } from './web/web-client.js';
import { serveApiDocsOnDemand } from './common/api-docs.js';
import { guardApiOrigins, OriginCheckingIoAdapter } from './web/allowed-origins.js';
import { useSecurityHeaders } from './web/security-headers.js';
import { TimedExpressAdapter } from './web/timed-http-adapter.js';

const YAML_TYPES = ['text/yaml', 'application/yaml', 'application/x-yaml', 'text/x-yaml', 'text/plain'];
const LISTEN_BACKLOG = 4096;

export interface RunningServer {
  app: NestExpressApplication;
  url: string;
  port: number;
  /** Set when this start created the admin account with a generated password. */
  generatedAdminPassword?: string;
  /** Set when this start created the demo exercise (its join codes are shown only now). */
  demoExercise?: DemoExercise;
  webClient: boolean;
  close(): Promise<void>;
}

export async function startServer(config: TtxConfig, options: { logger?: LoggerService | LogLevel[] | false } = {}): Promise<RunningServer> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), new TimedExpressAdapter(config.requestTimeoutSeconds * 1000), {
    bodyParser: false,
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  // request.ip, which the attempts limit counts by, comes from X-Forwarded-For only through a trusted proxy.
  app.set('trust proxy', config.trustProxy);
  useSecurityHeaders(app);
  guardApiOrigins(app as unknown as MiddlewareHost, config.allowedOrigins);
  app.useWebSocketAdapter(new OriginCheckingIoAdapter(app, config.allowedOrigins));
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useBodyParser('json', { limit: LIMITS.httpBodyBytes });
  app.useBodyParser('text', { type: YAML_TYPES, limit: LIMITS.scenarioUploadBytes });
  const webClient = serveWebClient(app, config.webDir);

  // /api/docs loads @nestjs/swagger with its first request, not at start.
  serveApiDocsOnDemand(app);

  await app.init();
  // Body-parser errors (bad JSON, too large) arrive here, after the routes.
  (app as unknown as MiddlewareHost).use((error: unknown, _request: HttpRequest, response: HttpResponse, next: NextFn) => {
    if (response.headersSent) return next(error);
    const body = errorBodyOf(error);
    response.status(httpStatusOf(body.code)).json({ ok: false, error: body });
  });

  const server = app.getHttpServer() as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG }, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    app,
    url: `http://${shownHost}:${port}`,
    port,
    generatedAdminPassword: app.get(AuthService).generatedAdminPassword,
    demoExercise: app.get(DemoExerciseService).created,
    webClient,
    close: () => app.close(),
  };
}

export const bootLogger = new Logger('TTX');
