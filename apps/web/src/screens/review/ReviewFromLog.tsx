// When the server cannot build the review, the page still shows what the event log says: scores, escalation,
// decisions with findings and the evaluators' observations, folded in this browser.
import { Badge, Grid, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useExercise } from '../../api/queries.js';
import { EscalationPanel } from '../../components/EscalationPanel.js';
import { Scoreboard } from '../../components/Scoreboard.js';
import { exerciseTimeAt, formatClock } from '../../exercise/exercise-clock.js';
import { useExerciseSocket } from '../../socket/useExerciseSocket.js';
import { DecisionFeed } from '../control/DecisionFeed.js';

export function ReviewFromLog({ token, exerciseId }: { token: string; exerciseId: string }) {
  const detail = useExercise(token, exerciseId);
  const live = useExerciseSocket(exerciseId, token);
  const teams = detail.data?.teams ?? [];
  const teamNames = Object.fromEntries(teams.map((t) => [t.id, t.name]));
  const briefing = detail.data?.scenario;
  const objectiveTitle = (id: string) => briefing?.objectives.find((o) => o.id === id)?.title ?? id;
  const view = live.view;
  return (
    <Stack gap="md" data-testid="review-from-log">
      <Paper withBorder p="md" radius="sm">
        <Title order={2} fz="lg" mb="xs">{detail.data?.name ?? 'Exercise'}</Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Text size="sm"><Text span c="dimmed">Status </Text><Badge>{view.status}</Badge></Text>
          <Text size="sm"><Text span c="dimmed">Exercise time </Text>{formatClock(exerciseTimeAt(view.clock, Date.now() + live.serverOffset))}</Text>
          <Text size="sm"><Text span c="dimmed">Injects released </Text>{view.injects.length}</Text>
          <Text size="sm"><Text span c="dimmed">Decisions </Text>{view.decisions.length}</Text>
        </SimpleGrid>
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md" radius="sm"><Title order={2} fz="md" mb="xs">Scores</Title><Scoreboard view={view} teams={teams} /></Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Paper withBorder p="md" radius="sm"><EscalationPanel view={view} states={briefing?.states ?? []} serverOffset={live.serverOffset} /></Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="md" radius="sm">
        <Title order={2} fz="md" mb="xs">Observations</Title>
        {view.observations.length === 0 && <Text size="sm" c="dimmed">No observations recorded.</Text>}
        {view.observations.map((o) => (
          <Text key={o.observationId} size="sm">
            <Text span className="ttx-clock" c="dimmed">T+{formatClock(o.exerciseTime)}</Text> <Badge size="xs">{o.rating}</Badge> {objectiveTitle(o.objectiveId)}: {o.note}
          </Text>
        ))}
      </Paper>
      <Paper withBorder p="md" radius="sm">
        <Title order={2} fz="md" mb="xs">Decisions and findings</Title>
        <DecisionFeed
          decisions={view.decisions}
          catalogue={detail.data?.catalogue}
          teamNames={teamNames}
          targetNames={Object.fromEntries((briefing?.targets ?? []).map((t) => [t.id, t.name]))}
          injectTitles={Object.fromEntries(view.injects.map((i) => [i.injectId, i.title]))}
        />
      </Paper>
    </Stack>
  );
}
