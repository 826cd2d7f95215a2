// A team that breaks the rules the exercise judges by: strikes the other side's civilian infrastructure and CERTs
// (NORM-F, NORM-K) with the most destructive operation each prompt allows, without a call to comply or any notice —
// the case the adjudication must find wanting.
import type { BotAnswer, BotPolicy, Candidate, PromptSituation } from './bot-policy.js';
import { candidatesFor, hasTrait, rankedAnswer, rungOf } from './candidates.js';

/** Protected targets first, then the state's other systems. */
const TARGET_KINDS = ['critical-infrastructure', 'cert', 'national-cert', 'state-government', 'military', 'private-company'];
const NOTICE_TRAITS = ['hotline', 'notification', 'consultation', 'demarche', 'demand'] as const;

function protectedTarget(c: Candidate): boolean {
  return c.target !== undefined && ['critical-infrastructure', 'cert', 'national-cert'].includes(c.target.kind);
}

export const unlawfulBot: BotPolicy = {
  name: 'unlawful',
  summary: 'unlawful: strikes civilian infrastructure and CERTs with the most destructive operations, no call to comply, no notice',
  answer(situation: PromptSituation): BotAnswer {
    const own = situation.team.state;
    return rankedAnswer(situation, {
      candidates: candidatesFor(situation).filter(
        (c) => !(c.target && own && c.target.state === own) && !NOTICE_TRAITS.some((t) => hasTrait(c.action, t)),
      ),
      compare: (a, b) => (protectedTarget(a) ? 0 : 1) - (protectedTarget(b) ? 0 : 1) || rungOf(b.action) - rungOf(a.action),
      targetKinds: TARGET_KINDS,
      rationale: (names) => `Hit where it hurts, now and without warning: ${names}.`,
      none: 'Nothing here lets us strike; we let it pass.',
    });
  },
};
