// Declares who may call a route or socket handler; `Public()` marks the few routes that need no token.
import { SetMetadata } from '@nestjs/common';
import type { Role } from '@ttx/engine';

export const ROLES_KEY = 'ttx:roles';
export const PUBLIC_KEY = 'ttx:public';

export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(PUBLIC_KEY, true);
export const STAFF: Role[] = ['controller', 'facilitator', 'observer'];
export const EVERYONE: Role[] = ['controller', 'facilitator', 'observer', 'player'];

/** A command route: any signed-in role reaches it, and the command pipeline authorises by the engine's command table
 * (ExercisesService.request), so HTTP and the socket refuse the same roles in the same words. */
export const CommandRoute = () => Roles(...EVERYONE);
