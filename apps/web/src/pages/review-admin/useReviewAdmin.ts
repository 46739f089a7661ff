import { useQuery, useQueryClient } from '@tanstack/react-query';
import { reviewsApi } from '../../api/reviews';
import { applicationsApi } from '../../api/pipeline';

export function usePool() {
  return useQuery({ queryKey: ['reviews', 'pool'], queryFn: ({ signal }) => reviewsApi.pool(signal) });
}

export function usePanel(competitionId: number) {
  return useQuery({
    queryKey: ['reviews', 'panel', competitionId],
    queryFn: ({ signal }) => reviewsApi.panel(competitionId, signal),
  });
}

/** The applications a panel can review (eligible, in review, scored), for pickers. */
export function useReviewableApplications(competitionId: number) {
  return useQuery({
    queryKey: ['applications', 'reviewable', competitionId],
    queryFn: ({ signal }) =>
      applicationsApi.list({ competitionId, status: 'eligible,in_review,scored', limit: 200 }, signal),
  });
}

export function useReviewRefresh(competitionId: number) {
  const queryClient = useQueryClient();
  return () => {
    for (const key of ['panel', 'conflicts', 'ranking', 'progress', 'z-scores', 'pool']) {
      void queryClient.invalidateQueries({ queryKey: ['reviews', key] });
    }
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
    void queryClient.invalidateQueries({ queryKey: ['reviews', 'ranking', competitionId] });
  };
}
