// React side of the session: who is signed in, and the gate for pages that need a resident.
import { type ReactNode, useSyncExternalStore } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { type ResidentSession, sessionStore } from './session-store';

export function useSession(): ResidentSession | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, () => null);
}

export const LOGIN_PATH = '/login';
/** Where sign-in leads when it was not sent from a page. */
export const DEFAULT_AFTER_LOGIN = '/account';

/** A same-app path to return to after sign-in; anything else (other sites, the login page) is refused. */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\'))
    return DEFAULT_AFTER_LOGIN;
  if (raw === LOGIN_PATH || raw.startsWith(`${LOGIN_PATH}?`) || raw.startsWith(`${LOGIN_PATH}/`)) {
    return DEFAULT_AFTER_LOGIN;
  }
  return raw;
}

/** The sign-in page, coming back to `next` afterwards. */
export function loginPath(next?: string): string {
  return next ? `${LOGIN_PATH}?next=${encodeURIComponent(next)}` : LOGIN_PATH;
}

/** Renders its page for a signed-in resident; sends anyone else to sign in and back. */
export function RequireResident({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  return children;
}
