// Exercise control: the clock and its commands, the MSEL, decisions as they come in, scores, escalation, traffic and
// re-scoring under another rule set.
import { Alert, Anchor, Button, Grid, Group, Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { mayIssue } from '@ttx/engine';
import { useCallback, useMemo, useState } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router-dom';
import { describeError } from '../../api/api-client.js';
import { exerciseApi } from '../../api/exercise-api.js';
import { useAccessCodes, useExercise, useReissueCodes, useScenario } from '../../api/queries.js';
import { AppFrame } from '../../app/AppFrame.js';
import { loginPathFor } from '../../app/return-path.js';
import { useSessions } from '../../app/session-context.js';
import { ChannelPanel } from '../../components/ChannelPanel.js';
import { ConnectionBadge } from '../../components/ConnectionBadge.js';
import { EscalationPanel } from '../../components/EscalationPanel.js';
import { ExerciseClock } from '../../components/ExerciseClock.js';
import { JoinCodes } from '../../components/JoinCodes.js';
import { Scoreboard } from '../../components/Scoreboard.js';
import { useServerNow } from '../../components/useNow.js';
import { useExerciseSocket } from '../../socket/useExerciseSocket.js';
import { AdHocInjectForm } from './AdHocInjectForm.js';
import { AdjustmentList } from './AdjustmentList.js';
import { ClockControls, RestartPauseNotice } from './ClockControls.js';
import { DecisionFeed } from './DecisionFeed.js';
import { MselTable } from './MselTable.js';
import { RescorePanel } from './RescorePanel.js';
import { inDueOrder } from './msel-rows.js';
import { ScoreAdjustForm } from './ScoreAdjustForm.js';
import { teamPlayRows } from './team-play.js';
import { TeamPlayPanel } from './TeamPlayPanel.js';
import { useControlCommand } from './useControlCommand.js';

export function ControlScreen() {
  const { exerciseId = '' } = useParams();
  const { sessions } = useSessions();
  const location = useLocation();
  const token = sessions.controller()?.token;
  const detail = useExercise(token, exerciseId);
  const scenario = useScenario(token, detail.data?.scenarioId);
  const codes = useAccessCodes(exerciseId);
  const reissue = useReissueCodes(token, exerciseId);
  const live = useExerciseSocket(exerciseId, token);
  const command = useControlCommand(exerciseId);
  const now = useServerNow(live.serverOffset, 1000);
  const [seenChannels, setSeenChannels] = useState<Record<string, number>>({});
  const onChannelSeen = useCallback((id: string, seq: number) => setSeenChannels((s) => ({ ...s, [id]: seq })), []);
  const teams = useMemo(() => detail.data?.teams ?? [], [detail.data]);
  const teamNames = useMemo(() => Object.fromEntries(teams.map((t) => [t.id, t.name])), [teams]);
  const briefing = detail.data?.scenario;
  const targetNames = Object.fromEntries((briefing?.targets ?? []).map((t) => [t.id, t.name]));
  const injectTitles = Object.fromEntries(live.view.injects.map((i) => [i.injectId, i.title]));
  const mselContext = useMemo(() => scenario.data && { scenario: scenario.data.scenario, catalogue: scenario.data.catalogue }, [scenario.data]);
  const rows = mselContext ? inDueOrder(live.view.msel.rows(mselContext, now)) : [];

  if (!token) return <Navigate to={loginPathFor(location)} replace />;
  const run = (action: (t: string) => Promise<unknown>) => command.mutate(() => action(token));
  const runAsync = (action: (t: string) => Promise<unknown>) => command.mutateAsync(() => action(token));
  const ended = live.view.status === 'ended';
  // The control screen is a controller's seat; the command table says whether that seat may mark teams.
  const canMarkPlayed = mayIssue('controller', 'team.mark-played');
  return (
    <AppFrame
      wide
      title={
        <Group gap="xs" miw={0} wrap="nowrap" align="baseline">
          <Anchor component={Link} to="/control" size="sm">Exercises</Anchor>
          <Text c="dimmed" aria-hidden>/</Text>
          <Title order={1} fz="lg" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>{detail.data?.name ?? live.view.name ?? 'Exercise'}</Title>
        </Group>
      }
      status={
        <>
          <ConnectionBadge state={live.connection} />
          <Button size="xs" variant="subtle" component={Link} to={`/facilitate/${encodeURIComponent(exerciseId)}`}>Facilitate</Button>
          <Button size="xs" variant="subtle" component={Link} to={`/review/${encodeURIComponent(exerciseId)}`}>Review</Button>
        </>
      }
    >
      <Stack gap="md">
        <Paper withBorder p="md" radius="sm">
          <Group justify="space-between" wrap="wrap" gap="md">
            <ExerciseClock clock={live.view.clock} status={live.view.status} serverOffset={live.serverOffset} duration={briefing?.duration} size="xl" />
            <ClockControls
              status={live.view.status}
              speed={live.view.clock.speed}
              busy={command.isPending}
              onClock={(c) => run((t) => exerciseApi.runClock(t, exerciseId, c))}
              onSpeed={(s) => run((t) => exerciseApi.changeSpeed(t, exerciseId, s))}
            />
          </Group>
          {live.view.status === 'paused' && live.view.pauseCause && <RestartPauseNotice cause={live.view.pauseCause} pausedAt={live.view.clock.anchorWall} />}
          {command.error && <Alert color="red" mt="sm" role="alert" withCloseButton onClose={() => command.reset()}>{describeError(command.error)}</Alert>}
          {live.refusal && <Alert color="red" mt="sm" role="alert">{live.refusal.message}</Alert>}
          {detail.error && <Alert color="red" mt="sm" role="alert">{describeError(detail.error)}</Alert>}
        </Paper>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Paper withBorder p="sm" radius="sm">
              <Tabs defaultValue="msel" keepMounted={false}>
                <Tabs.List>
                  <Tabs.Tab value="msel">MSEL timeline</Tabs.Tab>
                  <Tabs.Tab value="adhoc">Ad-hoc inject</Tabs.Tab>
                  <Tabs.Tab value="traffic">Channel traffic ({live.view.messages.length})</Tabs.Tab>
                  <Tabs.Tab value="codes">Join codes</Tabs.Tab>
                  <Tabs.Tab value="rescore">Re-score</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="msel" pt="sm">
                  {scenario.isLoading || !scenario.data ? (
                    scenario.error ? <Alert color="red">{describeError(scenario.error)}</Alert> : <Loader aria-label="Loading the MSEL" />
                  ) : (
                    <MselTable
                      rows={rows}
                      teamNames={teamNames}
                      busy={command.isPending}
                      ended={ended}
                      onCommand={(injectId, c) => run((t) => exerciseApi.commandInject(t, exerciseId, injectId, c))}
                      onEdit={(injectId, changes) => run((t) => exerciseApi.editInject(t, exerciseId, injectId, { changes }))}
                    />
                  )}
                </Tabs.Panel>
                <Tabs.Panel value="adhoc" pt="sm">
                  <AdHocInjectForm teams={teams} disabled={ended} onSend={(inject) => runAsync((t) => exerciseApi.adHocInject(t, exerciseId, inject))} />
                </Tabs.Panel>
                <Tabs.Panel value="traffic" pt="sm">
                  <ChannelPanel
                    channels={briefing?.channels ?? []}
                    view={live.view}
                    teamNames={teamNames}
                    seen={seenChannels}
                    onSeen={onChannelSeen}
                    onSend={ended ? undefined : (channelId, text, purpose) => live.actions.sendMessage(channelId, text, purpose)}
                    outbox={live.outbox}
                  />
                </Tabs.Panel>
                <Tabs.Panel value="codes" pt="sm">
                  {codes.data ? (
                    <JoinCodes codes={codes.data} teamNames={teamNames} />
                  ) : (
                    <Stack gap="xs" align="flex-start">
                      <Text size="sm" c="dimmed">The server shows join codes once, when the exercise is created. Issue new ones if they are lost: the old codes stop working.</Text>
                      <Button variant="light" onClick={() => reissue.mutate()} loading={reissue.isPending}>Issue new join codes</Button>
                      {reissue.error && <Alert color="red" role="alert">{describeError(reissue.error)}</Alert>}
                    </Stack>
                  )}
                </Tabs.Panel>
                <Tabs.Panel value="rescore" pt="sm">
                  <RescorePanel token={token} exerciseId={exerciseId} />
                </Tabs.Panel>
              </Tabs>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby="feed-heading">
              <Title order={2} fz="md" mb="xs" id="feed-heading">Decisions ({live.view.decisions.length})</Title>
              <DecisionFeed decisions={live.view.decisions} catalogue={detail.data?.catalogue} teamNames={teamNames} targetNames={targetNames} injectTitles={injectTitles} />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby="score-heading">
              <Stack gap="sm">
                <Title order={2} fz="md" id="score-heading">Scoreboard</Title>
                <Scoreboard view={live.view} teams={teams} />
                <ScoreAdjustForm teams={teams} disabled={false} onAdjust={(body) => runAsync((t) => exerciseApi.adjustScore(t, exerciseId, body))} />
                <AdjustmentList adjustments={live.view.adjustments} teamNames={teamNames} />
                {canMarkPlayed && (
                  <TeamPlayPanel
                    rows={teamPlayRows(teams, live.view.scores)}
                    disabled={ended || command.isPending}
                    onMark={(teamId, body) => runAsync((t) => exerciseApi.markTeamPlayed(t, exerciseId, teamId, body))}
                  />
                )}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Paper withBorder p="sm" radius="sm">
              <EscalationPanel view={live.view} states={briefing?.states ?? []} serverOffset={live.serverOffset} />
            </Paper>
          </Grid.Col>
        </Grid>
      </Stack>
    </AppFrame>
  );
}
