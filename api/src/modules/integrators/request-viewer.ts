// Who is asking, from a request's headers: `Authorization: Bearer <token>` (a signed-in user),
// `Authorization: ApiKey <key>` or `X-Api-Key: <key>` (an integrator). A key that is unknown,
// revoked or expired is refused (UNAUTHENTICATED), not treated as anonymous; a key over its
// minute's limits answers RATE_LIMITED with `retryAfterSeconds` (and HTTP 429 + Retry-After).
import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../auth/viewer';
import { viewerFromToken } from '../users/user.service';
import { apiKeyService, keyRateLimited, type KeyUsage } from './api-key.service';

/** The credential a request carries. */
export function credentialOf(
  headers: IncomingHttpHeaders,
): { kind: 'bearer' | 'apiKey'; value: string } | null {
  const auth = headers.authorization ?? '';
  const m = /^(Bearer|ApiKey)\s+(.+)$/i.exec(auth);
  if (m) return { kind: m[1].toLowerCase() === 'bearer' ? 'bearer' : 'apiKey', value: m[2].trim() };
  const key = headers['x-api-key'];
  const value = Array.isArray(key) ? key[0] : key;
  return value ? { kind: 'apiKey', value: value.trim() } : null;
}

/** A refusal raised before any resolver runs (context creation), with the contract's code. */
export function requestRefusal(
  code: 'UNAUTHENTICATED' | 'RATE_LIMITED',
  message: string,
  extra: Record<string, unknown> = {},
  status = 401,
  headers: [string, string][] = [],
) {
  return new GraphQLError(message, {
    extensions: { code, ...extra, http: { status, headers: new Map(headers) } },
  });
}

/** RATE_LIMITED with retryAfterSeconds, as HTTP 429 with Retry-After. */
export function rateLimitedRefusal(usage: KeyUsage): GraphQLError {
  const e = keyRateLimited(usage);
  return requestRefusal('RATE_LIMITED', e.message, { retryAfterSeconds: usage.retryAfterSeconds }, 429, [
    ['retry-after', String(usage.retryAfterSeconds)],
  ]);
}

/** The Viewer of a request, or null for anonymous callers. A key's request is counted against its
 * rate limit here; its query cost once known (api-key-plugin.ts). */
export async function viewerFromRequest(
  db: DataSource,
  headers: IncomingHttpHeaders,
): Promise<Viewer | null> {
  const credential = credentialOf(headers);
  if (!credential) return null;
  if (credential.kind === 'bearer') return viewerFromToken(db, credential.value);
  const viewer = await apiKeyService.authenticate(db, credential.value);
  if (!viewer)
    throw requestRefusal(
      'UNAUTHENTICATED',
      '接口密钥无效、已吊销或已过期 / the API key is unknown, revoked or expired',
    );
  const usage = await apiKeyService.consume(db, viewer, { requests: 1, cost: 0 });
  if (usage.limited) throw rateLimitedRefusal(usage);
  return viewer;
}
