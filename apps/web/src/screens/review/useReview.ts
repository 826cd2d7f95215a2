// The after-action review as the server builds it ("as of now" while the exercise runs): a screen asks for the part
// it shows, and a screen that holds the whole review applies facilitators' plan edits from its live link rather than
// asking for the review again (asking for the plan part alone for an edit it cannot apply); other events are counted,
// for the reader to refresh when they choose.
import { useQuery } from '@tanstack/react-query';
import type { ReportPart } from '@ttx/contracts';
import type { AarModel, LiveEvent, ReviewPart } from '@ttx/report/browser';
import { useEffect, useMemo, useState } from 'react';
import { apiRequest } from '../../api/api-client.js';
import { exerciseApi } from '../../api/exercise-api.js';
import { type PlanPart, withLiveEvents } from './live-review.js';

/** One part of the review; asked for again when `version` changes (a screen passes what it has seen of the log). */
export function useReviewPart<P extends ReportPart>(token: string | undefined, exerciseId: string, part: P | undefined, version = 0) {
  return useQuery({
    queryKey: ['exercise', exerciseId, 'report', part, version],
    queryFn: () => apiRequest<ReviewPart<P>>(exerciseApi.reportPartUrl(exerciseId, part!), { token }),
    enabled: Boolean(token && exerciseId && part),
    placeholderData: (previous) => previous,
    staleTime: 30_000,
    retry: false,
  });
}

/** The whole review, with the live events applied; asked for again when the exercise ends (the review is final). */
export function useHeldReview(token: string | undefined, exerciseId: string, events: readonly LiveEvent[]) {
  const ended = events.some((e) => e.type === 'exercise.ended');
  const query = useQuery({
    queryKey: ['exercise', exerciseId, 'report', 'whole', ended],
    queryFn: () => apiRequest<AarModel>(exerciseApi.reportUrl(exerciseId, 'json'), { token }),
    enabled: Boolean(token && exerciseId),
    placeholderData: (previous) => previous,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const [plan, setPlan] = useState<PlanPart>();
  const held = useMemo(() => (query.data ? withLiveEvents(query.data, events, plan) : undefined), [query.data, events, plan]);
  const planBehind = held?.planBehind;
  useEffect(() => {
    if (planBehind === undefined || !token) return;
    let current = true;
    apiRequest<PlanPart>(exerciseApi.reportPartUrl(exerciseId, 'improvement-plan'), { token }).then(
      (part) => current && setPlan(part),
      // The plan stays as held; the next edit or a refresh asks again.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [planBehind, token, exerciseId]);
  return { ...query, model: held?.model, newer: held?.newer ?? 0 };
}
