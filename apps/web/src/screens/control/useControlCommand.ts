// Runs one controller command over HTTP and keeps its last error for the screen to show.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queries.js';

export function useControlCommand(exerciseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    // The socket brings the events; the summary (status, list) is refreshed for the other screens.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.exercise(exerciseId) });
      void client.invalidateQueries({ queryKey: queryKeys.exercises });
    },
  });
}
