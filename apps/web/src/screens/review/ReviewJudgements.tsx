// Strengths and areas for improvement, each with links to its evidence: the rules, decisions and observations.
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { AarModel, Judgement } from '@ttx/report/browser';
import { formatClock } from '../../exercise/exercise-clock.js';
import { humanize } from '../../exercise/labels.js';

function EvidenceLinks({ judgement, model }: { judgement: Judgement; model: AarModel }) {
  const { ruleIds, decisionIds, observationIds, seqs } = judgement.evidence;
  const decision = (id: string) => model.timeline.decisions.find((d) => d.decisionId === id);
  const teamName = (id: string) => model.teams.find((t) => t.teamId === id)?.name ?? id;
  const links = [
    ...ruleIds.map((id) => ({ href: `#rule-${id}`, label: `rule ${id}` })),
    ...decisionIds.map((id) => {
      const d = decision(id);
      return { href: `#decision-${id}`, label: d ? `decision at T+${formatClock(d.exerciseTime)} (${teamName(d.teamId)})` : `decision ${id}` };
    }),
    ...observationIds.map((id) => ({ href: `#observation-${id}`, label: 'evaluator observation' })),
  ];
  const events = links.length === 0 ? seqs.slice(0, 6).map((seq) => ({ href: `#event-${seq}`, label: `event ${seq}` })) : [];
  const all = [...links, ...events];
  if (all.length === 0) return null;
  return (
    <Group gap={6} wrap="wrap" mt={2}>
      <Text size="xs" c="dimmed">Evidence:</Text>
      {all.map((link) => <Anchor key={link.href} href={link.href} size="xs">{link.label}</Anchor>)}
    </Group>
  );
}

function Judgements(props: { id: string; title: string; items: readonly Judgement[]; color: string; model: AarModel }) {
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby={props.id}>
      <Stack gap="sm">
        <Title order={3} fz="md" id={props.id}>{props.title}</Title>
        {props.items.length === 0 && <Text size="sm" c="dimmed">None recorded.</Text>}
        {props.items.map((j) => (
          <div key={j.id} data-testid="judgement">
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Badge size="sm" color={props.color} variant="light" radius="xs" className="ttx-badge-fit">{j.id}</Badge>
              <Stack gap={0}>
                <Text size="sm" fw={600}>{j.title}</Text>
                <Text size="sm" c="dimmed">{j.detail}{j.dimension ? ` (${humanize(j.dimension)})` : ''}</Text>
                <EvidenceLinks judgement={j} model={props.model} />
              </Stack>
            </Group>
          </div>
        ))}
      </Stack>
    </Paper>
  );
}

export function ReviewJudgements({ model }: { model: AarModel }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby="judgements">
      <Title order={2} fz="lg" id="judgements" className="ttx-anchor">Strengths and areas for improvement</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Judgements id="strengths" title="Strengths" items={model.strengths} color="teal" model={model} />
        <Judgements id="areas" title="Areas for improvement" items={model.areasForImprovement} color="orange" model={model} />
      </SimpleGrid>
    </Stack>
  );
}
