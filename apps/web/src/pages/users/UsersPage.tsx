import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserView } from '@xiaoshi/contracts';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { usersApi } from '../../api/endpoints';
import { hasCode } from '../../api/errors';
import { useAuth } from '../../app/auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { errorMessage } from '../../lib/errors';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFilters, type UserFilterValues } from './UserFilters';
import { UserFormDrawer, type UserFormTarget } from './UserFormDrawer';
import { UserTable } from './UserTable';
import { useUsers } from './useUsers';
import { usersText } from './text';
import { commonText } from '../../i18n/common';

export default function UsersPage() {
  const t = usersText.useT();
  const tc = commonText.useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<UserFilterValues>({});
  const [formTarget, setFormTarget] = useState<UserFormTarget>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const users = useUsers(filters);
  const canManage = can('users.manage');
  const rows = users.data?.pages.flatMap((page) => page.items) ?? [];
  const reload = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const toggle = useMutation({
    mutationFn: (user: UserView) => usersApi.update(user.id, { active: !user.active, version: user.version }),
  });
  const toggleActive = async (user: UserView) => {
    try {
      const saved = await toggle.mutateAsync(user);
      message.success(t(saved.active ? 'enabled' : 'disabled', { name: saved.displayName }));
    } catch (error) {
      if (hasCode(error, 'CONFLICT')) message.warning(tc('error.conflict'));
      else message.error(errorMessage(error));
    } finally {
      await reload();
    }
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })}>
              {t('create')}
            </Button>
          )
        }
      />
      <Card variant="borderless">
        <UserFilters value={filters} onChange={setFilters} />
        {users.isError && !users.data ? (
          <QueryError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <>
            <UserTable
              users={rows}
              loading={users.isPending || (users.isFetching && !users.isFetchingNextPage)}
              canManage={canManage}
              onEdit={(user) => setFormTarget({ mode: 'edit', user })}
              onResetPassword={setResetting}
              onToggleActive={toggleActive}
            />
            <Flex justify="center" align="center" gap={12} style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">
                {users.hasNextPage
                  ? tc('loadedCount', { count: rows.length })
                  : tc('allLoaded', { count: rows.length })}
              </Typography.Text>
              {users.hasNextPage && (
                <Button onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
                  {tc('loadMore')}
                </Button>
              )}
            </Flex>
          </>
        )}
      </Card>
      <UserFormDrawer
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onSaved={() => void reload()}
        onConflict={() => void reload()}
      />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} onDone={() => void reload()} />
    </>
  );
}
