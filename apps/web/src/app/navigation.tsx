import {
  AccountBookOutlined,
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BellOutlined,
  BankOutlined,
  BarChartOutlined,
  BuildOutlined,
  CarOutlined,
  ClusterOutlined,
  FileTextOutlined,
  FlagOutlined,
  FormOutlined,
  FundOutlined,
  HomeOutlined,
  MonitorOutlined,
  ProjectOutlined,
  SmileOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { Permission } from '@xiaoshi/contracts';
import type { ReactNode } from 'react';
import type { KeyOf } from '../i18n/i18n';
import type { shellText } from './text';

export interface NavItem {
  path: string;
  label: KeyOf<typeof shellText>;
  icon: ReactNode;
  /** Shown only to holders of this permission; undefined means every signed-in user. */
  permission?: Permission;
  /** Short description for the dashboard's quick links. */
  blurb?: KeyOf<typeof shellText>;
}

/** The side menu, in order. Routes guard the same permissions (see router.tsx). */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  {
    path: '/rollups',
    label: 'nav.rollups',
    icon: <ClusterOutlined />,
    permission: 'rollups.read',
    blurb: 'link.rollups',
  },
  {
    path: '/dashboards',
    label: 'nav.dashboards',
    icon: <BarChartOutlined />,
    permission: 'dashboards.read',
    blurb: 'link.dashboards',
  },
  {
    path: '/budgets',
    label: 'nav.budgets',
    icon: <AccountBookOutlined />,
    permission: 'budgets.read',
    blurb: 'link.budgets',
  },
  {
    path: '/competitions',
    label: 'nav.competitions',
    icon: <TrophyOutlined />,
    permission: 'competitions.read',
    blurb: 'link.competitions',
  },
  {
    path: '/applications',
    label: 'nav.applications',
    icon: <FileTextOutlined />,
    permission: 'applications.read',
    blurb: 'link.applications',
  },
  {
    path: '/review-admin',
    label: 'nav.reviewAdmin',
    icon: <SolutionOutlined />,
    permission: 'reviews.read',
    blurb: 'link.reviewAdmin',
  },
  {
    path: '/reviews',
    label: 'nav.reviews',
    icon: <FormOutlined />,
    permission: 'reviews.score',
    blurb: 'link.reviews',
  },
  { path: '/awards', label: 'nav.awards', icon: <FlagOutlined />, permission: 'awards.read' },
  { path: '/stipends', label: 'nav.stipends', icon: <WalletOutlined />, permission: 'stipends.read' },
  {
    path: '/building-leaders',
    label: 'nav.buildingLeaders',
    icon: <BuildOutlined />,
    permission: 'stipends.read',
    blurb: 'link.buildingLeaders',
  },
  { path: '/trips', label: 'nav.trips', icon: <CarOutlined />, permission: 'trips.read', blurb: 'link.trips' },
  {
    path: '/social-orgs',
    label: 'nav.socialOrgs',
    icon: <ShopOutlined />,
    permission: 'social_orgs.read',
    blurb: 'link.socialOrgs',
  },
  { path: '/projects', label: 'nav.projects', icon: <ProjectOutlined />, permission: 'delivery.read' },
  { path: '/payments', label: 'nav.payments', icon: <BankOutlined />, permission: 'payments.read' },
  { path: '/ledger', label: 'nav.ledger', icon: <FundOutlined />, permission: 'budgets.read' },
  {
    path: '/performance',
    label: 'nav.performance',
    icon: <AimOutlined />,
    permission: 'performance.read',
    blurb: 'link.performance',
  },
  { path: '/surveys', label: 'nav.surveys', icon: <SmileOutlined />, permission: 'surveys.read' },
  {
    path: '/orgs',
    label: 'nav.orgs',
    icon: <ApartmentOutlined />,
    permission: 'orgs.read',
    blurb: 'link.orgs',
  },
  {
    path: '/users',
    label: 'nav.users',
    icon: <TeamOutlined />,
    permission: 'users.read',
    blurb: 'link.users',
  },
  {
    path: '/notification-deliveries',
    label: 'nav.notificationDeliveries',
    icon: <BellOutlined />,
    permission: 'notifications.read',
  },
  {
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    blurb: 'link.audit',
  },
  { path: '/ops', label: 'nav.ops', icon: <MonitorOutlined />, permission: 'queues.read' },
];

export function visibleNavItems(permissions: readonly Permission[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || permissions.includes(item.permission));
}

/** The menu key for a location: the longest nav path that prefixes it. */
export function selectedNavPath(pathname: string): string {
  const match = NAV_ITEMS.filter((item) =>
    item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`),
  ).sort((a, b) => b.path.length - a.path.length)[0];
  return match?.path ?? '';
}
