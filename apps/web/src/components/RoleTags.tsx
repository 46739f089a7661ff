import type { Role } from '@xiaoshi/contracts';
import { Flex, Tag } from 'antd';
import { roleText } from '../i18n/enums';

const COLORS: Record<Role, string> = {
  district_admin: 'geekblue',
  finance: 'gold',
  street_officer: 'cyan',
  community_officer: 'green',
  partner: 'purple',
  reviewer: 'magenta',
  inspector: 'orange',
  auditor: 'default',
  city_officer: 'volcano',
};

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const label = roleText.useLabel();
  return (
    <Flex gap={4} wrap component="span" style={{ display: 'inline-flex' }}>
      {roles.map((role) => (
        <Tag key={role} color={COLORS[role]} style={{ marginInlineEnd: 0 }}>
          {label(role)}
        </Tag>
      ))}
    </Flex>
  );
}
