// Every route declares its roles: the guard checks the bearer token, the role, and that a token bound to one
// exercise is used only on that exercise.
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { HttpRequest } from '../common/http-types.js';
import { type Role, rolesInPlural, roleWithArticle } from '@ttx/engine';
import { TtxException } from '../common/ttx.exception.js';
import { JoinCodeGenerations } from './join-code-generations.service.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import { TokenService, type Viewer } from './token.service.js';

export type AuthenticatedRequest = HttpRequest & { viewer: Viewer };

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(JoinCodeGenerations) private readonly generations: JoinCodeGenerations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    // A route that declares no roles is closed, so a forgotten declaration cannot open it.
    if (!roles) throw new TtxException('FORBIDDEN_ROLE', 'This route is not open to any role.');
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const viewer = this.tokens.verify(token);
    if (!roles.includes(viewer.role))
      throw new TtxException('FORBIDDEN_ROLE', `Only ${rolesInPlural(roles)} may do this; your token is for ${roleWithArticle(viewer.role)}.`);
    const exerciseId = request.params?.id;
    if (typeof exerciseId === 'string' && viewer.exerciseId && viewer.exerciseId !== exerciseId)
      throw new TtxException('FORBIDDEN_ROLE', 'Your token is for another exercise; join this one with its own code.');
    // A join token from codes that were issued again is refused as the socket refuses it.
    if (viewer.exerciseId) await this.generations.load(viewer.exerciseId);
    const revoked = this.generations.revocationOf(viewer);
    if (revoked) throw revoked;
    request.viewer = viewer;
    return true;
  }
}
