// Change feeds: a list asked with `updatedSince` answers the records changed at or after that
// instant, oldest change first, keyset-paged on (updated_at, id) with opaque `v2:` cursors, so a
// client can sync by polling. Two things keep polling without gaps under concurrent writes:
//  - updated_at is the writing transaction's start time (now(), set by a trigger on every update);
//  - a page only reaches up to the start of the oldest transaction still open on the database
//    (the horizon): a change still being written can only carry a time at or after it, so it
//    cannot appear later *behind* a cursor the client already holds.
// Retired or closed records stay in the feed with their status; removed offerings as tombstones.
import { PAGE_DEFAULT, PAGE_MAX } from '@lc/domain';
import { badInput } from './app-error';
import type { Connection } from './connection';

const CURSOR_PREFIX = 'v2:';

/** The instant below which no transaction can still commit a change (see above). */
export const FEED_HORIZON_SQL = `(SELECT coalesce(min(a.xact_start), now()) FROM pg_stat_activity a
  WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL
    AND a.backend_type = 'client backend')`;

export interface FeedRequest {
  since: Date;
  limit: number;
  /** keyset: (updated_at in microseconds since the epoch, id) of the last row seen */
  after: { micros: string; id: number } | null;
}

export function encodeFeedCursor(micros: string, id: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${micros}:${id}`, 'utf8').toString('base64url');
}

export function decodeFeedCursor(cursor: string): { micros: string; id: number } | null {
  const m = /^v2:(\d{1,18}):(\d{1,10})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || encodeFeedCursor(m[1], Number(m[2])) !== cursor) return null;
  return { micros: m[1], id: Number(m[2]) };
}

/** The feed a list call asks for, or null when it has no `updatedSince` (the list's usual order). */
export function feedRequest(
  updatedSince: Date | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): FeedRequest | null {
  if (!updatedSince) return null;
  const fields: { field: string; message: string }[] = [];
  const limit = first ?? PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 0 || limit > PAGE_MAX)
    fields.push({ field: 'first', message: `first 须在 0–${PAGE_MAX} 之间 / first must be 0–${PAGE_MAX}` });
  let key: FeedRequest['after'] = null;
  if (after !== null && after !== undefined) {
    key = decodeFeedCursor(after);
    if (!key) fields.push({ field: 'after', message: '无效的分页游标 / unknown cursor' });
  }
  if (Number.isNaN(updatedSince.getTime()))
    fields.push({ field: 'updatedSince', message: '无效的时间 / invalid instant' });
  if (fields.length) throw badInput(fields);
  return { since: updatedSince, limit, after: key };
}

/** The feed's conditions on `alias` (its updated_at and id), binding values with `bind`, which
 * returns the placeholder of a value (`$3` or `:name`). Used for the count and the page alike;
 * `withKeyset` adds the cursor condition for the page. */
export function feedCondition(
  alias: string,
  feed: FeedRequest,
  bind: (value: unknown) => string,
  withKeyset: boolean,
  column = `${alias}.updated_at`,
): string {
  const parts = [`${column} >= ${bind(feed.since)}`, `${column} < ${FEED_HORIZON_SQL}`];
  if (withKeyset && feed.after) parts.push(feedKeyset(alias, feed.after, bind, column));
  return parts.join(' AND ');
}

/** After the cursor's (updated_at, id). */
export function feedKeyset(
  alias: string,
  after: { micros: string; id: number },
  bind: (value: unknown) => string,
  column = `${alias}.updated_at`,
): string {
  return `(${column}, ${alias}.id) > ('epoch'::timestamptz + ${bind(after.micros)}::bigint * interval '1 microsecond', ${bind(after.id)}::int)`;
}

/** The select expression of a row's change time in microseconds (for its cursor). */
export const feedMicros = (alias: string, column = `${alias}.updated_at`) =>
  `(extract(epoch FROM ${column}) * 1000000)::bigint AS lc_feed_us`;

export const feedOrder = (alias: string, column = `${alias}.updated_at`) => `${column} ASC, ${alias}.id ASC`;

/** `limit + 1` rows in feed order (each with its micros) as a connection. */
export function toFeedConnection<T extends { id: number }>(
  rows: { node: T; micros: string }[],
  feed: FeedRequest,
  totalCount: number,
): Connection<T> {
  const page = rows.slice(0, feed.limit);
  const edges = page.map((r) => ({ cursor: encodeFeedCursor(String(r.micros), r.node.id), node: r.node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > feed.limit,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}

/** One numbered-placeholder binder over a params array ($n). */
export function binder(params: unknown[]): (value: unknown) => string {
  return (value) => {
    params.push(value);
    return `$${params.length}`;
  };
}

/** A feed page of a raw-SQL list: count and page under the list's own WHERE (`where` over
 * `params`, rows of `from` aliased `alias`). */
export async function feedList<T extends { id: number }>(
  db: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  opts: {
    from: string;
    alias: string;
    where: string;
    params: readonly unknown[];
    feed: FeedRequest;
    map: (row: Record<string, unknown>) => T;
    select?: string;
  },
): Promise<Connection<T>> {
  const { alias, feed } = opts;
  const countParams = [...opts.params];
  const [{ count }] = (await db.query(
    `SELECT count(*)::int AS count FROM ${opts.from} WHERE ${opts.where} AND ${feedCondition(alias, feed, binder(countParams), false)}`,
    countParams,
  )) as { count: number }[];
  if (feed.limit === 0) return toFeedConnection([], feed, count);
  const p = [...opts.params];
  const bind = binder(p);
  const rows = (await db.query(
    `SELECT ${opts.select ?? `${alias}.*`}, ${feedMicros(alias)} FROM ${opts.from}
     WHERE ${opts.where} AND ${feedCondition(alias, feed, bind, true)}
     ORDER BY ${feedOrder(alias)} LIMIT ${bind(feed.limit + 1)}`,
    p,
  )) as Record<string, unknown>[];
  return toFeedConnection(
    rows.map((r) => ({ node: opts.map(r), micros: String(r.lc_feed_us) })),
    feed,
    count,
  );
}

/** A feed page of a TypeORM query builder list (alias `alias`, no joins). */
export async function feedQueryBuilder<T extends { id: number }>(
  qb: import('typeorm').SelectQueryBuilder<T>,
  alias: string,
  feed: FeedRequest,
): Promise<Connection<T>> {
  let n = 0;
  const bind = (value: unknown) => {
    const name = `lcFeed${n++}`;
    qb.setParameter(name, value);
    return `:${name}`;
  };
  qb.andWhere(feedCondition(alias, feed, bind, false));
  const count = await qb.clone().getCount();
  if (feed.limit === 0) return toFeedConnection([], feed, count);
  if (feed.after) qb.andWhere(feedKeyset(alias, feed.after, bind));
  const { entities, raw } = await qb
    .addSelect(feedMicros(alias).replace(/ AS lc_feed_us$/, ''), 'lc_feed_us')
    .orderBy(`${alias}.updated_at`, 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(feed.limit + 1)
    .getRawAndEntities();
  return toFeedConnection(
    entities.map((node, i) => ({ node, micros: String((raw[i] as Record<string, unknown>).lc_feed_us) })),
    feed,
    count,
  );
}

/** The description of every list's `updatedSince` argument. */
export const UPDATED_SINCE =
  'change feed: only records changed at or after this instant, oldest change first (keyset on updatedAt, id; retired records included with their status); page with the returned cursors';
