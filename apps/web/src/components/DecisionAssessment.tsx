// One assessment per action of a decision: its characterisation, its verdict and its points by dimension, with the
// findings that decide it beneath; then the findings about the decision as a whole (timeliness, restraint shown).
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ActionVerdict, Finding } from '@ttx/engine';
import { CHARACTER_LABEL, VERDICT_COLOR, formatDelta, humanize } from '../exercise/labels.js';
import { FindingList } from './FindingList.js';

export interface DecisionAssessmentProps {
  findings: readonly Finding[];
  verdicts: readonly ActionVerdict[];
  actionName: (actionId: string) => string;
  targetName: (targetId?: string) => string | undefined;
}

const concerns = (v: ActionVerdict, f: Finding) => f.actionId === v.actionId && f.targetId === v.targetId;

export function DecisionAssessment({ findings, verdicts, actionName, targetName }: DecisionAssessmentProps) {
  // A log recorded before verdicts were lists its findings as they are.
  if (verdicts.length === 0) return <FindingList findings={findings} />;
  const overall = findings.filter((f) => !verdicts.some((v) => concerns(v, f)));
  return (
    <Stack gap={6} data-testid="decision-assessment">
      {verdicts.map((v) => (
        <Paper key={`${v.actionId}:${v.targetId ?? ''}`} withBorder radius="xs" p={6} data-testid="action-verdict" data-verdict={v.verdict}>
          <Group gap={6} wrap="wrap">
            <Badge color={VERDICT_COLOR[v.verdict]} variant="filled" size="sm">{v.verdict}</Badge>
            <Text size="sm" fw={600}>
              {actionName(v.actionId)}
              {targetName(v.targetId) ? ` → ${targetName(v.targetId)}` : ''}
            </Text>
            <Badge color="gray" variant="outline" size="xs" radius="xs">{CHARACTER_LABEL[v.character]}</Badge>
            {Object.entries(v.points)
              .filter(([, points]) => points !== 0)
              .map(([dimension, points]) => (
                <Badge key={dimension} color={points >= 0 ? 'teal' : 'red'} variant="outline" size="sm">
                  {formatDelta(points)} {humanize(dimension)}
                </Badge>
              ))}
          </Group>
          <Text size="xs" mt={2} c="dimmed">{v.summary}</Text>
          <Stack mt={4} gap={4}>
            <FindingList findings={findings.filter((f) => concerns(v, f))} />
          </Stack>
        </Paper>
      ))}
      {overall.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" fw={600}>On the decision as a whole</Text>
          <FindingList findings={overall} />
        </Stack>
      )}
    </Stack>
  );
}
