// Role lists as users read them in refusals: "Only controllers, facilitators or observers may …".
import type { Role } from './events.js';

const PLURALS: Record<Role, string> = { controller: 'controllers', facilitator: 'facilitators', observer: 'observers', player: 'players' };

/** "controllers", "players or observers", "controllers, facilitators or observers". */
export function rolesInPlural(roles: readonly Role[]): string {
  const names = roles.map((role) => PLURALS[role]);
  if (names.length <= 1) return names[0] ?? 'nobody';
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** "a controller", "an observer". */
export function roleWithArticle(role: Role): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
}
