import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/errors';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not fix itself; a network error or 5xx gets one more try.
        retry: (failures, error) => !(isApiError(error) && error.isClientError) && failures < 1,
      },
      mutations: { retry: false },
    },
  });
}
