import type { ExerciseEvent } from '@ttx/engine';
import { createScoringModel, escalationParams, ESCALATION_DEFAULTS } from '../src/index.js';
import { choose, ctx, minutes, stateWith } from './world.js';

const model = createScoringModel();
let seq = 0;
const decision = (teamId: string, actions: ReturnType<typeof choose>, at = 30): ExerciseEvent => ({
  seq: ++seq,
  type: 'decision.submitted',
  at: 0,
  exerciseTime: minutes(at),
  audience: { kind: 'staff' },
  payload: { decisionId: `d${seq}`, teamId, actions, rationale: 'because' },
});
const message = (teamId: string, at: number): ExerciseEvent => ({
  seq: ++seq,
  type: 'message.sent',
  at: 0,
  exerciseTime: minutes(at),
  audience: { kind: 'staff' },
  payload: { messageId: `m${seq}`, channelId: 'hotline', teamId, text: 'Can we talk?' },
});

describe('the escalation model', () => {
  it("raises the acting state's level against the target's state to the decision's highest rung against it", () => {
    const { escalation } = model.assess(ctx, stateWith(), decision('south', choose(['private-demarche', 'north-gov'], ['targeted-sanctions', 'north-gov'], ['expel-diplomats', 'west-gov'], ['share-indicators', 'south-grid'])));
    expect(escalation).toEqual([
      { from: 'southland', to: 'northland', level: 5, cause: 'action', decisionId: expect.any(String), actionId: 'targeted-sanctions', teamId: 'south' },
      { from: 'southland', to: 'westland', level: 3, cause: 'action', decisionId: expect.any(String), actionId: 'expel-diplomats', teamId: 'south' },
    ]);
  });

  it('never lowers a level through an action, and ignores actions at home or without a target', () => {
    const state = stateWith({ escalation: { 'southland>northland': 6 } });
    expect(model.assess(ctx, state, decision('south', choose(['expel-diplomats', 'north-gov'], ['isolate-and-restore'], ['reversible-countermeasure', 'south-grid']))).escalation).toEqual([]);
  });

  it('eases both directions when a team reaches the other state through a CBM channel', () => {
    const state = stateWith({ escalation: { 'southland>northland': 4, 'northland>southland': 2 } });
    const moves = model.assess(ctx, state, decision('north', choose(['activate-hotline', 'south-gov'], ['private-demarche', 'south-gov']))).escalation;
    expect(moves.map((m) => [m.from, m.to, m.level, m.cause])).toEqual([
      ['northland', 'southland', 1, 'cbm'],
      ['southland', 'northland', 3, 'cbm'],
    ]);
  });

  it('gives no relief to a team that talks while it strikes', () => {
    const state = stateWith({ escalation: { 'southland>northland': 4 } });
    const moves = model.assess(ctx, state, decision('north', choose(['activate-hotline', 'south-gov'], ['expel-diplomats', 'south-gov']))).escalation;
    expect(moves.map((m) => [m.from, m.to, m.level, m.cause])).toEqual([['northland', 'southland', 3, 'action']]);
  });

  it('eases on a hotline message, at most once per cooldown per team', () => {
    const fresh = stateWith({ escalation: { 'southland>northland': 4 } });
    expect(model.assess(ctx, fresh, message('north', 30)).escalation).toEqual([{ from: 'southland', to: 'northland', level: 3, cause: 'cbm', teamId: 'north' }]);
    const chatty = stateWith({ escalation: { 'southland>northland': 4 }, messages: [{ messageId: 'm0', channelId: 'hotline', teamId: 'north', exerciseTime: minutes(25) }] });
    expect(model.assess(ctx, chatty, message('north', 30)).escalation).toEqual([]);
    expect(model.assess(ctx, chatty, message('north', 36)).escalation).toHaveLength(1);
  });

  it('lets a quiet pair drop one rung per easing period after its last hostile action', () => {
    const decisions = [{ decisionId: 'd1', teamId: 'south', actions: choose(['targeted-sanctions', 'north-gov']), exerciseTime: minutes(10) }];
    const state = stateWith({ decisions, escalation: { 'southland>northland': 5 } });
    expect(model.ease(ctx, state, minutes(29))).toEqual([]);
    expect(model.ease(ctx, state, minutes(30))).toEqual([{ from: 'southland', to: 'northland', level: 4, cause: 'easing' }]);
    expect(model.ease(ctx, state, minutes(75))).toEqual([{ from: 'southland', to: 'northland', level: 2, cause: 'easing' }]);
    const eased = stateWith({ decisions, escalation: { 'southland>northland': 2 } });
    expect(model.ease(ctx, eased, minutes(75))).toEqual([]);
  });

  it('leaves a level with no hostile action behind it to the controller', () => {
    expect(model.ease(ctx, stateWith({ escalation: { 'westland>northland': 3 } }), minutes(100))).toEqual([]);
  });

  it('reads its parameters from the rule set, defaulting the missing ones', () => {
    expect(escalationParams({ ...ctx.ruleSet, escalation: { cbmRelief: 2 } })).toEqual({ ...ESCALATION_DEFAULTS, cbmRelief: 2 });
    const slow = { ...ctx, ruleSet: { ...ctx.ruleSet, escalation: { easeEveryMinutes: 0 } } };
    const state = stateWith({ decisions: [{ decisionId: 'd1', teamId: 'south', actions: choose(['targeted-sanctions', 'north-gov']), exerciseTime: 0 }], escalation: { 'southland>northland': 5 } });
    expect(model.ease(slow, state, minutes(200))).toEqual([]);
  });
});
