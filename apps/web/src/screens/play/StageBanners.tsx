// What a player sees around the live feed: the briefing while waiting for the start, a pause banner, the end.
import { Alert, Box, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { ScenarioBriefing, TeamView } from '@ttx/contracts';
import { Link } from 'react-router-dom';
import { SafeMarkdown } from '../../components/SafeMarkdown.js';
import { CHANNEL_KIND_LABEL, humanize } from '../../exercise/labels.js';
import { channelsOfTeam } from '../../exercise/player-feed.js';
import { useReviewPart } from '../review/useReview.js';

/** Before the start: a clear wait, and the team's briefing to read meanwhile. */
export function WaitingForStart(props: { scenario?: ScenarioBriefing; team?: TeamView; stateName?: string }) {
  const { scenario, team } = props;
  const channels = channelsOfTeam(scenario?.channels ?? [], team?.id ?? '');
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="waiting-heading" data-testid="waiting-for-start">
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Loader size="sm" type="dots" aria-hidden mt={4} />
          <Stack gap={2} miw={0}>
            <Title order={2} fz="lg" id="waiting-heading">Waiting for the exercise control to start the exercise</Title>
            <Text size="sm" c="dimmed">Injects and decisions appear here as soon as it starts. Read your briefing meanwhile.</Text>
          </Stack>
        </Group>
        {scenario && (
          <Stack gap={4}>
            <Title order={3} fz="md">{scenario.title}</Title>
            <Box fz="sm"><SafeMarkdown text={scenario.summary} /></Box>
          </Stack>
        )}
        {team && (
          <Stack gap={4} data-testid="waiting-team">
            <Title order={3} fz="md">Your team</Title>
            <Text fw={600}>{team.name}</Text>
            <Text size="sm">
              Role: {humanize(team.kind)}
              {props.stateName && <> · acting for {props.stateName}</>}
            </Text>
          </Stack>
        )}
        {!!scenario?.objectives.length && (
          <Stack gap={4}>
            <Title order={3} fz="md">Objectives</Title>
            <List size="sm" spacing={2}>
              {scenario.objectives.map((o) => <List.Item key={o.id}>{o.title}</List.Item>)}
            </List>
          </Stack>
        )}
        <Stack gap={4}>
          <Title order={3} fz="md">Channels open to your team</Title>
          {channels.length === 0 ? (
            <Text size="sm" c="dimmed">None in this scenario.</Text>
          ) : (
            <List size="sm" spacing={2} data-testid="waiting-channels">
              {channels.map((c) => <List.Item key={c.id}>{c.name} <Text span c="dimmed" size="sm">({CHANNEL_KIND_LABEL[c.kind]})</Text></List.Item>)}
            </List>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}

export function PausedBanner() {
  return (
    <Alert color="yellow" variant="filled" mb="md" title="The exercise is paused" role="status" data-testid="paused-banner">
      Exercise control has stopped the clock. Deadlines do not run while it is paused; read the feed and talk on your
      channels until it resumes.
    </Alert>
  );
}

/** The end, with the team's debrief when the scenario lets teams read it (the server says so by serving it). */
export function EndedBanner(props: { token?: string; exerciseId?: string }) {
  const debrief = useReviewPart(props.token, props.exerciseId ?? '', 'overview');
  return (
    <Alert color="gray" mb="md" title="The exercise has ended" role="status" data-testid="ended-banner">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">Thank you. No more injects or decisions; your decision log and channels stay readable.</Text>
        {debrief.data ? (
          <Button size="xs" component={Link} to={`/review/${encodeURIComponent(props.exerciseId ?? '')}`} data-testid="debrief-link">
            Read your team's debrief
          </Button>
        ) : (
          <Text size="sm">{debrief.isLoading ? 'Looking for your team’s debrief…' : 'Your facilitator will lead the debrief.'}</Text>
        )}
      </Stack>
    </Alert>
  );
}
