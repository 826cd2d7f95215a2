import { copyOfExercises, edit, lineOf, ttx } from './cli-harness.js';

const POSITIONED = /^(\S+):(\d+):(\d+): (\S+): (.+)$/;

describe('ttx validate', () => {
  it('accepts every file in exercises/ and says what it checked', async () => {
    const result = await ttx(['validate', 'exercises']);
    expect(result.stdout).toMatch(/files? valid \(\d+ scenarios?, 1 action catalogue, \d+ rule sets?\)\.\n$/);
    expect(result.status).toBe(0);
  });

  it('checks a scenario on its own against the roe/ folder above it', async () => {
    const result = await ttx(['validate', 'exercises/grid-dark-winter/scenario.yaml']);
    expect(result.stdout).toMatch(/^3 files valid \(1 scenario, 1 action catalogue, 1 rule set\)\./);
    expect(result.status).toBe(0);
  });

  it('reports a reference to an unknown team at its position, relative to the working directory', async () => {
    const root = copyOfExercises();
    const text = edit(root, 'exercises/grid-dark-winter/scenario.yaml', 'audience: [sl-gov, sl-cert, csf]', 'audience: [sl-gov, sl-cret, csf]');
    const result = await ttx(['validate', 'exercises/grid-dark-winter'], root);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    const problem = lines.find((l) => l.includes('sl-cret'));
    expect(problem).toMatch(POSITIONED);
    const [, file, line, column, field] = POSITIONED.exec(problem!)!;
    expect(file).toBe('exercises/grid-dark-winter/scenario.yaml');
    expect(field).toMatch(/^injects\[\d+\]\.audience\[1\]$/);
    expect(Number(line)).toBe(lineOf(text, 'sl-cret'));
    expect(text.split('\n')[Number(line) - 1]!.slice(Number(column) - 1)).toMatch(/^sl-cret/);
    expect(lines.at(-1)).toBe('1 problem in 1 of 3 files.');
  });

  it('reports a YAML syntax error with its line and column', async () => {
    const root = copyOfExercises();
    edit(root, 'exercises/grid-dark-winter/scenario.yaml', 'duration: "02:00"', 'duration: [02:00');
    const result = await ttx(['validate', 'exercises/grid-dark-winter/scenario.yaml'], root);
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(/^exercises\/grid-dark-winter\/scenario\.yaml:\d+:\d+: /);
  });

  it('rejects a rule set that cites an unknown source, at the citation', async () => {
    const root = copyOfExercises();
    edit(root, 'exercises/roe/default.yaml', /cites: \[/, 'cites: [NORM-Z, ');
    const result = await ttx(['validate', 'exercises'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^exercises\/roe\/default\.yaml:\d+:\d+: rules\[\d+\]\.cites\[0\]: .*known source/m);
  });

  it('rejects a rule that names an action the catalogue does not have', async () => {
    const root = copyOfExercises();
    const text = edit(root, 'exercises/roe/default.yaml', 'answeredBy: [mitigate-activity-from-territory]', 'answeredBy: [take-down-botnet]');
    const result = await ttx(['validate', 'exercises/roe'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `exercises/roe/default.yaml:${lineOf(text, 'take-down-botnet')}:`,
    );
    expect(result.stdout).toMatch(/^exercises\/roe\/default\.yaml:\d+:\d+: rules\[\d+\]\.params\.answeredBy\[0\]: "take-down-botnet" is not an action/m);
  });

  it('rejects countermeasure thresholds out of range, each at its value', async () => {
    const root = copyOfExercises();
    edit(root, 'exercises/roe/default.yaml', 'minimumEvidence: moderate', 'minimumEvidence: certain');
    const text = edit(root, 'exercises/roe/default.yaml', 'retorsionAllowance: 2', 'retorsionAllowance: 12');
    const result = await ttx(['validate', 'exercises/roe'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^exercises\/roe\/default\.yaml:\d+:\d+: rules\[\d+\]\.params\.minimumEvidence: must be an evidence level: none, low, moderate or high$/m);
    expect(result.stdout).toContain(`exercises/roe/default.yaml:${lineOf(text, 'retorsionAllowance: 12')}:`);
    expect(result.stdout).toMatch(/rules\[\d+\]\.params\.retorsionAllowance: must be at most 10$/m);
  });

  it('exits 2 for a path that does not exist, without checking anything', async () => {
    const result = await ttx(['validate', 'exercises', 'no-such-folder']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no-such-folder: no such file or folder');
    expect(result.stdout).toBe('');
  });

  it('exits 2 when no file is named', async () => {
    const result = await ttx(['validate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing required argument 'file-or-dir'");
  });
});

describe('ttx help', () => {
  it('lists every command', async () => {
    const result = await ttx(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/validate <file-or-dir\.\.\.>/);
    expect(result.stdout).toMatch(/simulate \[options\] <scenario>/);
  });

  it('documents every option of simulate, and its bot policies', async () => {
    const result = await ttx(['simulate', '--help']);
    expect(result.status).toBe(0);
    for (const option of ['--bots', '--seed', '--speed', '--json', '--report'])
      expect(result.stdout).toContain(option);
    for (const policy of ['restrained', 'escalatory', 'random']) expect(result.stdout).toContain(policy);
  });

  it('reports a scenario of 60,000 keys as over the node limit, at the node past it, and exits 1', async () => {
    const root = copyOfExercises();
    let keys = '';
    for (let i = 0; i < 60_000; i++) keys += `k${i}: ${i}\n`;
    edit(root, 'exercises/grid-dark-winter/scenario.yaml', /^[\s\S]*$/, keys);
    const result = await ttx(['validate', 'exercises/grid-dark-winter/scenario.yaml'], root);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^exercises\/grid-dark-winter\/scenario\.yaml:25000:9: \(root\): the file exceeds limit "nodes"/);
  });

  it('exits 2 for an unknown command', async () => {
    expect((await ttx(['simulat'])).status).toBe(2);
  });
});
