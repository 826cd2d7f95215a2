// Server data through the react-query cache: one key per resource, invalidated by the mutations that change it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessCodes, CreateExerciseResponse } from '@ttx/contracts';
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

/** Join codes of an exercise: the server shows them once (at creation or on reissue), so they live in this page's cache only. */
export function useAccessCodes(id: string) {
  return useQuery<AccessCodes | null>({
    queryKey: queryKeys.codes(id),
    queryFn: () => null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

export function useReissueCodes(token: string | undefined, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => exerciseApi.regenerateCodes(token ?? '', id),
    onSuccess: (codes) => client.setQueryData(queryKeys.codes(id), codes),
  });
}

export function useCreateExercise(token: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { scenarioId: string; name?: string }) => exerciseApi.createExercise(token ?? '', input),
    onSuccess: (created: CreateExerciseResponse) => {
      const { id, ...codes } = created;
      client.setQueryData(queryKeys.codes(id), codes);
      void client.invalidateQueries({ queryKey: queryKeys.exercises });
    },
  });
}
