import { useQueryClient } from '@tanstack/react-query';
import type { Permission, SessionUser } from '@xiaoshi/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  hasAccessToken,
  onSessionEvent,
  refreshSession,
  signIn,
  signOut,
  type SignOutReason,
} from '../../api/client';
import { meApi } from '../../api/endpoints';

export type AuthStatus = 'restoring' | 'anonymous' | 'authenticated';
/** Why the user is on the login page (null: they simply have not signed in yet). */
export type SignedOutReason = SignOutReason | null;

interface AuthValue {
  status: AuthStatus;
  user: SessionUser | null;
  signedOutReason: SignedOutReason;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: (reason?: Exclude<SignOutReason, 'expired'>) => Promise<void>;
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

/**
 * Restores the session on page load: the refresh cookie buys an access token, then /api/me says
 * who we are. Mounts that overlap (React StrictMode mounts twice) share one attempt; a later
 * remount with a token already in memory only asks /api/me.
 */
let restoring: Promise<SessionUser | null> | null = null;
function restoreSession(): Promise<SessionUser | null> {
  restoring ??= (hasAccessToken() ? meApi.get() : refreshSession().then(() => meApi.get()))
    .catch(() => null)
    .finally(() => {
      restoring = null;
    });
  return restoring;
}

/**
 * The first check starts as this module loads, before React's first render: on the sign-in page,
 * the first page most visitors load, that render and the round trip no longer follow each other.
 * The first AuthProvider to mount takes it over; any later mount asks again as before.
 */
let firstRestore: Promise<SessionUser | null> | null =
  typeof window === 'undefined' ? null : restoreSession(); // not when prerendering (prerender/login.tsx)
function takeRestore(): Promise<SessionUser | null> {
  const pending = firstRestore ?? restoreSession();
  firstRestore = null;
  return pending;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<AuthStatus>('restoring');
  const [user, setUser] = useState<SessionUser | null>(null);
  const [signedOutReason, setSignedOutReason] = useState<SignedOutReason>(null);

  useEffect(() => {
    let live = true;
    void takeRestore().then((restored) => {
      if (!live) return;
      setUser(restored);
      setStatus(restored ? 'authenticated' : 'anonymous');
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () =>
      onSessionEvent((event) => {
        if (event.type === 'signed-in') {
          setUser(event.response.user);
          setSignedOutReason(null);
          setStatus('authenticated');
        } else if (event.type === 'ended') {
          setUser(null);
          setStatus('anonymous');
          setSignedOutReason(event.reason);
          queryClient.clear();
        } else {
          setUser((current) => (current ? { ...current, mustChangePassword: true } : current));
        }
      }),
    [queryClient],
  );

  const login = useCallback(async (username: string, password: string) => {
    const response = await signIn(username, password);
    return response.user;
  }, []);

  const logout = useCallback(
    (reason: Exclude<SignOutReason, 'expired'> = 'signed-out') => signOut(reason),
    [],
  );

  const value = useMemo<AuthValue>(
    () => ({
      status,
      user,
      signedOutReason,
      login,
      logout,
      can: (permission) => !!user?.permissions.includes(permission),
    }),
    [status, user, signedOutReason, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

const SIGNED_OUT: AuthValue = {
  status: 'anonymous',
  user: null,
  signedOutReason: null,
  login: () => Promise.reject(new Error('prerendered page: not signed in yet')),
  logout: () => Promise.resolve(),
  can: () => false,
};

/** A visitor who has not signed in: the context the sign-in page is prerendered with at build time. */
export function SignedOutAuthProvider({ children }: { children: ReactNode }) {
  return <AuthContext.Provider value={SIGNED_OUT}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** For pages inside the authenticated shell, where a user is guaranteed. */
export function useSessionUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useSessionUser without a session');
  return user;
}
