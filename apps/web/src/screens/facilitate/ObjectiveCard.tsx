// One objective: the rules' suggested rating beside the evaluator's observations, and a form to record another.
import { Alert, Badge, Button, Group, Paper, Radio, Stack, Text, Textarea, Title, Tooltip } from '@mantine/core';
import { LIMITS } from '@ttx/contracts';
import { HSEEP_RATINGS, type HseepRating, type Objective } from '@ttx/scenario';
import { useState, type FormEvent } from 'react';
import { formatClock } from '../../exercise/exercise-clock.js';
import type { ObservationView } from '../../exercise/exercise-view.js';
import { HSEEP_LABEL } from '../../exercise/labels.js';
import type { OutboxItem } from '../../exercise/outbox.js';

const RATING_COLOR: Record<HseepRating, string> = { P: 'teal', S: 'blue', M: 'orange', U: 'red' };

export function ObjectiveCard(props: {
  objective: Objective;
  /** The rating the rules suggest, with why (absent while nothing bears on the objective). */
  suggestion?: { rating?: HseepRating; reasoning: string };
  observations: readonly ObservationView[];
  pending: readonly OutboxItem[];
  canRecord: boolean;
  onRecord: (rating: HseepRating, note: string) => void;
}) {
  const { objective, suggestion } = props;
  const [rating, setRating] = useState<string>('');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!rating) return;
    props.onRecord(rating as HseepRating, note.trim());
    setNote('');
    setRating('');
  };
  const latest = props.observations.at(-1);
  return (
    <Paper withBorder p="md" radius="sm" component="article" aria-labelledby={`objective-${objective.id}`} data-testid="objective-card">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
          <Stack gap={0} miw={0} style={{ flex: '1 1 16rem' }}>
            <Title order={3} fz="md" id={`objective-${objective.id}`}>{objective.title}</Title>
            <Text size="xs" c="dimmed">{objective.capability}</Text>
          </Stack>
          <Group gap="xs">
            <Tooltip label={suggestion?.reasoning ?? 'Suggestions come from the rules once decisions are scored.'} multiline w={320}>
              <Badge variant="outline" color={suggestion?.rating ? RATING_COLOR[suggestion.rating] : 'gray'} size="lg" tabIndex={0}>
                Rules suggest: {suggestion?.rating ?? '—'}
              </Badge>
            </Tooltip>
            <Badge variant="filled" color={latest ? RATING_COLOR[latest.rating] : 'gray'} size="lg" data-testid="evaluator-rating">
              Evaluator: {latest?.rating ?? '—'}
            </Badge>
          </Group>
        </Group>
        {suggestion && <Text size="sm" c="dimmed" data-testid="suggestion-reasoning">{suggestion.reasoning}</Text>}
        {props.observations.map((o) => (
          <Text key={o.observationId} size="sm" data-testid="observation">
            <Text span className="ttx-clock" c="dimmed">T+{formatClock(o.exerciseTime)}</Text>{' '}
            <Badge size="xs" color={RATING_COLOR[o.rating]}>{o.rating}</Badge> {o.note}
            {o.by ? <Text span c="dimmed"> — {o.by}</Text> : null}
          </Text>
        ))}
        {props.pending.map((item) => (
          <Alert key={item.clientId} color={item.status === 'refused' ? 'red' : 'blue'} py={6}>
            {item.status === 'refused' ? `Not recorded: ${item.error?.message}` : 'Recording observation…'}
          </Alert>
        ))}
        {props.canRecord && (
          <form onSubmit={submit}>
            <Stack gap="xs">
              <Radio.Group label="HSEEP rating" value={rating} onChange={setRating} name={`rating-${objective.id}`}>
                <Group gap="md" mt={4} wrap="wrap">
                  {HSEEP_RATINGS.map((r) => <Radio key={r} value={r} label={HSEEP_LABEL[r]} />)}
                </Group>
              </Radio.Group>
              <Textarea label="Observation note" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxLength={LIMITS.noteLength} placeholder="What you saw, and why it earns this rating" />
              <Group justify="flex-end"><Button type="submit" disabled={!rating} variant="light">Record observation</Button></Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
