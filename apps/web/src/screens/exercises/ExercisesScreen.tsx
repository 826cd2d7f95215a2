// A controller's home: the exercises on this server and a new one from a scenario.
import { Alert, Badge, Box, Button, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ExerciseSummary } from '@ttx/contracts';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { describeError } from '../../api/api-client.js';
import { useExercises } from '../../api/queries.js';
import { AppFrame } from '../../app/AppFrame.js';
import { useSessions } from '../../app/session-context.js';
import { ScenarioPicker } from './ScenarioPicker.js';

const STATUS_LABEL: Record<string, string> = { running: 'Running', paused: 'Paused', ended: 'Ended', created: 'Created', lobby: 'In lobby' };
const STATUS_COLOR: Record<string, string> = { running: 'teal', paused: 'yellow', ended: 'gray', created: 'blue', lobby: 'blue' };

/** One exercise: name and status on top (the status never cut), scenario and creation below, then its links. */
function ExerciseRow({ exercise }: { exercise: ExerciseSummary }) {
  const id = encodeURIComponent(exercise.id);
  return (
    <Box component="li" py="sm" style={{ borderTop: '1px solid var(--mantine-color-dark-5)' }} data-testid="exercise-row" data-exercise-id={exercise.id}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2} miw={0} style={{ flex: '1 1 16rem' }}>
          <Group gap="xs" wrap="wrap" align="center">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{exercise.name}</Text>
            <Badge
              color={STATUS_COLOR[exercise.status] ?? 'gray'}
              variant="light"
              className="ttx-badge-fit"
              data-testid="exercise-status-badge"
            >
              {STATUS_LABEL[exercise.status] ?? exercise.status}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {exercise.scenarioTitle} · created {new Date(exercise.createdAt).toLocaleString()}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          <Button size="xs" component={Link} to={`/control/${id}`} aria-label={`Control ${exercise.name}`}>Control</Button>
          <Button size="xs" variant="subtle" component={Link} to={`/review/${id}`} aria-label={`Review ${exercise.name}`}>Review</Button>
        </Group>
      </Group>
    </Box>
  );
}

export function ExercisesScreen() {
  const { sessions, changed } = useSessions();
  const account = sessions.controller();
  const exercises = useExercises(account?.token);
  const navigate = useNavigate();
  if (!account) return <Navigate to="/login" replace />;
  const signOut = () => {
    sessions.signOutController();
    changed();
    navigate('/login');
  };
  return (
    <AppFrame
      title="Exercise control"
      status={
        <>
          <Text size="sm" c="dimmed">{account.username}</Text>
          <Button size="xs" variant="subtle" onClick={signOut}>Log out</Button>
        </>
      }
    >
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="exercises-heading">
            <Stack gap="sm">
              <Title order={2} fz="lg" id="exercises-heading">Exercises</Title>
              {exercises.isLoading && <Loader aria-label="Loading exercises" />}
              {exercises.error && <Alert color="red" role="alert">{describeError(exercises.error)}</Alert>}
              {exercises.data?.length === 0 && <Text c="dimmed" size="sm">No exercises yet. Create one from a scenario.</Text>}
              {!!exercises.data?.length && (
                <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="exercises-heading">
                  {[...exercises.data].sort((a, b) => b.createdAt - a.createdAt).map((exercise) => (
                    <ExerciseRow key={exercise.id} exercise={exercise} />
                  ))}
                </Stack>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ScenarioPicker token={account.token} />
        </Grid.Col>
      </Grid>
    </AppFrame>
  );
}
