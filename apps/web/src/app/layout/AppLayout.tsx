import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Drawer, Flex, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageSpinner } from '../../components/PageSpinner';
import { RouteErrorBoundary } from '../../components/RouteErrorBoundary';
import { useSessionUser } from '../auth/AuthContext';
import { Brand } from './Brand';
import { NotificationBell } from './NotificationBell';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';
import { shellText } from '../text';
import { commonText } from '../../i18n/common';

const { Header, Sider, Content, Footer } = Layout;

/** The signed-in shell: header, permission-driven side menu, and the routed page. */
export function AppLayout() {
  const user = useSessionUser();
  const t = shellText.useT();
  const tc = commonText.useT();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.lg;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // A temporary password confines the user to the change form: no menu to wander off with.
  const confined = user.mustChangePassword;

  const toggle = () => (narrow ? setDrawerOpen(true) : setCollapsed((value) => !value));
  return (
    // The message, notification and modal hooks (App.useApp) of every signed-in page.
    <AntApp>
      <Layout className="xs-shell">
        <Header className="xs-header">
          <Flex align="center" gap={12} style={{ minWidth: 0 }}>
            {!confined && (
              <Button
                type="text"
                aria-label={collapsed || narrow ? t('nav.expand') : t('nav.collapse')}
                icon={collapsed || narrow ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={toggle}
              />
            )}
            <Brand compact={!screens.sm} />
          </Flex>
          <Flex align="center" gap={screens.sm ? 16 : 8}>
            <LanguageSwitch />
            {!confined && <NotificationBell />}
            <UserMenu />
          </Flex>
        </Header>
        <Layout>
          {!confined && !narrow && (
            <Sider width={216} collapsedWidth={64} collapsed={collapsed} theme="light" className="xs-sider">
              <SideMenu />
            </Sider>
          )}
          {!confined && narrow && (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={240}
              styles={{ body: { padding: 8 } }}
              title={<Brand compact />}
            >
              <SideMenu onNavigate={() => setDrawerOpen(false)} />
            </Drawer>
          )}
          <Layout className="xs-main">
            <Content className="xs-content">
              <RouteErrorBoundary resetKey={location.pathname}>
                <Suspense fallback={<PageSpinner />}>
                  <Outlet />
                </Suspense>
              </RouteErrorBoundary>
            </Content>
            <Footer className="xs-footer">{tc('app.footer')}</Footer>
          </Layout>
        </Layout>
      </Layout>
    </AntApp>
  );
}

export default AppLayout;
