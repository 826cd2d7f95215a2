// The after-action review of one exercise ("as of now" while it runs) from the server's report endpoint: staff see
// the whole review and facilitators and controllers edit its improvement plan, which their live link keeps current;
// a player sees its team's debrief.
import { Alert, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { mayIssue } from '@ttx/engine';
import { useState } from 'react';
import { Link, Navigate, useLocation, useParams } from 'react-router-dom';
import { ApiError, describeError } from '../../api/api-client.js';
import { AppFrame } from '../../app/AppFrame.js';
import { loginPathFor } from '../../app/return-path.js';
import { useSessions } from '../../app/session-context.js';
import { ConnectionBadge } from '../../components/ConnectionBadge.js';
import { useExerciseSocket } from '../../socket/useExerciseSocket.js';
import { ImprovementPlan } from './ImprovementPlan.js';
import { downloadReport, type ReportFile } from './report-download.js';
import { ReviewAppendix } from './ReviewAppendix.js';
import { ReviewContents } from './ReviewContents.js';
import { ReviewDecisions } from './ReviewDecisions.js';
import { ReviewDownloads } from './ReviewDownloads.js';
import { ReviewEscalation } from './ReviewEscalation.js';
import { ReviewJudgements } from './ReviewJudgements.js';
import { ReviewObjectives } from './ReviewObjectives.js';
import { ReviewOverview } from './ReviewOverview.js';
import { ReviewTeams } from './ReviewTeams.js';
import { ReviewTimeline } from './ReviewTimeline.js';
import { useHeldReview } from './useReview.js';

function backLink(role: string | undefined, exerciseId: string): string {
  const id = encodeURIComponent(exerciseId);
  return role === 'controller' ? `/control/${id}` : role === 'player' ? '/play' : `/facilitate/${id}`;
}

export function ReviewScreen() {
  const { exerciseId = '' } = useParams();
  const { sessions } = useSessions();
  const location = useLocation();
  const token = sessions.tokenFor(exerciseId);
  const role = sessions.roleFor(exerciseId);
  const canEdit = role !== undefined && mayIssue(role, 'improvement.edit');
  // Editors keep a live link: edits go out on it and come back as events applied to the review held here.
  const live = useExerciseSocket(canEdit ? exerciseId : undefined, canEdit ? token : undefined);
  const report = useHeldReview(token, exerciseId, live.log.events);
  const [download, setDownload] = useState<{ busy: boolean; error?: string; saved?: string }>({ busy: false });
  const { model, newer } = report;
  const save = (file: ReportFile) => {
    if (!token) return;
    setDownload({ busy: true });
    downloadReport(token, exerciseId, file).then(
      (saved) => setDownload({ busy: false, saved }),
      (error: unknown) => setDownload({ busy: false, error: describeError(error) }),
    );
  };
  const debrief = model?.audience.kind === 'team';
  const refused = report.error instanceof ApiError && report.error.status === 403;
  if (!token) return <Navigate to={loginPathFor(location)} replace />;
  return (
    <AppFrame
      title={
        <Group gap="xs" wrap="wrap" miw={0}>
          <Title order={1} fz="lg" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>{debrief ? 'Team debrief' : 'After-action review'}{model ? ` — ${model.overview.name}` : ''}</Title>
          {model && !model.asOf.final && <Badge color="teal" variant="light">As of now</Badge>}
          {newer > 0 && <Text size="xs" c="dimmed" data-testid="review-newer">{newer === 1 ? '1 newer event' : `${newer} newer events`}: refresh to include {newer === 1 ? 'it' : 'them'}</Text>}
        </Group>
      }
      status={
        <Group gap={6} wrap="wrap">
          {canEdit && <ConnectionBadge state={live.connection} />}
          <Button size="xs" variant="subtle" component={Link} to={backLink(role, exerciseId)}>Back</Button>
          <Button size="xs" variant="light" onClick={() => void report.refetch()} loading={report.isFetching}>Refresh</Button>
          {model && <ReviewDownloads onDownload={save} busy={download.busy} />}
        </Group>
      }
    >
      {report.error && (
        <Alert color={refused ? 'yellow' : 'red'} role="alert" mb="md" title={refused ? 'This review is not open to you' : 'The review could not be built'}>
          {describeError(report.error)}
          {!refused && <Button size="xs" variant="white" ml="sm" onClick={() => void report.refetch()}>Try again</Button>}
        </Alert>
      )}
      {download.error && <Alert color="red" role="alert" mb="md" withCloseButton onClose={() => setDownload({ busy: false })}>{download.error}</Alert>}
      {download.saved && <Alert color="teal" role="status" mb="md" withCloseButton onClose={() => setDownload({ busy: false })}>Saved {download.saved}.</Alert>}
      {report.isLoading && <Group justify="center" p="xl"><Loader aria-label="Building the review" /></Group>}
      {model && (
        <Stack gap="md" data-testid="review">
          <ReviewContents />
          <ReviewOverview model={model} />
          <ReviewTeams model={model} />
          <ReviewEscalation model={model} />
          <ReviewObjectives model={model} />
          <ReviewJudgements model={model} />
          <ImprovementPlan model={model} outbox={live.outbox} onEdit={canEdit ? (itemId, changes) => live.actions.editImprovement(itemId, changes) : undefined} />
          <ReviewDecisions model={model} />
          <ReviewTimeline model={model} />
          <ReviewAppendix model={model} />
        </Stack>
      )}
    </AppFrame>
  );
}
