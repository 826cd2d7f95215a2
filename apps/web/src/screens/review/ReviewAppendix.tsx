// Appendix: the rules library the exercise was scored with (what each rule cites and how often it fired), and who took part.
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { AarModel } from '@ttx/report/browser';
import { humanize } from '../../exercise/labels.js';

/** A rule's explanation is a template: its blanks ({team}, {targetState}) read as ‹team›, ‹target state›. */
const readableTemplate = (text: string) => text.replace(/\{(\w+)\}/g, (_, name: string) => `‹${name.replace(/([A-Z])/g, ' $1').toLowerCase()}›`);

export function ReviewAppendix({ model }: { model: AarModel }) {
  const { ruleSet, participants } = model.appendix;
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="appendix">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="appendix" className="ttx-anchor">Rules library: {ruleSet.title}</Title>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing={6}>
            <Table.Thead><Table.Tr><Table.Th>Rule</Table.Th><Table.Th>Cites</Table.Th><Table.Th>Dimension</Table.Th><Table.Th>Fired</Table.Th><Table.Th>Explanation given to teams</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {ruleSet.rules.map((rule) => (
                <Table.Tr key={rule.id} id={`rule-${rule.id}`}>
                  <Table.Td><Text size="sm" fw={600}>{rule.title}</Text><Text size="xs" c="dimmed" className="ttx-clock">{rule.id}</Text></Table.Td>
                  <Table.Td><Group gap={4}>{rule.cites.map((c) => <Badge key={c} size="xs" variant="outline" color="gray" radius="xs" className="ttx-badge-fit">{c}</Badge>)}</Group></Table.Td>
                  <Table.Td><Text size="sm">{humanize(rule.dimension)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{rule.fired}</Text></Table.Td>
                  <Table.Td><Text size="sm" c="dimmed">{readableTemplate(rule.explanation)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {participants.length > 0 && (
          <Text size="sm">
            <Text span fw={700}>Participants: </Text>
            {participants.map((p) => `${p.participant} (${p.teamName})`).join(', ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
