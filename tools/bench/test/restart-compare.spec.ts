// `restart-compare`, the command behind the restart and first-report figures of docs/performance.md, run small on a
// folder kept from a real server: a live exercise with a few injects, the production entry given twice, one round.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../src/server-process.js';
import { FaultWorld } from './support/fault-harness.js';

const ENTRY = 'apps/server/dist/ttx-server.js';

function restartCompare(...args: string[]) {
  return spawnSync(process.execPath, ['tools/bench/bin/restart-compare.js', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 110_000,
  });
}

/** The cells of the table's rows for `ENTRY`, without the outer pipes. */
function tableRows(stdout: string): string[][] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith(`| ${ENTRY}`))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

const msValue = (cell: string | undefined) => {
  expect(cell).toMatch(/^[\d,]+ ms$/);
  return Number(cell!.replace(/[, ms]/g, ''));
};

describe('restart-compare', () => {
  let world: FaultWorld;
  let folder: string;
  let exerciseId: string;
  beforeAll(async () => {
    world = await FaultWorld.start('fault-drill');
    const { admin, exercise } = await world.openExercise();
    for (let n = 0; n < 5; n += 1)
      await world.api.adHoc(admin, exercise.id, `kept-${n}`, ['sl-gov', 'nl-gov']);
    await world.server.stop();
    folder = world.dir;
    exerciseId = exercise.id;
    const build = spawnSync(
      process.execPath,
      [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'tools/bench'],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(build.stdout + build.stderr).toBe('');
  }, 120_000);
  afterAll(async () => {
    await world?.close();
  });

  it('with --reports, prints a table row per build and round with the restart, the three reports and their blocks', () => {
    const run = restartCompare(folder, ENTRY, ENTRY, '--rounds', '1', '--reports');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`exercise ${exerciseId}`);
    expect(run.stdout).toContain(
      '| JSON (first, builds the review) | block | PDF (review kept) | block | JSON again | block | server CPU, 3 reports | load |',
    );
    const rows = tableRows(run.stdout);
    expect(rows.map((cells) => cells.slice(0, 2))).toEqual([
      [`${ENTRY} #1`, '1'],
      [`${ENTRY} #2`, '1'],
    ]);
    for (const cells of rows) {
      expect(cells).toHaveLength(14);
      const [
        healthMs,
        runningMs,
        ,
        idleMs,
        firstMs,
        firstBlock,
        pdfMs,
        pdfBlock,
        againMs,
        againBlock,
        cpuMs,
      ] = cells.slice(2, 13).map(msValue);
      expect(runningMs).toBeGreaterThanOrEqual(healthMs!);
      for (const reportMs of [firstMs, pdfMs, againMs]) expect(reportMs).toBeGreaterThan(0);
      for (const blockMs of [idleMs, firstBlock, pdfBlock, againBlock])
        expect(blockMs).toBeGreaterThanOrEqual(0);
      expect(cpuMs).toBeGreaterThan(0);
      expect(Number(cells[13])).toBeGreaterThanOrEqual(0);
    }
  });

  it('asks for the PDF first with --order pdf', () => {
    const run = restartCompare(folder, ENTRY, '--rounds', '1', '--reports', '--order', 'pdf');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '| PDF (first, builds the review) | block | JSON (review kept) | block | PDF again | block |',
    );
    expect(run.stdout).toMatch(
      /reports: idle probe \d+ ms; pdf [\d,]+ ms \(block [\d,]+ ms\), json [\d,]+ ms \(block [\d,]+ ms\), pdf /,
    );
    expect(tableRows(run.stdout)).toHaveLength(1);
  });

  it('with --end, ends the exercise before the reports, whose first is then of the review prepared at its end', () => {
    const run = restartCompare(folder, ENTRY, '--rounds', '1', '--reports', '--end');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      '| JSON (first, review prepared at the end) | block | PDF (review kept) | block | JSON again | block |',
    );
    expect(tableRows(run.stdout)).toHaveLength(1);
    // The kept folder itself is untouched: each run ends the exercise in its own copy.
    expect(restartCompare(folder, ENTRY, '--rounds', '1').status).toBe(0);
  });

  it('without --reports, prints the restart lines only, as before', () => {
    const run = restartCompare(folder, ENTRY, '--rounds', '1');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      new RegExp(`^${ENTRY}: /health \\d+ ms, running \\d+ ms, server CPU \\d+ ms, load \\d+\\.\\d\\d$`),
    );
  });

  it('refuses an order other than json or pdf, an order or --end without --reports, and rounds that are not a whole number above 0', () => {
    const badOrder = restartCompare(folder, ENTRY, '--reports', '--order', 'csv');
    expect(badOrder.status).toBe(2);
    expect(badOrder.stderr).toContain('--order takes json or pdf');
    const orderAlone = restartCompare(folder, ENTRY, '--order', 'pdf');
    expect(orderAlone.status).toBe(2);
    expect(orderAlone.stderr).toContain('without --reports');
    const endAlone = restartCompare(folder, ENTRY, '--end');
    expect(endAlone.status).toBe(2);
    expect(endAlone.stderr).toContain('--end goes with --reports');
    const noRounds = restartCompare(folder, ENTRY, '--rounds', '0', '--reports');
    expect(noRounds.status).toBe(2);
    expect(noRounds.stderr).toContain('--rounds takes a whole number above 0');
  });
});
