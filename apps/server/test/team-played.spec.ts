// A controller marks a team as not played over HTTP: the mark goes through the one command path, staff see it on
// their sockets, the scores say "not played", the team's decisions earn no findings, and bad requests are refused
// with their codes, writing nothing.
import type { ScoresResponse } from '@ttx/contracts';
import { drillSuite } from './support/exercise-setup.js';

interface Reply {
  ok?: boolean;
  seq?: number;
  error?: { code: string; message: string };
}

describe('marking a team as not played (POST /api/exercises/:id/teams/:teamId/played)', () => {
  const suite = drillSuite();
  const mark = (teamId: string, body: unknown, token = suite.drill.controller) =>
    suite.client.http<Reply>('POST', `/api/exercises/${suite.drill.id}/teams/${teamId}/played`, body, token);
  const scores = async () =>
    (await suite.client.http<ScoresResponse>('GET', `/api/exercises/${suite.drill.id}/scores`, undefined, suite.drill.controller)).body;
  const logSeq = async () =>
    (await suite.client.http<{ seq: number }>('GET', `/api/exercises/${suite.drill.id}/events?since=0`, undefined, suite.drill.controller)).body.seq;

  it('records the mark, shows it to staff only, and puts "not played" with the reason on the scores', async () => {
    const { staff, slGov } = suite.drill.sockets;
    const reply = await mark('sl-gov', { played: false, reason: 'Nobody at the table' });
    expect([reply.status, reply.body.ok]).toEqual([200, true]);
    const event = await staff.waitFor((e) => e.type === 'team.play-marked');
    expect(event).toMatchObject({ seq: reply.body.seq, payload: { teamId: 'sl-gov', played: false, reason: 'Nobody at the table' }, actor: { role: 'controller' } });
    const line = (await scores()).teams.find((t) => t.teamId === 'sl-gov');
    expect(line).toMatchObject({ played: false, notPlayedReason: 'Nobody at the table', total: 0 });
    expect((await scores()).teams.find((t) => t.teamId === 'nl-gov')?.played).toBe(true);
    expect(slGov.types()).not.toContain('team.play-marked');
  });

  it('records a decision of the team while it is not played, and no findings on it', async () => {
    const { staff, slGov } = suite.drill.sockets;
    await slGov.released('d02-sl-intrusion', 5000);
    const ack = await slGov.decide('sl-unplayed-1', { inject: 'd02-sl-intrusion', action: 'activate-hotline', target: 'northland-government' }, 'Entered while nobody plays the team.');
    expect(ack).toMatchObject({ ok: true });
    await staff.waitFor((e) => e.seq === ack.seq);
    expect(staff.events.filter((e) => e.type === 'decision.submitted').map((e) => e.payload.teamId)).toEqual(['sl-gov']);
    expect(staff.types()).not.toContain('findings.recorded');
    expect((await scores()).teams.find((t) => t.teamId === 'sl-gov')?.findings).toEqual([]);
  });

  it('marks the team played again, and repeats of a mark it already has record nothing', async () => {
    const again = await mark('sl-gov', { played: true });
    expect([again.status, again.body.ok]).toEqual([200, true]);
    expect((await scores()).teams.find((t) => t.teamId === 'sl-gov')?.played).toBe(true);
    const before = await logSeq();
    const repeat = await mark('sl-gov', { played: true });
    expect([repeat.status, repeat.body.ok, repeat.body.seq]).toEqual([200, true, before]);
    expect(await logSeq()).toBe(before);
  });

  it('records findings on the team again once it plays', async () => {
    const { staff, slGov } = suite.drill.sockets;
    const ack = await slGov.decide('sl-played-again-1', { action: 'public-attribution', target: 'northland-government' }, 'Named on thin evidence, now that the team plays.');
    expect(ack).toMatchObject({ ok: true });
    const findings = await staff.waitFor((e) => e.type === 'findings.recorded');
    expect(findings.payload).toMatchObject({ teamId: 'sl-gov', decisionId: 'sl-played-again-1' });
    expect((await scores()).teams.find((t) => t.teamId === 'sl-gov')?.findings.length).toBeGreaterThan(0);
  });

  it.each([
    ['a player', 'FORBIDDEN_ROLE', 403, () => mark('sl-gov', { played: false }, suite.drill.tokens.slGov), 'Only controllers may mark teams as played or not played; you are signed in as a player.'],
    ['a facilitator', 'FORBIDDEN_ROLE', 403, () => mark('sl-gov', { played: false }, suite.drill.tokens.facilitator), 'Only controllers may mark teams as played or not played; you are signed in as a facilitator.'],
    ['an unknown team', 'UNKNOWN_TEAM', 409, () => mark('ghost-team', { played: false }), 'There is no team ghost-team in this scenario.'],
    ['a team id that is no id', 'VALIDATION_FAILED', 400, () => mark('sl%20gov', { played: false }), 'teamId'],
    ['a body without played', 'VALIDATION_FAILED', 400, () => mark('sl-gov', { reason: 'Absent' }), 'played'],
    ['played as text', 'VALIDATION_FAILED', 400, () => mark('sl-gov', { played: 'no' }), 'played'],
    ['a blank reason', 'VALIDATION_FAILED', 400, () => mark('sl-gov', { played: false, reason: '   ' }), 'reason: must not be empty'],
    ['a field the command does not take', 'VALIDATION_FAILED', 400, () => mark('sl-gov', { played: false, teamId: 'nl-gov' }), 'teamId'],
  ] as const)('refuses %s with %s and writes nothing', async (_name, code, status, attempt, words) => {
    const before = await logSeq();
    const reply = await attempt();
    expect([reply.status, reply.body.error?.code]).toEqual([status, code]);
    expect(reply.body.error?.message).toContain(words);
    expect(await logSeq()).toBe(before);
  });

  it('refuses a mark once the exercise has ended', async () => {
    const { client, drill } = suite;
    expect((await client.http('POST', `/api/exercises/${drill.id}/end`, undefined, drill.controller)).status).toBe(200);
    const reply = await mark('nl-gov', { played: false });
    expect([reply.status, reply.body.error?.code]).toEqual([409, 'EXERCISE_ENDED']);
  });
});
