import type { OrgUnitKind } from '@xiaoshi/contracts';
import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { kindLabel } from '../i18n/labels';

const KIND_COLORS: Record<OrgUnitKind, string> = {
  district: 'geekblue',
  street: 'blue',
  community: 'green',
  organisation: 'purple',
};

export function UnitKindTag({
  kind,
  small,
  style,
}: {
  kind: OrgUnitKind;
  small?: boolean;
  style?: CSSProperties;
}) {
  const { t } = useI18n();
  return (
    <Tag
      color={KIND_COLORS[kind]}
      style={{ marginInlineEnd: 0, ...(small ? { fontSize: 11, lineHeight: '18px' } : {}), ...style }}
    >
      {kindLabel(kind, t)}
    </Tag>
  );
}
