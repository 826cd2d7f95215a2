// The bot policies `ttx simulate --bots` knows, by name.
import type { BotPolicy } from './bot-policy.js';
import { escalatoryBot } from './escalatory-bot.js';
import { lawfulRetaliatorBot } from './lawful-retaliator-bot.js';
import { randomBot } from './random-bot.js';
import { restrainedBot } from './restrained-bot.js';
import { unlawfulBot } from './unlawful-bot.js';

export const BOT_POLICIES: ReadonlyMap<string, BotPolicy> = new Map(
  [restrainedBot, lawfulRetaliatorBot, escalatoryBot, unlawfulBot, randomBot].map((p) => [p.name, p]),
);

export type PolicyAssignment = { ok: true; policies: Map<string, BotPolicy> } | { ok: false; message: string };

/**
 * Policies go to teams in scenario order; one policy plays every team, and when fewer are listed than there are
 * teams the last one plays the rest.
 */
export function assignPolicies(names: readonly string[], teamIds: readonly string[]): PolicyAssignment {
  const unknown = names.filter((n) => !BOT_POLICIES.has(n));
  if (names.length === 0) return { ok: false, message: 'name at least one bot policy' };
  if (unknown.length > 0)
    return {
      ok: false,
      message: `unknown bot polic${unknown.length > 1 ? 'ies' : 'y'} ${unknown.map((u) => `"${u}"`).join(', ')}; choose from ${[...BOT_POLICIES.keys()].join(', ')}`,
    };
  if (names.length > teamIds.length)
    return { ok: false, message: `${names.length} policies given but the scenario has only ${teamIds.length} teams` };
  const policies = new Map<string, BotPolicy>();
  teamIds.forEach((teamId, i) => {
    const name = names[Math.min(i, names.length - 1)] as string;
    policies.set(teamId, BOT_POLICIES.get(name) as BotPolicy);
  });
  return { ok: true, policies };
}
