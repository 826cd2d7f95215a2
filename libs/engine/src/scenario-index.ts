// Lookups over the fixed parts of an exercise (scenario, catalogue), built once per context and shared by every call.
import type { Action, ChannelDef, Inject, Objective, Target, Team } from '@ttx/scenario';
import { atomsOf } from './condition-facts.js';
import type { ExerciseContext } from './state.js';

export interface ScenarioIndex {
  teams: Map<string, Team>;
  teamIds: string[];
  channels: Map<string, ChannelDef>;
  targets: Map<string, Target>;
  objectives: Map<string, Objective>;
  actions: Map<string, Action>;
  injects: Map<string, Inject>;
  /** Scenario injects that wait for a `when` condition, in MSEL order. */
  conditional: Inject[];
  /** Those injects by the atoms (see `atomsOf`) their condition reads, each list in MSEL order. */
  conditionalByAtom: Map<string, Inject[]>;
  duration: number;
}

/** What the index reads of a context: the scenario and the catalogue. */
type IndexedContext = Pick<ExerciseContext, 'scenario' | 'catalogue'>;

const indexes = new WeakMap<IndexedContext, ScenarioIndex>();

export function indexOf(ctx: IndexedContext): ScenarioIndex {
  let index = indexes.get(ctx);
  if (!index) {
    const { scenario, catalogue } = ctx;
    index = {
      teams: new Map(scenario.teams.map((t) => [t.id, t])),
      teamIds: scenario.teams.map((t) => t.id),
      channels: new Map(scenario.channels.map((c) => [c.id, c])),
      targets: new Map(scenario.targets.map((t) => [t.id, t])),
      objectives: new Map(scenario.objectives.map((o) => [o.id, o])),
      actions: new Map(catalogue.actions.map((a) => [a.id, a])),
      injects: new Map(scenario.injects.map((i) => [i.id, i])),
      conditional: scenario.injects.filter((i) => i.when !== undefined),
      conditionalByAtom: byAtom(scenario.injects),
      duration: scenario.duration,
    };
    indexes.set(ctx, index);
  }
  return index;
}

function byAtom(injects: readonly Inject[]): Map<string, Inject[]> {
  const map = new Map<string, Inject[]>();
  for (const inject of injects) {
    if (!inject.when) continue;
    for (const atom of new Set(atomsOf(inject.when))) map.set(atom, [...(map.get(atom) ?? []), inject]);
  }
  return map;
}

/** The teams an inject is addressed to, with `all` spelled out. */
export function audienceOfInject(index: ScenarioIndex, inject: Inject): string[] {
  return inject.audience === 'all' ? [...index.teamIds] : [...inject.audience];
}
