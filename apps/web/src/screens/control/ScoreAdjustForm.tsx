// A controller's score adjustment: a team, a dimension, a signed amount and the reason the AAR will show.
import { Alert, Button, Group, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { ScoreAdjustmentRequest } from '@ttx/contracts';
import { DIMENSIONS, type Dimension } from '@ttx/scenario';
import { useState, type FormEvent } from 'react';
import { humanize } from '../../exercise/labels.js';

export function ScoreAdjustForm(props: { teams: readonly { id: string; name: string }[]; disabled: boolean; onAdjust: (body: ScoreAdjustmentRequest) => Promise<unknown> }) {
  const [teamId, setTeamId] = useState(props.teams[0]?.id ?? '');
  const [dimension, setDimension] = useState<Dimension>('restraint');
  const [delta, setDelta] = useState<number | string>(0);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amount = Number(delta);
    if (!Number.isInteger(amount) || amount === 0) return setProblem('Adjust by a whole number other than 0.');
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
          <NumberInput label="Points (±)" value={delta} onChange={setDelta} allowDecimal={false} min={-1000} max={1000} />
        </SimpleGrid>
        <TextInput label="Reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} description="Recorded with the adjustment and shown in the after-action review." />
        {problem && <Alert color="red" role="alert">{problem}</Alert>}
        <Group justify="flex-end"><Button type="submit" variant="light" disabled={props.disabled || !reason.trim()}>Record adjustment</Button></Group>
      </Stack>
    </form>
  );
}
