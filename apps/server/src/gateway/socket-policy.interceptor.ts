// Checks the role declared on each socket handler and turns anything thrown into a coded ack.
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, type Observable, of } from 'rxjs';
import { ROLES_KEY } from '../auth/roles.decorator.js';
import { type Role, rolesInPlural, roleWithArticle } from '@ttx/engine';
import { failureAck } from '../common/socket-ack.js';
import { TtxException } from '../common/ttx.exception.js';
import type { ExerciseSocket } from './socket-data.js';

@Injectable()
export class SocketPolicyInterceptor implements NestInterceptor {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const socket = context.switchToWs().getClient<ExerciseSocket>();
    const roles = this.reflector.get<Role[] | undefined>(ROLES_KEY, context.getHandler());
    const refusal = roleRefusal(roles, socket.data.viewer?.role);
    if (refusal) return of(failureAck(refusal));
    return next.handle().pipe(catchError((error: unknown) => of(failureAck(error))));
  }
}

/** The refusal of a message whose handler allows `roles` to a socket connected as `role`, if it is refused. */
export function roleRefusal(roles: readonly Role[] | undefined, role: Role | undefined): TtxException | undefined {
  if (roles && role && roles.includes(role)) return undefined;
  const who = roles ? `Only ${rolesInPlural(roles)} may send this message` : 'No role may send this message';
  return new TtxException('FORBIDDEN_ROLE', `${who}; you are connected as ${role ? roleWithArticle(role) : 'nobody'}.`);
}
