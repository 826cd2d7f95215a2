// A controller's home: the exercises on this server and a new one from a scenario.
import { Alert, Badge, Button, Grid, Group, Loader, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { describeError } from '../../api/api-client.js';
import { useExercises } from '../../api/queries.js';
import { AppFrame } from '../../app/AppFrame.js';
import { useSessions } from '../../app/session-context.js';
import { ScenarioPicker } from './ScenarioPicker.js';

const STATUS_COLOR: Record<string, string> = { running: 'teal', paused: 'yellow', ended: 'gray', created: 'blue', lobby: 'blue' };

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
                <Table.ScrollContainer minWidth={520}>
                  <Table highlightOnHover verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Exercise</Table.Th>
                        <Table.Th>Scenario</Table.Th>
                        <Table.Th>Status</Table.Th>
                        <Table.Th>Created</Table.Th>
                        <Table.Th><VisuallyHidden>Open</VisuallyHidden></Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {[...exercises.data].sort((a, b) => b.createdAt - a.createdAt).map((exercise) => (
                        <Table.Tr key={exercise.id}>
                          <Table.Td fw={600}>{exercise.name}</Table.Td>
                          <Table.Td>{exercise.scenarioTitle}</Table.Td>
                          <Table.Td><Badge color={STATUS_COLOR[exercise.status] ?? 'gray'} variant="light">{exercise.status}</Badge></Table.Td>
                          <Table.Td><Text size="sm" c="dimmed">{new Date(exercise.createdAt).toLocaleString()}</Text></Table.Td>
                          <Table.Td>
                            <Group gap={4} wrap="nowrap" justify="flex-end">
                              <Button size="xs" component={Link} to={`/control/${encodeURIComponent(exercise.id)}`}>Control</Button>
                              <Button size="xs" variant="subtle" component={Link} to={`/review/${encodeURIComponent(exercise.id)}`}>Review</Button>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
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
