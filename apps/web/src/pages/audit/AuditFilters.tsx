import { Button, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import type { AuditQuery } from '../../api/endpoints';
import { auditActionText, auditEntityText } from './audit-labels';
import { auditText } from './text';
import { commonText } from '../../i18n/common';

export type AuditFilterValues = Pick<AuditQuery, 'entityType' | 'entityId' | 'action'>;

const ENTITY_TYPES = ['user', 'org_unit', 'system'];
const ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.login_throttled',
  'auth.logout',
  'auth.refresh_reuse_detected',
  'user.create',
  'user.update',
  'user.reset_password',
  'user.change_password',
  'org_unit.create',
  'org_unit.update',
];

interface Props {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
}

export function AuditFilters({ value, onChange }: Props) {
  const t = auditText.useT();
  const tc = commonText.useT();
  const [entityId, setEntityId] = useState(value.entityId ?? '');
  const hasFilters = !!(value.entityType || value.entityId || value.action);
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Select
        allowClear
        placeholder={t('filter.entityType')}
        value={value.entityType}
        onChange={(entityType?: string) => onChange({ ...value, entityType })}
        options={ENTITY_TYPES.map((type) => ({ value: type, label: auditEntityText.label(type) }))}
        style={{ width: 160 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('filter.action')}
        value={value.action}
        onChange={(action?: string) => onChange({ ...value, action })}
        options={ACTIONS.map((action) => ({ value: action, label: auditActionText.label(action) }))}
        style={{ width: 220 }}
        popupMatchSelectWidth={false}
      />
      <Input.Search
        allowClear
        placeholder={t('filter.entityId')}
        value={entityId}
        onChange={(event) => setEntityId(event.target.value)}
        onSearch={(id) => onChange({ ...value, entityId: id.trim() || undefined })}
        style={{ width: 180 }}
        maxLength={50}
      />
      {hasFilters && (
        <Button
          type="link"
          onClick={() => {
            setEntityId('');
            onChange({});
          }}
        >
          {tc('reset')}
        </Button>
      )}
    </Flex>
  );
}
