// The timeline in exercise time: injects, decisions, messages and controller actions, one line each.
import { Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import type { AarModel } from '@ttx/report';
import { useState } from 'react';
import { formatClock } from '../../exercise/exercise-clock.js';

const CATEGORY_COLOR: Record<string, string> = {
  inject: 'blue', decision: 'yellow', finding: 'grape', escalation: 'red', message: 'cyan', control: 'orange', evaluation: 'teal', exercise: 'gray', participant: 'gray',
};

export function ReviewTimeline({ model }: { model: AarModel }) {
  const [all, setAll] = useState(false);
  const entries = all ? model.timeline.entries : model.timeline.entries.slice(0, 150);
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="timeline-heading">
      <Title order={2} fz="lg" id="timeline-heading" mb="xs">Timeline</Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4} striped>
          <Table.Thead><Table.Tr><Table.Th>Time</Table.Th><Table.Th>Kind</Table.Th><Table.Th>What happened</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td className="ttx-clock" style={{ whiteSpace: 'nowrap' }}>T+{formatClock(e.exerciseTime)}</Table.Td>
                <Table.Td><Badge size="xs" variant="light" color={CATEGORY_COLOR[e.category] ?? 'gray'}>{e.category}</Badge></Table.Td>
                <Table.Td><Text size="sm" style={{ overflowWrap: 'anywhere' }}>{e.summary}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!all && model.timeline.entries.length > entries.length && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(true)}>Show all {model.timeline.entries.length} entries</Button>
      )}
    </Paper>
  );
}
