import { useQuery } from '@tanstack/react-query';
import type { CompetitionListQuery } from '@xiaoshi/contracts';
import { competitionsApi } from '../../api/pipeline';

export function useCompetitions(query: CompetitionListQuery = {}) {
  return useQuery({
    queryKey: ['competitions', 'list', query],
    queryFn: ({ signal }) => competitionsApi.list(query, signal),
  });
}

export function useCompetition(id: number | undefined) {
  return useQuery({
    queryKey: ['competitions', 'detail', id],
    queryFn: ({ signal }) => competitionsApi.get(id!, signal),
    enabled: id !== undefined && Number.isFinite(id),
  });
}

export function useStreetProgress(id: number | undefined) {
  return useQuery({
    queryKey: ['competitions', 'street-progress', id],
    queryFn: ({ signal }) => competitionsApi.streetProgress(id!, signal),
    enabled: id !== undefined,
    // "Live": the board refreshes itself while someone is looking at it.
    refetchInterval: 60_000,
  });
}
