// Messages with a purpose through the real engine and the default rules: on the hotline and the CERT network each
// purpose counts as the catalogue trait it names; on a team chat it counts for nothing.
import { MESSAGE_PURPOSES, scenarioSchema, type MessagePurpose } from '@ttx/scenario';
import type { ExerciseEvent, Finding, IssuedCommand } from '@ttx/engine';
import { playScript, whiteCell, type ScriptStep } from './scripted-run.js';
import { catalogue, choose, defaultRules, scenarioInput } from './world.js';

const ALL = [...MESSAGE_PURPOSES];
// South shares a hotline with Northland, the CERT network with Westland, and a team chat with Westland; each allows
// every purpose here, so that the rules, not the engine, decide what counts.
const scenario = scenarioSchema.parse({
  ...scenarioInput,
  channels: [
    { id: 'hotline', kind: 'hotline', name: 'North–South hotline', members: ['north', 'south'], purposes: ALL },
    { id: 'certs', kind: 'cert-network', name: 'CERT network', members: ['south', 'west'], purposes: ALL },
    { id: 'chat', kind: 'team-chat', name: 'South–West chat', members: ['south', 'west'], purposes: ALL },
  ],
});
const exercise = { scenario, catalogue, ruleSet: defaultRules };

/** Each channel, the team on the other end, its state and its government as a target. */
const CHANNELS = [
  { channel: 'hotline', label: 'North–South hotline', other: 'north', otherState: 'Northland', otherGov: 'north-gov' },
  { channel: 'certs', label: 'CERT network', other: 'west', otherState: 'Westland', otherGov: 'west-gov' },
];
const SCORED = CHANNELS.map((c) => [c.channel, c] as const);

function message(atMinute: number, teamId: string, channelId: string, purpose: MessagePurpose | undefined, messageId: string): ScriptStep {
  const command: IssuedCommand = {
    type: 'message.send',
    messageId,
    channelId,
    text: 'Over.',
    ...(purpose ? { purpose } : {}),
    actor: { role: 'player', teamId },
  };
  return [atMinute, command];
}

function decide(atMinute: number, teamId: string, decisionId: string, actions: ReturnType<typeof choose>): ScriptStep {
  return [atMinute, { type: 'decision.submit', decisionId, teamId, actions, rationale: 'Because.', actor: { role: 'player', teamId } }];
}

/** The run from the start, the probe (an ongoing incident against Southland) released at minute 5, then `steps`. */
function play(...steps: ScriptStep[]): ExerciseEvent[] {
  return playScript(
    [
      [-5, { type: 'exercise.create', exerciseId: 'purposes', name: 'Purposes', actor: whiteCell }],
      [0, { type: 'exercise.start', actor: whiteCell }],
      [5, { type: 'clock.tick', actor: whiteCell }],
      ...steps,
    ],
    exercise,
  );
}

/** Findings recorded about `cause` (a message or decision id) under rule `ruleId`: the engine records them right after their cause. */
function findingsOf(events: ExerciseEvent[], ruleId: string, cause: string): Finding[] {
  let about: string | undefined;
  return events.flatMap((e) => {
    if (e.type === 'message.sent') about = e.payload.messageId;
    else if (e.type === 'decision.submitted') about = e.payload.decisionId;
    else if (e.type !== 'findings.recorded' && e.type !== 'escalation.changed') about = undefined;
    if (e.type !== 'findings.recorded' || about !== cause) return [];
    return e.payload.findings.filter((f) => f.ruleId === ruleId);
  });
}

