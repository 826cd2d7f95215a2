// The review's table of contents: a link to each section, in HSEEP AAR/IP order.
import { Anchor, Group, Paper, Text } from '@mantine/core';

export const REVIEW_SECTIONS = [
  { id: 'overview', label: 'Overview' },
  { id: 'teams', label: 'Scores and findings' },
  { id: 'escalation', label: 'Escalation' },
  { id: 'objectives', label: 'Objectives' },
  { id: 'judgements', label: 'Strengths and areas for improvement' },
  { id: 'improvement-plan', label: 'Improvement plan' },
  { id: 'decisions', label: 'Decisions' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'appendix', label: 'Rules library' },
] as const;

export function ReviewContents() {
  return (
    <Paper withBorder px="md" py="xs" radius="sm" component="nav" aria-label="Sections of the review">
      <Group gap="md" wrap="wrap">
        <Text size="xs" c="dimmed" fw={700} tt="uppercase">Contents</Text>
        {REVIEW_SECTIONS.map((s) => (
          <Anchor key={s.id} href={`#${s.id}`} size="sm">{s.label}</Anchor>
        ))}
      </Group>
    </Paper>
  );
}
