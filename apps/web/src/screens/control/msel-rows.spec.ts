import { scenarioSchema, type ActionCatalogue, type ScenarioInput } from '@ttx/scenario';
import { eventAt, releasedInject } from '../../exercise/event-fixtures.spec-helper.js';
import { foldEvents } from '../../exercise/exercise-view.js';
import { inDueOrder } from './msel-rows.js';

const input: ScenarioInput = {
  schemaVersion: 1,
  id: 'drill',
  version: '1.0',
  title: 'Drill',
  summary: 'A drill.',
  duration: '02:00',
  rules: 'default',
  states: [{ id: 'north', name: 'Northland' }],
  objectives: [{ id: 'o1', title: 'Use the hotline', capability: 'Communications' }],
  teams: [
    { id: 'north-gov', name: 'Northland government', kind: 'state', state: 'north' },
    { id: 'north-cert', name: 'Northland CERT', kind: 'national-cert', state: 'north' },
  ],
  injects: [
    {
      id: 'late',
      at: '+00:30',
      audience: ['north-gov'],
      channel: 'news',
      title: 'Late',
      body: 'b',
      severity: 'SEV-1',
    },
    {
      id: 'early',
      at: '+00:05',
      audience: 'all',
      channel: 'email',
      title: 'Early',
      body: 'b',
      severity: 'SEV-2',
    },
    {
      id: 'held',
      at: '+00:10',
      audience: 'all',
      channel: 'email',
      title: 'Held',
      body: 'b',
      severity: 'SEV-2',
    },
    {
      id: 'after',
      when: { released: 'early' },
      audience: 'all',
      channel: 'intelligence',
      title: 'After',
      body: 'b',
      severity: 'SEV-3',
    },
  ],
};
const scenario = scenarioSchema.parse(input);
const catalogue: ActionCatalogue = {
  schemaVersion: 1,
  kind: 'action-catalogue',
  id: 'c',
  title: 'C',
  actions: [],
};

describe('MSEL rows', () => {
  // Started at wall time 0 at speed 1: wall time 1,000,000 is exercise time 1,000,000.
  const view = foldEvents([
    eventAt(1, 'exercise.started', { speed: 1 }, 0, 0),
    eventAt(2, 'inject.released', releasedInject('early', ['north-gov', 'north-cert']), 300_000, 300_000),
    eventAt(3, 'inject.held', { injectId: 'held' }, 350_000, 350_000),
    eventAt(
      4,
      'inject.edited',
      { injectId: 'late', changes: { title: 'Late, edited', at: 900_000 } },
      380_000,
      380_000,
    ),
    eventAt(
      5,
      'inject.released',
      releasedInject('adhoc-1', ['north-cert'], { trigger: 'ad-hoc', title: 'Ad hoc' }),
      400_000,
      400_000,
    ),
  ]);
  const rows = inDueOrder(view.msel.rows({ scenario, catalogue }, 1_000_000));

  it('orders injects by due time after edits, ad-hoc ones at their release, conditional ones last', () => {
    expect(rows.map((r) => r.injectId)).toEqual(['early', 'adhoc-1', 'held', 'late', 'after']);
  });

  it('shows each inject’s live status, with pending injects whose time and condition have come as due', () => {
    expect(Object.fromEntries(rows.map((r) => [r.injectId, r.status]))).toEqual({
      early: 'released',
      'adhoc-1': 'released',
      held: 'held',
      late: 'due',
      after: 'due',
    });
  });

  it('shows nothing as due before the exercise starts', () => {
    const lobby = foldEvents([eventAt(1, 'exercise.lobby-opened', {}, 0, 0)]);
    expect(lobby.msel.rows({ scenario, catalogue }, 1_000_000).map((r) => r.status)).toEqual([
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
  });

  it('applies controller edits and spells out an audience of all teams', () => {
    const late = rows.find((r) => r.injectId === 'late');
    expect([late?.title, late?.edited, late?.dueAt]).toEqual(['Late, edited', true, 900_000]);
    expect(rows.find((r) => r.injectId === 'early')?.audience).toEqual(['north-gov', 'north-cert']);
    expect(rows.find((r) => r.injectId === 'adhoc-1')?.adHoc).toBe(true);
  });
});