describe('messages with a purpose, scored as the catalogue acts they name', () => {
  it.each(SCORED)('share-indicators on the %s is information-sharing (share-information)', (channel, c) => {
    const events = play(message(6, 'south', channel, 'share-indicators', 'm-share'));
    const [finding] = findingsOf(events, 'share-information', 'm-share');
    expect(finding).toMatchObject({ teamId: 'south', severity: 'commendation', delta: 4, dimension: 'cooperation' });
    expect(finding.explanation).toContain(`Southland cabinet chose a message to share indicators (m-share on ${c.label} at 00:06:00)`);
  });

  it.each(SCORED)('consult on the %s is consultation while tension is high (consult-when-tension-rises)', (channel, c) => {
    const events = play(message(6, 'south', channel, 'consult', 'm-consult'));
    const [finding] = findingsOf(events, 'consult-when-tension-rises', 'm-consult');
    expect(finding).toMatchObject({ severity: 'commendation', delta: 5, dimension: 'cbm-use' });
    expect(finding.explanation).toContain(`With tension at ESC-4, Southland cabinet chose a message to consult (m-consult on ${c.label} at 00:06:00) with ${c.otherState}`);
    // A purposeful call on the hotline is crisis communication too; the CERT network is not the hotline.
    expect(findingsOf(events, 'crisis-communication', 'm-consult')).toHaveLength(channel === 'hotline' ? 1 : 0);
  });

  it.each(SCORED)('notify on the %s is notice before escalating (notify-before-escalating)', (channel, c) => {
    const events = play(message(6, 'south', channel, 'notify', 'm-notify'), decide(10, 'south', 'd-expel', choose(['expel-diplomats', c.otherGov])));
    const [finding] = findingsOf(events, 'notify-before-escalating', 'd-expel');
    expect(finding).toMatchObject({ severity: 'note', delta: 3, actionId: 'expel-diplomats' });
    expect(finding.explanation).toContain(`through an authorised channel (a message to notify (m-notify on ${c.label} at 00:06:00))`);
  });

  it.each(SCORED)('request-assistance on the %s is a request that a later offer answers (answer-assistance-requests)', (channel, c) => {
    const events = play(message(6, 'south', channel, 'request-assistance', 'm-ask'), decide(10, c.other, 'd-offer', choose(['offer-assistance', 'south-gov'])));
    const [finding] = findingsOf(events, 'answer-assistance-requests', 'd-offer');
    expect(finding).toMatchObject({ teamId: c.other, severity: 'commendation', delta: 6, actionId: 'offer-assistance' });
    expect(finding.explanation).toContain(`answered a message to request assistance (m-ask on ${c.label} at 00:06:00) with Offer assistance`);
  });

  it.each(SCORED)('offer-assistance on the %s answers an earlier request (answer-assistance-requests)', (channel, c) => {
    const events = play(decide(6, c.other, 'd-ask', choose(['request-assistance', 'south-gov'])), message(10, 'south', channel, 'offer-assistance', 'm-offer'));
    const [finding] = findingsOf(events, 'answer-assistance-requests', 'm-offer');
    expect(finding).toMatchObject({ teamId: 'south', severity: 'commendation', delta: 6 });
    expect(finding.explanation).toContain(`Southland cabinet answered Request assistance with a message to offer assistance (m-offer on ${c.label} at 00:10:00)`);
  });

  it.each(SCORED)('demand on the %s is the call to comply a countermeasure needs (countermeasure-preconditions)', (channel, c) => {
    const events = play(
      [30, { type: 'clock.tick', actor: whiteCell }],
      message(31, 'south', channel, 'demand', 'm-demand'),
      decide(40, 'south', 'd-counter', choose(['reversible-countermeasure', c.otherGov])),
    );
    const [finding] = findingsOf(events, 'countermeasure-preconditions', 'd-counter');
    expect(finding.explanation).toContain(`Call to comply: met — a message to demand compliance (m-demand on ${c.label} at 00:31:00) demanded that ${c.otherState} comply.`);
  });

  it('makes a countermeasure against Northland lawful once a demand went over the hotline after the blackout', () => {
    const counter = decide(40, 'south', 'd-counter', choose(['reversible-countermeasure', 'north-gov']));
    const blackout: ScriptStep = [30, { type: 'clock.tick', actor: whiteCell }];
    const demanded = findingsOf(play(blackout, message(31, 'south', 'hotline', 'demand', 'm-demand'), counter), 'countermeasure-preconditions', 'd-counter');
    expect(demanded).toEqual([expect.objectContaining({ severity: 'note', delta: 0 })]);
    const silent = findingsOf(play(blackout, message(31, 'south', 'hotline', undefined, 'm-plain'), counter), 'countermeasure-preconditions', 'd-counter');
    expect(silent).toEqual([expect.objectContaining({ severity: 'violation', delta: -10 })]);
    expect(silent[0].explanation).toContain('Call to comply: not met — no demand was sent to Northland.');
  });
});

describe('messages that are not scored as acts', () => {
  it.each(ALL)('counts %s on a team chat for nothing', (purpose) => {
    const events = play(
      [30, { type: 'clock.tick', actor: whiteCell }],
      message(31, 'south', 'chat', purpose, 'm-chat'),
      decide(40, 'west', 'd-offer', choose(['offer-assistance', 'south-gov'])),
      decide(41, 'south', 'd-expel', choose(['expel-diplomats', 'west-gov'])),
      decide(42, 'south', 'd-counter', choose(['reversible-countermeasure', 'west-gov'])),
    );
    const credited = events.flatMap((e) => (e.type === 'findings.recorded' ? e.payload.findings : [])).filter((f) => f.explanation.includes('m-chat'));
    expect(credited).toEqual([]);
    expect(findingsOf(events, 'share-information', 'm-chat')).toEqual([]);
    expect(findingsOf(events, 'consult-when-tension-rises', 'm-chat')).toEqual([]);
    expect(findingsOf(events, 'answer-assistance-requests', 'd-offer')).toEqual([]);
    expect(findingsOf(events, 'notify-before-escalating', 'd-expel')).toEqual([expect.objectContaining({ severity: 'concern' })]);
    expect(findingsOf(events, 'countermeasure-preconditions', 'd-counter')[0].explanation).toContain('Call to comply: not met — no demand was sent to Westland.');
  });

  it('scores a message without a purpose on the CERT network as before: no finding', () => {
    const events = play(message(6, 'south', 'certs', undefined, 'm-plain'));
    expect(events.filter((e) => e.type === 'findings.recorded')).toEqual([]);
  });
});
