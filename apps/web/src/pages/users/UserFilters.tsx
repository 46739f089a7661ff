import type { Role } from '@xiaoshi/contracts';
import { Button, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { roleOptions } from './roleOptions';
import { usersText } from './text';
import { commonText } from '../../i18n/common';

export interface UserFilterValues {
  unitId?: number;
  role?: Role;
  q?: string;
}

interface Props {
  value: UserFilterValues;
  onChange: (value: UserFilterValues) => void;
}

export function UserFilters({ value, onChange }: Props) {
  const t = usersText.useT();
  const tc = commonText.useT();
  // The text box applies on Enter or the search button, not on every keystroke.
  const [text, setText] = useState(value.q ?? '');
  const hasFilters = value.unitId !== undefined || value.role !== undefined || !!value.q;

  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <UnitTreeSelect
        allowClear
        placeholder={t('filter.unit')}
        value={value.unitId}
        onChange={(unitId) => onChange({ ...value, unitId })}
        style={{ width: 240 }}
      />
      <Select<Role>
        allowClear
        placeholder={t('filter.role')}
        value={value.role}
        onChange={(role) => onChange({ ...value, role: role ?? undefined })}
        options={roleOptions()}
        style={{ width: 200 }}
        popupMatchSelectWidth={false}
      />
      <Input.Search
        allowClear
        placeholder={t('filter.q')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
        style={{ width: 240 }}
        maxLength={50}
      />
      {hasFilters && (
        <Button
          type="link"
          onClick={() => {
            setText('');
            onChange({});
          }}
        >
          {tc('reset')}
        </Button>
      )}
    </Flex>
  );
}
