// Per team: mark it not played (nobody plays it, so it gets no findings) or played again, with an optional reason.
import { Alert, Badge, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { LIMITS, type TeamPlayedRequest } from '@ttx/contracts';
import { useState } from 'react';
import { onlySpacesError } from '../../components/blank-text.js';
import { playMarkRequest, type TeamPlayRow } from './team-play.js';

function TeamPlayLine(props: { row: TeamPlayRow; disabled: boolean; onMark: (body: TeamPlayedRequest) => Promise<unknown> }) {
  const { row } = props;
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const mark = async () => {
    const request = playMarkRequest(row, reason);
    if (!request.ok) return setProblem(request.problem);
    setProblem(undefined);
    try {
      await props.onMark(request.body);
      setReason('');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The mark was not recorded.');
    }
  };
  return (
    <Stack gap={4} data-testid={`team-play-${row.teamId}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap" miw={0}>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>{row.name}</Text>
          {!row.played && <Badge color="gray" variant="light">not played</Badge>}
        </Group>
        <Button size="xs" variant="light" color={row.played ? 'gray' : 'teal'} disabled={props.disabled} onClick={() => void mark()}>
          {row.played ? 'Mark not played' : 'Mark played again'}
        </Button>
      </Group>
      {!row.played && row.reason !== undefined && <Text size="xs" c="dimmed">{row.reason}</Text>}
      <TextInput
        size="xs"
        aria-label={`Reason for ${row.name}`}
        placeholder={row.played ? 'Reason (optional): e.g. nobody came' : 'Reason (optional): e.g. arrived late'}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={LIMITS.reasonLength}
        error={onlySpacesError(reason, 'A reason needs words: spaces alone are not recorded.')}
      />
      {problem && <Alert color="red" role="alert">{problem}</Alert>}
    </Stack>
  );
}

export function TeamPlayPanel(props: { rows: readonly TeamPlayRow[]; disabled: boolean; onMark: (teamId: string, body: TeamPlayedRequest) => Promise<unknown> }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="team-play-heading">
      <Title order={3} fz="md" id="team-play-heading">Teams played</Title>
      <Text size="xs" c="dimmed">A team nobody plays gets no findings while it is marked not played, and the review says it was not played.</Text>
      {props.rows.map((row) => (
        <TeamPlayLine key={row.teamId} row={row} disabled={props.disabled} onMark={(body) => props.onMark(row.teamId, body)} />
      ))}
    </Stack>
  );
}
