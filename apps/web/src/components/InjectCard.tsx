// One released inject, dressed as the medium it arrives through: an intelligence report, a news article, an email,
// a CERT advisory, a hotline call or a social media post.
import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { InjectChannel } from '@ttx/scenario';
import { formatClock } from '../exercise/exercise-clock.js';
import type { InjectView } from '../exercise/exercise-view.js';
import { humanize, INJECT_CHANNEL_COLOR, INJECT_CHANNEL_LABEL, severityColor } from '../exercise/labels.js';
import { SafeMarkdown } from './SafeMarkdown.js';

const CHANNEL_MARK: Record<InjectChannel, string> = {
  intelligence: 'INTEL',
  news: 'NEWS',
  email: 'MAIL',
  'cert-advisory': 'CERT',
  'hotline-call': 'CALL',
  'social-media': 'POST',
};

function ChannelHeader({ inject }: { inject: InjectView }) {
  switch (inject.channel) {
    case 'email':
      return (
        <Box fz="sm" style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>
          <Text size="sm" c="dimmed">From: {inject.from ?? 'unknown sender'}</Text>
          <Text size="sm" fw={600}>Subject: {inject.title}</Text>
        </Box>
      );
    case 'news':
      return (
        <Stack gap={2}>
          {inject.from && <Text size="xs" tt="uppercase" c="dimmed" fw={700}>{inject.from}</Text>}
          <Text className="ttx-news-headline" fz="xl" fw={700} lh={1.2}>{inject.title}</Text>
        </Stack>
      );
    case 'social-media':
      return (
        <Stack gap={0}>
          <Text fw={700}>{inject.from ?? '@unknown'}</Text>
          <Text size="sm" c="dimmed">{inject.title}</Text>
        </Stack>
      );
    case 'hotline-call':
      return (
        <Stack gap={0}>
          <Text size="xs" tt="uppercase" c="red.3" fw={700}>Incoming call{inject.from ? ` — ${inject.from}` : ''}</Text>
          <Text fw={700} fz="lg">{inject.title}</Text>
        </Stack>
      );
    case 'intelligence':
      return (
        <Stack gap={2}>
          <Text size="xs" fw={700} c="grape.2" style={{ letterSpacing: '0.08em' }}>
            EXERCISE // INTELLIGENCE REPORT{inject.from ? ` // ${inject.from.toUpperCase()}` : ''}
          </Text>
          <Text fw={700} fz="lg">{inject.title}</Text>
        </Stack>
      );
    case 'cert-advisory':
      return (
        <Stack gap={2}>
          <Text size="xs" fw={700} c="orange.3">Advisory{inject.from ? ` — ${inject.from}` : ''}</Text>
          <Text fw={700} fz="lg">{inject.title}</Text>
        </Stack>
      );
  }
}

export function InjectCard({ inject, unread, arriving }: { inject: InjectView; unread?: boolean; arriving?: boolean }) {
  const color = INJECT_CHANNEL_COLOR[inject.channel];
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="sm"
      className={arriving ? 'ttx-inject-new' : undefined}
      aria-label={`${INJECT_CHANNEL_LABEL[inject.channel]}: ${inject.title}`}
      data-testid="inject-card"
      data-inject-id={inject.injectId}
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={6} wrap="wrap">
            <Badge color={color} variant="filled" radius="xs" aria-hidden>
              {CHANNEL_MARK[inject.channel]}
            </Badge>
            <Text size="xs" c="dimmed">{INJECT_CHANNEL_LABEL[inject.channel]}</Text>
            {unread && (
              <Badge color="blue" variant="light" size="sm" data-testid="unread-marker">
                New
              </Badge>
            )}
          </Group>
          <Group gap={6} wrap="wrap">
            <Badge color={severityColor(inject.severity)} variant="light" size="sm" aria-label={`Severity ${inject.severity}`}>
              {inject.severity}
            </Badge>
            {inject.sector && (
              <Badge color="gray" variant="outline" size="sm">
                {humanize(inject.sector)}
              </Badge>
            )}
            <Text size="xs" c="dimmed" className="ttx-clock">T+{formatClock(inject.releasedAt)}</Text>
          </Group>
        </Group>
        <ChannelHeader inject={inject} />
        <SafeMarkdown text={inject.body} />
        {(inject.attack.length > 0 || inject.decision) && (
          <Group gap={6} wrap="wrap">
            {inject.attack.map((technique) => (
              <Badge key={technique} variant="outline" color="gray" size="xs" radius="xs">
                ATT&CK {technique}
              </Badge>
            ))}
            {inject.decision && (
              <Badge color="yellow" variant="light" size="sm">
                Decision requested
              </Badge>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
