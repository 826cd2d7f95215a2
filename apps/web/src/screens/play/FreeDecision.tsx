// A decision the team takes on its own initiative, outside any prompt: up to three catalogue actions and a rationale.
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { LIMITS } from '@ttx/contracts';
import { FREE_DECISION_MAX_ACTIONS } from '@ttx/engine';
import type { Action, ActionCatalogue, Target } from '@ttx/scenario';
import { useMemo, useState, type FormEvent } from 'react';
import type { DecisionInput } from '../../socket/exercise-connection.js';
import { ActionPicker } from './ActionPicker.js';
import { choicesOf, groupCatalogueActions, problemWithChoice, targetsFor, toggled } from './decision-options.js';

export interface FreeDecisionProps {
  catalogue: ActionCatalogue;
  targets: readonly Target[];
  /** Why the team cannot decide now (the exercise is not running), or undefined when it can. */
  unavailable?: string;
  onSubmit: (input: DecisionInput) => void;
}

export function FreeDecision(props: FreeDecisionProps) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [targetOf, setTargetOf] = useState<Record<string, string>>({});
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string>();
  const phone = useMediaQuery('(max-width: 36em)');
  const groups = useMemo(() => groupCatalogueActions(props.catalogue), [props.catalogue]);
  const targetsOfAction = (action: Action) => targetsFor(action, [], props.targets);
  const close = () => {
    setOpen(false);
    setProblem(undefined);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const issue = problemWithChoice({ chosen, targetOf, maxActions: FREE_DECISION_MAX_ACTIONS, targetsOf: targetsOfAction, catalogue: props.catalogue });
    setProblem(issue);
    if (issue) return;
    props.onSubmit({ actions: choicesOf(chosen, targetOf), rationale: rationale.trim() });
    setChosen([]);
    setTargetOf({});
    setRationale('');
    close();
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
            <ActionPicker
              groups={groups}
              targetsOf={targetsOfAction}
              chosen={chosen}
              targetOf={targetOf}
              onToggle={(id, on) => setChosen((current) => toggled(current, id, on))}
              onTarget={(id, targetId) => setTargetOf((t) => ({ ...t, [id]: targetId }))}
            />
            <Textarea
              label="Rationale"
              description="Why act now, unprompted: what you know and what you want to achieve."
              value={rationale}
              onChange={(e) => setRationale(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={LIMITS.rationaleLength}
            />
            {problem && <Alert color="red" role="alert">{problem}</Alert>}
            <Group justify="flex-end">
              <Text size="sm" c={chosen.length > FREE_DECISION_MAX_ACTIONS ? 'red.4' : 'dimmed'} mr="auto" aria-live="polite">
                {chosen.length} of {FREE_DECISION_MAX_ACTIONS} actions chosen
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
