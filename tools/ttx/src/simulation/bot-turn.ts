// One bot team's turn: it reads a released prompt addressed to it and answers with a decision and channel messages.
import type { ExerciseContext, ExerciseState, IssuedCommand } from '@ttx/engine';
import type { Team } from '@ttx/scenario';
import type { BotPolicy } from '../bots/bot-policy.js';
import type { SeededRandom } from '@ttx/engine';

export interface BotTeam {
  team: Team;
  policy: BotPolicy;
  random: SeededRandom;
  /** Messages sent so far, for their ids. */
  sent: number;
}

/** The commands a bot issues for a prompt; none when the prompt is gone, answered, past its deadline or passed over. */
export function answerPrompt(context: ExerciseContext, state: ExerciseState, bot: BotTeam, injectId: string): IssuedCommand[] {
  const { scenario, catalogue } = context;
  const released = state.injects[injectId]?.released;
  const prompt = released?.decision;
  if (!released || !prompt || state.status !== 'running' || state.answered[`${injectId}:${bot.team.id}`]) return [];
  const answer = bot.policy.answer({
    scenario,
    actions: new Map(catalogue.actions.map((a) => [a.id, a])),
    team: bot.team,
    inject: released,
    prompt,
    incident: scenario.injects.find((i) => i.id === injectId)?.incident,
    earlier: state.decisions.filter((d) => d.teamId === bot.team.id),
    channels: scenario.channels.filter((c) => c.members.includes(bot.team.id)),
    random: bot.random,
  });
  const actor = { role: 'player', id: `bot-${bot.team.id}`, teamId: bot.team.id } as const;
  const commands: IssuedCommand[] = [];
  if (answer.actions.length > 0)
    commands.push({
      type: 'decision.submit',
      decisionId: `${bot.team.id}.${injectId}`,
      teamId: bot.team.id,
      injectId,
      actions: answer.actions,
      rationale: answer.rationale,
      actor,
    });
  for (const message of answer.messages) {
    bot.sent += 1;
    commands.push({
      type: 'message.send',
      messageId: `${bot.team.id}.m${bot.sent}`,
      channelId: message.channelId,
      teamId: bot.team.id,
      text: message.text,
      actor,
    });
  }
  return commands;
}
