import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useSessionUser } from '../auth/AuthContext';
import { selectedNavPath, visibleNavItems } from '../navigation';
import { shellText } from '../text';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const user = useSessionUser();
  const t = shellText.useT();
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
