// A decision the team takes on its own initiative, outside any prompt: up to three catalogue actions and a rationale.
import { Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { FREE_DECISION_MAX_ACTIONS } from '@ttx/engine';
import type { Action, ActionCatalogue, Target } from '@ttx/scenario';
import { useMemo, useState, type FormEvent } from 'react';
import type { DecisionInput } from '../../socket/exercise-connection.js';
import { DecisionFields, useDecisionDraft } from './DecisionFields.js';
import { groupCatalogueActions, targetsFor } from './decision-options.js';

export interface FreeDecisionProps {
  catalogue: ActionCatalogue;
  targets: readonly Target[];
  /** Why the team cannot decide now (the exercise is not running), or undefined when it can. */
  unavailable?: string;
  onSubmit: (input: DecisionInput) => void;
}

export function FreeDecision(props: FreeDecisionProps) {
  const [open, setOpen] = useState(false);
  const draft = useDecisionDraft();
  const phone = useMediaQuery('(max-width: 36em)');
  const groups = useMemo(() => groupCatalogueActions(props.catalogue), [props.catalogue]);
  const targetsOfAction = (action: Action) => targetsFor(action, [], props.targets);
  const close = () => {
    setOpen(false);
    draft.clearProblem();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const decision = draft.check({ maxActions: FREE_DECISION_MAX_ACTIONS, targetsOf: targetsOfAction, catalogue: props.catalogue });
    if (!decision) return;
    props.onSubmit(decision);
    draft.reset();
    setOpen(false);
  };
  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby="initiative-heading">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0} style={{ flex: '1 1 16rem' }}>
          <Title order={2} fz="md" id="initiative-heading">Act on your own initiative</Title>
          <Text size="sm" c="dimmed">
            {props.unavailable ?? `No prompt needed: take up to ${FREE_DECISION_MAX_ACTIONS} actions from the catalogue when your team judges it right.`}
          </Text>
        </Stack>
        <Button variant="light" onClick={() => setOpen(true)} disabled={props.unavailable !== undefined}>
          New decision
        </Button>
      </Group>
      <Modal opened={open} onClose={close} title="Decision on your own initiative" size="lg" fullScreen={phone} data-testid="free-decision">
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              Choose up to {FREE_DECISION_MAX_ACTIONS} actions. The rung shows how far each one climbs the escalation ladder
              (ESC-0 cooperative … ESC-10 armed response); it is scored against the rules of engagement like any answer to a prompt.
            </Text>
            <DecisionFields draft={draft} groups={groups} targetsOf={targetsOfAction} rationaleHint="Why act now, unprompted: what you know and what you want to achieve." />
            <Group justify="flex-end">
              <Text size="sm" c={draft.chosen.length > FREE_DECISION_MAX_ACTIONS ? 'red.4' : 'dimmed'} mr="auto" aria-live="polite">
                {draft.chosen.length} of {FREE_DECISION_MAX_ACTIONS} actions chosen
              </Text>
              <Button variant="subtle" onClick={close}>Cancel</Button>
              <Button type="submit" color="yellow" c="dark.9">Submit decision</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
