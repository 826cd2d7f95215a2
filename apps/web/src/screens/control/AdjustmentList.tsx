// The score adjustments recorded so far, newest first: the controller sees each override and its reason as recorded.
import { Badge, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { formatClock } from '../../exercise/exercise-clock.js';
import type { AdjustmentView } from '../../exercise/exercise-view.js';
import { formatDelta, humanize } from '../../exercise/labels.js';

export function AdjustmentList({ adjustments, teamNames }: { adjustments: readonly AdjustmentView[]; teamNames: Record<string, string> }) {
  if (adjustments.length === 0) return null;
  return (
    <ScrollArea.Autosize mah={260} type="auto">
      <Stack gap={6} data-testid="adjustments" aria-label="Score adjustments recorded">
        {[...adjustments].reverse().map((a) => (
          <Paper key={a.adjustmentId} p="xs" withBorder radius="sm" data-testid="adjustment">
            <Text size="sm" fw={600}>
              <Text span className="ttx-clock" c="dimmed" fw={400}>T+{formatClock(a.exerciseTime)}</Text> {teamNames[a.teamId] ?? a.teamId} · {humanize(a.dimension)}{' '}
              <Badge size="sm" color={a.delta > 0 ? 'teal' : 'red'} className="ttx-clock">{formatDelta(a.delta)}</Badge>
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.reason}</Text>
          </Paper>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}
