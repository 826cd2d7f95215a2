// Security headers on every answer: the web client, the API and /api/docs run under one content security policy.
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';

/** Directives the production build works under; the browser suite loads every screen and counts violations. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Mantine writes its theme as <style> elements and React sets style attributes; scripts stay strict.
  styleSrc: ["'self'", "'unsafe-inline'"],
  // The favicon and Mantine's and Swagger UI's icons are data: URIs.
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  // 'self' covers ws: and wss: to the same host, which is where Socket.IO connects.
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  // The control screen must not be framed: controller actions could be clicked through a disguised page.
  frameAncestors: ["'none'"],
  // TTX is often served over plain HTTP on a room's network, where an upgrade to https would break every request.
  upgradeInsecureRequests: null,
};

export function useSecurityHeaders(app: NestExpressApplication): void {
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      // Only honoured over HTTPS; without subdomains, so it binds this host alone.
      strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
    }),
  );
}
