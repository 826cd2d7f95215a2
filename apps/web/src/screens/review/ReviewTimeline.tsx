// Every event in exercise time; following an evidence link to an event further down shows the whole timeline.
import { Badge, Button, Paper, Table, Text, Title } from '@mantine/core';
import { type AarModel, timelineText } from '@ttx/report/browser';
import { useEffect, useMemo, useState } from 'react';
import { formatClock } from '../../exercise/exercise-clock.js';

const CATEGORY_COLOR: Record<string, string> = {
  inject: 'blue', decision: 'yellow', finding: 'orange', escalation: 'red', message: 'cyan', control: 'grape', evaluation: 'teal', exercise: 'gray', participant: 'gray',
};
const SHOWN = 150;

export function ReviewTimeline({ model }: { model: AarModel }) {
  const [all, setAll] = useState(false);
  const entries = model.timeline.entries;
  const text = useMemo(() => timelineText(model), [model]);
  useEffect(() => {
    const follow = () => {
      const seq = Number(/^#event-(\d+)$/.exec(window.location.hash)?.[1]);
      if (!Number.isInteger(seq) || entries.findIndex((e) => e.seq === seq) < SHOWN) return;
      setAll(true);
      requestAnimationFrame(() => document.getElementById(`event-${seq}`)?.scrollIntoView());
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [entries]);
  const shown = all ? entries : entries.slice(0, SHOWN);
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="timeline">
      <Title order={2} fz="lg" id="timeline" mb="xs" className="ttx-anchor">Timeline</Title>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4} striped>
          <Table.Thead><Table.Tr><Table.Th>Time</Table.Th><Table.Th>Kind</Table.Th><Table.Th>What happened</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {shown.map((e) => (
              <Table.Tr key={e.seq} id={`event-${e.seq}`}>
                <Table.Td className="ttx-clock" style={{ whiteSpace: 'nowrap' }}>T+{formatClock(e.exerciseTime)}</Table.Td>
                <Table.Td><Badge size="xs" variant="light" className="ttx-badge-fit" color={CATEGORY_COLOR[e.category] ?? 'gray'}>{e.category}</Badge></Table.Td>
                <Table.Td><Text size="sm" style={{ overflowWrap: 'anywhere' }}>{text(e)}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!all && entries.length > shown.length && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(true)}>Show all {entries.length} entries</Button>
      )}
    </Paper>
  );
}
