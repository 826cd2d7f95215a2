// Proportionality to the injury (TM2-R23, ILC Art. 51) and the political weighing of retorsion (EU-TOOLBOX).
import { choose, judgeDecision, stateWith } from './world.js';

const judge = (released: Record<string, number>, actions: [string, string?][], teamId = 'south', injectId?: string) =>
  judgeDecision('proportionate-response', stateWith({ released }), { teamId, actions: choose(...actions), ...(injectId ? { injectId } : {}) });
const verdicts = (released: Record<string, number>, actions: [string, string?][], teamId?: string) =>
  judge(released, actions, teamId).map((f) => [f.severity, f.delta]);

describe('proportionality to the injury: severity, sector and scope against expected effects', () => {
  // scan SEV-1; probe SEV-3; blackout SEV-4; wiper SEV-3 on the energy sector, Westland hit too: gravity SEV-5.
  it.each([
    ['scan', 'limited-strike', [['violation', -10]]],
    ['probe', 'limited-strike', [['concern', -5]]],
    ['blackout', 'limited-strike', []],
    ['wiper', 'limited-strike', []],
    ['probe', 'armed-response', [['violation', -10]]],
    ['blackout', 'armed-response', [['concern', -5]]],
    ['wiper', 'armed-response', []],
  ])('after %s, %s against Northland Cyber Command', (inject, action, expected) => {
    expect(verdicts({ [inject]: 100 }, [[action, 'north-mil']])).toEqual(expected);
  });

  it('explains the injury and the expected effects aloud', () => {
    const [finding] = judge({ probe: 5 }, [['limited-strike', 'north-mil']]);
    expect(finding.explanation).toBe(
      'Southland cabinet chose Limited strike against Northland Cyber Command: its expected effects (SEV-4) are graver than the injury that provoked it (SEV-3: "Incident probe", SEV-3) by 1 level(s). A response must be commensurate with the injury suffered, given the gravity of the act and the rights in question (TM2-R23, ILC-51, EU-TOOLBOX).',
    );
    expect(judge({ wiper: 100 }, [['armed-response', 'north-mil']])).toEqual([]);
  });

  it('weighs a response with no injury behind it, or against a state not behind the act, against nothing', () => {
    expect(verdicts({ probe: 5 }, [['limited-strike', 'south-gov']], 'north')).toEqual([['violation', -10]]);
  });

  it('leaves countermeasures and operations against other states to countermeasure-preconditions', () => {
    expect(judge({ scan: 100 }, [['reversible-countermeasure', 'north-gov'], ['disruptive-operation', 'north-gov'], ['attack-critical-infrastructure', 'north-water']])).toEqual([]);
  });
});

describe('retorsion: lawful by nature, weighed politically (EU-TOOLBOX), never a violation', () => {
  it.each([
    ['probe', 'targeted-sanctions', []],
    ['scan', 'expel-diplomats', []],
    ['scan', 'trade-measures', [['concern', -5]]],
    ['scan', 'targeted-sanctions', [['concern', -5]]],
  ])('after %s, %s', (inject, action, expected) => {
    expect(verdicts({ [inject]: 100 }, [[action, 'north-gov']])).toEqual(expected);
  });

  it('cites the Toolbox, not the law of countermeasures, and says the measure is lawful', () => {
    const [finding, ...rest] = judge({ probe: 5 }, [['targeted-sanctions', 'south-gov']], 'north');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'concern', delta: -5, cites: ['EU-TOOLBOX'] });
    expect(finding.explanation).toContain('As retorsion it is lawful whatever the other state did');
    expect(finding.explanation).toMatch(/\(no act against it; gravity none\).*\(EU-TOOLBOX\)\.$/);
  });

  it('weighs the scope of the act: expulsions answer a wiper on two states’ grids', () => {
    expect(verdicts({ wiper: 100 }, [['targeted-sanctions', 'north-gov'], ['expel-diplomats', 'north-gov']])).toEqual([]);
  });
});

describe('restraint is commended; an escalatory answer is at best acceptable', () => {
  it('commends an answer by channels and diplomacy alone to an incident against the team', () => {
    const [finding, ...rest] = judge({ probe: 5 }, [['activate-hotline', 'north-gov'], ['private-demarche', 'north-gov']], 'south', 'probe');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'commendation', delta: 5 });
    expect(finding.explanation).toBe('Southland cabinet showed restraint in answering "Incident probe", SEV-3: channels and diplomacy alone, an answer that leaves room to de-escalate (TM2-R23, ILC-51, EU-TOOLBOX).');
  });

  it.each([
    ['expel-diplomats', 'north-gov'],
    ['reversible-countermeasure', 'north-gov'],
    ['attack-critical-infrastructure', 'north-water'],
    ['disruptive-operation', 'north-mil'],
  ])('does not commend %s, however measured', (action, target) => {
    expect(judge({ probe: 5, blackout: 30 }, [['activate-hotline', 'north-gov'], [action, target]], 'south', 'blackout')).toEqual([]);
  });

  it('commends only an answer to an incident the team suffered', () => {
    expect(judge({ probe: 5 }, [['private-demarche', 'north-gov']])).toEqual([]);
    expect(judge({ probe: 5 }, [['private-demarche', 'south-gov']], 'north', 'probe')).toEqual([]);
  });
});
