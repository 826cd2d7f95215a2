// What every decision form holds: the chosen actions and their targets, the rationale and what is wrong with them,
// for a prompt's answer and for a decision on the team's own initiative alike.
import { Alert, NativeSelect, Textarea } from '@mantine/core';
import type { AttributionConfidence } from '@ttx/engine';
import { LIMITS } from '@ttx/contracts';
import type { Action, ActionCatalogue, Target } from '@ttx/scenario';
import { useState } from 'react';
import type { DecisionInput } from '../../socket/exercise-connection.js';
import { ActionPicker } from './ActionPicker.js';
import { CONFIDENCE_OPTIONS, attributes, choicesOf, problemWithChoice, toggled, type ActionGroup } from './decision-options.js';

export interface DecisionDraft {
  chosen: string[];
  targetOf: Record<string, string>;
  rationale: string;
  /** The stated confidence in an attribution; sent only while an attribution action is chosen. */
  confidence: AttributionConfidence | undefined;
  problem: string | undefined;
  setRationale(text: string): void;
  setConfidence(confidence: AttributionConfidence | undefined): void;
  toggle(actionId: string, on: boolean): void;
  aim(actionId: string, targetId: string): void;
  /** The decision as it will be sent, or undefined with `problem` saying why it cannot be. */
  check(limits: { maxActions: number; targetsOf: (action: Action) => readonly Target[]; catalogue: ActionCatalogue }): Omit<DecisionInput, 'injectId'> | undefined;
  clearProblem(): void;
  reset(): void;
}

export function useDecisionDraft(): DecisionDraft {
  const [chosen, setChosen] = useState<string[]>([]);
  const [targetOf, setTargetOf] = useState<Record<string, string>>({});
  const [rationale, setRationale] = useState('');
  const [confidence, setConfidence] = useState<AttributionConfidence>();
  const [problem, setProblem] = useState<string>();
  return {
    chosen,
    targetOf,
    rationale,
    confidence,
    problem,
    setRationale,
    setConfidence,
    toggle: (actionId, on) => setChosen((current) => toggled(current, actionId, on)),
    aim: (actionId, targetId) => setTargetOf((current) => ({ ...current, [actionId]: targetId })),
    check({ maxActions, targetsOf, catalogue }) {
      const issue = problemWithChoice({ chosen, targetOf, maxActions, targetsOf, catalogue });
      setProblem(issue);
      if (issue) return undefined;
      const stated = confidence !== undefined && attributes(chosen, catalogue.actions) ? { confidence } : {};
      return { actions: choicesOf(chosen, targetOf), rationale: rationale.trim(), ...stated };
    },
    clearProblem: () => setProblem(undefined),
    reset() {
      setChosen([]);
      setTargetOf({});
      setRationale('');
      setConfidence(undefined);
      setProblem(undefined);
    },
  };
}

export function DecisionFields(props: {
  draft: DecisionDraft;
  groups: readonly ActionGroup[];
  targetsOf: (action: Action) => readonly Target[];
  /** What the rationale should say, under its label. */
  rationaleHint: string;
}) {
  const { draft } = props;
  const attributing = attributes(draft.chosen, props.groups.flatMap((g) => g.actions));
  return (
    <>
      <ActionPicker
        groups={props.groups}
        targetsOf={props.targetsOf}
        chosen={draft.chosen}
        targetOf={draft.targetOf}
        onToggle={draft.toggle}
        onTarget={draft.aim}
      />
      {attributing && (
        <NativeSelect
          label="Stated confidence in the attribution"
          description="How sure you are of who is responsible, on the evidence you have received. It is judged against that evidence: claiming more certainty than it gives costs more."
          value={draft.confidence ?? ''}
          onChange={(e) => draft.setConfidence(CONFIDENCE_OPTIONS.find((c) => c === e.currentTarget.value))}
          data={[{ value: '', label: 'Not stated' }, ...CONFIDENCE_OPTIONS.map((c) => ({ value: c, label: c[0].toUpperCase() + c.slice(1) }))]}
          data-testid="attribution-confidence"
        />
      )}
      <Textarea
        label="Rationale"
        description={props.rationaleHint}
        value={draft.rationale}
        onChange={(e) => draft.setRationale(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={LIMITS.rationaleLength}
      />
      {draft.problem && <Alert color="red" role="alert">{draft.problem}</Alert>}
    </>
  );
}
