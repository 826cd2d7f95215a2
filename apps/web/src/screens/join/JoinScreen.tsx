// Joining with a code: players land on their team's screen, facilitators and observers on the facilitation view.
import { Alert, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { LIMITS } from '@ttx/contracts';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { describeError } from '../../api/api-client.js';
import { exerciseApi } from '../../api/exercise-api.js';
import { AppFrame } from '../../app/AppFrame.js';
import { useSessions } from '../../app/session-context.js';
import { onlySpacesError, saysNothing } from '../../components/blank-text.js';

export function JoinScreen() {
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [name, setName] = useState('');
  const { sessions, changed } = useSessions();
  const navigate = useNavigate();
  const join = useMutation({
    mutationFn: () => exerciseApi.join({ code: code.trim(), ...(name.trim() ? { name: name.trim() } : {}) }),
    onSuccess: (seat) => {
      sessions.saveParticipant({ ...seat, name: name.trim() || undefined });
      changed();
      navigate(seat.role === 'player' ? '/play' : `/facilitate/${encodeURIComponent(seat.exerciseId)}`);
    },
  });
  // The name may be left empty (players then join as "player"), but a name of only spaces is refused like the server does.
  const nameProblem = onlySpacesError(name, 'A name needs letters, not only spaces; or leave it empty.');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!saysNothing(code) && !nameProblem) join.mutate();
  };
  return (
    <AppFrame title="Join an exercise">
      <Center mih="70vh">
        <Paper withBorder p="xl" radius="md" w="100%" maw={440}>
          <form onSubmit={submit}>
            <Stack>
              <Title order={2} fz="xl">Join an exercise</Title>
              <Text size="sm" c="dimmed">Enter the code exercise control gave your team (or scan its QR code).</Text>
              <TextInput
                label="Join code"
                required
                autoComplete="off"
                autoFocus
                maxLength={LIMITS.codeLength}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.05em' } }}
              />
              <TextInput
                label="Your name"
                description="Shown to exercise control and your team."
                autoComplete="nickname"
                maxLength={LIMITS.participantLength}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={nameProblem}
              />
              {join.error && <Alert color="red" role="alert">{describeError(join.error)}</Alert>}
              <Button type="submit" loading={join.isPending} disabled={saysNothing(code) || nameProblem !== undefined}>Join</Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </AppFrame>
  );
}
