import { catalogue, everyAction, situation } from '../../test/fixture-world.js';
import { assignPolicies } from './bot-policies.js';
import { escalatoryBot } from './escalatory-bot.js';
import { randomBot } from './random-bot.js';
import { restrainedBot } from './restrained-bot.js';

const rung = (actionId: string) => Number(catalogue.actions.find((a) => a.id === actionId)!.rung.slice(4));

describe('assigning bot policies to teams', () => {
  const teams = ['north-gov', 'north-cert', 'south-gov'];

  it('lets a single policy play every team', () => {
    const result = assignPolicies(['random'], teams);
    expect(result.ok && [...result.policies.values()].map((p) => p.name)).toEqual(['random', 'random', 'random']);
  });

  it('gives listed policies to teams in scenario order and the last one to the remaining teams', () => {
    const result = assignPolicies(['restrained', 'escalatory'], teams);
    expect(result.ok && Object.fromEntries([...result.policies].map(([t, p]) => [t, p.name]))).toEqual({
      'north-gov': 'restrained',
      'north-cert': 'escalatory',
      'south-gov': 'escalatory',
    });
  });

  it('refuses an unknown policy and names the known ones', () => {
    const result = assignPolicies(['restrained', 'hawk'], teams);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('"hawk"') });
    expect(!result.ok && result.message).toContain('restrained, lawful-retaliator, escalatory, unlawful, random');
  });

  it('refuses more policies than teams', () => {
    expect(assignPolicies(['random', 'random', 'random', 'random'], teams).ok).toBe(false);
  });
});

describe('the restrained policy', () => {
  it('reaches for the hotline, mitigation and consultation first when its own state is hit', () => {
    expect(restrainedBot.answer(situation(everyAction)).actions).toEqual([
      { actionId: 'activate-hotline', targetId: 'south-gov-t' },
      { actionId: 'isolate-and-restore' },
      { actionId: 'request-consultations', targetId: 'south-gov-t' },
    ]);
  });

  it('answers another state in trouble with assistance first', () => {
    const answer = restrainedBot.answer(situation(everyAction, { teamId: 'south-gov', victim: 'northland' }));
    expect(answer.actions[0]).toEqual({ actionId: 'offer-assistance', targetId: 'north-gov-t' });
  });

  it('never goes above a private démarche, nor against a CERT or civilian infrastructure', () => {
    for (let seed = 1; seed <= 5; seed++) {
      const answer = restrainedBot.answer(situation(everyAction, { seed, maxActions: 10 }));
      expect(answer.actions.length).toBeGreaterThan(0);
      expect(answer.actions.every((a) => rung(a.actionId) <= 1)).toBe(true);
    }
  });

  it('uses the hotline toward the state behind the incident and says so on the hotline channel', () => {
    const answer = restrainedBot.answer(situation(['activate-hotline', 'public-attribution']));
    expect(answer.actions).toEqual([{ actionId: 'activate-hotline', targetId: 'south-gov-t' }]);
    expect(answer.messages).toEqual([{ channelId: 'hotline', text: expect.stringContaining('Grid outage') }]);
  });

  it('holds rather than escalate when only escalatory actions are allowed', () => {
    expect(restrainedBot.answer(situation(['attack-critical-infrastructure', 'disruptive-operation'])).actions).toEqual([]);
  });
});

describe('the escalatory policy', () => {
  it('attributes in public first, then takes the highest rungs allowed, without a démarche', () => {
    const answer = escalatoryBot.answer(situation(everyAction));
    expect(answer.actions[0]).toEqual({ actionId: 'public-attribution', targetId: 'south-gov-t' });
    expect(answer.actions.slice(1).map((a) => a.actionId)).toEqual(['armed-response', 'limited-strike']);
    expect(answer.actions.some((a) => a.actionId === 'private-demarche')).toBe(false);
  });

  it('aims at the other state, never its own', () => {
    const s = situation(['targeted-sanctions', 'attack-critical-infrastructure', 'reversible-countermeasure']);
    const answer = escalatoryBot.answer(s);
    expect(answer.actions.map((a) => a.actionId)).toEqual([
      'attack-critical-infrastructure',
      'reversible-countermeasure',
      'targeted-sanctions',
    ]);
    const targeted = answer.actions.map((a) => s.scenario.targets.find((t) => t.id === a.targetId)!.state);
    expect(targeted).toEqual(['southland', 'southland', 'southland']);
  });
});

describe('the random policy', () => {
  it('chooses only allowed actions with targets of a kind each action may take', () => {
    const allowed = ['activate-hotline', 'share-indicators', 'public-attribution', 'issue-public-advisory'];
    for (let seed = 1; seed <= 20; seed++) {
      const s = situation(allowed, { seed });
      for (const choice of randomBot.answer(s).actions) {
        expect(allowed).toContain(choice.actionId);
        const action = s.actions.get(choice.actionId)!;
        const target = s.scenario.targets.find((t) => t.id === choice.targetId);
        expect(action.targets.length === 0 ? target === undefined : action.targets.includes(target!.kind)).toBe(true);
      }
    }
  });

  it('varies its choices with the seed', () => {
    const answers = new Set(
      Array.from({ length: 10 }, (_, seed) => JSON.stringify(randomBot.answer(situation(everyAction, { seed })).actions)),
    );
    expect(answers.size).toBeGreaterThan(1);
  });
});
