// `ttx simulate`: plays a scenario to its end with bot teams on a virtual clock and reports what happened.
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { createScoringModel } from '@ttx/rules';
import { formatProblem } from '@ttx/scenario';
import { assignPolicies, BOT_POLICIES } from '../bots/bot-policies.js';
import { EXIT_INVALID, EXIT_OK, UsageError, type CliIo } from '../cli-io.js';
import { loadExerciseLibrary } from '../library/load-exercise-library.js';
import { writeAarFiles } from '../report/write-aar-files.js';
import { writeBundleFile } from '../rescoring/bundle-file.js';
import { runSimulation, SimulationError } from '../simulation/run-simulation.js';
import { summariseSimulation } from '../simulation/simulation-summary.js';
import { formatSimulationText } from '../simulation/simulation-text.js';

export interface SimulateOptions {
  bots: string;
  seed: number;
  speed?: number;
  json?: boolean;
  report?: string;
  bundle?: string;
}

function parseSeed(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 0xffffffff)
    throw new InvalidArgumentError('the seed must be a whole number from 0 to 4294967295.');
  return Number(value);
}

function parseSpeed(value: string): number {
  const speed = Number(value);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 60) throw new InvalidArgumentError('the speed must be a number above 0 and at most 60.');
  return speed;
}

export async function simulateScenario(scenarioPath: string, options: SimulateOptions, io: CliIo): Promise<number> {
  const { files, library } = loadExerciseLibrary([scenarioPath], io.cwd);
  if (library.problems.length > 0) {
    for (const problem of library.problems) io.err(formatProblem(problem));
    io.err(`${scenarioPath} cannot be simulated until these problems are fixed (see ttx validate).`);
    return EXIT_INVALID;
  }
  const file = files[0]?.path;
  const entry = [...library.scenarios.values()].find((s) => s.file === file);
  if (!entry) throw new UsageError(`${scenarioPath} is not a scenario file`);
  const { scenario } = entry;
  const ruleSet = library.ruleSets.get(scenario.rules);
  const catalogue = ruleSet && library.catalogues.get(ruleSet.catalogue);
  if (!ruleSet || !catalogue) throw new UsageError(`no rule set "${scenario.rules}" or its catalogue found for ${scenarioPath}`);

  const assignment = assignPolicies(options.bots.split(',').map((p) => p.trim()).filter(Boolean), scenario.teams.map((t) => t.id));
  if (!assignment.ok) throw new UsageError(`--bots: ${assignment.message}`);

  const context = { scenario, catalogue, ruleSet, scoring: createScoringModel() };
  let run;
  try {
    run = runSimulation({ context, policies: assignment.policies, seed: options.seed, ...(options.speed !== undefined && { speed: options.speed }) });
  } catch (error) {
    if (!(error instanceof SimulationError)) throw error;
    io.err(`simulation stopped: ${error.message}`);
    return EXIT_INVALID;
  }
  const summary = summariseSimulation(scenario, options.seed, assignment.policies, run);
  const written = options.report
    ? await writeAarFiles(path.resolve(io.cwd, options.report), { scenario, catalogue, ruleSet, events: run.events })
    : [];
  const bundleFile = options.bundle ? path.resolve(io.cwd, options.bundle) : undefined;
  if (bundleFile) await writeBundleFile(bundleFile, { scenario, catalogue, ruleSet }, run.events);
  if (options.json) io.out(JSON.stringify(summary, null, 2));
  else io.out(formatSimulationText(scenario, catalogue, run, summary).join('\n'));
  if (written.length > 0) io.err(`after-action review written: ${written.map((f) => path.relative(io.cwd, f)).join(', ')}`);
  if (bundleFile) io.err(`exercise bundle written: ${path.relative(io.cwd, bundleFile)} (re-score it with ttx rescore)`);
  return EXIT_OK;
}

export function addSimulateCommand(program: Command, io: CliIo, done: (code: number) => void): void {
  const policies = [...BOT_POLICIES.values()].map((p) => `  ${p.name.padEnd(11)} ${p.summary}`).join('\n');
  program
    .command('simulate')
    .summary('run a scenario to its end with bot teams on a virtual clock')
    .description(
      'Run a scenario headless: the exercise is created, every team joins as a bot, and the virtual clock jumps ' +
        'from one due moment to the next until the scenario ends. Bots answer the decision prompts addressed to ' +
        'their team after a seeded think time within the deadline, and every decision is scored by the rule set.\n\n' +
        'Prints the timeline (exercise time, injects, decisions, findings with rule ids and score deltas, escalation ' +
        'changes) and the scores. The same scenario, policies, seed and speed give the same digest.',
    )
    .addHelpText(
      'after',
      `\nBot policies:\n${policies}\n\n` +
        'Exit status: 0 when the run completed, 1 when the scenario is invalid or the run failed, 2 for a wrong command line.\n\n' +
        'Examples:\n' +
        '  ttx simulate exercises/grid-dark-winter/scenario.yaml --bots restrained,escalatory --seed 7\n' +
        '  ttx simulate exercises/grid-dark-winter/scenario.yaml --bots random --json --report out/aar\n' +
        '  ttx simulate exercises/grid-dark-winter/scenario.yaml --bots escalatory --bundle run.json',
    )
    .argument('<scenario>', 'the scenario.yaml to run')
    .option(
      '-b, --bots <policies>',
      'comma-separated bot policies given to teams in scenario order; one policy plays every team, and the last listed plays any remaining teams',
      'restrained',
    )
    .option('-s, --seed <n>', 'seed of the bots\' random choices and think times (0 to 4294967295)', parseSeed, 1)
    .option('--speed <factor>', 'exercise speed (exercise minutes per wall minute); the scenario\'s default otherwise', parseSpeed)
    .option('--json', 'print one JSON object (scenario, seed, events, digest, teams, escalation) instead of the timeline')
    .option('-r, --report <dir>', 'also write the after-action review to <dir>: aar.json, aar.html, aar.pdf, decisions.csv, timeline.csv')
    .option('--bundle <file>', 'also write the exercise bundle (scenario, catalogue, rule set, events) as JSON, for ttx rescore')
    .action(async (scenarioPath: string, options: SimulateOptions) => done(await simulateScenario(scenarioPath, options, io)));
}
