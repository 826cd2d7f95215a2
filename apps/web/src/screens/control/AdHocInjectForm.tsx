// An inject the MSEL did not plan: written by the controller and released at once to the chosen teams.
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { LIMITS, type AdHocInjectRequest } from '@ttx/contracts';
import { INJECT_CHANNELS, SEVERITIES, type InjectChannel } from '@ttx/scenario';
import { useState, type FormEvent } from 'react';
import { onlySpacesError, saysNothing } from '../../components/blank-text.js';
import { INJECT_CHANNEL_LABEL } from '../../exercise/labels.js';

export function AdHocInjectForm(props: { teams: readonly { id: string; name: string }[]; disabled: boolean; onSend: (inject: AdHocInjectRequest) => Promise<unknown> }) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [from, setFrom] = useState('');
  const [channel, setChannel] = useState<InjectChannel>('email');
  const [severity, setSeverity] = useState('SEV-2');
  const [audience, setAudience] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();
  const [sent, setSent] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saysNothing(title) || saysNothing(body)) return setProblem('Give the inject a title and a body.');
    if (audience.length === 0) return setProblem('Choose at least one team.');
    setProblem(undefined);
    try {
      await props.onSend({ title: title.trim(), body, channel, severity, audience, ...(from.trim() ? { from: from.trim() } : {}) });
      setTitle('');
      setBody('');
      setSent(true);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The inject was not sent. Try again.');
    }
  };
  return (
    <form onSubmit={submit} aria-labelledby="adhoc-heading">
      <Stack gap="sm">
        <Title order={3} fz="md" id="adhoc-heading">Ad-hoc inject</Title>
        <Group grow wrap="wrap">
          <NativeSelect label="Channel" value={channel} onChange={(e) => setChannel(e.currentTarget.value as InjectChannel)} data={INJECT_CHANNELS.map((c) => ({ value: c, label: INJECT_CHANNEL_LABEL[c] }))} />
          <NativeSelect label="Severity" value={severity} onChange={(e) => setSeverity(e.currentTarget.value)} data={[...SEVERITIES]} />
          <TextInput label="From" placeholder="e.g. Ministry of Foreign Affairs" value={from} onChange={(e) => setFrom(e.currentTarget.value)} maxLength={LIMITS.titleLength} />
        </Group>
        <TextInput label="Title" required value={title} onChange={(e) => { setTitle(e.currentTarget.value); setSent(false); }} maxLength={LIMITS.titleLength} error={onlySpacesError(title, 'A title needs words, not only spaces.')} />
        <Textarea label="Body (Markdown)" required value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={4} maxRows={12} maxLength={LIMITS.injectBodyLength} error={onlySpacesError(body, 'A body needs words, not only spaces.')} />
        <Checkbox.Group label="Audience" value={audience} onChange={setAudience} required>
          <Group gap="md" mt={6}>
            {props.teams.map((team) => <Checkbox key={team.id} value={team.id} label={team.name} />)}
          </Group>
        </Checkbox.Group>
        {problem && <Alert color="red" role="alert">{problem}</Alert>}
        {sent && <Alert color="teal" role="status">Inject released.</Alert>}
        <Group justify="flex-end">
          <Button type="submit" disabled={props.disabled || saysNothing(title) || saysNothing(body)}>Release ad-hoc inject</Button>
        </Group>
      </Stack>
    </form>
  );
}
