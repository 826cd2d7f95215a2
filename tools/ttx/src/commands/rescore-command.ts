// `ttx rescore`: judges an exercise bundle's log again under another rule set and prints both scoreboards and the
// findings that differ.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Command } from 'commander';
import { formatProblem } from '@ttx/scenario';
import { EXIT_INVALID, EXIT_OK, UsageError, type CliIo } from '../cli-io.js';
import { formatRescoreText } from '../rescoring/rescore-text.js';

export interface RescoreOptions {
  rules: string;
  json?: boolean;
}

function readGiven(file: string, what: string, cwd: string): { path: string; text: string } {
  const full = path.resolve(cwd, file);
  if (!existsSync(full) || !statSync(full).isFile()) throw new UsageError(`${file}: no such ${what} file`);
  return { path: path.relative(cwd, full) || full, text: readFileSync(full, 'utf8') };
}

export async function rescoreBundle(bundlePath: string, options: RescoreOptions, io: CliIo): Promise<number> {
  const bundleFile = readGiven(bundlePath, 'bundle', io.cwd);
  const rulesFile = readGiven(options.rules, 'rule-set', io.cwd);
  // Loaded on demand: the report library is heavy and only rescore and --report need it.
  const { loadRuleSetFor, parseBundleText, rescore } = await import('@ttx/report');
  const read = parseBundleText(bundleFile.text);
  if (!read.ok) {
    for (const problem of read.problems) io.err(`${bundleFile.path}: ${problem.path}: ${problem.message}`);
    io.err(`${bundleFile.path} is not a valid exercise bundle (${read.code}); write one with ttx simulate --bundle or download it from the server.`);
    return EXIT_INVALID;
  }
  const loaded = loadRuleSetFor(rulesFile, read.bundle.catalogue);
  if (!loaded.ok) {
    for (const problem of loaded.problems) io.err(formatProblem(problem));
    io.err(`${rulesFile.path} cannot be used until these problems are fixed (see ttx validate).`);
    return EXIT_INVALID;
  }
  const outcome = rescore(read.bundle, loaded.value);
  if (!outcome.ok) {
    // Positioned in the rule-set file when the field is there (escalation parameters, say).
    for (const problem of outcome.problems) io.err(`${rulesFile.path}: ${problem.path}: ${problem.message}`);
    io.err(`${rulesFile.path} cannot re-score this bundle (${outcome.code}).`);
    return EXIT_INVALID;
  }
  if (options.json) io.out(JSON.stringify(outcome.result, null, 2));
  else io.out(formatRescoreText(outcome.result).join('\n'));
  return EXIT_OK;
}

export function addRescoreCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command('rescore')
    .summary('re-score an exercise bundle under another rule set')
    .description(
      'Judge the log of an exercise bundle again under another rule set: the decisions, messages, missed ' +
        'deadlines, injects and escalation stay as recorded, and every judged event gets the findings of the other ' +
        'rule set. Prints both scoreboards (per team: total and by dimension) and the findings that differ (added, ' +
        'removed or with other points), each with its event, team, rule and decision.\n\n' +
        'A bundle comes from `ttx simulate --bundle <file>` or from the server (GET /api/exercises/:id/bundle).',
    )
    .addHelpText(
      'after',
      '\nExit status: 0 when the bundle was re-scored, 1 when the bundle or the rule set is invalid, 2 for a wrong command line.\n\n' +
        'Examples:\n' +
        '  ttx simulate exercises/grid-dark-winter/scenario.yaml --bots escalatory --bundle run.json\n' +
        '  ttx rescore run.json --rules my-roe/strict.yaml\n' +
        '  ttx rescore run.json --rules my-roe/strict.yaml --json',
    )
    .argument('<bundle>', 'the exercise bundle (JSON)')
    .requiredOption('-r, --rules <file>', 'the rule set (YAML) to re-score under; it must use the bundle\'s action catalogue')
    .option('--json', 'print the result (both scoreboards and the differing findings) as one JSON object')
    .action(async (bundlePath: string, options: RescoreOptions) => done(await rescoreBundle(bundlePath, options, io)));
}
