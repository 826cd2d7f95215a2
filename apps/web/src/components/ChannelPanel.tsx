// Team chat, the inter-state hotline and the CERT-to-CERT network: one tab per channel open to the reader.
import { Badge, Button, Group, NativeSelect, Paper, ScrollArea, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { LIMITS } from '@ttx/contracts';
import type { ChannelDef, MessagePurpose } from '@ttx/scenario';
import { useEffect, useState, type FormEvent } from 'react';
import { formatClock } from '../exercise/exercise-clock.js';
import { onlySpacesError, saysNothing } from './blank-text.js';
import type { MessageView } from '../exercise/exercise-view.js';
import { CHANNEL_KIND_LABEL } from '../exercise/labels.js';
import { composerPurposes, keptPurpose, PURPOSE_LABEL } from '../exercise/message-purposes.js';
import type { Outbox } from '../exercise/outbox.js';
import { countUnread, messagesIn } from '../exercise/player-feed.js';
import type { ExerciseView } from '../exercise/exercise-view.js';

export interface ChannelPanelProps {
  channels: readonly ChannelDef[];
  view: ExerciseView;
  teamNames: Record<string, string>;
  seen: Record<string, number>;
  onSeen: (channelId: string, seq: number) => void;
  onSend?: (channelId: string, text: string, purpose?: MessagePurpose) => void;
  outbox: Outbox;
}

function MessageLine({ message, teamNames }: { message: MessageView; teamNames: Record<string, string> }) {
  const who = message.teamId ? (teamNames[message.teamId] ?? message.teamId) : 'Exercise control';
  return (
    <Paper p="xs" withBorder radius="sm" data-testid="channel-message">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={700}>
          {who}
          {message.sender ? <Text span c="dimmed" fw={400} size="sm"> · {message.sender}</Text> : null}
        </Text>
        <Group gap={6}>
          {message.purpose ? (
            <Badge size="xs" variant="light" data-testid="message-purpose">{PURPOSE_LABEL[message.purpose]}</Badge>
          ) : null}
          <Text size="xs" c="dimmed" className="ttx-clock">T+{formatClock(message.exerciseTime)}</Text>
        </Group>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message.text}</Text>
    </Paper>
  );
}

function ChannelThread(props: ChannelPanelProps & { channel: ChannelDef; active: boolean }) {
  const { channel, view, onSeen, active } = props;
  const messages = messagesIn(view, channel.id);
  const lastSeq = messages.length ? messages[messages.length - 1].seq : 0;
  const [draft, setDraft] = useState('');
  const [purpose, setPurpose] = useState('');
  const purposes = composerPurposes(channel);
  useEffect(() => {
    if (active && lastSeq > (props.seen[channel.id] ?? 0)) onSeen(channel.id, lastSeq);
  }, [active, lastSeq, channel.id, onSeen, props.seen]);
  const pending = props.outbox.filter(
    (item) => item.name === 'message.send' && (item.payload as { channelId: string }).channelId === channel.id && item.status !== 'acknowledged',
  );
  const send = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (saysNothing(text) || !props.onSend) return;
    props.onSend(channel.id, text, keptPurpose(channel, purpose));
    setDraft('');
    setPurpose('');
  };
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {CHANNEL_KIND_LABEL[channel.kind]} · members: {channel.members.map((m) => props.teamNames[m] ?? m).join(', ')}
      </Text>
      <ScrollArea.Autosize mah={420} type="auto">
        <Stack gap={6} aria-live="polite">
          {messages.length === 0 && <Text size="sm" c="dimmed">No traffic on this channel yet.</Text>}
          {messages.map((message) => <MessageLine key={message.seq} message={message} teamNames={props.teamNames} />)}
          {pending.map((item) => (
            <Paper key={item.clientId} p="xs" withBorder radius="sm" opacity={0.7}>
              {(item.payload as { purpose?: MessagePurpose }).purpose ? (
                <Badge size="xs" variant="light">{PURPOSE_LABEL[(item.payload as { purpose: MessagePurpose }).purpose]}</Badge>
              ) : null}
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{(item.payload as { text: string }).text}</Text>
              <Text size="xs" c={item.status === 'refused' ? 'red.4' : 'dimmed'}>
                {item.status === 'refused' ? `Not sent: ${item.error?.message}` : item.status === 'waiting' ? 'Queued — sends when reconnected' : 'Sending…'}
              </Text>
            </Paper>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      {props.onSend && (
        <form onSubmit={send}>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            {purposes.length > 0 && (
              <NativeSelect
                label="Purpose"
                value={purpose}
                onChange={(e) => setPurpose(e.currentTarget.value)}
                data={[{ value: '', label: 'None' }, ...purposes]}
              />
            )}
            <Textarea
              label={`Message on ${channel.name}`}
              placeholder="Type a message"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) send(e);
              }}
              autosize
              minRows={1}
              maxRows={4}
              maxLength={LIMITS.messageLength}
              error={onlySpacesError(draft, 'A message needs words: spaces alone are not sent.')}
              style={{ flex: 1 }}
            />
            <Button type="submit" disabled={saysNothing(draft)}>Send</Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

export function ChannelPanel(props: ChannelPanelProps) {
  const [active, setActive] = useState<string | null>(props.channels[0]?.id ?? null);
  if (props.channels.length === 0) return <Text size="sm" c="dimmed">The scenario opens no channels to you.</Text>;
  return (
    <Tabs value={active} onChange={setActive} keepMounted={false} variant="outline">
      <Tabs.List>
        {props.channels.map((channel) => {
          const unread = countUnread(messagesIn(props.view, channel.id), props.seen[channel.id] ?? 0);
          return (
            <Tabs.Tab
              key={channel.id}
              value={channel.id}
              rightSection={unread > 0 && active !== channel.id ? <Badge size="xs" color="red" circle aria-label={`${unread} unread`}>{unread}</Badge> : null}
            >
              {channel.name}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      {props.channels.map((channel) => (
        <Tabs.Panel key={channel.id} value={channel.id} pt="sm">
          <ChannelThread {...props} channel={channel} active={active === channel.id} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
