import type { UserView } from '@xiaoshi/contracts';
import { Button, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useSessionUser } from '../../app/auth/AuthContext';
import { RoleTags } from '../../components/RoleTags';
import { useI18n } from '../../i18n/I18nProvider';
import { formatDateTime } from '../../lib/time';
import { UserStatus } from './UserStatus';

interface Props {
  users: UserView[];
  loading: boolean;
  canManage: boolean;
  onEdit: (user: UserView) => void;
  onResetPassword: (user: UserView) => void;
  onToggleActive: (user: UserView) => Promise<unknown>;
}

export function UserTable({ users, loading, canManage, onEdit, onResetPassword, onToggleActive }: Props) {
  const { t, lang } = useI18n();
  const me = useSessionUser();

  const columns: TableColumnsType<UserView> = [
    {
      title: t('users.col.username'),
      dataIndex: 'username',
      width: 140,
      render: (username: string, user) => (
        <Typography.Text strong>
          {username}
          {user.id === me.id && <Typography.Text type="secondary">{t('users.self')}</Typography.Text>}
        </Typography.Text>
      ),
    },
    { title: t('users.col.displayName'), dataIndex: 'displayName', ellipsis: { showTitle: true } },
    {
      title: t('users.col.unit'),
      key: 'unit',
      ellipsis: { showTitle: true },
      render: (_, user) => user.unit.name,
    },
    {
      title: t('users.col.roles'),
      key: 'roles',
      width: 220,
      render: (_, user) => <RoleTags roles={user.roles} />,
    },
    {
      title: t('users.col.status'),
      key: 'status',
      width: 150,
      render: (_, user) => <UserStatus user={user} />,
    },
    {
      title: t('users.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      responsive: ['lg'],
      render: (value: string | null) =>
        value ? (
          formatDateTime(value, lang, false)
        ) : (
          <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
        ),
    },
  ];

  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: lang === 'en' ? 230 : 190,
      render: (_, user) => (
        <Space size={0} wrap={false}>
          <Button type="link" size="small" onClick={() => onEdit(user)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => onResetPassword(user)}>
            {t('users.resetPassword')}
          </Button>
          {user.id !== me.id && (
            <Popconfirm
              title={t(user.active ? 'users.disableConfirm' : 'users.enableConfirm', {
                name: user.displayName,
              })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: user.active }}
              onConfirm={() => void onToggleActive(user)}
            >
              <Button type="link" size="small" danger={user.active}>
                {t(user.active ? 'users.disable' : 'users.enable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Table<UserView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={false}
      scroll={{ x: 960 }}
      locale={{ emptyText: t('common.empty') }}
    />
  );
}
