// A team's screen: who they are, open decisions, the inject feed, their decision log, their channels and the
// escalation levels between the states (without who moved them, which the server tells only the team that did).
import { Alert, Badge, Button, Grid, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { describeError } from '../../api/api-client.js';
import { useExercise } from '../../api/queries.js';
import { AppFrame } from '../../app/AppFrame.js';
import { useSessions } from '../../app/session-context.js';
import { CaughtUpBanner } from '../../components/CaughtUpBanner.js';
import { ChannelPanel } from '../../components/ChannelPanel.js';
import { ConnectionBadge } from '../../components/ConnectionBadge.js';
import { EscalationPanel } from '../../components/EscalationPanel.js';
import { ExerciseClock } from '../../components/ExerciseClock.js';
import { SoundToggle } from '../../components/SoundToggle.js';
import { useSeenMarks } from '../../components/useSeenMarks.js';
import { useInjectChime, useSoundCue } from '../../components/useSoundCue.js';
import { channelsOfTeam, countUnread, messagesIn, openPrompts } from '../../exercise/player-feed.js';
import { eventNamesOf } from '../../exercise/labels.js';
import { useExerciseSocket } from '../../socket/useExerciseSocket.js';
import { DecisionLog } from './DecisionLog.js';
import { DecisionPrompt } from './DecisionPrompt.js';
import { FreeDecision } from './FreeDecision.js';
import { InjectFeed } from './InjectFeed.js';
import { playerStage } from './player-stage.js';
import { EndedBanner, PausedBanner, WaitingForStart } from './StageBanners.js';

function WaitingOrConnecting(props: { stage: 'waiting' | 'connecting' } & Parameters<typeof WaitingForStart>[0]) {
  if (props.stage === 'connecting') return <Group justify="center" p="xl"><Loader aria-label="Connecting to the exercise" /></Group>;
  return <WaitingForStart scenario={props.scenario} team={props.team} stateName={props.stateName} />;
}

export function PlayScreen() {
  const { sessions } = useSessions();
  const seat = sessions.participant();
  const exerciseId = seat?.exerciseId;
  const detail = useExercise(seat?.token, exerciseId);
  const live = useExerciseSocket(exerciseId, seat?.token);
  const { marks, markFeedSeen, markChannelSeen } = useSeenMarks(exerciseId);
  const teamId = seat?.teamId ?? detail.data?.viewer.teamId ?? '';
  const team = detail.data?.teams.find((t) => t.id === teamId);
  const scenario = detail.data?.scenario;
  const stateName = scenario?.states.find((s) => s.id === team?.state)?.name;
  const teamNames = useMemo(() => Object.fromEntries((detail.data?.teams ?? []).map((t) => [t.id, t.name])), [detail.data]);
  const channels = useMemo(() => channelsOfTeam(scenario?.channels ?? [], teamId), [scenario, teamId]);
  const myDecisions = live.view.decisions.filter((d) => d.teamId === teamId);
  const prompts = openPrompts(live.view, teamId);
  const injectTitles = Object.fromEntries(live.view.injects.map((i) => [i.injectId, i.title]));
  const channelUnread = channels.reduce((n, c) => n + countUnread(messagesIn(live.view, c.id), marks.channels[c.id] ?? 0), 0);
  const sound = useSoundCue();
  useInjectChime(live.view.injects.at(-1)?.seq ?? 0, live.connection === 'live', sound.enabled);
  const onChannelSeen = useCallback((channelId: string, seq: number) => markChannelSeen(channelId, seq), [markChannelSeen]);

  const stage = playerStage(live.view.status, live.connection);

  if (!seat || seat.role !== 'player') return <Navigate to="/join" replace />;
  const title = (
    <Group gap="xs" wrap="wrap" miw={0}>
      <Title order={1} fz="lg" data-testid="team-name">{team?.name ?? 'Joining…'}</Title>
      {stateName && <Badge variant="outline" color="gray">{stateName}</Badge>}
      <Badge variant="light">Player{seat.name ? ` · ${seat.name}` : ''}</Badge>
    </Group>
  );
  return (
    <AppFrame
      title={title}
      status={
        <>
          <ExerciseClock clock={live.view.clock} status={live.view.status} serverOffset={live.serverOffset} />
          <ConnectionBadge state={live.connection} />
          <SoundToggle enabled={sound.enabled} onChange={sound.toggle} />
        </>
      }
    >
      {live.refusal && (
        <Alert color="red" title="Your seat in this exercise is no longer valid" mb="md" role="alert">
          {live.refusal.message}{' '}
          <Button component={Link} to="/join" size="xs" variant="white" ml="sm" onClick={() => sessions.leaveExercise()}>Join again</Button>
        </Alert>
      )}
      {detail.error && <Alert color="red" mb="md" role="alert">{describeError(detail.error)}</Alert>}
      {live.caughtUp && <CaughtUpBanner events={live.caughtUp.events} names={eventNamesOf(detail.data, live.view.injects)} onDismiss={() => live.actions.dismissCaughtUp()} />}
      {stage === 'paused' && <PausedBanner />}
      {stage === 'ended' && <EndedBanner token={seat.token} exerciseId={exerciseId} />}
      {!detail.data && !detail.error ? (
        <Group justify="center" p="xl"><Loader aria-label="Loading the exercise" /></Group>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="md">
              {prompts.length > 0 && detail.data && (
                <Stack gap="sm" component="section" aria-label="Open decisions">
                  {prompts.map((inject) => (
                    <DecisionPrompt
                      key={inject.injectId}
                      inject={inject}
                      catalogue={detail.data.catalogue}
                      targets={scenario?.targets ?? []}
                      clock={live.view.clock}
                      serverOffset={live.serverOffset}
                      disabled={live.view.status === 'ended'}
                      onSubmit={(input) => live.actions.submitDecision(input)}
                    />
                  ))}
                </Stack>
              )}
              {(stage === 'waiting' || stage === 'connecting') && (
                <WaitingOrConnecting stage={stage} scenario={scenario} team={team} stateName={stateName} />
              )}
              {detail.data && (stage === 'running' || stage === 'paused') && (
                <FreeDecision
                  catalogue={detail.data.catalogue}
                  targets={scenario?.targets ?? []}
                  unavailable={stage === 'paused' ? 'Decisions open again when exercise control resumes the exercise.' : undefined}
                  onSubmit={(input) => live.actions.submitDecision(input)}
                />
              )}
              {(live.view.injects.length > 0 || (stage !== 'waiting' && stage !== 'connecting')) && (
                <InjectFeed injects={live.view.injects} seenSeq={marks.feed} onSeen={markFeedSeen} live={live.connection === 'live'} />
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder p="sm" radius="sm" className="ttx-side-panel">
              <Tabs defaultValue="decisions" keepMounted={false}>
                <Tabs.List grow>
                  <Tabs.Tab value="decisions">Decision log</Tabs.Tab>
                  <Tabs.Tab value="channels" rightSection={channelUnread > 0 ? <Badge size="xs" color="red" circle aria-label={`${channelUnread} unread`}>{channelUnread}</Badge> : null}>
                    Channels
                  </Tabs.Tab>
                  <Tabs.Tab value="escalation">Escalation</Tabs.Tab>
                  <Tabs.Tab value="briefing">Briefing</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="decisions" pt="sm">
                  <DecisionLog
                    decisions={myDecisions}
                    catalogue={detail.data?.catalogue}
                    targets={scenario?.targets ?? []}
                    feedback={scenario?.feedback ?? 'immediate'}
                    outbox={live.outbox}
                    injectTitles={injectTitles}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="channels" pt="sm">
                  <ChannelPanel
                    channels={channels}
                    view={live.view}
                    teamNames={teamNames}
                    seen={marks.channels}
                    onSeen={onChannelSeen}
                    onSend={live.view.status === 'ended' ? undefined : (channelId, text, purpose) => live.actions.sendMessage(channelId, text, purpose)}
                    outbox={live.outbox}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="escalation" pt="sm">
                  <EscalationPanel view={live.view} states={scenario?.states ?? []} serverOffset={live.serverOffset} />
                </Tabs.Panel>
                <Tabs.Panel value="briefing" pt="sm">
                  <Stack gap="xs">
                    <Title order={3} fz="md">{scenario?.title}</Title>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{scenario?.summary}</Text>
                    <Text size="sm" fw={600}>Objectives</Text>
                    {scenario?.objectives.map((o) => <Text key={o.id} size="sm">• {o.title}</Text>)}
                  </Stack>
                </Tabs.Panel>
              </Tabs>
            </Paper>
          </Grid.Col>
        </Grid>
      )}
    </AppFrame>
  );
}
