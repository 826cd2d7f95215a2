// Server data through the react-query cache: one key per resource, invalidated by the mutations that change it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateExerciseResponse } from '@ttx/contracts';
import { exerciseApi } from './exercise-api.js';

export const queryKeys = {
  scenarios: ['scenarios'] as const,
  scenario: (id: string) => ['scenario', id] as const,
  exercises: ['exercises'] as const,
  exercise: (id: string) => ['exercise', id] as const,
  codes: (id: string) => ['exercise', id, 'codes'] as const,
};

export function useScenarios(token: string | undefined) {
  return useQuery({
    queryKey: queryKeys.scenarios,
    queryFn: () => exerciseApi.scenarios(token ?? ''),
    enabled: Boolean(token),
  });
}

export function useScenario(token: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.scenario(id ?? ''),
    queryFn: () => exerciseApi.scenario(token ?? '', id ?? ''),
    enabled: Boolean(token && id),
    staleTime: 5 * 60_000,
  });
}

export function useExercises(token: string | undefined) {
  return useQuery({
    queryKey: queryKeys.exercises,
    queryFn: () => exerciseApi.exercises(token ?? ''),
    enabled: Boolean(token),
    refetchInterval: 15_000,
  });
}

export function useExercise(token: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.exercise(id ?? ''),
    queryFn: () => exerciseApi.exercise(token ?? '', id ?? ''),
    enabled: Boolean(token && id),
    staleTime: 60_000,
  });
}

/** Join codes of an exercise: from its creation in this page, else asked of the server. */
export function useAccessCodes(token: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.codes(id ?? ''),
    queryFn: () => exerciseApi.accessCodes(token ?? '', id ?? ''),
    enabled: Boolean(token && id),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

export function useCreateExercise(token: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { scenarioId: string; name?: string }) => exerciseApi.createExercise(token ?? '', input),
    onSuccess: (created: CreateExerciseResponse) => {
      client.setQueryData(queryKeys.codes(created.id), created);
      void client.invalidateQueries({ queryKey: queryKeys.exercises });
    },
  });
}
