// A cooperative team: answers requests for help, reaches for the CBM channels, protests privately, never attacks.
import type { ActionTrait } from '@ttx/scenario';
import type { BotAnswer, BotMessage, BotPolicy, Candidate, PromptSituation } from './bot-policy.js';
import { actionsTakenBefore, candidatesFor, rankedAnswer, rungOf } from './candidates.js';

/** When its own state is hit: the hotline (CBM-13), mitigation (NORM-C), consultation (CBM-3), CERT sharing (CBM-2), a démarche last. */
const WHEN_HIT: readonly ActionTrait[] = [
  'hotline',
  'mitigation',
  'consultation',
  'notification',
  'information-sharing',
  'assistance-request',
  'mitigation-request',
  'demarche',
  'assistance-offer',
];
/** When another state is hit or asks for help: answer it first (NORM-H, NORM-C), then the same channels. */
const WHEN_ASKED: readonly ActionTrait[] = [
  'assistance-offer',
  'mitigation',
  'hotline',
  'notification',
  'consultation',
  'information-sharing',
  'assistance-request',
  'mitigation-request',
  'demarche',
];
const TARGET_KINDS = ['state-government', 'cert', 'critical-infrastructure', 'private-company'];

function preferenceOf(candidate: Candidate, order: readonly ActionTrait[]): number {
  const ranks = candidate.action.traits.map((t) => order.indexOf(t)).filter((i) => i >= 0);
  return ranks.length > 0 ? Math.min(...ranks) : order.length;
}

/** Hostile toward a CERT or civilian infrastructure, or above a démarche: never for this team. */
function isHostile(candidate: Candidate): boolean {
  return rungOf(candidate.action) > 1;
}

export const restrainedBot: BotPolicy = {
  name: 'restrained',
  summary:
    'cooperative: hotline, notification, consultation, CERT sharing and assistance first, a private démarche at most; never attacks',
  answer(situation: PromptSituation): BotAnswer {
    const taken = actionsTakenBefore(situation);
    const peaceful = candidatesFor(situation).filter((c) => !isHostile(c));
    const hit = !situation.incident || situation.incident.victim === situation.team.state;
    const order = hit ? WHEN_HIT : WHEN_ASKED;
    return rankedAnswer(situation, {
      // One démarche is enough: repeating it adds nothing a hotline call would not.
      candidates: peaceful.filter((c) => !(c.action.traits.includes('demarche') && taken.has(c.action.id))),
      compare: (a, b) => preferenceOf(a, order) - preferenceOf(b, order),
      targetKinds: TARGET_KINDS,
      rationale: (names) => `De-escalate and clarify through agreed channels before anything else: ${names}.`,
      none: 'No cooperative response is open to us here; we hold rather than escalate.',
      messages: (chosen) => channelMessages(situation, chosen),
    });
  },
};

/** Says on the hotline and the CERT network what the team is doing, as CBM-13 and CBM-2 ask. */
function channelMessages(situation: PromptSituation, chosen: readonly Candidate[]): BotMessage[] {
  const messages: BotMessage[] = [];
  const uses = (trait: ActionTrait) => chosen.some((c) => c.action.traits.includes(trait));
  const hotline = situation.channels.find((c) => c.kind === 'hotline');
  if (hotline && (uses('hotline') || uses('notification') || uses('consultation'))) {
    messages.push({
      channelId: hotline.id,
      text: `${situation.team.name} here about "${situation.inject.title}": we want to avoid any misunderstanding. Please share what you know and let us consult before anyone acts.`,
    });
  }
  const certNetwork = situation.channels.find((c) => c.kind === 'cert-network');
  if (certNetwork && uses('information-sharing')) {
    messages.push({
      channelId: certNetwork.id,
      text: `${situation.team.name} is sharing the indicators and mitigations we hold on "${situation.inject.title}".`,
    });
  }
  return messages;
}
