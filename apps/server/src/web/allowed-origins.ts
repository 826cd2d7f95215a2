// Browsers may call the API and open the socket from the server's own origin and from the configured origins only,
// so a foreign page cannot drive TTX with a participant's browser (Socket.IO answered any Origin before).
import type { IncomingMessage } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { HttpRequest, HttpResponse, MiddlewareHost, NextFn } from '../common/http-types.js';

// The Socket.IO copy Nest's adapter is built on (it can differ from the workspace's own).
type IoServerOptions = NonNullable<Parameters<IoAdapter['createIOServer']>[1]>;

const API_PATHS = /^\/(api|health)(\/|$)/;
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** True when the request carries no Origin (not a browser, or a same-origin read), its own origin, or a listed one. */
export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  try {
    return request.headers.host !== undefined && new URL(origin).host === request.headers.host.toLowerCase();
  } catch {
    // `null` (a sandboxed frame, a file) or garbage: not an origin anyone listed.
    return false;
  }
}

export function originRefusal(origin: string): string {
  return `Requests from ${origin} are not allowed: open TTX at its own address, or ask its operator to add this origin to TTX_ALLOWED_ORIGINS.`;
}

/** Refuses API calls from foreign origins with ORIGIN_NOT_ALLOWED; answers CORS for the listed ones. */
export function guardApiOrigins(app: MiddlewareHost, allowed: readonly string[]): void {
  app.use((request: HttpRequest, response: HttpResponse, next: NextFn) => {
    const origin = request.headers.origin;
    if (origin === undefined || !API_PATHS.test(request.path)) return next();
    if (!originAllowed(request, allowed)) {
      response
        .status(403)
        .json({ ok: false, error: { code: 'ORIGIN_NOT_ALLOWED', message: originRefusal(origin) } });
      return;
    }
    if (!allowed.includes(origin)) return next();
    response.setHeader('Access-Control-Allow-Origin', origin);
    response.setHeader('Vary', 'Origin');
    if (request.method !== 'OPTIONS') return next();
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
    response.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
    response.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    response.status(204).end();
  });
}

/** Socket.IO with the same rule on its handshake (polling and websocket alike). */
export class OriginCheckingIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly allowed: readonly string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: IoServerOptions): ReturnType<IoAdapter['createIOServer']> {
    return super.createIOServer(port, {
      ...options,
      cors: { origin: [...this.allowed] },
      allowRequest: (request, answer) => {
        if (originAllowed(request, this.allowed)) answer(null, true);
        else answer(originRefusal(String(request.headers.origin)), false);
      },
    } as IoServerOptions);
  }
}
