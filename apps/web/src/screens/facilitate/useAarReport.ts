// The after-action review model as the server builds it ("as of now" while the exercise runs).
import { useQuery } from '@tanstack/react-query';
import type { AarModel } from '@ttx/report/browser';
import { apiRequest } from '../../api/api-client.js';
import { exerciseApi } from '../../api/exercise-api.js';

export function useAarReport(token: string | undefined, exerciseId: string, asOfSeq: number, refreshMs?: number) {
  return useQuery({
    queryKey: ['exercise', exerciseId, 'report', asOfSeq],
    queryFn: () => apiRequest<AarModel>(exerciseApi.reportUrl(exerciseId, 'json'), { token }),
    enabled: Boolean(token && exerciseId),
    placeholderData: (previous) => previous,
    staleTime: refreshMs ?? 30_000,
    retry: false,
  });
}
