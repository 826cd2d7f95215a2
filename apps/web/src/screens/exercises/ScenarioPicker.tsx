// Choose a scenario (with its summary, teams and objectives) and create an exercise from it.
import { Alert, Badge, Button, Group, Loader, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { LIMITS, type ScenarioSummary } from '@ttx/contracts';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { describeError } from '../../api/api-client.js';
import { useCreateExercise, useScenario, useScenarios } from '../../api/queries.js';
import { formatClock } from '../../exercise/exercise-clock.js';
import { humanize } from '../../exercise/labels.js';

function ScenarioDetails({ token, summary }: { token: string; summary: ScenarioSummary }) {
  const detail = useScenario(token, summary.id);
  return (
    <Stack gap="xs" mt="xs">
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{summary.summary}</Text>
      <Group gap={6} wrap="wrap">
        {summary.teams.map((team) => (
          <Badge key={team.id} variant="light" color="gray" style={{ textTransform: 'none' }}>
            {team.name} · {humanize(team.kind)}
          </Badge>
        ))}
      </Group>
      {detail.isLoading && <Loader size="xs" aria-label="Loading objectives" />}
      {detail.data && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>Objectives</Text>
          {detail.data.scenario.objectives.map((o) => (
            <Text key={o.id} size="sm">• {o.title} <Text span c="dimmed" size="xs">({o.capability})</Text></Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function ScenarioPicker({ token }: { token: string }) {
  const scenarios = useScenarios(token);
  const create = useCreateExercise(token);
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<string>('');
  const [name, setName] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    create.mutate(
      { scenarioId: chosen, ...(name.trim() ? { name: name.trim() } : {}) },
      { onSuccess: (created) => navigate(`/control/${encodeURIComponent(created.id)}`) },
    );
  };
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="picker-heading">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} fz="lg" id="picker-heading">New exercise</Title>
          {scenarios.isLoading && <Loader aria-label="Loading scenarios" />}
          {scenarios.error && <Alert color="red" role="alert">{describeError(scenarios.error)}</Alert>}
          <Radio.Group value={chosen} onChange={setChosen} label="Scenario" name="scenario">
            <Stack gap="xs" mt="xs">
              {scenarios.data?.map((scenario) => (
                <Paper key={scenario.id} withBorder p="sm" radius="sm" bg={chosen === scenario.id ? 'dark.6' : undefined}>
                  <Radio
                    value={scenario.id}
                    label={
                      <Group gap="xs" wrap="wrap">
                        <Text fw={600}>{scenario.title}</Text>
                        <Badge variant="outline" color="gray" size="sm" tt="none">v{scenario.version}</Badge>
                        <Badge variant="outline" color="gray" size="sm">{formatClock(scenario.duration)}</Badge>
                        <Badge variant="outline" color="gray" size="sm">{scenario.injectCount} injects</Badge>
                      </Group>
                    }
                  />
                  {chosen === scenario.id && <ScenarioDetails token={token} summary={scenario} />}
                </Paper>
              ))}
            </Stack>
          </Radio.Group>
          <TextInput label="Exercise name" description="Optional; defaults to the scenario title and date." value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={LIMITS.titleLength} />
          {create.error && <Alert color="red" role="alert">{describeError(create.error)}</Alert>}
          <Group justify="flex-end">
            <Button type="submit" disabled={!chosen} loading={create.isPending}>Create exercise</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
