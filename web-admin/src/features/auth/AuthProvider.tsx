// The session: restores it from the stored token with `me`, holds the signed-in viewer, and
// owns the urql client (a fresh client per session, so no cached data crosses users).
import type { ResultOf } from '@graphql-typed-document-node/core';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Provider as UrqlProvider, type Client, type CombinedError } from 'urql';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { createUrqlClient } from '../../urql';
import { isUnauthenticated } from '../../ui/graphqlErrors';
import { clearToken, readToken, writeToken } from './session';

export const AuthProvider_UserFragment = graphql(`
  fragment AuthProvider_UserFragment on User {
    id
    role
    mustChangePassword
    scope {
      id
      name
      level
    }
    ...UserMenu_UserFragment
  }
`);

const SessionQuery = graphql(`
  query Session {
    me {
      id
      ...AuthProvider_UserFragment
    }
  }
`);

export type ViewerRef = FragmentType<typeof AuthProvider_UserFragment>;
export type Viewer = ResultOf<typeof AuthProvider_UserFragment>;

export type SessionStatus = 'restoring' | 'anonymous' | 'authenticated' | 'error';

interface AuthContextValue {
  status: SessionStatus;
  viewer: Viewer | null;
  /** why the last session ended without the user asking: shown on the login page */
  endedBecause: 'UNAUTHENTICATED' | null;
  /** the error that stopped the session from being restored (status 'error') */
  restoreError: CombinedError | null;
  signIn: (token: string, user: ViewerRef) => void;
  signOut: () => void;
  retryRestore: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const onUnauthenticatedRef = useRef<() => void>(() => undefined);
  const makeClient = useCallback(
    () => createUrqlClient({ getToken: readToken, onUnauthenticated: () => onUnauthenticatedRef.current() }),
    [],
  );
  const [client, setClient] = useState<Client>(makeClient);
  const [viewerRef, setViewerRef] = useState<ViewerRef | null>(null);
  const [status, setStatus] = useState<SessionStatus>(() => (readToken() ? 'restoring' : 'anonymous'));
  const [endedBecause, setEndedBecause] = useState<'UNAUTHENTICATED' | null>(null);
  const [restoreError, setRestoreError] = useState<CombinedError | null>(null);
  const [restoreAttempt, setRestoreAttempt] = useState(0);

  const endSession = useCallback(
    (reason: 'UNAUTHENTICATED' | null) => {
      clearToken();
      setViewerRef(null);
      setStatus('anonymous');
      setEndedBecause(reason);
      setClient(makeClient());
    },
    [makeClient],
  );
  onUnauthenticatedRef.current = () => endSession('UNAUTHENTICATED');

  // Restore the session from a stored token.
  useEffect(() => {
    if (!readToken()) return;
    let cancelled = false;
    setStatus('restoring');
    client
      .query(SessionQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (cancelled) return;
        if (result.data?.me) {
          setViewerRef(result.data.me);
          setStatus('authenticated');
        } else if (result.error && !isUnauthenticated(result.error)) {
          setRestoreError(result.error);
          setStatus('error');
        } else {
          endSession(result.error ? 'UNAUTHENTICATED' : null);
        }
      });
    return () => {
      cancelled = true;
    };
    // Runs once per attempt; the client of a new session needs no restore.
  }, [restoreAttempt]);

  const signIn = useCallback(
    (token: string, user: ViewerRef) => {
      writeToken(token);
      setClient(makeClient());
      setViewerRef(user);
      setEndedBecause(null);
      setRestoreError(null);
      setStatus('authenticated');
    },
    [makeClient],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      status,
      viewer: viewerRef ? useFragment(AuthProvider_UserFragment, viewerRef) : null,
      endedBecause,
      restoreError,
      signIn,
      signOut: () => endSession(null),
      retryRestore: () => setRestoreAttempt((n) => n + 1),
    }),
    [status, viewerRef, endedBecause, restoreError, signIn, endSession],
  );

  return (
    <AuthContext.Provider value={value}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in viewer; only for components rendered behind RequireAuth. */
export function useViewer(): Viewer {
  const { viewer } = useAuth();
  if (!viewer) throw new Error('useViewer without a session');
  return viewer;
}
