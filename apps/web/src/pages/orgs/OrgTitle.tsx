import type { OrgUnitView } from '@xiaoshi/contracts';
import { Tag, Typography } from 'antd';
import { UnitKindTag } from '../../components/UnitKindTag';
import { commonText } from '../../i18n/common';

/** One unit as a line: name, kind, how many sub-units, and whether it is switched off. */
export function OrgTitle({ unit }: { unit: OrgUnitView }) {
  const t = commonText.useT();
  return (
    <span className="xs-tree-title" data-unit-id={unit.id}>
      <span className={unit.active ? undefined : 'xs-inactive'}>{unit.name}</span>
      <UnitKindTag kind={unit.kind} small />
      {unit.childCount > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {unit.childCount}
        </Typography.Text>
      )}
      {!unit.active && (
        <Tag style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '18px' }}>{t('inactive')}</Tag>
      )}
    </span>
  );
}
