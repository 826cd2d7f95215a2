// The codes that let people into an exercise, each with a copy button and a QR code for a room full of people.
import { Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AccessCodes } from '@ttx/contracts';
import { QRCodeSVG } from 'qrcode.react';

interface Seat {
  label: string;
  role: string;
  code: string;
}

function joinLink(code: string): string {
  return `${window.location.origin}/join?code=${encodeURIComponent(code)}`;
}

function SeatCard({ seat }: { seat: Seat }) {
  return (
    <Paper withBorder p="sm" radius="sm" data-testid="join-code" data-team={seat.label}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <div style={{ background: 'white', padding: 6, borderRadius: 4, lineHeight: 0 }}>
          <QRCodeSVG value={joinLink(seat.code)} size={96} level="M" title={`QR code to join as ${seat.label}`} />
        </div>
        <Stack gap={4} miw={0}>
          <Text fw={700}>{seat.label}</Text>
          <Text size="xs" c="dimmed">{seat.role}</Text>
          <Text className="ttx-clock" fz="sm" style={{ overflowWrap: 'anywhere' }} data-testid="join-code-value">{seat.code}</Text>
          <CopyButton value={seat.code}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant={copied ? 'filled' : 'light'} color={copied ? 'teal' : 'blue'} onClick={copy} aria-label={`Copy the code for ${seat.label}`}>
                {copied ? 'Copied' : 'Copy code'}
              </Button>
            )}
          </CopyButton>
        </Stack>
      </Group>
    </Paper>
  );
}

export function JoinCodes({ codes, teamNames }: { codes: AccessCodes; teamNames: Record<string, string> }) {
  const seats: Seat[] = [
    ...Object.entries(codes.joinCodes).map(([teamId, code]) => ({ label: teamNames[teamId] ?? teamId, role: 'Player team', code })),
    { label: 'Facilitators', role: 'Evaluators: observations and ratings', code: codes.facilitatorCode },
    { label: 'Observers', role: 'See everything, act on nothing', code: codes.observerCode },
  ];
  return (
    <Stack gap="sm">
      <Title order={3} fz="md">Join codes</Title>
      <Text size="sm" c="dimmed">Hand each team its own code, or show this screen and let them scan. Anyone can join at {window.location.origin}/join.</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }}>
        {seats.map((seat) => <SeatCard key={seat.label} seat={seat} />)}
      </SimpleGrid>
    </Stack>
  );
}
