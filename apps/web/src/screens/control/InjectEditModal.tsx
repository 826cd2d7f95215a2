// Edit an inject before its release: title, body, severity and due time.
import { Button, Group, Modal, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { LIMITS, type InjectEditRequest } from '@ttx/contracts';
import { formatOffset, parseOffset, SEVERITIES } from '@ttx/scenario';
import { useState, type FormEvent } from 'react';
import { saysNothing } from '../../components/blank-text.js';
import type { MselRow } from './msel-rows.js';

export function InjectEditModal(props: { row: MselRow; onClose: () => void; onSave: (changes: InjectEditRequest['changes']) => void }) {
  const { row } = props;
  const [title, setTitle] = useState(row.title);
  const [body, setBody] = useState(row.body);
  const [severity, setSeverity] = useState(row.severity);
  const [due, setDue] = useState(row.dueAt !== undefined ? formatOffset(row.dueAt) : '');
  const [problem, setProblem] = useState<string>();
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (saysNothing(title) || saysNothing(body)) return;
    const changes: InjectEditRequest['changes'] = {};
    if (title !== row.title) changes.title = title;
    if (body !== row.body) changes.body = body;
    if (severity !== row.severity) changes.severity = severity;
    if (due && (row.dueAt === undefined || due !== formatOffset(row.dueAt))) {
      try {
        changes.at = parseOffset(due);
      } catch {
        return setProblem('Write the due time as hours:minutes[:seconds], for example 00:45 or 01:30:00.');
      }
    }
    if (Object.keys(changes).length === 0) return props.onClose();
    props.onSave(changes);
  };
  return (
    <Modal opened onClose={props.onClose} title={`Edit inject ${row.injectId} before release`} size="lg">
      <form onSubmit={save}>
        <Stack>
          <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={LIMITS.titleLength} error={saysNothing(title) ? 'An inject needs a title.' : undefined} />
          <Textarea label="Body (Markdown)" value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={5} maxRows={16} required maxLength={LIMITS.injectBodyLength} error={saysNothing(body) ? 'An inject needs a body.' : undefined} />
          <Group grow>
            <NativeSelect label="Severity" value={severity} onChange={(e) => setSeverity(e.currentTarget.value)} data={[...SEVERITIES]} />
            <TextInput label="Due at (exercise time)" value={due} onChange={(e) => setDue(e.currentTarget.value)} placeholder="00:45:00" error={problem} />
          </Group>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={props.onClose}>Cancel</Button>
            <Button type="submit" disabled={saysNothing(title) || saysNothing(body)}>Save changes</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
