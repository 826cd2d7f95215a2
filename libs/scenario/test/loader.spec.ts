import {
  formatProblem,
  loadCatalogue,
  loadLibrary,
  loadRuleSet,
  loadScenario,
  type RuleCheck,
  type SourceFile,
} from '../src/index.js';
import { fixture, okFiles } from './fixture-files.js';

const catalogue = fixture('ok/roe/catalogue.yaml');
const ruleSet = fixture('ok/roe/rules.yaml');
const full = fixture('ok/full.yaml');

function refsOk() {
  const c = loadCatalogue(catalogue);
  const r = loadRuleSet(ruleSet);
  if (!c.ok || !r.ok) throw new Error('ok fixtures must load');
  return { catalogues: new Map([[c.value.id, c.value]]), ruleSets: new Map([[r.value.id, r.value]]) };
}

function edit(file: SourceFile, from: string, to: string, path = file.path): SourceFile {
  if (!file.text.includes(from)) throw new Error(`fixture has no "${from}"`);
  return { path, text: file.text.replace(from, to) };
}

describe('loadScenario', () => {
  it('turns times into milliseconds and fills in defaults', () => {
    const result = loadScenario(fixture('ok/minimal.yaml'));
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    expect(result.value.duration).toBe(30 * 60_000);
    expect(result.value.injects[0].at).toBe(5 * 60_000);
    expect(result.value.speed).toBe(1);
    expect(result.value.feedback).toBe('immediate');
    expect(result.value.injects[0].attack).toEqual([]);
  });

  it('locates any field of a loaded scenario for later messages', () => {
    const result = loadScenario(full);
    if (!result.ok) throw new Error('full fixture must load');
    const lines = full.text.split('\n');
    const at = result.locate(['injects', 1, 'decision', 'deadline']);
    expect(lines[at.line - 1].slice(at.column - 1)).toBe("'+00:15'");
  });

  it('leaves the rule set and actions unchecked when given no library', () => {
    const result = loadScenario(edit(full, 'rules: fixture-rules', 'rules: elsewhere'));
    expect(result.ok).toBe(true);
  });

  it('checks the rule set and the actions of its catalogue when given them', () => {
    const file = edit(
      edit(full, 'rules: fixture-rules', 'rules: elsewhere'),
      '[share-indicators,',
      '[share-indicator,',
    );
    const result = loadScenario(file, refsOk());
    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message.split(' (')[0]}`)).toEqual([
      'rules: rule set "elsewhere" does not exist',
    ]);
    const withActions = loadScenario(edit(full, '[share-indicators,', '[share-indicator,'), refsOk());
    expect(withActions.ok ? [] : withActions.problems.map((p) => p.path)).toEqual([
      'injects[5].decision.actions[0]',
    ]);
  });

  it('reports shape problems and reference problems of well-formed injects in one pass', () => {
    const file = edit(
      edit(full, 'title: Substations offline', 'titel: Substations offline'),
      'members: [south-cert]',
      'members: [south-certt]',
    );
    const result = loadScenario(file);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual([
      'channels[2].members[0]',
      'injects[0]',
    ]);
  });

  it('does not call a reference to a malformed inject missing', () => {
    const file = edit(full, 'title: Evidence points north', 'title: [Evidence points north]');
    const result = loadScenario(file);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'ok/full.yaml:98:12: injects[1].title: expected text, found a list',
    ]);
  });
});

describe('loadScenario suggestions and condition cycles', () => {
  const messages = (file: SourceFile): string[] => {
    const result = loadScenario(file);
    return result.ok ? [] : result.problems.map(formatProblem);
  };

  it('does not offer another rung of a numbered ladder as the spelling of an out-of-range one', () => {
    const [problem] = messages(edit(full, 'severity: SEV-3', 'severity: SEV-9'));
    expect(problem).toContain('injects[0].severity: must be a severity SEV-0 … SEV-5');
    expect(problem).not.toContain('did you mean');
  });

  it('still offers the ladder value when the letters are mistyped', () => {
    expect(messages(edit(full, 'severity: SEV-3', 'severity: SVE-3')).join('\n')).toContain(
      'did you mean "SEV-3"?',
    );
  });

  it('offers the team meant when an audience lists only mistyped teams', () => {
    expect(messages(edit(full, 'audience: [south-gov]', 'audience: [south-gvo]'))).toEqual([
      expect.stringContaining(
        'injects[1].audience: includes no team of this scenario ("south-gvo" is not a team; did you mean "south-gov"?; teams: ',
      ),
    ]);
  });

  it('names each guess beside its word when several audience teams are mistyped', () => {
    const [problem] = messages(
      edit(full, 'audience: [south-grid, south-cert]', 'audience: [south-gird, south-crt, press]'),
    );
    expect(problem).toContain(
      '("south-gird", "south-crt", "press" are not teams; did you mean "south-grid" for "south-gird", "south-cert" for "south-crt"?; teams: ',
    );
  });

  it('accepts a cycle through "any" that has another way out', () => {
    const cycle = fixture('not-ok/condition-cycle.yaml');
    const withWayOut = edit(cycle, '    when:\n      released: c\n', '');
    expect(messages(withWayOut)).toEqual([]);
  });

  it('reports a cycle whose only way out can itself never be released', () => {
    expect(messages(fixture('not-ok/condition-cycle.yaml'))).toEqual([
      expect.stringContaining('injects[0].when: waits for itself through a → b → a'),
      expect.stringContaining('injects[2].when: waits for itself, so it can never be released'),
    ]);
  });
});

describe('loadRuleSet and loadLibrary with rule-kind checks', () => {
  const checkRule: RuleCheck = (rule) =>
    rule.kind === 'attribution-care' && rule.params['minEvidence'] !== 'high'
      ? [{ path: ['params', 'minEvidence'], message: 'must be high in this exercise' }]
      : [];

  it('positions what a rule kind reports under the rule it checked', () => {
    const result = loadRuleSet(ruleSet, { checkRule });
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'ok/roe/rules.yaml:24:20: rules[1].params.minEvidence: must be high in this exercise',
    ]);
  });

  it('runs rule-kind checks over every rule set of a library', () => {
    const library = loadLibrary(okFiles(), { checkRule });
    expect(library.problems.map((p) => p.path)).toEqual(['rules[1].params.minEvidence']);
    expect(library.ruleSets.size).toBe(0);
  });
});

describe('loadLibrary', () => {
  it('tells rule files apart by their kind and reports a roe file that declares none', () => {
    const stray: SourceFile = { path: 'exercises/roe/notes.yaml', text: 'title: Notes\n' };
    const library = loadLibrary([...okFiles(), stray]);
    expect(library.problems.map(formatProblem)).toEqual([
      'exercises/roe/notes.yaml:1:1: kind: a file in a roe folder must declare "kind: action-catalogue" or "kind: rule-set"',
    ]);
  });

  it('keeps the first of two scenarios with one id and reports the second', () => {
    const copy = { path: 'copy/scenario.yaml', text: full.text };
    const library = loadLibrary([...okFiles(), copy]);
    expect(library.problems.map(formatProblem)).toEqual([
      'copy/scenario.yaml:4:5: id: scenario id "full" is already used by ok/full.yaml',
    ]);
    expect(library.scenarios.get('full')?.file).toBe('ok/full.yaml');
  });

  it('does not blame scenarios for a rule set that exists but has problems of its own', () => {
    const brokenRules = edit(ruleSet, 'weight: 30', 'weight: heavy');
    const library = loadLibrary([...okFiles().filter((f) => f.path !== ruleSet.path), brokenRules]);
    expect(library.problems.map((p) => `${p.file} ${p.path}`)).toEqual(['ok/roe/rules.yaml rules[0].weight']);
    expect(library.scenarios.size).toBe(2);
  });

  it('checks nothing across files when the library holds no rule files', () => {
    const library = loadLibrary([full]);
    expect(library.problems).toEqual([]);
  });
});
