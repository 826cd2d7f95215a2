// Names for the ids an event log speaks in, so the report reads in the exercise's own words.
import type { Action, ActionCatalogue, ChannelDef, Inject, Rule, RuleSet, Scenario, Target } from '@ttx/scenario';

export interface AarInput {
  scenario: Scenario;
  catalogue: ActionCatalogue;
  ruleSet: RuleSet;
}

export class ExerciseLookup {
  readonly teamNames = new Map<string, string>();
  readonly teamStates = new Map<string, string>();
  readonly stateNames = new Map<string, string>();
  readonly actions = new Map<string, Action>();
  readonly targets = new Map<string, Target>();
  readonly rules = new Map<string, Rule>();
  readonly channels = new Map<string, ChannelDef>();
  readonly injects = new Map<string, Inject>();

  constructor(readonly input: AarInput) {
    for (const s of input.scenario.states) this.stateNames.set(s.id, s.name);
    for (const t of input.scenario.teams) {
      this.teamNames.set(t.id, t.name);
      if (t.state) this.teamStates.set(t.id, t.state);
    }
    for (const a of input.catalogue.actions) this.actions.set(a.id, a);
    for (const t of input.scenario.targets) this.targets.set(t.id, t);
    for (const r of input.ruleSet.rules) this.rules.set(r.id, r);
    for (const c of input.scenario.channels) this.channels.set(c.id, c);
    for (const i of input.scenario.injects) this.injects.set(i.id, i);
  }

  team(id: string | undefined): string {
    return id === undefined ? 'staff' : (this.teamNames.get(id) ?? id);
  }

  state(id: string): string {
    return this.stateNames.get(id) ?? id;
  }

  action(id: string): string {
    return this.actions.get(id)?.name ?? id;
  }

  target(id: string | undefined): string | undefined {
    return id === undefined ? undefined : (this.targets.get(id)?.name ?? id);
  }

  channel(id: string): string {
    return this.channels.get(id)?.name ?? id;
  }

  ruleTitle(id: string): string {
    return this.rules.get(id)?.title ?? id;
  }
}
