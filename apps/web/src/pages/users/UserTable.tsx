import type { UserView } from '@xiaoshi/contracts';
import { Button, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useSessionUser } from '../../app/auth/AuthContext';
import { RoleTags } from '../../components/RoleTags';
import { formatDateTime } from '../../lib/time';
import { UserStatus } from './UserStatus';
import { usersText } from './text';
import { commonText } from '../../i18n/common';
import { useLang } from '../../i18n/i18n';

interface Props {
  users: UserView[];
  loading: boolean;
  canManage: boolean;
  onEdit: (user: UserView) => void;
  onResetPassword: (user: UserView) => void;
  onToggleActive: (user: UserView) => Promise<unknown>;
}

export function UserTable({ users, loading, canManage, onEdit, onResetPassword, onToggleActive }: Props) {
  const t = usersText.useT();
  const tc = commonText.useT();
  const lang = useLang();
  const me = useSessionUser();

  const columns: TableColumnsType<UserView> = [
    {
      title: t('col.username'),
      dataIndex: 'username',
      width: 140,
      render: (username: string, user) => (
        <Typography.Text strong>
          {username}
          {user.id === me.id && <Typography.Text type="secondary">{t('self')}</Typography.Text>}
        </Typography.Text>
      ),
    },
    { title: t('col.displayName'), dataIndex: 'displayName', ellipsis: { showTitle: true } },
    {
      title: t('col.unit'),
      key: 'unit',
      ellipsis: { showTitle: true },
      render: (_, user) => user.unit.name,
    },
    {
      title: t('col.roles'),
      key: 'roles',
      width: 220,
      render: (_, user) => <RoleTags roles={user.roles} />,
    },
    {
      title: t('col.status'),
      key: 'status',
      width: 150,
      render: (_, user) => <UserStatus user={user} />,
    },
    {
      title: t('col.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      responsive: ['lg'],
      render: (value: string | null) =>
        value ? (
          formatDateTime(value, lang, false)
        ) : (
          <Typography.Text type="secondary">{t('never')}</Typography.Text>
        ),
    },
  ];

  if (canManage) {
    columns.push({
      title: tc('actions'),
      key: 'actions',
      fixed: 'right',
      width: lang === 'en' ? 230 : 190,
      render: (_, user) => (
        <Space size={0} wrap={false}>
          <Button type="link" size="small" onClick={() => onEdit(user)}>
            {tc('edit')}
          </Button>
          <Button type="link" size="small" onClick={() => onResetPassword(user)}>
            {t('resetPassword')}
          </Button>
          {user.id !== me.id && (
            <Popconfirm
              title={t(user.active ? 'disableConfirm' : 'enableConfirm', {
                name: user.displayName,
              })}
              okText={tc('confirm')}
              cancelText={tc('cancel')}
              okButtonProps={{ danger: user.active }}
              onConfirm={() => void onToggleActive(user)}
            >
              <Button type="link" size="small" danger={user.active}>
                {t(user.active ? 'disable' : 'enable')}
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
      locale={{ emptyText: tc('empty') }}
    />
  );
}
