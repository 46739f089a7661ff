import type { Role } from '@xiaoshi/contracts';
import { Flex, Tag } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { roleLabel } from '../i18n/labels';

const COLORS: Record<Role, string> = {
  district_admin: 'geekblue',
  finance: 'gold',
  street_officer: 'cyan',
  community_officer: 'green',
  partner: 'purple',
  reviewer: 'magenta',
  inspector: 'orange',
  auditor: 'default',
};

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { lang } = useI18n();
  return (
    <Flex gap={4} wrap component="span" style={{ display: 'inline-flex' }}>
      {roles.map((role) => (
        <Tag key={role} color={COLORS[role]} style={{ marginInlineEnd: 0 }}>
          {roleLabel(role, lang)}
        </Tag>
      ))}
    </Flex>
  );
}
