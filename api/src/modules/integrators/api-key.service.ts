// API keys for integrators. A key is `lck_<prefix>.<secret>`: the prefix (visible, unique) finds the
// key, the secret is kept only as a SHA-256 hash (it is 256 random bits: no slow hash needed) and
// compared in constant time. Each key acts through an INTEGRATOR account of its own (so writes
// name an actor like any other), in a region, with permissions, a rate limit and a query-cost
// budget per minute counted in the database (several API processes share the count).
// `apiKeyService.authenticate(db, rawKey)` is the one way to turn a key into a Viewer.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { API_PERMISSIONS, type ApiPermission } from '@lc/domain';
import type { DataSource } from 'typeorm';
import { canManageApiKeys, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { AppError, FieldErrors, forbidden, notFound } from '../../common/app-error';
import { pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import type { Context } from '../../context';
import { recordAudit } from '../audit-log/audit-log.service';
import type { ApiKey, IssueApiKeyInput, IssuedApiKey } from './api-key.types';

export const KEY_PREFIX = 'lck_';
export const DEFAULT_RATE_LIMIT = 120;
export const DEFAULT_COST_BUDGET = 2_000_000;
const RATE_LIMIT_MAX = 100_000;
const COST_BUDGET_MAX = 100_000_000;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Splits `lck_<prefix>.<secret>` into its parts, or null. */
export function parseApiKey(raw: string): { prefix: string; secret: string } | null {
  const m = /^(lck_[0-9a-f]{10})\.([A-Za-z0-9_-]{43})$/.exec(raw.trim());
  return m ? { prefix: m[1], secret: m[2] } : null;
}

function toKey(r: Record<string, unknown>): ApiKey {
  const expiresAt = (r.expires_at as Date | null) ?? null;
  const revokedAt = (r.revoked_at as Date | null) ?? null;
  return {
    id: r.id as number,
    name: r.name as string,
    prefix: r.prefix as string,
    regionId: r.region_id as number,
    districtId: r.district_id as number,
    permissions: r.permissions as ApiPermission[],
    rateLimitPerMinute: r.rate_limit_per_minute as number,
    costBudgetPerMinute: r.cost_budget_per_minute as number,
    expiresAt,
    revokedAt,
    lastUsedAt: (r.last_used_at as Date | null) ?? null,
    createdAt: r.created_at as Date,
    active: !revokedAt && (!expiresAt || expiresAt.getTime() > Date.now()),
  };
}

export interface KeyUsage {
  /** seconds until the current minute's window ends, when a limit was exceeded */
  retryAfterSeconds: number;
  limited: 'REQUESTS' | 'COST' | null;
}

export const apiKeyService = {
  /** The viewer of a raw key (an INTEGRATOR in the key's region), or null when the key is unknown,
   * revoked or expired. Reusable by any entry point that accepts keys (GraphQL, HSDS, Open311). */
  async authenticate(db: Pick<DataSource, 'query'>, rawKey: string): Promise<Viewer | null> {
    const parsed = parseApiKey(rawKey);
    if (!parsed) return null;
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT k.*, r.level AS region_level, u.active AS user_active
       FROM api_key k JOIN region r ON r.id = k.region_id JOIN app_user u ON u.id = k.user_id
       WHERE k.prefix = $1`,
      [parsed.prefix],
    );
    const row = rows[0];
    if (!row) return null;
    const expected = Buffer.from(row.secret_hash as string, 'hex');
    const actual = sha256(parsed.secret);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
    const key = toKey(row);
    if (!key.active || !row.user_active) return null;
    return {
      userId: row.user_id as number,
      role: 'INTEGRATOR',
      displayName: key.name,
      districtId: key.districtId,
      streetId: row.region_level === 'STREET' ? key.regionId : null,
      centerId: null,
      apiKey: {
        id: key.id,
        name: key.name,
        permissions: key.permissions,
        rateLimitPerMinute: key.rateLimitPerMinute,
        costBudgetPerMinute: key.costBudgetPerMinute,
      },
    };
  },

  /** Counts requests and query-cost points against the key's minute window (atomic: one
   * statement) and says whether a limit is exceeded. Also notes the key's last use (at most every
   * 10 s). A request is counted when it arrives, its cost once the operation is known. */
  async consume(
    db: Pick<DataSource, 'query'>,
    viewer: Viewer,
    use: { requests: number; cost: number },
  ): Promise<KeyUsage> {
    const grant = viewer.apiKey;
    if (!grant) return { retryAfterSeconds: 0, limited: null };
    const [row]: { requests: number; cost: number; reset_in: number }[] = await db.query(
      `WITH touch AS (
         UPDATE api_key SET last_used_at = now()
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '10 seconds')
       )
       INSERT INTO api_key_usage (key_id, window_start, requests, cost)
       VALUES ($1, date_trunc('minute', now()), $3, $2)
       ON CONFLICT (key_id, window_start)
       DO UPDATE SET requests = api_key_usage.requests + $3, cost = api_key_usage.cost + $2
       RETURNING requests, cost,
                 extract(epoch FROM (window_start + interval '1 minute' - now()))::float8 AS reset_in`,
      [grant.id, Math.max(0, Math.round(use.cost)), use.requests],
    );
    if (Math.random() < 0.01) {
      await db.query(`DELETE FROM api_key_usage WHERE window_start < now() - interval '1 hour'`);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil(row.reset_in));
    if (row.requests > grant.rateLimitPerMinute) return { retryAfterSeconds, limited: 'REQUESTS' };
    if (row.cost > grant.costBudgetPerMinute) return { retryAfterSeconds, limited: 'COST' };
    return { retryAfterSeconds, limited: null };
  },

  async list(
    ctx: Context,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Connection<ApiKey>> {
    const viewer = requireViewer(ctx.viewer);
    if (!canManageApiKeys(viewer, viewer.districtId ?? -1))
      throw forbidden('接口密钥由区级管理员管理 / API keys are managed by district admins');
    const page = pageRequest(first, after);
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM api_key WHERE district_id = $1`,
      [viewer.districtId],
    );
    const params: unknown[] = [viewer.districtId];
    let sql = `SELECT * FROM api_key WHERE district_id = $1`;
    if (page.afterId !== null) {
      params.push(page.afterId);
      sql += ` AND id < $${params.length}`;
    }
    params.push(page.limit + 1);
    sql += ` ORDER BY id DESC LIMIT $${params.length}`;
    const rows = page.limit > 0 ? ((await ctx.db.query(sql, params)) as Record<string, unknown>[]) : [];
    return toConnection(rows.map(toKey), page, count);
  },

  /** Issues a key; the secret is in the answer only. */
  async issue(ctx: Context, input: IssueApiKeyInput): Promise<IssuedApiKey> {
    const viewer = requireViewer(ctx.viewer);
    const errors = new FieldErrors();
    const name = input.name.trim();
    errors.check(
      name.length > 0 && name.length <= 80,
      'input.name',
      '请填写接入方名称（80字以内） / name the integrator',
    );
    const rid = parseId(input.regionId);
    const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
    const districtId = region ? (region.level === 'DISTRICT' ? region.id : region.districtId) : null;
    if (!region || region.level === 'COMMUNITY')
      errors.add('input.regionId', '请选择区或街镇 / choose a district or a street');
    else if (!canManageApiKeys(viewer, districtId ?? -1))
      throw forbidden('只能为本区签发接口密钥 / keys are issued for your own district');
    const permissions = [...new Set(input.permissions)];
    errors.check(
      permissions.length > 0,
      'input.permissions',
      '请至少选择一项权限 / choose at least one permission',
    );
    errors.check(
      permissions.every((p) => (API_PERMISSIONS as readonly string[]).includes(p)),
      'input.permissions',
      'unknown permission',
    );
    if (input.expiresAt)
      errors.check(
        input.expiresAt.getTime() > Date.now(),
        'input.expiresAt',
        '过期时间须在将来 / expiry must be in the future',
      );
    const rate = input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT;
    const budget = input.costBudgetPerMinute ?? DEFAULT_COST_BUDGET;
    errors.check(
      Number.isInteger(rate) && rate >= 1 && rate <= RATE_LIMIT_MAX,
      'input.rateLimitPerMinute',
      `每分钟请求数须在 1–${RATE_LIMIT_MAX} 之间 / 1–${RATE_LIMIT_MAX}`,
    );
    errors.check(
      Number.isInteger(budget) && budget >= 1 && budget <= COST_BUDGET_MAX,
      'input.costBudgetPerMinute',
      `每分钟查询成本须在 1–${COST_BUDGET_MAX} 之间 / 1–${COST_BUDGET_MAX}`,
    );
    errors.throwIfAny();
    const prefix = `${KEY_PREFIX}${randomBytes(5).toString('hex')}`;
    const secret = randomBytes(32).toString('base64url');
    const key = await ctx.db.transaction(async (em) => {
      const [user]: { id: number }[] = await em.query(
        `INSERT INTO app_user (username, display_name, role, scope_region_id, created_by)
         VALUES ($1, $2, 'INTEGRATOR', $3, $4) RETURNING id`,
        [`apikey-${prefix}`, name, region!.id, viewer.userId],
      );
      const [row]: Record<string, unknown>[] = await em.query(
        `INSERT INTO api_key (name, prefix, secret_hash, user_id, region_id, district_id, permissions,
                              rate_limit_per_minute, cost_budget_per_minute, expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
        [
          name,
          prefix,
          sha256(secret).toString('hex'),
          user.id,
          region!.id,
          districtId,
          permissions,
          rate,
          budget,
          input.expiresAt ?? null,
          viewer.userId,
        ],
      );
      const k = toKey(row);
      await recordAudit(em, ctx, {
        action: 'API_KEY_ISSUED',
        targetType: 'API_KEY',
        targetId: k.id,
        targetLabel: `${k.name} (${k.prefix})`,
        districtId: k.districtId,
        after: {
          name: k.name,
          prefix: k.prefix,
          regionId: k.regionId,
          permissions: k.permissions,
          rateLimitPerMinute: k.rateLimitPerMinute,
          costBudgetPerMinute: k.costBudgetPerMinute,
          expiresAt: k.expiresAt,
        },
      });
      return k;
    });
    return { key, secret: `${prefix}.${secret}` };
  },

  /** Revokes a key at once: the next request with it is refused. */
  async revoke(ctx: Context, id: string): Promise<ApiKey> {
    const viewer = requireViewer(ctx.viewer);
    const kid = parseId(id);
    return ctx.db.transaction(async (em) => {
      const rows: Record<string, unknown>[] =
        kid === null ? [] : await em.query(`SELECT * FROM api_key WHERE id = $1 FOR UPDATE`, [kid]);
      if (!rows[0] || !canManageApiKeys(viewer, rows[0].district_id as number)) throw notFound('API key');
      const before = toKey(rows[0]);
      if (before.revokedAt) return before;
      const [[row]]: [Record<string, unknown>[], number] = await em.query(
        `UPDATE api_key SET revoked_at = now(), revoked_by = $2 WHERE id = $1 RETURNING *`,
        [before.id, viewer.userId],
      );
      await em.query(`UPDATE app_user SET active = false, token_version = token_version + 1 WHERE id = $1`, [
        row.user_id,
      ]);
      const k = toKey(row);
      await recordAudit(em, ctx, {
        action: 'API_KEY_REVOKED',
        targetType: 'API_KEY',
        targetId: k.id,
        targetLabel: `${k.name} (${k.prefix})`,
        districtId: k.districtId,
        before: { revokedAt: null },
        after: { revokedAt: k.revokedAt },
      });
      return k;
    });
  },
};

/** The RATE_LIMITED answer of a key over its limits. */
export function keyRateLimited(usage: KeyUsage): AppError {
  return new AppError(
    'RATE_LIMITED',
    usage.limited === 'COST'
      ? '接口密钥本分钟的查询成本额度已用完 / the key’s query-cost budget for this minute is used up'
      : '接口密钥请求过于频繁 / too many requests with this key',
    undefined,
    { retryAfterSeconds: usage.retryAfterSeconds },
  );
}
