import type { UserView } from '@xiaoshi/contracts';
import { Flex, Tag } from 'antd';
import { useI18n } from '../../i18n/I18nProvider';

export function UserStatus({ user }: { user: UserView }) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap>
      {user.active ? (
        <Tag color="success">{t('users.status.active')}</Tag>
      ) : (
        <Tag>{t('users.status.disabled')}</Tag>
      )}
      {user.locked && <Tag color="error">{t('users.status.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="warning">{t('users.status.mustChange')}</Tag>}
    </Flex>
  );
}
