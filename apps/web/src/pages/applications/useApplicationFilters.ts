import { useSearchParams } from 'react-router';

export interface ApplicationFilterValues {
  competitionId?: number;
  streetId?: number;
  communityId?: number;
  categoryId?: number;
  status: string[];
  q?: string;
  tab?: string;
}

const num = (value: string | null) => {
  const parsed = value ? Number(value) : Number.NaN;
  return Number.isSafeInteger(parsed) && parsed > 0 ? parsed : undefined;
};

/** The list's filters live in the URL, so a link (from a competition, a notice) opens it filtered. */
export function useApplicationFilters(): [ApplicationFilterValues, (next: ApplicationFilterValues) => void] {
  const [params, setParams] = useSearchParams();
  const value: ApplicationFilterValues = {
    competitionId: num(params.get('competitionId')),
    streetId: num(params.get('streetId')),
    communityId: num(params.get('communityId')),
    categoryId: num(params.get('categoryId')),
    status: (params.get('status') ?? '').split(',').filter(Boolean),
    q: params.get('q') ?? undefined,
    tab: params.get('tab') ?? undefined,
  };
  const set = (next: ApplicationFilterValues) => {
    const out = new URLSearchParams();
    for (const key of ['competitionId', 'streetId', 'communityId', 'categoryId', 'q', 'tab'] as const) {
      const item = next[key];
      if (item !== undefined && item !== '') out.set(key, String(item));
    }
    if (next.status.length) out.set('status', next.status.join(','));
    setParams(out, { replace: true });
  };
  return [value, set];
}
