// The resident's session (JWT and who it is) between page loads: kept in localStorage, read by
// the urql client on every request and by React through useSyncExternalStore. Another tab
// signing in or out is followed through the `storage` event.

export const SESSION_STORAGE_KEY = 'lc.resident.session';

export interface SessionUser {
  id: string;
  displayName: string;
  phoneMasked: string | null;
}

export interface ResidentSession {
  token: string;
  user: SessionUser;
}

/** The `exp` claim of a JWT in milliseconds, or null when the token carries none or is unreadable. */
export function tokenExpiresAt(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    );
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/** A stored session, or null when it is missing, malformed or its token has expired. */
export function parseSession(raw: string | null, nowMs: number): ResidentSession | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<ResidentSession> | null;
    const user = value?.user;
    if (!value || typeof value.token !== 'string' || !value.token || !user || typeof user.id !== 'string') {
      return null;
    }
    const expiresAt = tokenExpiresAt(value.token);
    if (expiresAt !== null && expiresAt <= nowMs) return null;
    return {
      token: value.token,
      user: {
        id: user.id,
        displayName: typeof user.displayName === 'string' ? user.displayName : '',
        phoneMasked: typeof user.phoneMasked === 'string' ? user.phoneMasked : null,
      },
    };
  } catch {
    return null;
  }
}

function readStored(): ResidentSession | null {
  try {
    return parseSession(window.localStorage.getItem(SESSION_STORAGE_KEY), Date.now());
  } catch {
    return null;
  }
}

let current: ResidentSession | null = typeof window === 'undefined' ? null : readStored();
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const sessionStore = {
  get(): ResidentSession | null {
    return current;
  },
  getToken(): string | null {
    return current?.token ?? null;
  },
  set(session: ResidentSession): void {
    current = session;
    try {
      window.localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    } catch {
      // storage unavailable: the session lasts for this visit only
    }
    emit();
  },
  clear(): void {
    if (current === null) return;
    current = null;
    try {
      window.localStorage.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // nothing stored
    }
    emit();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== SESSION_STORAGE_KEY && event.key !== null) return;
    const next = readStored();
    if (next?.token === current?.token) return;
    current = next;
    emit();
  });
}
