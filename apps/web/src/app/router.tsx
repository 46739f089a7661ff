import type { Permission } from '@xiaoshi/contracts';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { FullPageSpinner } from '../components/FullPageSpinner';
import { useSessionUser } from './auth/AuthContext';
import { RedirectIfSignedIn, RequireAuth, RequirePermission } from './auth/guards';
import { LoginPlaceholder } from './prerendered';
import { loadAntdScope, loadAppLayout } from './shell-chunks';

// Pages are split out of the initial bundle, and so is the signed-in shell (menu, header,
// notification bell): the login page, the first page most visitors see, loads none of it.
const AppLayout = lazy(loadAppLayout);
// antd's theme and locale (every page but the sign-in page): out of the first page's scripts too,
// and fetched at once, alongside the session check, when the address is another page.
const AntdScope = lazy(loadAntdScope);
if (window.location.pathname !== '/login') loadAntdScope().catch(() => undefined);
// The first page most visitors see: opened at /login, its chunk is fetched at once, alongside the
// session check (which decides whether to show it), instead of after that round trip.
const loadLoginPage = () => import('../pages/login/LoginPage');
if (window.location.pathname === '/login') loadLoginPage().catch(() => undefined);
const LoginPage = lazy(loadLoginPage);
const HomePage = lazy(() => import('../pages/home/HomePage'));
const RollupsPage = lazy(() => import('../pages/rollups/RollupsPage'));
const OrgsPage = lazy(() => import('../pages/orgs/OrgsPage'));
const UsersPage = lazy(() => import('../pages/users/UsersPage'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage'));
const ChangePasswordPage = lazy(() => import('../pages/account/ChangePasswordPage'));
const NotFoundPage = lazy(() => import('../pages/errors/NotFoundPage'));
const NotificationsPage = lazy(() => import('../pages/notifications/NotificationsPage'));
const NotificationPreferencesPage = lazy(() => import('../pages/notifications/NotificationPreferencesPage'));
const NotificationDeliveriesPage = lazy(() => import('../pages/notifications/DeliveriesPage'));
const UnsubscribePage = lazy(() => import('../pages/notifications/UnsubscribePage'));
const BudgetsPage = lazy(() => import('../pages/budgets/BudgetsPage'));
const CompetitionsPage = lazy(() => import('../pages/competitions/CompetitionsPage'));
const CompetitionDetailPage = lazy(() => import('../pages/competitions/CompetitionDetailPage'));
const CompetitionWizardPage = lazy(() => import('../pages/competitions/CompetitionWizardPage'));
const ApplicationsPage = lazy(() => import('../pages/applications/ApplicationsPage'));
const ApplicationDetailPage = lazy(() => import('../pages/applications/ApplicationDetailPage'));
const ApplicationFormPage = lazy(() => import('../pages/applications/ApplicationFormPage'));
const ReviewAdminPage = lazy(() => import('../pages/review-admin/ReviewAdminPage'));
const ReviewQueuePage = lazy(() => import('../pages/reviews/ReviewQueuePage'));
const ReviewSheetPage = lazy(() => import('../pages/reviews/ReviewSheetPage'));
const StipendsPage = lazy(() => import('../pages/stipends/StipendsPage'));
const BuildingLeadersPage = lazy(() => import('../pages/building-leaders/BuildingLeadersPage'));
const TripsPage = lazy(() => import('../pages/trips/TripsPage'));
const SocialOrgsPage = lazy(() => import('../pages/social-orgs/SocialOrgsPage'));
const AwardsPage = lazy(() => import('../pages/awards/AwardsPage'));
const DecisionPage = lazy(() => import('../pages/awards/DecisionPage'));
const NoticePage = lazy(() => import('../pages/awards/NoticePage'));
const ProjectsPage = lazy(() => import('../pages/delivery/ProjectsPage'));
const ProjectPage = lazy(() => import('../pages/delivery/ProjectPage'));
const InspectionPage = lazy(() => import('../pages/delivery/InspectionPage'));
const PaymentsPage = lazy(() => import('../pages/payments/PaymentsPage'));
const LedgerDashboardPage = lazy(() => import('../pages/payments/LedgerDashboardPage'));
const PerformancePage = lazy(() => import('../pages/performance/PerformancePage'));
const PerformanceTablePage = lazy(() => import('../pages/performance/TablePage'));
const PerformancePrintPage = lazy(() => import('../pages/performance/PrintPage'));
const SurveysPage = lazy(() => import('../pages/surveys/SurveysPage'));
const DashboardsPage = lazy(() => import('../pages/dashboards/DashboardsPage'));
const OpsPage = lazy(() => import('../pages/ops/OpsPage'));
// A respondent's phone: no sign-in, no layout, a small chunk of its own.
const PublicSurveyPage = lazy(() => import('../pages/surveys/public/PublicSurveyPage'));
// The public side: no sign-in, its own light layout (see pages/public).
const PublicLayout = lazy(() => import('../pages/public/PublicLayout'));
const PublicNoticesPage = lazy(() => import('../pages/public/PublicNoticesPage'));
const PublicNoticePage = lazy(() => import('../pages/public/PublicNoticePage'));
const PublicProjectsPage = lazy(() => import('../pages/public/PublicProjectsPage'));

/** A route behind a permission (the menu hides the same ones: see navigation.tsx). */
/** The first page after sign-in: a city / province officer reads roll-ups, everyone else the 工作台. */
function Landing() {
  const user = useSessionUser();
  return user.roles.includes('city_officer') ? <Navigate to="/rollups" replace /> : <HomePage />;
}

function guarded(path: string, permission: Permission, element: ReactNode) {
  return { path, element: <RequirePermission permission={permission}>{element}</RequirePermission> };
}

function Standalone({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpinner />}>{children}</Suspense>;
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/login',
      element: (
        <RedirectIfSignedIn>
          <Suspense fallback={<LoginPlaceholder />}>
            <LoginPage />
          </Suspense>
        </RedirectIfSignedIn>
      ),
    },
    {
      // Every other page runs inside antd's ConfigProvider (theme, locale); the sign-in page, the
      // first page most visitors load, does without it (see AntdScope).
      element: (
        <Standalone>
          <AntdScope />
        </Standalone>
      ),
      children: [
        {
          // Outside RequireAuth: the 公示 and the register are read by anyone, signed in or not.
          path: '/public',
          element: (
            <Standalone>
              <PublicLayout />
            </Standalone>
          ),
          children: [
            { index: true, element: <PublicNoticesPage /> },
            { path: 'notices/:id', element: <PublicNoticePage /> },
            { path: 'projects', element: <PublicProjectsPage /> },
            // One-click unsubscribe from an e-mail's link (no sign-in).
            { path: 'unsubscribe', element: <UnsubscribePage /> },
            { path: '*', element: <PublicNoticesPage /> },
          ],
        },
        {
          path: '/s/:code',
          element: (
            <Standalone>
              <PublicSurveyPage />
            </Standalone>
          ),
        },
        {
          // The A4 self-evaluation prints without the portal's menu and header.
          path: '/performance/tables/:id/print',
          element: (
            <RequireAuth>
              <RequirePermission permission="performance.read">
                <Standalone>
                  <PerformancePrintPage />
                </Standalone>
              </RequirePermission>
            </RequireAuth>
          ),
        },
        {
          path: '/',
          element: (
            <RequireAuth>
              <Standalone>
                <AppLayout />
              </Standalone>
            </RequireAuth>
          ),
          children: [
            { index: true, element: <Landing /> },
            {
              path: 'orgs',
              element: (
                <RequirePermission permission="orgs.read">
                  <OrgsPage />
                </RequirePermission>
              ),
            },
            {
              path: 'users',
              element: (
                <RequirePermission permission="users.read">
                  <UsersPage />
                </RequirePermission>
              ),
            },
            {
              path: 'audit',
              element: (
                <RequirePermission permission="audit.read">
                  <AuditPage />
                </RequirePermission>
              ),
            },
            { path: 'notifications', element: <NotificationsPage /> },
            { path: 'notifications/preferences', element: <NotificationPreferencesPage /> },
            guarded('notification-deliveries', 'notifications.read', <NotificationDeliveriesPage />),
            guarded('budgets', 'budgets.read', <BudgetsPage />),
            guarded('competitions', 'competitions.read', <CompetitionsPage />),
            guarded('competitions/new', 'competitions.manage', <CompetitionWizardPage />),
            guarded('competitions/:id', 'competitions.read', <CompetitionDetailPage />),
            guarded('competitions/:id/edit', 'competitions.manage', <CompetitionWizardPage />),
            guarded('applications', 'applications.read', <ApplicationsPage />),
            guarded('applications/new', 'applications.edit', <ApplicationFormPage />),
            guarded('applications/:id', 'applications.read', <ApplicationDetailPage />),
            guarded('applications/:id/edit', 'applications.edit', <ApplicationFormPage />),
            guarded('review-admin', 'reviews.read', <ReviewAdminPage />),
            guarded('reviews', 'reviews.score', <ReviewQueuePage />),
            guarded('reviews/:assignmentId', 'reviews.score', <ReviewSheetPage />),
            guarded('stipends', 'stipends.read', <StipendsPage />),
            guarded('building-leaders', 'stipends.read', <BuildingLeadersPage />),
            guarded('trips', 'trips.read', <TripsPage />),
            guarded('trips/:id', 'trips.read', <TripsPage />),
            guarded('social-orgs', 'social_orgs.read', <SocialOrgsPage />),
            guarded('awards', 'awards.read', <AwardsPage />),
            guarded('decisions/:id', 'awards.read', <DecisionPage />),
            guarded('notices/:id', 'awards.read', <NoticePage />),
            guarded('projects', 'delivery.read', <ProjectsPage />),
            guarded('projects/:id', 'delivery.read', <ProjectPage />),
            guarded('inspections/:id', 'delivery.read', <InspectionPage />),
            guarded('payments', 'payments.read', <PaymentsPage />),
            guarded('ledger', 'budgets.read', <LedgerDashboardPage />),
            guarded('performance', 'performance.read', <PerformancePage />),
            guarded('performance/tables/:id', 'performance.read', <PerformanceTablePage />),
            guarded('surveys', 'surveys.read', <SurveysPage />),
            guarded('surveys/:id', 'surveys.read', <SurveysPage />),
            guarded('dashboards', 'dashboards.read', <DashboardsPage />),
            guarded('rollups', 'rollups.read', <RollupsPage />),
            guarded('ops', 'queues.read', <OpsPage />),
            { path: 'account/password', element: <ChangePasswordPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
