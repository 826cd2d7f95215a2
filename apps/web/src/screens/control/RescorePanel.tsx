// Re-scoring on the control screen: a controller picks a rule set the server knows or pastes one as YAML, and sees
// both scoreboards and the findings that differ; the exercise's bundle can be downloaded for ttx rescore.
import { Alert, Button, Group, List, Loader, NativeSelect, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { RESCORE_LIMITS, type RescoreRequest } from '@ttx/contracts';
import { useState, type FormEvent } from 'react';
import { ApiError, describeError } from '../../api/api-client.js';
import { downloadBundle, rescoreApi } from '../../api/rescore-api.js';
import { saysNothing } from '../../components/blank-text.js';
import { RescoreResultView } from './RescoreResultView.js';

type Source = 'known' | 'yaml';

function Refusal({ error }: { error: unknown }) {
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Alert color="red" role="alert" title={error instanceof ApiError && error.code === 'RULE_SET_INVALID' ? 'The rule set has problems' : undefined}>
      <Text size="sm">{describeError(error)}</Text>
      {issues.length > 1 && (
        <List size="sm" mt="xs" data-testid="rescore-issues">
          {issues.map((issue) => <List.Item key={issue}><Text span size="sm" ff="monospace">{issue}</Text></List.Item>)}
        </List>
      )}
    </Alert>
  );
}

export function RescorePanel({ token, exerciseId }: { token: string; exerciseId: string }) {
  const [source, setSource] = useState<Source>('known');
  const [ruleSetId, setRuleSetId] = useState('');
  const [yaml, setYaml] = useState('');
  const ruleSets = useQuery({ queryKey: ['rescore', 'rule-sets'], queryFn: () => rescoreApi.ruleSets(token), staleTime: 60_000 });
  const rescore = useMutation({ mutationFn: (body: RescoreRequest) => rescoreApi.rescore(token, exerciseId, body) });
  const bundle = useMutation({ mutationFn: () => downloadBundle(token, exerciseId) });
  const chosen = ruleSetId || ruleSets.data?.[0]?.id || '';
  const ready = source === 'known' ? chosen !== '' : !saysNothing(yaml);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    rescore.mutate(source === 'known' ? { ruleSetId: chosen } : { ruleSetYaml: yaml });
  };
  return (
    <Stack gap="sm">
      <form onSubmit={submit} aria-label="Re-score the exercise">
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            Judge this exercise&apos;s decisions again under another rule set and compare the scores. Nothing in the exercise changes.
          </Text>
          <SegmentedControl
            value={source}
            onChange={(value) => setSource(value as Source)}
            data={[{ value: 'known', label: 'A rule set of the server' }, { value: 'yaml', label: 'Paste YAML' }]}
            aria-label="Where the rule set comes from"
          />
          {source === 'known' ? (
            ruleSets.isLoading ? (
              <Loader size="sm" aria-label="Loading the rule sets" />
            ) : (
              <NativeSelect
                label="Rule set"
                value={chosen}
                onChange={(e) => setRuleSetId(e.currentTarget.value)}
                data={(ruleSets.data ?? []).map((r) => ({ value: r.id, label: `${r.id} — ${r.title} (${r.rules} rules)` }))}
              />
            )
          ) : (
            <Textarea
              label="Rule set (YAML)"
              description="A rule-set file as in exercises/roe, using this exercise's action catalogue. Problems are shown by line and column."
              autosize
              minRows={6}
              maxRows={16}
              maxLength={RESCORE_LIMITS.ruleSetYamlChars}
              value={yaml}
              onChange={(e) => setYaml(e.currentTarget.value)}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
          )}
          {ruleSets.error && <Refusal error={ruleSets.error} />}
          <Group justify="space-between">
            <Button variant="subtle" size="xs" onClick={() => bundle.mutate()} loading={bundle.isPending}>Download bundle</Button>
            <Button type="submit" variant="light" disabled={!ready} loading={rescore.isPending}>Re-score</Button>
          </Group>
          {bundle.error && <Refusal error={bundle.error} />}
        </Stack>
      </form>
      {rescore.error && <Refusal error={rescore.error} />}
      {rescore.data && !rescore.isPending && <RescoreResultView result={rescore.data} />}
    </Stack>
  );
}
