// Scoring cost per decision as the log grows: decide + apply of free decisions with the default rule set, measured at
// the start of the log, at the end of a long prefix and at the end of the run. Plain node, on the built libraries:
//   npx tsc -b libs/rules && node libs/rules/bench/decision-bench.js [--prefix 50000] [--decisions 20000]
//     [--scenario exercises/grid-dark-winter/scenario.yaml] [--seed 1] [--window 2000]
// Run from the repository root. Prints the load average (the machine may be shared: compare medians of runs) and a
// digest of the whole event log, which must not change when scoring is made faster without changing what it says.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { catalogueSchema, ruleSetSchema, scenarioSchema } from '@ttx/scenario';
import { createEngine, seededRandom } from '@ttx/engine';
import { createScoringModel } from '@ttx/rules';

const { values: options } = parseArgs({
  options: {
    prefix: { type: 'string', default: '50000' },
    decisions: { type: 'string', default: '20000' },
    scenario: { type: 'string', default: 'exercises/grid-dark-winter/scenario.yaml' },
    seed: { type: 'string', default: '1' },
    window: { type: 'string', default: '2000' },
  },
});
const PREFIX_EVENTS = Number(options.prefix);
const MEASURED = Number(options.decisions);
const WINDOW = Number(options.window);

const root = process.cwd();
const readYaml = (file) => parse(readFileSync(path.resolve(root, file), 'utf8'));
const catalogue = catalogueSchema.parse(readYaml('exercises/roe/catalogue.yaml'));
const ruleSet = ruleSetSchema.parse(readYaml('exercises/roe/default.yaml'));
const scenario = scenarioSchema.parse(readYaml(options.scenario));
const engine = createEngine({ scenario, catalogue, ruleSet, ...(process.env.BENCH_UNSCORED ? {} : { scoring: createScoringModel() }) });

// A seeded source so that every run plays the same commands.
const random = seededRandom(Number(options.seed));
const pick = (list) => list[Math.floor(random() * list.length)];

// Every (action, target) a free decision may choose: targets of a kind the action takes, or none when it takes none.
const choices = [];
for (const action of catalogue.actions) {
  if (action.targets.length === 0) choices.push({ actionId: action.id });
  for (const target of scenario.targets) if (action.targets.includes(target.kind)) choices.push({ actionId: action.id, targetId: target.id });
}
const teams = scenario.teams.map((t) => t.id);
const channelsOf = new Map(teams.map((id) => [id, scenario.channels.filter((c) => c.members.includes(id)).map((c) => c.id)]));

const controller = { role: 'controller', id: 'bench' };
const speed = scenario.speed ?? 1;
const wallSpan = (scenario.duration * 0.95) / speed;
const log = createHash('sha256');
let state = engine.initialState();
let now = 1_000_000;
let refused = 0;
let events = 0;

/** Decides and applies one command; the events are digested afterwards, outside the timed part. */
let recorded = [];
function run(command) {
  const result = engine.decide(state, command, now);
  if (!result.ok) {
    refused++;
    return;
  }
  for (const event of result.events) state = engine.apply(state, event);
  recorded = result.events;
}
function digestRecorded() {
  for (const event of recorded) log.update(JSON.stringify(event));
  events += recorded.length;
  recorded = [];
}

for (const command of [
  { type: 'exercise.create', exerciseId: 'bench', name: 'Decision bench' },
  { type: 'exercise.open-lobby' },
  { type: 'exercise.start' },
]) {
  run({ ...command, actor: controller });
  digestRecorded();
}
const startWall = now;

let decided = 0;
let messaged = 0;
function nextCommand(total) {
  // The clock crosses 95 % of the scenario over the run, so injects fall due and prompts' deadlines pass.
  now = startWall + Math.floor((wallSpan * Math.min(decided, total)) / total);
  const teamId = pick(teams);
  const actor = { role: 'player', id: `p-${teamId}`, teamId };
  const channels = channelsOf.get(teamId);
  if (random() < 0.1 && channels.length > 0) {
    messaged++;
    return { type: 'message.send', messageId: `m${messaged}`, channelId: pick(channels), teamId, text: 'Status update.', actor };
  }
  const count = 1 + Math.floor(random() * 3);
  const actions = [];
  const seen = new Set();
  while (actions.length < count) {
    const choice = pick(choices);
    const key = `${choice.actionId}>${choice.targetId ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    actions.push(choice);
  }
  decided++;
  return { type: 'decision.submit', decisionId: `d${decided}`, teamId, actions, rationale: 'Measured response.', actor };
}

// Timings of decide + apply of each decision, in order: the prefix, then the measured run.
const timings = [];
const eventsAt = [];
const totalGuess = Math.ceil(PREFIX_EVENTS / 2) + MEASURED;
let prefixDecisions = -1;
while (prefixDecisions < 0 || decided < prefixDecisions + MEASURED) {
  if (prefixDecisions < 0 && state.seq >= PREFIX_EVENTS) prefixDecisions = decided;
  if (decided % 50 === 0) {
    run({ type: 'clock.tick', actor: controller });
    digestRecorded();
  }
  const command = nextCommand(totalGuess);
  if (command.type !== 'decision.submit') {
    run(command);
    digestRecorded();
    continue;
  }
  const started = performance.now();
  run(command);
  timings.push(performance.now() - started);
  eventsAt.push(state.seq);
  digestRecorded();
}

const mean = (from, to) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += timings[i];
  return sum / (to - from);
};
const window = (label, from) => {
  const to = Math.min(timings.length, from + WINDOW);
  const us = mean(from, to) * 1000;
  return `${label.padEnd(32)} ${us.toFixed(1).padStart(8)} µs/decision (${Math.round(1e6 / us).toLocaleString('en')}/s), log at ${eventsAt[from].toLocaleString('en')}–${eventsAt[to - 1].toLocaleString('en')} events`;
};
const measuredMs = timings.slice(prefixDecisions).reduce((a, b) => a + b, 0);
const cpuShare = () => {
  const { user, system } = process.cpuUsage();
  return ((user + system) / 1000 / performance.now()).toFixed(2);
};
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

console.log(`scenario ${scenario.id}, ${teams.length} teams, ${ruleSet.rules.length} rules, node ${process.version}, seed ${options.seed}`);
console.log(`log: ${events.toLocaleString('en')} events, ${decided.toLocaleString('en')} decisions, ${messaged.toLocaleString('en')} messages, ${refused} refused`);
console.log(window('decide+apply, start of the log', 0));
console.log(window('decide+apply, after the prefix', prefixDecisions));
console.log(window('decide+apply, end of the run', timings.length - WINDOW));
console.log(
  `measured run: ${MEASURED.toLocaleString('en')} decisions in ${measuredMs.toFixed(0)} ms of decide+apply = ${Math.round((MEASURED * 1000) / measuredMs).toLocaleString('en')} decisions/s`,
);
console.log(`load average ${load()}; this process had the CPU ${cpuShare()} of the time it ran`);
console.log(`log digest ${log.digest('hex')}`);
