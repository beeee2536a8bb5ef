import { describe, expect, it } from 'vitest';
import { loginPath, safeNext } from './session';
import { parseSession, sessionStore, tokenExpiresAt } from './session-store';

function jwt(claims: Record<string, unknown>): string {
  const enc = (o: object) =>
    btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc(claims)}.signature`;
}

const user = { id: '7', displayName: '居民0001', phoneMasked: '138****0001' };

describe('stored sessions', () => {
  it('reads the expiry of a token', () => {
    expect(tokenExpiresAt(jwt({ sub: '7', exp: 2_000_000_000 }))).toBe(2_000_000_000_000);
    expect(tokenExpiresAt(jwt({ sub: '7' }))).toBeNull();
    expect(tokenExpiresAt('not-a-jwt')).toBeNull();
  });

  it('keeps a valid session and drops expired, malformed or missing ones', () => {
    const now = 1_900_000_000_000;
    const token = jwt({ sub: '7', exp: 2_000_000_000 });
    expect(parseSession(JSON.stringify({ token, user }), now)).toEqual({ token, user });
    expect(parseSession(JSON.stringify({ token, user }), 2_000_000_000_000)).toBeNull();
    expect(parseSession(JSON.stringify({ token: '', user }), now)).toBeNull();
    expect(parseSession(JSON.stringify({ token }), now)).toBeNull();
    expect(parseSession('{not json', now)).toBeNull();
    expect(parseSession(null, now)).toBeNull();
  });

  it('saves to and clears from localStorage, telling subscribers', () => {
    const seen: Array<string | null> = [];
    const stop = sessionStore.subscribe(() => seen.push(sessionStore.getToken()));
    const token = jwt({ sub: '7', exp: Math.floor(Date.now() / 1000) + 3600 });
    sessionStore.set({ token, user });
    expect(parseSession(localStorage.getItem('lc.resident.session'), Date.now())?.token).toBe(token);
    sessionStore.clear();
    expect(localStorage.getItem('lc.resident.session')).toBeNull();
    expect(seen).toEqual([token, null]);
    stop();
  });
});

describe('coming back after sign-in', () => {
  it('returns only to pages of this app', () => {
    expect(safeNext('/mobile?category=HEALTH')).toBe('/mobile?category=HEALTH');
    expect(safeNext('/orders')).toBe('/orders');
    expect(safeNext(null)).toBe('/account');
    expect(safeNext('https://evil.example/')).toBe('/account');
    expect(safeNext('//evil.example/')).toBe('/account');
    expect(safeNext('/\\evil.example/')).toBe('/account');
    expect(safeNext('/login?next=/orders')).toBe('/account');
  });
  it('builds the sign-in path with the page to return to', () => {
    expect(loginPath('/mobile?menu=STREET_FEATURE')).toBe('/login?next=%2Fmobile%3Fmenu%3DSTREET_FEATURE');
    expect(loginPath()).toBe('/login');
  });
});
