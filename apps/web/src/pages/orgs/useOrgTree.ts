import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgUnitKind, OrgUnitView } from '@xiaoshi/contracts';
import { useCallback, useState } from 'react';
import { orgsApi } from '../../api/endpoints';

const KIND_ORDER: Record<OrgUnitKind, number> = { province: -2, city: -1, district: 0, street: 1, community: 2, organisation: 3 };

export const orgKeys = {
  one: (id: number) => ['org-units', 'one', id] as const,
  children: (parentId: number) => ['org-units', 'children', parentId] as const,
};

interface TreeState {
  units: Record<number, OrgUnitView>;
  children: Record<number, number[]>;
}

/**
 * The org tree below the user's own unit, loaded one level at a time (children by parentId).
 * The API scopes every answer to the caller's subtree, so the root is simply the user's unit.
 */
export function useOrgTree(rootId: number) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<TreeState>({ units: {}, children: {} });

  const root = useQuery({
    queryKey: orgKeys.one(rootId),
    queryFn: ({ signal }) => orgsApi.get(rootId, signal),
  });

  const remember = useCallback((unit: OrgUnitView) => {
    setState((current) => ({ ...current, units: { ...current.units, [unit.id]: unit } }));
  }, []);

  const loadChildren = useCallback(
    async (parentId: number, force = false) => {
      const items = await queryClient.fetchQuery({
        queryKey: orgKeys.children(parentId),
        queryFn: ({ signal }) => orgsApi.listAll({ parentId }, signal),
        staleTime: force ? 0 : 60_000,
      });
      const sorted = [...items].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id - b.id);
      setState((current) => {
        const units = { ...current.units };
        for (const unit of sorted) units[unit.id] = unit;
        return { units, children: { ...current.children, [parentId]: sorted.map((unit) => unit.id) } };
      });
    },
    [queryClient],
  );

  /** After an edit: the unit's new state everywhere it is shown. */
  const updated = useCallback(
    (unit: OrgUnitView) => {
      queryClient.setQueryData(orgKeys.one(unit.id), unit);
      remember(unit);
    },
    [queryClient, remember],
  );

  /** After a create: the parent's children and child count are stale. */
  const created = useCallback(
    async (unit: OrgUnitView) => {
      queryClient.setQueryData(orgKeys.one(unit.id), unit);
      if (unit.parentId === null) return;
      const parent = await queryClient.fetchQuery({
        queryKey: orgKeys.one(unit.parentId),
        queryFn: () => orgsApi.get(unit.parentId!),
        staleTime: 0,
      });
      remember(parent);
      await loadChildren(unit.parentId, true);
    },
    [queryClient, loadChildren, remember],
  );

  const units = root.data
    ? { ...state.units, [root.data.id]: state.units[root.data.id] ?? root.data }
    : state.units;
  return { root, units, children: state.children, loadChildren, updated, created };
}
