// A decision prompt: allowed actions grouped by category with their rung, targets, a rationale and the deadline.
import { Alert, Badge, Button, Checkbox, Fieldset, Group, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import type { ClockState } from '@ttx/engine';
import { rungLevel, type ActionCatalogue, type Target } from '@ttx/scenario';
import { useMemo, useState, type FormEvent } from 'react';
import { useServerNow } from '../../components/useNow.js';
import { SafeMarkdown } from '../../components/SafeMarkdown.js';
import { exerciseTimeAt, formatClock } from '../../exercise/exercise-clock.js';
import type { InjectView } from '../../exercise/exercise-view.js';
import { CATEGORY_LABEL, rungColor } from '../../exercise/labels.js';
import type { DecisionInput } from '../../socket/exercise-connection.js';
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
  const [chosen, setChosen] = useState<string[]>([]);
  const [targetOf, setTargetOf] = useState<Record<string, string>>({});
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string>();
  if (!prompt) return null;
  const actionsById = new Map(props.catalogue.actions.map((a) => [a.id, a]));
  const toggle = (id: string, on: boolean) =>
    setChosen((current) => (on ? [...current, id] : current.filter((c) => c !== id)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) return setProblem('Choose at least one action.');
    if (chosen.length > prompt.maxActions) return setProblem(`Choose at most ${prompt.maxActions} actions.`);
    const missing = chosen.find((id) => {
      const action = actionsById.get(id);
      return action && targetsFor(action, prompt.targets, props.targets).length > 0 && !targetOf[id];
    });
    if (missing) return setProblem(`Choose a target for “${actionsById.get(missing)?.name}”.`);
    setProblem(undefined);
    props.onSubmit({
      injectId: props.inject.injectId,
      actions: chosen.map((actionId) => (targetOf[actionId] ? { actionId, targetId: targetOf[actionId] } : { actionId })),
      rationale: rationale.trim(),
    });
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
          {groups.map((group) => (
            <Fieldset key={group.category} legend={CATEGORY_LABEL[group.category]} variant="filled" p="sm">
              <Stack gap="xs">
                {group.actions.map((action) => {
                  const options = targetsFor(action, prompt.targets, props.targets);
                  const isChosen = chosen.includes(action.id);
                  return (
                    <Stack key={action.id} gap={4}>
                      <Checkbox
                        checked={isChosen}
                        onChange={(e) => toggle(action.id, e.currentTarget.checked)}
                        data-action-id={action.id}
                        label={
                          <Group gap={6} wrap="wrap">
                            <Badge color={rungColor(rungLevel(action.rung))} variant="filled" size="sm" radius="xs">{action.rung}</Badge>
                            <Text span fw={600} size="sm">{action.name}</Text>
                            {!action.reversible && <Badge color="red" variant="outline" size="xs">irreversible</Badge>}
                            {action.public && <Badge color="gray" variant="outline" size="xs">public</Badge>}
                          </Group>
                        }
                        description={action.description}
                      />
                      {isChosen && options.length > 0 && (
                        <NativeSelect
                          ml={32}
                          data-target-for={action.id}
                          label={`Target of “${action.name}”`}
                          value={targetOf[action.id] ?? ''}
                          onChange={(e) => setTargetOf((t) => ({ ...t, [action.id]: e.currentTarget.value }))}
                          data={[{ value: '', label: 'Choose a target…' }, ...options.map((t) => ({ value: t.id, label: t.name }))]}
                        />
                      )}
                    </Stack>
                  );
                })}
              </Stack>
            </Fieldset>
          ))}
          <Textarea
            label="Rationale"
            description="Why this response: what you know, what you want to achieve, what you expect the other side to do."
            value={rationale}
            onChange={(e) => setRationale(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={4000}
          />
          {problem && <Alert color="red" role="alert">{problem}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" disabled={props.disabled} color="yellow" c="dark.9">Submit decision</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
