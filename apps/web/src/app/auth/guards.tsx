import type { Permission } from '@xiaoshi/contracts';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { FullPageSpinner } from '../../components/FullPageSpinner';
import { LoginPlaceholder } from '../prerendered';
import { useAuth } from './AuthContext';

export const PASSWORD_PATH = '/account/password';

// Rarely shown: kept out of the first page's scripts.
const ForbiddenPage = lazy(() => import('../../pages/errors/ForbiddenPage'));

/** Everything behind sign-in. A temporary password confines the user to the change form. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, user, signedOutReason } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <FullPageSpinner />;
  if (!user) {
    // Come back here after signing in, unless the user chose to leave (or had to re-authenticate
    // after a password change): then the next person at this desk starts from home.
    const returnable =
      (signedOutReason === null || signedOutReason === 'expired') &&
      location.pathname !== '/' &&
      location.pathname !== PASSWORD_PATH;
    const next = returnable ? `?next=${encodeURIComponent(location.pathname + location.search)}` : '';
    return <Navigate to={`/login${next}`} replace />;
  }
  if (user.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={PASSWORD_PATH} replace />;
  }
  return children;
}

/** The login page is for signed-out visitors only. */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <LoginPlaceholder />;
  if (user) {
    const next = new URLSearchParams(location.search).get('next');
    const safe = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
    return <Navigate to={user.mustChangePassword ? PASSWORD_PATH : safe} replace />;
  }
  return children;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? (
    children
  ) : (
    <Suspense fallback={null}>
      <ForbiddenPage />
    </Suspense>
  );
}
