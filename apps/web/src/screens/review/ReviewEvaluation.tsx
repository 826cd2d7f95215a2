// Objectives rated by evaluators beside the rules' suggestions, strengths and areas for improvement, and the plan.
import { Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { AarModel, Judgement } from '@ttx/report';
import { humanize } from '../../exercise/labels.js';

function Judgements({ title, items, color }: { title: string; items: readonly Judgement[]; color: string }) {
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={title}>
      <Stack gap="xs">
        <Title order={3} fz="md">{title}</Title>
        {items.length === 0 && <Text size="sm" c="dimmed">None recorded.</Text>}
        {items.map((j) => (
          <div key={j.id}>
            <Text size="sm" fw={600}><Badge size="xs" color={color} mr={6}>{j.dimension ? humanize(j.dimension) : 'overall'}</Badge>{j.title}</Text>
            <Text size="sm" c="dimmed">{j.detail}</Text>
            <Text size="xs" c="dimmed">Evidence: {[...j.evidence.ruleIds, ...j.evidence.decisionIds.map((d) => `decision ${d}`), ...j.evidence.observationIds.map((o) => `observation ${o}`)].join(', ') || `events ${j.evidence.seqs.join(', ')}`}</Text>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

export function ReviewEvaluation({ model }: { model: AarModel }) {
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="objectives-heading">
        <Title order={2} fz="lg" id="objectives-heading" mb="xs">Objectives</Title>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr><Table.Th>Objective</Table.Th><Table.Th>Evaluator</Table.Th><Table.Th>Notes</Table.Th><Table.Th>Rules suggest</Table.Th><Table.Th>Basis</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {model.objectives.map((o) => (
                <Table.Tr key={o.objectiveId}>
                  <Table.Td><Text size="sm" fw={600}>{o.title}</Text><Text size="xs" c="dimmed">{o.capability}</Text></Table.Td>
                  <Table.Td><Badge>{o.evaluatorRating ?? '—'}</Badge></Table.Td>
                  <Table.Td><Text size="sm">{o.observations.map((ob) => ob.note).filter(Boolean).join(' · ') || '—'}</Text></Table.Td>
                  <Table.Td><Badge variant="outline">{o.suggestedRating ?? '—'}</Badge></Table.Td>
                  <Table.Td><Text size="xs" c="dimmed">{o.suggestionReasoning}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Judgements title="Strengths" items={model.strengths} color="teal" />
        <Judgements title="Areas for improvement" items={model.areasForImprovement} color="orange" />
      </SimpleGrid>
      <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="plan-heading">
        <Title order={2} fz="lg" id="plan-heading" mb="xs">Improvement plan</Title>
        {model.improvementPlan.length === 0 ? (
          <Text size="sm" c="dimmed">No items yet.</Text>
        ) : (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing={6} striped>
              <Table.Thead>
                <Table.Tr><Table.Th>Issue</Table.Th><Table.Th>Corrective action</Table.Th><Table.Th>Capability element</Table.Th><Table.Th>Responsible</Table.Th><Table.Th>Point of contact</Table.Th><Table.Th>Start</Table.Th><Table.Th>Completion</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {model.improvementPlan.map((item) => (
                  <Table.Tr key={item.itemId}>
                    <Table.Td><Text size="sm">{item.issue}</Text></Table.Td>
                    <Table.Td><Text size="sm">{item.correctiveAction}</Text></Table.Td>
                    <Table.Td>{humanize(item.capabilityElement)}</Table.Td>
                    <Table.Td>{item.responsibleOrganisation || '—'}</Table.Td>
                    <Table.Td>{item.pointOfContact || '—'}</Table.Td>
                    <Table.Td>{item.startDate ?? '—'}</Table.Td>
                    <Table.Td>{item.completionDate ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
