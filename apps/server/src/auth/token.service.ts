// Signed bearer tokens: `ttx1.<claims>.<hmac>`, claims in base64url JSON, HMAC-SHA256 with the configured secret.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@ttx/engine';
import { z } from 'zod';
import { TtxConfig } from '../config/ttx-config.js';
import { TtxException } from '../common/ttx.exception.js';

/** Who a request or socket acts as. Controllers hold no exercise; everyone else is bound to one. */
export interface Viewer {
  role: Role;
  /** Controller user name or participant display name. */
  name: string;
  exerciseId?: string;
  teamId?: string;
  /** For join tokens: which issue of the exercise's join codes the token came from (see JoinCodeGenerations). */
  codeGeneration?: number;
  /** Set on a verified token: when it stops being accepted (ms since the epoch). */
  expiresAt?: number;
}

const claimsSchema = z.strictObject({
  role: z.enum(['controller', 'facilitator', 'observer', 'player']),
  name: z.string().max(64),
  exerciseId: z.string().max(64).optional(),
  teamId: z.string().max(64).optional(),
  gen: z.number().optional(),
  iat: z.number(),
  exp: z.number(),
});

@Injectable()
export class TokenService {
  constructor(@Inject(TtxConfig) private readonly config: TtxConfig) {}

  issue(viewer: Viewer, ttlSeconds: number, now = Date.now()): { token: string; expiresAt: number } {
    const expiresAt = now + ttlSeconds * 1000;
    const { codeGeneration, expiresAt: _previous, ...who } = viewer;
    const claims = { ...who, ...(codeGeneration !== undefined ? { gen: codeGeneration } : {}), iat: now, exp: expiresAt };
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return { token: `ttx1.${body}.${this.sign(body)}`, expiresAt };
  }

  /** The token's viewer, or UNAUTHENTICATED saying what is wrong with it. */
  verify(token: unknown, now = Date.now()): Viewer {
    if (typeof token !== 'string' || token.length === 0)
      throw new TtxException('UNAUTHENTICATED', 'No token was given: log in, or join with your code.');
    // HTTP strips the whitespace around a header value; the socket's token is trimmed the same way.
    const parts = token.length <= 4096 ? token.trim().split('.') : [];
    if (parts.length !== 3 || parts[0] !== 'ttx1')
      throw new TtxException('UNAUTHENTICATED', 'The token is malformed: log in, or join with your code again.');
    const [, body, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new TtxException('UNAUTHENTICATED', 'The token was not issued by this server: log in, or join with your code again.');
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw new TtxException('UNAUTHENTICATED', 'The token is malformed: log in, or join with your code again.');
    }
    const claims = claimsSchema.safeParse(raw);
    if (!claims.success) throw new TtxException('UNAUTHENTICATED', 'The token is malformed: log in, or join with your code again.');
    if (claims.data.exp <= now) throw new TtxException('UNAUTHENTICATED', 'The token has expired: log in, or join with your code again.');
    const { role, name, exerciseId, teamId, gen, exp } = claims.data;
    return { role, name, ...(exerciseId ? { exerciseId } : {}), ...(teamId ? { teamId } : {}), ...(gen !== undefined ? { codeGeneration: gen } : {}), expiresAt: exp };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.config.secret).update(body).digest('base64url');
  }
}
