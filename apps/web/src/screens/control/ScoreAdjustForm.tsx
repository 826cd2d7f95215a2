// A controller's score adjustment: a team, a dimension, a signed amount and the reason the AAR will show.
import { Alert, Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { LIMITS, type ScoreAdjustmentRequest } from '@ttx/contracts';
import { DIMENSIONS, type Dimension } from '@ttx/scenario';
import { useState, type FormEvent } from 'react';
import { onlySpacesError, saysNothing } from '../../components/blank-text.js';
import { humanize } from '../../exercise/labels.js';

const MAX_POINTS = LIMITS.scoreDelta;
const POINTS_TEXT = MAX_POINTS.toLocaleString('en-GB');

export function ScoreAdjustForm(props: { teams: readonly { id: string; name: string }[]; disabled: boolean; onAdjust: (body: ScoreAdjustmentRequest) => Promise<unknown> }) {
  const [teamId, setTeamId] = useState(props.teams[0]?.id ?? '');
  const [dimension, setDimension] = useState<Dimension>('restraint');
  const [delta, setDelta] = useState<number | string>(0);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amount = Number(delta);
    if (delta === '' || !Number.isInteger(amount) || amount === 0 || Math.abs(amount) > MAX_POINTS)
      return setProblem(`Adjust by a whole number of points other than 0, from -${POINTS_TEXT} to ${POINTS_TEXT}.`);
    if (saysNothing(reason)) return setProblem('Give the reason for the adjustment: it is shown in the after-action review.');
    setProblem(undefined);
    try {
      await props.onAdjust({ teamId: teamId || props.teams[0]?.id, dimension, delta: amount, reason: reason.trim() });
      setDelta(0);
      setReason('');
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The adjustment was not recorded.');
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="adjust-heading">
      <Stack gap="xs">
        <Title order={3} fz="md" id="adjust-heading">Adjust a score</Title>
        {/* One field a line on a phone, so team and dimension names are read whole. */}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <NativeSelect label="Team" value={teamId} onChange={(e) => setTeamId(e.currentTarget.value)} data={props.teams.map((t) => ({ value: t.id, label: t.name }))} />
          <NativeSelect label="Dimension" value={dimension} onChange={(e) => setDimension(e.currentTarget.value as Dimension)} data={DIMENSIONS.map((d) => ({ value: d, label: humanize(d) }))} />
          <NumberInput label="Points (±)" value={delta} onChange={setDelta} allowDecimal={false} min={-MAX_POINTS} max={MAX_POINTS} clampBehavior="strict" />
        </SimpleGrid>
        <TextInput label="Reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={LIMITS.reasonLength} error={onlySpacesError(reason, 'A reason needs words: spaces alone are not recorded.')} description="Recorded with the adjustment and shown in the after-action review." />
        {problem && <Alert color="red" role="alert">{problem}</Alert>}
        <Group justify="flex-end"><Button type="submit" variant="light" disabled={props.disabled || saysNothing(reason)}>Record adjustment</Button></Group>
      </Stack>
    </form>
  );
}
