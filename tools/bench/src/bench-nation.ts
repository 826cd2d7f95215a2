// The bench's exercise, bench-nation: forty teams, so that 1,000 participants sit in teams of 25 as in a national
// exercise (a decision is echoed to its whole team: with four teams of 250 the echo, not the ingest, is what a
// decision run measures).
import type { DecisionChoice } from './fleet-protocol.js';

export const BENCH_SCENARIO = 'bench-nation';
const OPERATORS = ['sl', 'nl'].flatMap((state) =>
  Array.from({ length: 18 }, (_, i) => `${state}-op-${String(i + 1).padStart(2, '0')}`),
);
export const BENCH_NATION_TEAMS = ['sl-gov', 'sl-cert', 'nl-gov', 'nl-cert', ...OPERATORS];
/** Free decisions the engine accepts for each team. */
export const BENCH_NATION_CHOICES: Record<string, DecisionChoice[]> = {
  'sl-gov': [
    { actionId: 'activate-hotline', targetId: 'northland-government' },
    { actionId: 'issue-public-advisory' },
  ],
  'nl-gov': [
    { actionId: 'activate-hotline', targetId: 'southland-government' },
    { actionId: 'request-consultations', targetId: 'southland-government' },
  ],
  'sl-cert': [{ actionId: 'issue-public-advisory' }, { actionId: 'isolate-and-restore' }],
  'nl-cert': [{ actionId: 'isolate-and-restore' }, { actionId: 'issue-public-advisory' }],
  ...Object.fromEntries(
    OPERATORS.map((team, i) => [
      team,
      i % 2 === 0
        ? [{ actionId: 'isolate-and-restore' }, { actionId: 'issue-public-advisory' }]
        : [{ actionId: 'issue-public-advisory' }, { actionId: 'isolate-and-restore' }],
    ]),
  ),
};
