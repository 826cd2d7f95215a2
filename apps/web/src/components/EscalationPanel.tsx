// The escalation state between every pair of states: a matrix of current levels and their course over exercise time.
import { Badge, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip as ChartTooltip, XAxis, YAxis } from 'recharts';
import { escalationCellDescription, escalationCellText, escalationMatrix, escalationSeries, type StateRef } from '../exercise/escalation.js';
import type { ExerciseView } from '../exercise/exercise-view.js';
import { rungColor } from '../exercise/labels.js';
import { exerciseTimeAt } from '../exercise/exercise-clock.js';
import { useServerNow } from './useNow.js';

const LINE_COLORS = ['#4dabf7', '#ff8787', '#ffd43b', '#69db7c', '#da77f2', '#ffa94d'];

export function EscalationMatrix({ view, states }: { view: ExerciseView; states: readonly StateRef[] }) {
  const cells = escalationMatrix(view, states);
  const cell = (from: string, to: string) => cells.find((c) => c.from === from && c.to === to);
  return (
    <Stack gap={6}>
      <Table.ScrollContainer minWidth={280}>
        <Table withTableBorder withColumnBorders verticalSpacing={6} horizontalSpacing={6} data-testid="escalation-matrix" aria-describedby="escalation-legend">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>From \ toward</Table.Th>
              {states.map((s) => <Table.Th key={s.id} ta="center">{s.name}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {states.map((from) => (
              <Table.Tr key={from.id}>
                <Table.Th scope="row">{from.name}</Table.Th>
                {states.map((to) => {
                  const c = cell(from.id, to.id);
                  return (
                    <Table.Td key={to.id} ta="center">
                      {c ? (
                        <Tooltip label={escalationCellDescription(c, from.name, to.name)}>
                          <Badge
                            color={rungColor(c.level)}
                            variant="filled"
                            size="md"
                            radius="xs"
                            className="ttx-clock ttx-badge-fit"
                            data-pair={`${c.from}>${c.to}`}
                            aria-label={escalationCellDescription(c, from.name, to.name)}
                          >
                            {escalationCellText(c)}
                          </Badge>
                        </Tooltip>
                      ) : (
                        <Text c="dimmed" aria-label="not applicable">—</Text>
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {/* Outside the scrolling box, so a phone reads the legend whole. */}
      <Text size="xs" c="dimmed" id="escalation-legend" data-testid="escalation-legend">
        Each cell: the row state's level toward the column state now, then in brackets the highest it has reached so far — ESC-2 (5) is
        ESC-2 now after a peak of ESC-5. ESC-0 is cooperative, ESC-10 armed response.
      </Text>
    </Stack>
  );
}

export function EscalationChart({ view, states, serverOffset }: { view: ExerciseView; states: readonly StateRef[]; serverOffset: number }) {
  const now = useServerNow(serverOffset, 5000);
  const name = (id: string) => states.find((s) => s.id === id)?.name ?? id;
  const pairs = escalationMatrix(view, states).map((c) => `${c.from}>${c.to}`);
  const rows = escalationSeries(view, pairs, exerciseTimeAt(view.clock, now));
  // At least a ten-minute window, so an early chart has whole-minute ticks rather than fractions.
  const span = Math.max(10, Math.ceil(rows[rows.length - 1]?.minute ?? 0));
  return (
    <div style={{ width: '100%', height: 240 }} role="img" aria-label="Escalation levels over exercise time for each pair of states">
      <ResponsiveContainer>
        <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#3a4150" strokeDasharray="3 3" />
          <XAxis dataKey="minute" type="number" domain={[0, span]} allowDecimals={false} stroke="#b4bac4" tickFormatter={(m: number) => `${m}′`} />
          <YAxis width={32} domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} interval={0} stroke="#b4bac4" />
          <ChartTooltip
            contentStyle={{ background: '#181c24', border: '1px solid #3a4150' }}
            labelFormatter={(m) => `T+${Number(m).toFixed(1)} min`}
            formatter={(value, key) => [`ESC-${String(value)}`, String(key).split('>').map(name).join(' → ')]}
          />
          <Legend formatter={(key: string) => key.split('>').map(name).join(' → ')} />
          {pairs.map((pair, index) => (
            <Line key={pair} dataKey={pair} type="stepAfter" stroke={LINE_COLORS[index % LINE_COLORS.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function EscalationPanel(props: { view: ExerciseView; states: readonly StateRef[]; serverOffset: number }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="escalation-heading">
      <Title order={3} fz="md" id="escalation-heading">Escalation between states</Title>
      <EscalationMatrix view={props.view} states={props.states} />
      <EscalationChart {...props} />
    </Stack>
  );
}
