import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApplicationView } from '@xiaoshi/contracts';
import { applicationsApi } from '../../api/pipeline';

export function useApplication(id: number | undefined) {
  return useQuery({
    queryKey: ['applications', 'detail', id],
    queryFn: ({ signal }) => applicationsApi.get(id!, signal),
    enabled: id !== undefined && Number.isFinite(id),
  });
}

/** After a change: this application, every list, the pending counts and the street board. */
export function useApplicationRefresh() {
  const queryClient = useQueryClient();
  return (saved?: ApplicationView) => {
    if (saved) queryClient.setQueryData(['applications', 'detail', saved.id], saved);
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
    void queryClient.invalidateQueries({ queryKey: ['competitions', 'street-progress'] });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}
