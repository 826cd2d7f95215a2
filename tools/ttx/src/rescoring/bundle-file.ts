// Writes the exercise bundle of a headless run, for `ttx rescore`.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExerciseEvent } from '@ttx/engine';
import type { ActionCatalogue, RuleSet, Scenario } from '@ttx/scenario';

export async function writeBundleFile(
  file: string,
  context: { scenario: Scenario; catalogue: ActionCatalogue; ruleSet: RuleSet },
  events: readonly ExerciseEvent[],
): Promise<void> {
  // Loaded on demand: the report library is heavy and only --bundle and --report need it.
  const { exerciseBundle } = await import('@ttx/report');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(exerciseBundle(context, events))}\n`);
}
