// A hawkish team: names the culprit in public at once, then climbs the ladder as high as each prompt allows.
import type { BotAnswer, BotPolicy, Candidate, PromptSituation } from './bot-policy.js';
import { actionsTakenBefore, candidatesFor, hasTrait, rankedAnswer, rungOf } from './candidates.js';

const TARGET_KINDS = ['critical-infrastructure', 'military', 'cert', 'state-government', 'private-company'];
/** Channels and coordination a hawk skips: they would slow the response down. */
const RESTRAINT_TRAITS = ['hotline', 'notification', 'consultation', 'demarche', 'joint-attribution'] as const;

export const escalatoryBot: BotPolicy = {
  name: 'escalatory',
  summary:
    'hawkish: public attribution first, then the highest rungs allowed, countermeasures without a démarche',
  answer(situation: PromptSituation): BotAnswer {
    const taken = actionsTakenBefore(situation);
    const own = situation.team.state;
    const attributeFirst = (c: Candidate) =>
      hasTrait(c.action, 'public-attribution') && !taken.has(c.action.id) ? 0 : 1;
    return rankedAnswer(situation, {
      // Never aimed at its own state's people and systems.
      candidates: candidatesFor(situation).filter(
        (c) =>
          !(c.target && own && c.target.state === own) &&
          !RESTRAINT_TRAITS.some((t) => hasTrait(c.action, t)),
      ),
      compare: (a, b) => attributeFirst(a) - attributeFirst(b) || rungOf(b.action) - rungOf(a.action),
      targetKinds: TARGET_KINDS,
      rationale: (names) => `Impose costs now and be seen to do so: ${names}.`,
      none: 'Nothing here lets us hit back; we let it pass.',
    });
  },
};
