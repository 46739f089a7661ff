import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Flex, Grid, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PASSWORD_PATH } from '../auth/guards';
import { useAuth, useSessionUser } from '../auth/AuthContext';
import { shellText } from '../text';

export function UserMenu() {
  const user = useSessionUser();
  const { logout } = useAuth();
  const t = shellText.useT();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('user.changePassword') },
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') void navigate(PASSWORD_PATH);
          if (key === 'logout') {
            // The login page says so (signedOutReason 'signed-out').
            void logout();
          }
        },
      }}
    >
      <button type="button" className="xs-user-button" aria-label={t('user.menu')} data-testid="user-menu">
        <Flex align="center" gap={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1d4ed8' }} />
          {screens.md && (
            <Flex vertical align="flex-start" style={{ lineHeight: 1.25 }}>
              <Typography.Text strong ellipsis style={{ maxWidth: 220 }}>
                {user.displayName}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 220 }}>
                {user.unit.name}
              </Typography.Text>
            </Flex>
          )}
          <DownOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />
        </Flex>
      </button>
    </Dropdown>
  );
}
