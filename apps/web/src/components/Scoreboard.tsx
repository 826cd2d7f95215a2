// Scores by team and dimension, as the rules and controller adjustments have set them so far; "not played" for a
// team a controller marked so.
import { Table, Text } from '@mantine/core';
import { DIMENSIONS, type Dimension } from '@ttx/scenario';
import type { ExerciseView } from '../exercise/exercise-view.js';
import { formatDelta, humanize } from '../exercise/labels.js';
import { CompactTable } from './CompactTable.js';

const DIMENSION_SHORT: Record<Dimension, string> = {
  restraint: 'Restraint',
  proportionality: 'Proport.',
  'cbm-use': 'CBM use',
  cooperation: 'Coop.',
  attribution: 'Attrib.',
  timeliness: 'Timely',
};

export function Scoreboard({ view, teams }: { view: ExerciseView; teams: readonly { id: string; name: string }[] }) {
  const rows = view.scores.scores(teams.map((t) => t.id));
  const name = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
  const tone = (n: number) => (n > 0 ? 'teal.4' : n < 0 ? 'red.4' : 'dimmed');
  return (
    <CompactTable
      minWidth={520}
      testId="scoreboard"
      head={
        <>
          <Table.Th>Team</Table.Th>
          <Table.Th ta="right">Total</Table.Th>
          {DIMENSIONS.map((d) => (
            <Table.Th key={d} ta="right">
              <abbr title={humanize(d)} style={{ textDecoration: 'none' }}>{DIMENSION_SHORT[d]}</abbr>
            </Table.Th>
          ))}
        </>
      }
    >
      {rows.map((row) => row.played ? (
        <Table.Tr key={row.teamId}>
          <Table.Td fw={600} maw={220}>{name(row.teamId)}</Table.Td>
          <Table.Td ta="right"><Text fw={800} c={tone(row.total)} className="ttx-clock">{formatDelta(row.total)}</Text></Table.Td>
          {DIMENSIONS.map((d) => (
            <Table.Td key={d} ta="right"><Text size="sm" c={tone(row.byDimension[d])} className="ttx-clock">{formatDelta(row.byDimension[d])}</Text></Table.Td>
          ))}
        </Table.Tr>
      ) : (
        // A team nobody plays has no score: its line says so across the score columns.
        <Table.Tr key={row.teamId} data-testid="not-played">
          <Table.Td fw={600} maw={220}>{name(row.teamId)}</Table.Td>
          <Table.Td colSpan={DIMENSIONS.length + 1} ta="right">
            <Text size="sm" c="dimmed" fs="italic" title={row.notPlayedReason}>not played{row.notPlayedReason !== undefined ? `: ${row.notPlayedReason}` : ''}</Text>
          </Table.Td>
        </Table.Tr>
      ))}
    </CompactTable>
  );
}
