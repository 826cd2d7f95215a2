import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { AppFrame } from '../../app/AppFrame.js';

export function NotFoundScreen() {
  return (
    <AppFrame title="Not found">
      <Center mih="60vh">
        <Stack align="center">
          <Title order={2}>There is no such page</Title>
          <Text c="dimmed">Check the address, or start again from the home page.</Text>
          <Button component={Link} to="/">Home</Button>
        </Stack>
      </Center>
    </AppFrame>
  );
}
