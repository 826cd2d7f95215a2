// The AAR overview: what was exercised, when, for how long, by whom.
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AarModel } from '@ttx/report/browser';
import { formatClock } from '../../exercise/exercise-clock.js';
import { humanize } from '../../exercise/labels.js';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

const date = (ms?: number) => (ms ? new Date(ms).toLocaleString() : '—');

export function ReviewOverview({ model }: { model: AarModel }) {
  const o = model.overview;
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="overview">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="lg" id="overview" className="ttx-anchor">Exercise overview</Title>
          <Badge color={model.asOf.final ? 'gray' : 'teal'} variant="light">{model.asOf.final ? 'Final' : `As of T+${formatClock(model.asOf.exerciseTime)}`}</Badge>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{o.scenario.summary}</Text>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          <Fact label="Scenario" value={`${o.scenario.title} v${o.scenario.version}`} />
          <Fact label="Started" value={date(o.dates.startedAt)} />
          <Fact label="Ended" value={date(o.dates.endedAt)} />
          <Fact label="Exercise time" value={`${formatClock(o.duration.exerciseMs)} of ${formatClock(o.duration.plannedMs)}`} />
          <Fact label="Wall time" value={`${formatClock(o.duration.wallMs)} (paused ${formatClock(o.duration.pausedMs)})`} />
          <Fact label="Injects" value={`${o.scope.injectsReleased} of ${o.scope.injectsPlanned} released`} />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={700}>Objectives</Text>
          {o.objectives.map((objective) => <Text key={objective.id} size="sm">• {objective.title} <Text span c="dimmed">({objective.capability})</Text></Text>)}
        </Stack>
        <Group gap={6} wrap="wrap">
          {o.teams.map((team) => (
            <Badge key={team.id} variant="outline" color="gray" style={{ textTransform: 'none' }}>
              {team.name}{team.stateName ? ` · ${team.stateName}` : ''} · {humanize(team.kind)} · {team.participants.length} participant(s)
            </Badge>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
