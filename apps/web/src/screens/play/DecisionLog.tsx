// The team's own decisions, newest first, with the feedback the scenario allows during play.
import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import type { ActionCatalogue, Target } from '@ttx/scenario';
import { DecisionAssessment } from '../../components/DecisionAssessment.js';
import { WrappingBadge } from '../../components/WrappingBadge.js';
import { formatClock } from '../../exercise/exercise-clock.js';
import type { DecisionView } from '../../exercise/exercise-view.js';
import type { Outbox } from '../../exercise/outbox.js';

export interface DecisionLogProps {
  decisions: readonly DecisionView[];
  catalogue?: ActionCatalogue;
  targets: readonly Target[];
  feedback: 'immediate' | 'findings-only' | 'debrief';
  outbox: Outbox;
  injectTitles: Record<string, string>;
}

export function DecisionLog(props: DecisionLogProps) {
  const actionName = (id: string) => props.catalogue?.actions.find((a) => a.id === id)?.name ?? id;
  const targetName = (id?: string) => (id ? (props.targets.find((t) => t.id === id)?.name ?? id) : undefined);
  const unsettled = props.outbox.filter((i) => i.name === 'decision.submit' && i.status !== 'acknowledged');
  const decisionsSent = props.outbox.filter((i) => i.name === 'decision.submit');
  const lastSent = decisionsSent[decisionsSent.length - 1];
  return (
    <Stack gap="sm">
      {unsettled.map((item) => (
        <Alert key={item.clientId} color={item.status === 'refused' ? 'red' : 'blue'} role="status" data-testid="decision-pending">
          {item.status === 'refused'
            ? `Decision not recorded: ${item.error?.message}`
            : item.status === 'waiting'
              ? 'Decision queued — it will be sent as soon as the connection is back (once, whatever happens).'
              : 'Sending decision…'}
        </Alert>
      ))}
      {lastSent?.status === 'acknowledged' && (
        <Alert color="teal" role="status" data-testid="decision-ack">
          Decision recorded by exercise control.
        </Alert>
      )}
      {props.feedback === 'debrief' && (
        <Text size="sm" c="dimmed">This scenario gives feedback on decisions at the debrief, not during play.</Text>
      )}
      {props.decisions.length === 0 && <Text size="sm" c="dimmed">No decisions yet.</Text>}
      {[...props.decisions].reverse().map((decision) => (
        <Paper key={decision.decisionId} withBorder p="sm" radius="sm" data-testid="decision-entry">
          <Group justify="space-between" gap="xs">
            <Text fw={600} size="sm">
              {decision.injectId ? (props.injectTitles[decision.injectId] ?? decision.injectId) : 'Own initiative'}
            </Text>
            <Text size="xs" c="dimmed" className="ttx-clock">T+{formatClock(decision.exerciseTime)}</Text>
          </Group>
          <Group gap={6} mt={4} wrap="wrap">
            {decision.actions.map((choice, index) => (
              <WrappingBadge key={index} variant="light" color="blue" size="sm">
                {actionName(choice.actionId)}{targetName(choice.targetId) ? ` → ${targetName(choice.targetId)}` : ''}
              </WrappingBadge>
            ))}
          </Group>
          {decision.confidence && <Text size="xs" mt={4} data-testid="decision-confidence">Stated confidence in the attribution: {decision.confidence}</Text>}
          {decision.rationale && <Text size="sm" mt={4} c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>{decision.rationale}</Text>}
          <Stack mt="xs" gap={4}>
            <DecisionAssessment findings={decision.findings} verdicts={decision.verdicts} actionName={actionName} targetName={targetName} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
