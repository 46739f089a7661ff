import type { UserView } from '@xiaoshi/contracts';
import { Flex, Tag } from 'antd';
import { usersText } from './text';

export function UserStatus({ user }: { user: UserView }) {
  const t = usersText.useT();
  return (
    <Flex gap={4} wrap>
      {user.active ? (
        <Tag color="success">{t('status.active')}</Tag>
      ) : (
        <Tag>{t('status.disabled')}</Tag>
      )}
      {user.mustChangePassword && <Tag color="warning">{t('status.mustChange')}</Tag>}
    </Flex>
  );
}
