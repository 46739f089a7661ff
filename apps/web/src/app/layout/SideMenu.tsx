import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider';
import { useSessionUser } from '../auth/AuthContext';
import { selectedNavPath, visibleNavItems } from '../navigation';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const user = useSessionUser();
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const items = visibleNavItems(user.permissions).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: t(item.label),
  }));
  return (
    <Menu
      mode="inline"
      selectedKeys={[selectedNavPath(location.pathname)]}
      items={items}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
