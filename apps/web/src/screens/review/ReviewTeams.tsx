// Per team: the score by dimension as a chart, every finding with its rule and sources, latency and CBM channel use.
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AarModel, TeamReport } from '@ttx/report/browser';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatClock } from '../../exercise/exercise-clock.js';
import { FINDING_COLOR, formatDelta, humanize } from '../../exercise/labels.js';

function ScoreChart({ team }: { team: TeamReport }) {
  const data = team.score.dimensions.map((d) => ({ name: humanize(d.dimension), total: d.total }));
  return (
    <div style={{ width: '100%', height: 200 }} role="img" aria-label={`Score of ${team.name} by dimension`}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 40, right: 16 }}>
          <CartesianGrid stroke="#3a4150" strokeDasharray="3 3" />
          <XAxis type="number" stroke="#b4bac4" />
          <YAxis type="category" dataKey="name" stroke="#b4bac4" width={90} />
          <Tooltip contentStyle={{ background: '#181c24', border: '1px solid #3a4150' }} />
          <Bar dataKey="total" isAnimationActive={false}>
            {data.map((d) => <Cell key={d.name} fill={d.total >= 0 ? '#38d9a9' : '#ff6b6b'} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

function NotPlayedSection({ team }: { team: TeamReport }) {
  return (
    <Paper withBorder p="md" radius="sm" component="article" aria-labelledby={`team-${team.teamId}`} data-testid="team-not-played">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} fz="md" id={`team-${team.teamId}`}>{team.name}{team.stateName ? ` · ${team.stateName}` : ''}</Title>
          <Badge size="lg" color="gray" variant="light">not played</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          Nobody played this team{team.notPlayedReason !== undefined ? ` (${team.notPlayedReason})` : ''}: it has no score, no findings and no improvement-plan items.
        </Text>
      </Stack>
    </Paper>
  );
}

function TeamSection({ team }: { team: TeamReport }) {
  if (!team.played) return <NotPlayedSection team={team} />;
  const l = team.latency;
  return (
    <Paper withBorder p="md" radius="sm" component="article" aria-labelledby={`team-${team.teamId}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} fz="md" id={`team-${team.teamId}`}>{team.name}{team.stateName ? ` · ${team.stateName}` : ''}</Title>
          <Badge size="lg" color={team.score.total >= 0 ? 'teal' : 'red'} className="ttx-clock">{formatDelta(team.score.total)}</Badge>
        </Group>
        {(team.findings.length > 0 || team.adjustments.length > 0) && <ScoreChart team={team} />}
        <Text size="sm" c="dimmed">
          Prompts answered {l.answered} (on time {l.onTime}, late {l.late}, missed {l.missed}){l.meanMs !== undefined ? `; mean latency ${formatClock(l.meanMs)}` : ''}.
          Hotline activations {team.channels.hotlineActivations}; messages {team.channels.messages.reduce((n, m) => n + m.count, 0)}.
        </Text>
        <Stack gap={6}>
          {team.findings.length === 0 && <Text size="sm" c="dimmed">No findings.</Text>}
          {team.findings.map((f) => (
            <div key={`${f.seq}-${f.ruleId}`} data-testid="finding" id={`finding-${f.seq}-${f.ruleId}`}>
              <Group gap={6} wrap="wrap">
                <Text size="xs" c="dimmed" className="ttx-clock">T+{formatClock(f.exerciseTime)}</Text>
                <Badge size="sm" color={FINDING_COLOR[f.severity]} variant="light">{f.severity}</Badge>
                <Anchor href={`#rule-${f.ruleId}`} size="sm" fw={600}>{f.ruleTitle}</Anchor>
                <Badge size="sm" variant="outline" color={f.delta >= 0 ? 'teal' : 'red'}>{formatDelta(f.delta)} {humanize(f.dimension)}</Badge>
                {f.cites.map((c) => <Badge key={c} size="xs" variant="outline" color="gray" radius="xs" className="ttx-badge-fit" data-testid="citation">{c}</Badge>)}
              </Group>
              <Text size="sm">{f.explanation}</Text>
            </div>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

export function ReviewTeams({ model }: { model: AarModel }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="teams">
      <Title order={2} fz="lg" id="teams" className="ttx-anchor">Scores and findings by team</Title>
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        {model.teams.map((team) => <TeamSection key={team.teamId} team={team} />)}
      </SimpleGrid>
    </Stack>
  );
}
