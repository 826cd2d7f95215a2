// Every team's decisions as they come in, newest first, with the findings the rules recorded on each.
import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import type { ActionCatalogue } from '@ttx/scenario';
import { DecisionAssessment } from '../../components/DecisionAssessment.js';
import { WrappingBadge } from '../../components/WrappingBadge.js';
import { formatClock } from '../../exercise/exercise-clock.js';
import type { DecisionView } from '../../exercise/exercise-view.js';
import { formatDelta, rungColor } from '../../exercise/labels.js';
import { rungLevel } from '@ttx/scenario';

export function DecisionFeed(props: {
  decisions: readonly DecisionView[];
  catalogue?: ActionCatalogue;
  teamNames: Record<string, string>;
  targetNames: Record<string, string>;
  injectTitles: Record<string, string>;
}) {
  const action = (id: string) => props.catalogue?.actions.find((a) => a.id === id);
  return (
    <ScrollArea.Autosize mah={640} type="auto">
      <Stack gap="xs" data-testid="decision-feed" aria-live="polite">
        {props.decisions.length === 0 && <Text size="sm" c="dimmed">No decisions yet.</Text>}
        {[...props.decisions].reverse().map((decision) => {
          const total = decision.findings.reduce((n, f) => n + f.delta, 0);
          return (
            <Paper key={decision.decisionId} withBorder p="sm" radius="sm" data-testid="decision-feed-entry">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text fw={700} size="sm">{props.teamNames[decision.teamId] ?? decision.teamId}</Text>
                <Group gap={6}>
                  {decision.findings.length > 0 && <Badge color={total >= 0 ? 'teal' : 'red'} variant="light">{formatDelta(total)}</Badge>}
                  <Text size="xs" c="dimmed" className="ttx-clock">T+{formatClock(decision.exerciseTime)}</Text>
                </Group>
              </Group>
              <Text size="xs" c="dimmed">
                {decision.injectId ? `On “${props.injectTitles[decision.injectId] ?? decision.injectId}”` : 'Own initiative'}
                {decision.participant ? ` · by ${decision.participant}` : ''}
              </Text>
              <Group gap={4} mt={4} wrap="wrap">
                {decision.actions.map((choice, index) => {
                  const a = action(choice.actionId);
                  return (
                    <WrappingBadge key={index} color={a ? rungColor(rungLevel(a.rung)) : 'gray'} variant="light">
                      {a ? `${a.rung} ${a.name}` : choice.actionId}
                      {choice.targetId ? ` → ${props.targetNames[choice.targetId] ?? choice.targetId}` : ''}
                    </WrappingBadge>
                  );
                })}
              </Group>
              {decision.confidence && <Text size="xs" mt={4} data-testid="decision-confidence">Stated confidence in the attribution: {decision.confidence}</Text>}
              {decision.rationale && <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>{decision.rationale}</Text>}
              <Stack mt={6} gap={4}>
                <DecisionAssessment
                  findings={decision.findings}
                  verdicts={decision.verdicts}
                  actionName={(id) => action(id)?.name ?? id}
                  targetName={(id) => (id ? (props.targetNames[id] ?? id) : undefined)}
                />
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </ScrollArea.Autosize>
  );
}
