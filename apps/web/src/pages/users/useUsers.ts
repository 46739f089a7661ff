import { useInfiniteQuery } from '@tanstack/react-query';
import { usersApi } from '../../api/endpoints';
import type { UserFilterValues } from './UserFilters';

export const PAGE_SIZE = 50;

/** Keyset pages of users: each page hands back the cursor for the next. */
export function useUsers(filters: UserFilterValues) {
  return useInfiniteQuery({
    queryKey: ['users', 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      usersApi.list({ ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
