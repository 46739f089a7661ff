import type { OrgUnitKind } from '@xiaoshi/contracts';
import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import { unitKindText } from '../i18n/enums';

const KIND_COLORS: Record<OrgUnitKind, string> = {
  province: 'red',
  city: 'volcano',
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
  const label = unitKindText.useLabel();
  return (
    <Tag
      color={KIND_COLORS[kind]}
      style={{ marginInlineEnd: 0, ...(small ? { fontSize: 11, lineHeight: '18px' } : {}), ...style }}
    >
      {label(kind)}
    </Tag>
  );
}
