// The entry: join as a team, or log in to run an exercise; a returning tab goes straight back to its seat.
import { Button, Center, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, Navigate } from 'react-router-dom';
import { AppFrame } from '../../app/AppFrame.js';
import { useSessions } from '../../app/session-context.js';

export function HomeScreen() {
  const { sessions } = useSessions();
  const seat = sessions.participant();
  if (seat?.role === 'player') return <Navigate to="/play" replace />;
  if (seat) return <Navigate to={`/facilitate/${encodeURIComponent(seat.exerciseId)}`} replace />;
  return (
    <AppFrame title="Tabletop cyber exercises">
      <Center mih="70vh">
        <Stack maw={760} w="100%" gap="lg">
          <Stack gap={4}>
            <Title order={2}>State cyber operations, rehearsed</Title>
            <Text c="dimmed">Teams receive injects live, decide, and every decision is read against international cyber norms, OSCE confidence-building measures and the escalation ladder.</Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Paper withBorder p="lg" radius="md">
              <Stack>
                <Title order={3} fz="lg">I have a join code</Title>
                <Text size="sm" c="dimmed">Players, facilitators and observers.</Text>
                <Button component={Link} to="/join">Join an exercise</Button>
              </Stack>
            </Paper>
            <Paper withBorder p="lg" radius="md">
              <Stack>
                <Title order={3} fz="lg">I run the exercise</Title>
                <Text size="sm" c="dimmed">Exercise control (white cell).</Text>
                <Button component={Link} to={sessions.controller() ? '/control' : '/login'} variant="light">Controller login</Button>
              </Stack>
            </Paper>
          </SimpleGrid>
        </Stack>
      </Center>
    </AppFrame>
  );
}
