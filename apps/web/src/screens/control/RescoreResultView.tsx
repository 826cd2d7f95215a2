// A re-scoring's answer: both scoreboards side by side (total and by dimension), then the findings that differ.
import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import type { FindingChange, RescoreResult } from '@ttx/report/browser';
import { DIMENSIONS } from '@ttx/scenario';
import { CompactTable } from '../../components/CompactTable.js';
import { formatDelta, humanize } from '../../exercise/labels.js';

/** Rows shown of the differing findings; a longer list is for `ttx rescore --json` on the downloaded bundle. */
const SHOWN_CHANGES = 200;

const tone = (n: number) => (n > 0 ? 'teal.4' : n < 0 ? 'red.4' : 'dimmed');
const CHANGE_COLOR: Record<FindingChange['change'], string> = { added: 'teal', removed: 'red', changed: 'yellow' };

function Points({ value }: { value: number }) {
  return <Text span size="sm" c={tone(value)} className="ttx-clock">{formatDelta(value)}</Text>;
}

/** What was judged: the prompt a decision answered (decision ids are generated), else the decision or the event. */
function about(c: FindingChange): string {
  if (c.decisionId !== undefined) return c.injectId !== undefined ? `answer to ${c.injectId}` : `decision ${c.decisionId}`;
  if (c.injectId !== undefined) return `inject ${c.injectId}`;
  return `event ${c.seq}`;
}

function Scores({ result }: { result: RescoreResult }) {
  return (
    <CompactTable
      minWidth={640}
      testId="rescore-scores"
      head={
        <>
          <Table.Th>Team</Table.Th>
          <Table.Th>Scored</Table.Th>
          <Table.Th ta="right">Total</Table.Th>
          {DIMENSIONS.map((d) => <Table.Th key={d} ta="right">{humanize(d)}</Table.Th>)}
        </>
      }
    >
      {result.recorded.teams.map((team) => {
        const after = result.rescored.teams.find((t) => t.teamId === team.teamId) ?? team;
        return [
          <Table.Tr key={`${team.teamId}-recorded`} data-team={team.teamId} data-scored="recorded">
            <Table.Td fw={600} rowSpan={2} maw={220}>{team.teamName}</Table.Td>
            <Table.Td><Text size="xs" c="dimmed">recorded</Text></Table.Td>
            <Table.Td ta="right"><Points value={team.total} /></Table.Td>
            {DIMENSIONS.map((d) => <Table.Td key={d} ta="right"><Points value={team.byDimension[d]} /></Table.Td>)}
          </Table.Tr>,
          <Table.Tr key={`${team.teamId}-rescored`} data-team={team.teamId} data-scored="rescored">
            <Table.Td><Text size="xs" c="dimmed">re-scored</Text></Table.Td>
            <Table.Td ta="right" fw={800}><Points value={after.total} /></Table.Td>
            {DIMENSIONS.map((d) => <Table.Td key={d} ta="right"><Points value={after.byDimension[d]} /></Table.Td>)}
          </Table.Tr>,
        ];
      })}
    </CompactTable>
  );
}

function Changes({ changes }: { changes: readonly FindingChange[] }) {
  const shown = changes.slice(0, SHOWN_CHANGES);
  return (
    <>
      <CompactTable
        minWidth={640}
        testId="rescore-changes"
        head={
          <>
            <Table.Th>Team</Table.Th>
            <Table.Th>Rule</Table.Th>
            <Table.Th>About</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th ta="right">Recorded</Table.Th>
            <Table.Th ta="right">Re-scored</Table.Th>
          </>
        }
      >
        {shown.map((c, i) => (
          <Table.Tr key={`${c.seq}-${c.teamId}-${c.ruleId}-${i}`}>
            <Table.Td>{c.teamName}</Table.Td>
            <Table.Td><Text size="sm" ff="monospace">{c.ruleId}</Text></Table.Td>
            <Table.Td>{about(c)}</Table.Td>
            <Table.Td miw={96}><Badge size="sm" variant="light" color={CHANGE_COLOR[c.change]} style={{ overflow: 'visible' }}>{c.change}</Badge></Table.Td>
            <Table.Td ta="right">{c.before ? <Points value={c.before.delta} /> : '—'}</Table.Td>
            <Table.Td ta="right">{c.after ? <Points value={c.after.delta} /> : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </CompactTable>
      {changes.length > shown.length && (
        <Text size="sm" c="dimmed">
          The first {SHOWN_CHANGES} of {changes.length} are shown; download the bundle and run ttx rescore --json for them all.
        </Text>
      )}
    </>
  );
}

export function RescoreResultView({ result }: { result: RescoreResult }) {
  return (
    <Stack gap="sm" aria-live="polite">
      <Title order={3} fz="md">
        Recorded under {result.recorded.ruleSet.id}, re-scored under {result.rescored.ruleSet.id}
      </Title>
      <Text size="sm" c="dimmed">
        {result.rescored.ruleSet.title}. The decisions, messages, injects and escalation stay as recorded ({result.events} events); only the findings are judged again.
      </Text>
      <Scores result={result} />
      <Title order={3} fz="md">Findings that differ ({result.changes.length})</Title>
      {result.changes.length === 0 ? (
        <Text size="sm" data-testid="rescore-no-changes">No finding differs: both rule sets judge this exercise alike.</Text>
      ) : (
        <Changes changes={result.changes} />
      )}
    </Stack>
  );
}
