// The viewer the RolesGuard authenticated, as a handler parameter.
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './roles.guard.js';
import type { Viewer } from './token.service.js';

export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer => context.switchToHttp().getRequest<AuthenticatedRequest>().viewer,
);
