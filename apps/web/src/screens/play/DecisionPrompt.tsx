// A decision prompt: allowed actions grouped by category with their rung, targets, a rationale and the deadline.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ClockState } from '@ttx/engine';
import type { Action, ActionCatalogue, Target } from '@ttx/scenario';
import { useMemo, type FormEvent } from 'react';
import { useServerNow } from '../../components/useNow.js';
import { SafeMarkdown } from '../../components/SafeMarkdown.js';
import { exerciseTimeAt, formatClock } from '../../exercise/exercise-clock.js';
import type { InjectView } from '../../exercise/exercise-view.js';
import type { DecisionInput } from '../../socket/exercise-connection.js';
import { DecisionFields, useDecisionDraft } from './DecisionFields.js';
import { groupAllowedActions, targetsFor } from './decision-options.js';

export interface DecisionPromptProps {
  inject: InjectView;
  catalogue: ActionCatalogue;
  targets: readonly Target[];
  clock: ClockState;
  serverOffset: number;
  disabled: boolean;
  onSubmit: (input: DecisionInput) => void;
}

function Countdown({ deadline, clock, serverOffset }: { deadline: number; clock: ClockState; serverOffset: number }) {
  const now = useServerNow(serverOffset, 500);
  const left = deadline - exerciseTimeAt(clock, now);
  const urgent = left < 5 * 60_000;
  return (
    <Badge color={left <= 0 ? 'red' : urgent ? 'orange' : 'blue'} variant="filled" size="lg" className="ttx-clock" data-testid="deadline">
      {left <= 0 ? 'Deadline passed' : `Due in ${formatClock(left)}`}
    </Badge>
  );
}

export function DecisionPrompt(props: DecisionPromptProps) {
  const prompt = props.inject.decision;
  const groups = useMemo(
    () => (prompt ? groupAllowedActions(props.catalogue, prompt.actions) : []),
    [prompt, props.catalogue],
  );
  const draft = useDecisionDraft();
  if (!prompt) return null;
  const targetsOfAction = (action: Action) => targetsFor(action, prompt.targets, props.targets);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const decision = draft.check({ maxActions: prompt.maxActions, targetsOf: targetsOfAction, catalogue: props.catalogue });
    if (decision) props.onSubmit({ injectId: props.inject.injectId, ...decision });
  };
  const headingId = `prompt-${props.inject.injectId}`;
  return (
    <Paper withBorder p="md" radius="sm" style={{ borderColor: 'var(--mantine-color-yellow-6)' }} component="section" aria-labelledby={headingId} data-testid="decision-prompt" data-inject-id={props.inject.injectId}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Title order={3} fz="lg" id={headingId}>Decision: {props.inject.title}</Title>
            {prompt.deadline !== undefined && <Countdown deadline={prompt.deadline} clock={props.clock} serverOffset={props.serverOffset} />}
          </Group>
          <SafeMarkdown text={prompt.prompt} />
          <Text size="sm" c="dimmed">Choose up to {prompt.maxActions} action(s). The rung shows how far each one climbs the escalation ladder (ESC-0 cooperative … ESC-10 armed response).</Text>
          <DecisionFields draft={draft} groups={groups} targetsOf={targetsOfAction} rationaleHint="Why this response: what you know, what you want to achieve, what you expect the other side to do." />
          <Group justify="flex-end">
            <Button type="submit" disabled={props.disabled} color="yellow" c="dark.9">Submit decision</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
