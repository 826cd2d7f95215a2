// A team that answers a wrongful act as the law of countermeasures asks (TM2 rules 20–25; ILC Articles 49–53): it
// calls on the responsible state to stop and comply first, waits, and only on a later prompt takes a reversible
// countermeasure against that state's own government or military systems, never its CERT or civilian
// infrastructure. When its own state is not the one hit, it answers as the restrained team does.
import type { BotAnswer, BotPolicy, Candidate, PromptSituation } from './bot-policy.js';
import { candidatesFor, hasTrait, rankedAnswer } from './candidates.js';
import { restrainedBot } from './restrained-bot.js';

/** The targets a countermeasure may aim at: the responsible state's organs, none of its protected services. */
const LAWFUL_TARGET_KINDS = ['state-government', 'military'];
const CALL_TRAITS = ['demand', 'hotline', 'notification'] as const;

export const lawfulRetaliatorBot: BotPolicy = {
  name: 'lawful-retaliator',
  summary:
    'lawful countermeasures: calls on the responsible state to comply, waits, then a reversible countermeasure against its government or military systems only',
  answer(situation: PromptSituation): BotAnswer {
    const { incident, team } = situation;
    const responsible = incident?.actor;
    if (!incident || !responsible || incident.victim !== team.state || responsible === team.state) return restrainedBot.answer(situation);
    const aimedAtResponsible = (c: Candidate) => !c.target || c.target.state === responsible;
    const candidates = candidatesFor(situation).filter(aimedAtResponsible);
    const demanded = situation.earlier.some((d) =>
      d.actions.some((a) => {
        const action = situation.actions.get(a.actionId);
        return action !== undefined && hasTrait(action, 'demand') && (!a.targetId || targetState(situation, a.targetId) === responsible);
      }),
    );
    const isCall = (c: Candidate) => CALL_TRAITS.some((t) => hasTrait(c.action, t));
    const isLawfulCountermeasure = (c: Candidate) =>
      hasTrait(c.action, 'countermeasure') && c.action.reversible && c.target !== undefined && LAWFUL_TARGET_KINDS.includes(c.target.kind);
    const rank = (c: Candidate) => {
      if (hasTrait(c.action, 'demand')) return 0;
      if (isCall(c)) return 1;
      return 2;
    };
    if (!demanded || !candidates.some(isLawfulCountermeasure)) {
      const calls = candidates.filter(isCall);
      if (calls.length === 0) return restrainedBot.answer(situation);
      return rankedAnswer(situation, {
        candidates: calls,
        compare: (a, b) => rank(a) - rank(b),
        targetKinds: LAWFUL_TARGET_KINDS,
        rationale: (names) => `First call on the responsible state to stop and comply, and give it time: ${names}.`,
        none: 'No channel to make our demand is open here; we hold.',
      });
    }
    // The call to comply was made on an earlier prompt: a reversible measure against the state's own systems, and
    // word on the hotline that it comes.
    return rankedAnswer(situation, {
      candidates: candidates.filter((c) => isLawfulCountermeasure(c) || (isCall(c) && !hasTrait(c.action, 'demand'))),
      compare: (a, b) => (isLawfulCountermeasure(a) ? 0 : 1) - (isLawfulCountermeasure(b) ? 0 : 1),
      targetKinds: LAWFUL_TARGET_KINDS,
      rationale: (names) =>
        `Our demand went unanswered: a temporary, reversible measure against the responsible state alone, to make it stop: ${names}.`,
      none: 'No lawful measure is open here; we hold.',
    });
  },
};

function targetState(situation: PromptSituation, targetId: string): string | undefined {
  return situation.scenario.targets.find((t) => t.id === targetId)?.state;
}
