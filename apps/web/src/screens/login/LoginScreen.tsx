// Exercise controllers log in with their account.
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { describeError } from '../../api/api-client.js';
import { exerciseApi } from '../../api/exercise-api.js';
import { AppFrame } from '../../app/AppFrame.js';
import { safeReturnPath } from '../../app/return-path.js';
import { useSessions } from '../../app/session-context.js';

export function LoginScreen() {
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const { sessions, changed } = useSessions();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // Back to the page that sent the visitor here, if it is one of ours; else the exercise list.
  const next = safeReturnPath(params.get('next'));
  const login = useMutation({
    mutationFn: () => exerciseApi.login({ username: username.trim(), password }),
    onSuccess: (account) => {
      sessions.saveController({ token: account.token, username: account.username, expiresAt: account.expiresAt });
      changed();
      navigate(next, { replace: true });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate();
  };
  return (
    <AppFrame title="Exercise control">
      <Center mih="70vh">
        <Paper withBorder p="xl" radius="md" w="100%" maw={440}>
          <form onSubmit={submit}>
            <Stack>
              <Title order={2} fz="xl">Controller login</Title>
              <Text size="sm" c="dimmed">Controllers create and run exercises. Teams join with a code instead.</Text>
              <TextInput label="User name" required autoComplete="username" value={username} onChange={(e) => setUsername(e.currentTarget.value)} />
              <PasswordInput label="Password" required autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
              {login.error && <Alert color="red" role="alert">{describeError(login.error)}</Alert>}
              <Button type="submit" loading={login.isPending}>Log in</Button>
              <Text size="sm" c="dimmed">
                Have a join code? <Anchor component={Link} to="/join">Join an exercise</Anchor>
              </Text>
            </Stack>
          </form>
        </Paper>
      </Center>
    </AppFrame>
  );
}
