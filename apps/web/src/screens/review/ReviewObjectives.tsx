// Objectives: the evaluator's HSEEP rating and notes beside the rating the rules suggest, and why.
import { Badge, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { AarModel } from '@ttx/report/browser';
import type { HseepRating } from '@ttx/scenario';
import { HSEEP_LABEL } from '../../exercise/labels.js';

const RATING_COLOR: Record<HseepRating, string> = { P: 'teal', S: 'blue', M: 'orange', U: 'red' };

function Rating({ rating, kind }: { rating?: HseepRating; kind: 'evaluator' | 'rules' }) {
  if (!rating) return <Text size="sm" c="dimmed">—</Text>;
  return (
    <Tooltip label={HSEEP_LABEL[rating]}>
      <Badge color={RATING_COLOR[rating]} variant={kind === 'evaluator' ? 'filled' : 'outline'} tabIndex={0} aria-label={`${kind === 'evaluator' ? 'Evaluator' : 'Rules suggest'}: ${HSEEP_LABEL[rating]}`}>
        {rating}
      </Badge>
    </Tooltip>
  );
}

export function ReviewObjectives({ model }: { model: AarModel }) {
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="objectives" data-testid="review-objectives">
      <Title order={2} fz="lg" id="objectives" mb="xs" className="ttx-anchor">Objectives and ratings</Title>
      <Text size="sm" c="dimmed" mb="xs">The evaluator's rating stands; the rules' suggestion is shown beside it, with the findings it rests on.</Text>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr><Table.Th>Objective</Table.Th><Table.Th>Evaluator</Table.Th><Table.Th>Observations</Table.Th><Table.Th>Rules suggest</Table.Th><Table.Th>Why</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {model.objectives.map((o) => (
              <Table.Tr key={o.objectiveId}>
                <Table.Td><Text size="sm" fw={600}>{o.title}</Text><Text size="xs" c="dimmed">{o.capability}</Text></Table.Td>
                <Table.Td><Rating rating={o.evaluatorRating} kind="evaluator" /></Table.Td>
                <Table.Td>
                  {o.observations.length === 0 && <Text size="sm" c="dimmed">None recorded</Text>}
                  <Stack gap={2}>
                    {o.observations.map((ob) => (
                      <Group key={ob.observationId} gap={6} wrap="nowrap" align="flex-start" id={`observation-${ob.observationId}`} className="ttx-anchor">
                        <Badge size="xs" color={RATING_COLOR[ob.rating]} className="ttx-badge-fit">{ob.rating}</Badge>
                        <Text size="sm">{ob.note || '—'}{ob.by ? <Text span c="dimmed"> — {ob.by}</Text> : null}</Text>
                      </Group>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td><Rating rating={o.suggestedRating} kind="rules" /></Table.Td>
                <Table.Td><Text size="xs" c="dimmed">{o.suggestionReasoning}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
