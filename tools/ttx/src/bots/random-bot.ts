// A team that chooses uniformly among the allowed actions and targets: a baseline for the rules and a fuzzer for the engine.
import type { BotAnswer, BotMessage, BotPolicy, Candidate, PromptSituation } from './bot-policy.js';
import { toChoice } from './bot-policy.js';
import { candidatesFor } from './candidates.js';

export const randomBot: BotPolicy = {
  name: 'random',
  summary: 'uniform over the allowed actions and targets, with an occasional message on a channel',
  answer(situation: PromptSituation): BotAnswer {
    const { random } = situation;
    const byAction = new Map<string, Candidate[]>();
    for (const c of candidatesFor(situation)) byAction.set(c.action.id, [...(byAction.get(c.action.id) ?? []), c]);
    const actionIds = random.shuffle([...byAction.keys()]);
    const count = actionIds.length === 0 ? 0 : random.between(1, Math.min(situation.prompt.maxActions, actionIds.length));
    const chosen = actionIds.slice(0, count).map((id) => random.pick(byAction.get(id) ?? []));
    const messages: BotMessage[] = [];
    if (situation.channels.length > 0 && random.chance(0.25)) {
      const channel = random.pick(situation.channels);
      messages.push({ channelId: channel.id, text: `${situation.team.name} has seen "${situation.inject.title}".` });
    }
    return {
      actions: chosen.map(toChoice),
      rationale: chosen.length ? `Chosen at random: ${chosen.map((c) => c.action.name).join('; ')}.` : 'Nothing chosen.',
      messages,
    };
  },
};
