// Findings of the rules on a decision: the rule, its citations, the score effect and the explanation.
import { Badge, Group, List, Text } from '@mantine/core';
import type { Finding } from '@ttx/engine';
import { FINDING_COLOR, formatDelta, humanize } from '../exercise/labels.js';

export function FindingList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <List spacing={6} listStyleType="none" p={0} m={0} data-testid="finding-list">
      {findings.map((finding, index) => (
        <List.Item key={`${finding.ruleId}-${index}`}>
          <Group gap={6} wrap="wrap">
            <Badge color={FINDING_COLOR[finding.severity]} variant="light" size="sm">
              {finding.severity}
            </Badge>
            <Badge color={finding.delta >= 0 ? 'teal' : 'red'} variant="outline" size="sm">
              {formatDelta(finding.delta)} {humanize(finding.dimension)}
            </Badge>
            {finding.cites.map((cite) => (
              <Badge key={cite} color="gray" variant="outline" size="xs" radius="xs">
                {cite}
              </Badge>
            ))}
          </Group>
          <Text size="sm" mt={2}>
            {finding.explanation}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
