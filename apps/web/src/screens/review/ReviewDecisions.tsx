// Every decision: who, when, answering what (or on the team's own initiative), actions, rationale and findings.
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { AarModel } from '@ttx/report/browser';
import { rungLevel } from '@ttx/scenario';
import { WrappingBadge } from '../../components/WrappingBadge.js';
import { formatClock } from '../../exercise/exercise-clock.js';
import { CHARACTER_LABEL, VERDICT_COLOR, formatDelta, rungColor } from '../../exercise/labels.js';

export function ReviewDecisions({ model }: { model: AarModel }) {
  const teamName = (id: string) => model.teams.find((t) => t.teamId === id)?.name ?? id;
  const injectTitle = (id: string) => model.timeline.injects.find((i) => i.injectId === id)?.title ?? id;
  const decisions = model.timeline.decisions;
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="decisions">
      <Title order={2} fz="lg" id="decisions" mb="xs" className="ttx-anchor">Decisions</Title>
      {decisions.length === 0 ? (
        <Text size="sm" c="dimmed">No decisions were taken.</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing={6} striped>
            <Table.Thead>
              <Table.Tr><Table.Th>Time</Table.Th><Table.Th>Team</Table.Th><Table.Th>Answering</Table.Th><Table.Th>Actions and verdicts</Table.Th><Table.Th>Rationale</Table.Th><Table.Th>Findings</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {decisions.map((d) => (
                <Table.Tr key={d.decisionId} id={`decision-${d.decisionId}`}>
                  <Table.Td className="ttx-clock" style={{ whiteSpace: 'nowrap' }}>
                    T+{formatClock(d.exerciseTime)}
                    {d.onTime === false && <Badge size="xs" color="orange" ml={4}>late</Badge>}
                  </Table.Td>
                  <Table.Td><Text size="sm">{teamName(d.teamId)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{d.injectId ? injectTitle(d.injectId) : <Text span fs="italic" c="dimmed">Own initiative</Text>}</Text></Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {d.actions.map((a, i) => {
                        const v = d.verdicts.find((x) => x.actionId === a.actionId && x.targetId === a.targetId);
                        return (
                          <Stack key={i} gap={2} data-testid={v ? 'action-verdict' : undefined} data-verdict={v?.verdict}>
                            <Group gap={4} wrap="wrap">
                              <WrappingBadge size="sm" variant="light" color={rungColor(rungLevel(a.rung))}>
                                {a.rung} {a.actionName}{a.targetName ? ` → ${a.targetName}` : ''}
                              </WrappingBadge>
                              {v && <Badge size="sm" color={VERDICT_COLOR[v.verdict]}>{v.verdict}</Badge>}
                              {v && <Badge size="xs" variant="outline" color="gray" radius="xs">{CHARACTER_LABEL[v.character]}</Badge>}
                            </Group>
                            {v && <Text size="xs" c="dimmed">{v.summary}</Text>}
                          </Stack>
                        );
                      })}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {d.confidence && <Text size="xs" fw={600} data-testid="decision-confidence">Stated confidence: {d.confidence}</Text>}
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{d.rationale || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap">
                      {d.findings.map((ruleId, i) => <Anchor key={i} href={`#rule-${ruleId}`} size="xs">{ruleId}</Anchor>)}
                      {d.findings.length > 0 && <Badge size="xs" variant="outline" color={d.scoreDelta >= 0 ? 'teal' : 'red'}>{formatDelta(d.scoreDelta)}</Badge>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
