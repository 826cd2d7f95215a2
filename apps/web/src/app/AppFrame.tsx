// The frame of every screen: the product mark, what this screen is about, and the live status at the right.
import { Anchor, Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export function AppFrame(props: { title?: ReactNode; status?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <>
      <Box
        component="header"
        px={{ base: 'xs', sm: 'md' }}
        py={8}
        bg="dark.8"
        className="ttx-header"
        style={{ borderBottom: '1px solid var(--mantine-color-dark-5)' }}
      >
        <Group justify="space-between" wrap="wrap" gap="xs" maw={props.wide ? undefined : 1400} mx="auto">
          <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 auto' }}>
            <Anchor component={Link} to="/" underline="never" aria-label="TTX home">
              <Box px={8} py={2} bg="blue.7" c="white" fw={800} style={{ borderRadius: 4, letterSpacing: '0.08em' }}>
                TTX
              </Box>
            </Anchor>
            {typeof props.title === 'string' ? (
              <Text fw={600} truncate="end" component="h1" fz="lg" m={0}>
                {props.title}
              </Text>
            ) : (
              props.title
            )}
          </Group>
          {props.status && (
            <Group gap="sm" wrap="wrap">
              {props.status}
            </Group>
          )}
        </Group>
      </Box>
      <Box component="main" p={{ base: 'xs', sm: 'md' }} maw={props.wide ? undefined : 1400} mx="auto">
        {props.children}
      </Box>
    </>
  );
}
