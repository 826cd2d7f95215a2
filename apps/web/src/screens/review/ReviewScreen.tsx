// The after-action review of one exercise, "as of now" while it runs, with the downloadable renderings.
import { Alert, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { describeError } from '../../api/api-client.js';
import { AppFrame } from '../../app/AppFrame.js';
import { useSessions } from '../../app/session-context.js';
import { useAarReport } from '../facilitate/useAarReport.js';
import { downloadReport, type ReportFormat } from './report-download.js';
import { ReviewEscalation } from './ReviewEscalation.js';
import { ReviewEvaluation } from './ReviewEvaluation.js';
import { ReviewFromLog } from './ReviewFromLog.js';
import { ReviewOverview } from './ReviewOverview.js';
import { ReviewTeams } from './ReviewTeams.js';
import { ReviewTimeline } from './ReviewTimeline.js';

const FORMATS: { format: ReportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF' },
  { format: 'html', label: 'HTML' },
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
];

export function ReviewScreen() {
  const { exerciseId = '' } = useParams();
  const { sessions } = useSessions();
  const token = sessions.tokenFor(exerciseId);
  const role = sessions.roleFor(exerciseId);
  const report = useAarReport(token, exerciseId, 0);
  const [downloadError, setDownloadError] = useState<string>();
  const model = report.data;
  const back = role === 'controller' ? `/control/${encodeURIComponent(exerciseId)}` : role === 'player' ? '/play' : `/facilitate/${encodeURIComponent(exerciseId)}`;
  const download = (format: ReportFormat) => {
    if (!token) return;
    setDownloadError(undefined);
    downloadReport(token, exerciseId, format).catch((error: unknown) => setDownloadError(describeError(error)));
  };
  return (
    <AppFrame
      title={<Title order={1} fz="lg" lineClamp={1}>After-action review{model ? ` — ${model.overview.name}` : ''}</Title>}
      status={
        <Group gap={6} wrap="wrap">
          <Button size="xs" variant="subtle" component={Link} to={back}>Back</Button>
          <Button size="xs" variant="light" onClick={() => void report.refetch()} loading={report.isFetching}>Refresh</Button>
          {FORMATS.map(({ format, label }) => (
            <Button key={format} size="xs" variant="outline" onClick={() => download(format)} aria-label={`Download the review as ${label}`}>{label}</Button>
          ))}
        </Group>
      }
    >
      {!token && <Alert color="yellow" role="alert">Log in or join the exercise to read its review.</Alert>}
      {report.error && (
        <Alert color="yellow" role="status" mb="md" title="The full after-action review is not available">
          {describeError(report.error)} Below is the summary this browser builds from the event log; the report with
          strengths, areas for improvement, the improvement plan and the downloads comes from the server.
        </Alert>
      )}
      {report.error && token && <ReviewFromLog token={token} exerciseId={exerciseId} />}
      {downloadError && <Alert color="red" role="alert" mb="md">{downloadError}</Alert>}
      {report.isLoading && <Group justify="center" p="xl"><Loader aria-label="Building the review" /></Group>}
      {model && (
        <Stack gap="md">
          <ReviewOverview model={model} />
          <ReviewTeams model={model} />
          <ReviewEscalation model={model} />
          <ReviewEvaluation model={model} />
          <ReviewTimeline model={model} />
        </Stack>
      )}
    </AppFrame>
  );
}
