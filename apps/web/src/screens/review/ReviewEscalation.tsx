// The escalation curves of every pair of states over exercise time, and what caused each peak.
import { Badge, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { AarModel } from '@ttx/report/browser';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock } from '../../exercise/exercise-clock.js';
import { rungColor } from '../../exercise/labels.js';

const COLORS = ['#4dabf7', '#ff8787', '#ffd43b', '#69db7c', '#da77f2', '#ffa94d'];

/** One row per moment any pair changed, each pair carried forward. */
function rowsOf(model: AarModel) {
  const times = [...new Set([0, ...model.escalation.pairs.flatMap((p) => p.points.map((pt) => pt.exerciseTime)), model.asOf.exerciseTime])].sort((a, b) => a - b);
  return times.map((t) => {
    const row: Record<string, number> = { time: t };
    for (const pair of model.escalation.pairs) row[pair.key] = [...pair.points].reverse().find((pt) => pt.exerciseTime <= t)?.level ?? 0;
    return row;
  });
}

export function ReviewEscalation({ model }: { model: AarModel }) {
  const pairs = model.escalation.pairs;
  const pairName = (key: string) => { const p = pairs.find((x) => x.key === key); return p ? `${p.fromName} → ${p.toName}` : key; };
  const peaks = pairs.flatMap((p) => p.peaks.map((peak) => ({ ...peak, label: `${p.fromName} → ${p.toName}` })));
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="escalation">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="escalation" className="ttx-anchor">Escalation</Title>
        <Text size="sm" c="dimmed">Highest level reached: ESC-{model.escalation.maxLevel}{model.escalation.maxPair ? `, ${pairName(model.escalation.maxPair)}` : ''}.</Text>
        <div style={{ width: '100%', height: 260 }} role="img" aria-label="Escalation levels over exercise time">
          <ResponsiveContainer>
            <LineChart data={rowsOf(model)} margin={{ top: 8, right: 16, left: -16 }}>
              <CartesianGrid stroke="#3a4150" strokeDasharray="3 3" />
              <XAxis dataKey="time" type="number" domain={[0, 'dataMax']} stroke="#b4bac4" tickFormatter={(ms: number) => formatClock(ms)} />
              <YAxis domain={[0, 10]} stroke="#b4bac4" />
              <Tooltip contentStyle={{ background: '#181c24', border: '1px solid #3a4150' }} labelFormatter={(ms) => `T+${formatClock(Number(ms))}`} formatter={(level, key) => [`ESC-${String(level)}`, pairName(String(key))]} />
              <Legend formatter={(key: string) => pairName(key)} />
              {pairs.map((p, i) => <Line key={p.key} dataKey={p.key} type="stepAfter" stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={false} isAnimationActive={false} />)}
            </LineChart>
          </ResponsiveContainer>
        </div>
        {peaks.length > 0 && (
          <List spacing={4} size="sm">
            {peaks.map((peak) => (
              <List.Item key={`${peak.label}-${peak.seq}`}>
                <Badge size="sm" color={rungColor(peak.level)} mr={6}>ESC-{peak.level}</Badge>
                <Text span className="ttx-clock" c="dimmed">T+{formatClock(peak.exerciseTime)}</Text> {peak.label}: {peak.explanation}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
