import { useQuery } from '@tanstack/react-query';
import type { OrgUnitKind, OrgUnitView } from '@xiaoshi/contracts';
import { TreeSelect } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { orgsApi } from '../api/endpoints';
import { unitKindText } from '../i18n/enums';
import { commonText } from '../i18n/common';
import { useLang } from '../i18n/i18n';

const KIND_ORDER: Record<OrgUnitKind, number> = { province: -2, city: -1, district: 0, street: 1, community: 2, organisation: 3 };

interface UnitNode {
  value: number;
  title: string;
  kind: OrgUnitKind;
  children?: UnitNode[];
}

/**
 * Every unit the caller may see (the API scopes the list to their subtree). A district has tens
 * of units, so one paged walk is cheaper and friendlier than lazy loading: search works at once.
 */
export function useScopedUnits() {
  return useQuery({
    queryKey: ['org-units', 'all'],
    queryFn: ({ signal }) => orgsApi.listAll({}, signal),
    staleTime: 5 * 60_000,
  });
}

function buildTree(units: OrgUnitView[], suffix: (kind: OrgUnitKind) => string): UnitNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const byParent = new Map<number | null, OrgUnitView[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), unit]);
  }
  const build = (parent: number | null): UnitNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id - b.id)
      .map((unit) => {
        const children = build(unit.id);
        return {
          value: unit.id,
          title: `${unit.name}${suffix(unit.kind)}`,
          kind: unit.kind,
          ...(children.length ? { children } : {}),
        };
      });
  return build(null);
}

interface Props {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  id?: string;
  status?: 'error' | 'warning';
}

export function UnitTreeSelect({ value, onChange, placeholder, allowClear, style, id, status }: Props) {
  const t = commonText.useT();
  const lang = useLang();
  const units = useScopedUnits();
  const treeData = useMemo(() => {
    const suffix = (kind: OrgUnitKind) =>
      kind === 'community' || kind === 'street'
        ? ''
        : lang === 'en'
          ? ` (${unitKindText.label(kind)})`
          : `（${unitKindText.label(kind)}）`;
    return buildTree(units.data ?? [], suffix);
  }, [units.data, lang, t]);
  const rootKeys = useMemo(() => treeData.map((node) => node.value), [treeData]);

  return (
    <TreeSelect<number>
      id={id}
      status={status}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={treeData}
      loading={units.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={rootKeys}
      key={rootKeys.join(',')}
      style={style}
      popupMatchSelectWidth={false}
      notFoundContent={units.isError ? t('error.loadFailed') : undefined}
    />
  );
}
