// Facilitators and observers: observations against objectives with HSEEP ratings, the live scoreboard and escalation.
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { mayIssue } from '@ttx/engine';
import { useMemo } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router-dom';
import { describeError } from '../../api/api-client.js';
import { useExercise, useScenario } from '../../api/queries.js';
import { AppFrame } from '../../app/AppFrame.js';
import { loginPathFor } from '../../app/return-path.js';
import { useSessions } from '../../app/session-context.js';
import { ConnectionBadge } from '../../components/ConnectionBadge.js';
import { EscalationPanel } from '../../components/EscalationPanel.js';
import { ExerciseClock } from '../../components/ExerciseClock.js';
import { Scoreboard } from '../../components/Scoreboard.js';
import { allFindings } from '../../exercise/exercise-view.js';
import { humanize } from '../../exercise/labels.js';
import { useExerciseSocket } from '../../socket/useExerciseSocket.js';
import { ObjectiveCard } from './ObjectiveCard.js';
import { suggestionsByObjective } from './suggestions.js';
import { useReviewPart } from '../review/useReview.js';

export function FacilitateScreen() {
  const { exerciseId = '' } = useParams();
  const { sessions } = useSessions();
  const location = useLocation();
  const token = sessions.tokenFor(exerciseId);
  const role = sessions.roleFor(exerciseId);
  const detail = useExercise(token, exerciseId);
  const live = useExerciseSocket(exerciseId, token);
  const observer = role === 'observer';
  // A team marked not played is judged on nothing, as in the review.
  const findings = useMemo(() => allFindings(live.view).filter((f) => live.view.scores.isPlayed(f.teamId)), [live.view]);
  const scenarioDetail = useScenario(observer ? undefined : token, detail.data?.scenarioId);
  // Observers are not given the scenario: they ask for the review's objectives as findings come in.
  const reviewed = useReviewPart(token, exerciseId, observer ? 'objectives' : undefined, findings.length);
  const suggestions = useMemo(
    () => suggestionsByObjective(scenarioDetail.data?.scenario, findings, reviewed.data?.objectives),
    [scenarioDetail.data, findings, reviewed.data],
  );
  if (!token) return <Navigate to={loginPathFor(location)} replace />;
  if (role === 'player') return <Navigate to="/play" replace />;
  const canRecord = role !== undefined && mayIssue(role, 'observation.record');
  const scenario = detail.data?.scenario;
  const teams = detail.data?.teams ?? [];
  const recordable = live.view.status !== 'none';
  return (
    <AppFrame
      wide
      title={
        <Group gap="xs" wrap="wrap" miw={0}>
          <Title order={1} fz="lg" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>{detail.data?.name ?? 'Exercise'}</Title>
          <Badge variant="light">{role ? humanize(role) : ''}</Badge>
        </Group>
      }
      status={
        <>
          <ExerciseClock clock={live.view.clock} status={live.view.status} serverOffset={live.serverOffset} />
          <ConnectionBadge state={live.connection} />
          <Button size="xs" component={Link} to={`/review/${encodeURIComponent(exerciseId)}`} variant={live.view.status === 'ended' ? 'filled' : 'light'}>
            After-action review
          </Button>
        </>
      }
    >
      {detail.error && <Alert color="red" mb="md" role="alert">{describeError(detail.error)}</Alert>}
      {live.refusal && <Alert color="red" mb="md" role="alert">{live.refusal.message}</Alert>}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="sm" component="section" aria-labelledby="objectives-heading">
            <Title order={2} fz="lg" id="objectives-heading">Objectives</Title>
            {!canRecord && <Text size="sm" c="dimmed">Observers see the ratings; facilitators record them.</Text>}
            {scenario?.objectives.map((objective) => (
              <ObjectiveCard
                key={objective.id}
                objective={objective}
                suggestion={suggestions[objective.id]}
                observations={live.view.observations.filter((o) => o.objectiveId === objective.id)}
                pending={live.outbox.filter((i) => i.name === 'observation.record' && i.status !== 'acknowledged' && (i.payload as { objectiveId: string }).objectiveId === objective.id)}
                canRecord={canRecord && recordable}
                onRecord={(rating, note) => live.actions.recordObservation(objective.id, rating, note)}
              />
            ))}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Stack gap="md">
            <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby="fac-score-heading">
              <Title order={2} fz="md" mb="xs" id="fac-score-heading">Scoreboard</Title>
              <Scoreboard view={live.view} teams={teams} />
            </Paper>
            <Paper withBorder p="sm" radius="sm">
              <EscalationPanel view={live.view} states={scenario?.states ?? []} serverOffset={live.serverOffset} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </AppFrame>
  );
}
