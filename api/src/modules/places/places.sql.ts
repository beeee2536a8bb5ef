// The directory's read paths compiled to SQL (see graphql/sql-read.ts): centersNear, centers and
// center(id), with the Center, Region and GeoPoint fields PostgreSQL can answer as the resolvers
// do. The checks that make the resolvers refuse an argument are mirrored here as "decline", so a
// refused request always goes through the resolver that refuses it, in its words.
import {
  DETOUR_FACTOR,
  LIFE_CIRCLE_MINUTES,
  NEAR_DEFAULT,
  NEAR_MAX,
  PAGE_DEFAULT,
  PAGE_MAX,
  SEARCH_MAX_LENGTH,
  WALKING_METERS_PER_MINUTE,
  WITHIN_MINUTES_MAX,
  isValidLatitude,
  isValidLongitude,
  walkingRadiusMeters,
} from '@lc/domain';
import { managedScope, type ManagedScope } from '../../auth/policy';
import { decodeCursor, likePattern, parseId } from '../../common/connection';
import {
  related,
  relatedList,
  scalar,
  sqlDateTime,
  sqlId,
  type FieldSql,
  type SqlBuilder,
  type SqlReadModule,
} from '../../graphql/sql-read';
import type { SelectedField } from '../../graphql/selection';
import { BOX_MARGIN } from './center.service';

/** A scope (auth/policy.ts) as a condition on a row's district_id, street_id and id columns. */
export function scopeSql(
  b: SqlBuilder,
  scope: ManagedScope,
  cols: { districtId: string; streetId: string; centerId: string },
) {
  // the id as a parameter: one prepared statement serves every viewer of a role
  return scope === null ? 'false' : `coalesce(${cols[scope.key]} = ${b.param(scope.id, 'int')}, false)`;
}

const location: FieldSql = (b, row, f) =>
  Object.keys(f.args).length ? null : b.object('GeoPoint', row, f.selection);

const center: Record<string, FieldSql> = {
  id: scalar((c) => sqlId(`${c}.id`)),
  name: scalar((c) => `${c}.name`),
  kind: scalar((c) => `${c}.kind`),
  brand: scalar((c) => `${c}.brand`),
  address: scalar((c) => `${c}.address`),
  floorArea: scalar((c) => `${c}.floor_area`),
  floors: scalar((c) => `${c}.floors`),
  openingHours: scalar((c) => `${c}.opening_hours`),
  phone: scalar((c) => `${c}.phone`),
  facilities: scalar((c) => `${c}.facilities`),
  zones: scalar((c) => `${c}.zones`),
  updatedAt: scalar((c) => sqlDateTime(`${c}.updated_at`)),
  location,
  street: related('Region', 'st', (c, r) => `region ${r} WHERE ${r}.id = ${c}.street_id`),
  coveredCommunities: relatedList(
    'Region',
    'cm',
    (c, r) => `center_community cc_${r} JOIN region ${r} ON ${r}.id = cc_${r}.community_id
      WHERE cc_${r}.center_id = ${c}.id`,
    (r) => `${r}.id`,
  ),
  viewerCanEdit: (b, c, f) =>
    Object.keys(f.args).length
      ? null
      : scopeSql(b, managedScope(b.ctx.viewer), {
          districtId: `${c}.district_id`,
          streetId: `${c}.street_id`,
          centerId: `${c}.id`,
        }),
};

const region: Record<string, FieldSql> = {
  id: scalar((r) => sqlId(`${r}.id`)),
  code: scalar((r) => `${r}.code`),
  name: scalar((r) => `${r}.name`),
  level: scalar((r) => `${r}.level`),
  communityKind: scalar((r) => `${r}.community_kind`),
  population: scalar((r) => `${r}.population`),
  location: (b, r, f) => {
    const obj = location(b, r, f);
    return obj === null ? null : `CASE WHEN ${r}.lat IS NULL OR ${r}.lng IS NULL THEN NULL ELSE ${obj} END`;
  },
};

const geoPoint: Record<string, FieldSql> = {
  lat: scalar((p) => `${p}.lat`),
  lng: scalar((p) => `${p}.lng`),
};

const centerDistance: Record<string, FieldSql> = {
  center: (b, n, f) => b.object('Center', n, f.selection),
  distanceMeters: scalar((n) => `${n}.lc_distance`),
  // walkingMinutes() of @lc/domain, in the same float8 operations
  walkingMinutes: scalar(
    (n) => `((${n}.lc_distance * ${DETOUR_FACTOR}::float8) / ${WALKING_METERS_PER_MINUTE}::float8)`,
  ),
};

/** The argument keys a root knows; any other declines. */
const only = (f: SelectedField, keys: string[]) => Object.keys(f.args).every((k) => keys.includes(k));

/** centersNear: centerService.near's statement, its rows' JSON aggregated in its order. */
const centersNear = (b: SqlBuilder, f: SelectedField): string | null => {
  if (!only(f, ['point', 'withinMinutes', 'first'])) return null;
  const point = f.args.point as { lat: number; lng: number } | undefined;
  const withinMinutes = f.args.withinMinutes ?? LIFE_CIRCLE_MINUTES;
  const first = f.args.first ?? NEAR_DEFAULT;
  if (!point || !isValidLatitude(point.lat) || !isValidLongitude(point.lng)) return null;
  if (typeof withinMinutes !== 'number' || !Number.isInteger(withinMinutes)) return null;
  if (withinMinutes < 1 || withinMinutes > WITHIN_MINUTES_MAX) return null;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > NEAR_MAX) return null;
  const n = b.alias('n');
  const obj = b.object('CenterDistance', n, f.selection);
  if (obj === null) return null;
  // nothing to find, but the statement keeps the parameters the selection took (viewer scopes)
  if (first === 0)
    return `coalesce((SELECT json_agg(${obj}) FROM (SELECT c.*, 0::float8 AS lc_distance FROM center c WHERE false) ${n}), '[]'::json)`;
  const radius = walkingRadiusMeters(withinMinutes);
  const lat = b.param(point.lat, 'float8');
  const lng = b.param(point.lng, 'float8');
  return `coalesce((SELECT json_agg(${obj} ORDER BY ${n}.lc_distance, ${n}.id) FROM (
      SELECT c.*, lc_distance_m(${lat}, ${lng}, c.lat, c.lng) AS lc_distance
      FROM center c
      WHERE earth_box(ll_to_earth(${lat}, ${lng}), ${b.param(radius * BOX_MARGIN, 'float8')}) @> ll_to_earth(c.lat, c.lng)
        AND lc_distance_m(${lat}, ${lng}, c.lat, c.lng) <= ${b.param(radius, 'float8')}
      ORDER BY lc_distance, c.id
      LIMIT ${b.param(first, 'int')}) ${n}), '[]'::json)`;
};

/** The opaque cursor of common/connection.ts (base64url of "v1:<id>", no padding). */
const cursorSql = (id: string) =>
  `rtrim(translate(encode(convert_to('v1:' || ${id}, 'UTF8'), 'base64'), '+/', '-_'), '=')`;

/** centers(filter, first, after): centerService.list's filter, count and keyset page. */
const centers = (b: SqlBuilder, f: SelectedField): string | null => {
  if (!only(f, ['filter', 'first', 'after'])) return null;
  const filter = (f.args.filter ?? null) as { regionId?: unknown; kind?: unknown; search?: unknown } | null;
  if (filter && !Object.keys(filter).every((k) => ['regionId', 'kind', 'search'].includes(k))) return null;
  const limit = f.args.first ?? PAGE_DEFAULT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > PAGE_MAX) return null;
  let afterId: number | null = null;
  if (f.args.after !== undefined && f.args.after !== null) {
    if (typeof f.args.after !== 'string') return null;
    afterId = decodeCursor(f.args.after);
    if (afterId === null) return null;
  }
  const where: string[] = [];
  if (filter?.kind) where.push(`c.kind = ${b.param(filter.kind, 'text')}`);
  if (filter?.search !== undefined && filter.search !== null) {
    if (typeof filter.search !== 'string' || filter.search.length > SEARCH_MAX_LENGTH) return null;
    const search = filter.search.trim();
    if (search) {
      const pat = b.param(likePattern(search), 'text');
      where.push(`(c.name ILIKE ${pat} OR c.address ILIKE ${pat})`);
    }
  }
  if (filter?.regionId !== null && filter?.regionId !== undefined) {
    const rid = parseId(filter.regionId as string);
    if (rid === null) where.push('false');
    else {
      const p = b.param(rid, 'int');
      where.push(`EXISTS (SELECT 1 FROM region rg WHERE rg.id = ${p} AND CASE rg.level
          WHEN 'DISTRICT' THEN c.district_id = rg.id
          WHEN 'STREET' THEN c.street_id = rg.id
          ELSE EXISTS (SELECT 1 FROM center_community cc WHERE cc.center_id = c.id AND cc.community_id = rg.id) END)`);
    }
  }
  const filtered = `FROM center c${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const afterSql =
    afterId !== null ? `${where.length ? 'AND' : 'WHERE'} c.id > ${b.param(afterId, 'int')}` : '';
  // limit + 1 rows tell whether there is a next page; none are read for first: 0
  const rows = b.param(limit === 0 ? 0 : limit + 1, 'int');
  const page = (a: string) => `(SELECT c.*, row_number() OVER (ORDER BY c.id) AS lc_n ${filtered} ${afterSql}
      ORDER BY c.id LIMIT ${rows}) ${a}`;
  const parts: string[] = [];
  for (const s of f.selection) {
    if (Object.keys(s.args).length) return null;
    let expr: string | null;
    if (s.name === '__typename') expr = `'CenterConnection'::text`;
    else if (s.name === 'totalCount') expr = `(SELECT count(*)::int ${filtered})`;
    else if (s.name === 'edges') {
      const e = b.alias('e');
      const edge = edgeObject(b, e, s.selection);
      expr =
        edge === null
          ? null
          : `coalesce((SELECT json_agg(${edge} ORDER BY ${e}.id) FROM ${page(e)} WHERE ${e}.lc_n <= ${limit}), '[]'::json)`;
    } else if (s.name === 'pageInfo') {
      const pg = b.alias('pg');
      const info: string[] = [];
      for (const p of s.selection) {
        if (Object.keys(p.args).length) return null;
        if (p.name === '__typename') info.push(`'${p.key}', 'PageInfo'::text`);
        else if (p.name === 'hasNextPage')
          info.push(`'${p.key}', (SELECT count(*) > ${limit} FROM ${page(pg)})`);
        else if (p.name === 'endCursor')
          info.push(
            `'${p.key}', (SELECT ${cursorSql(`${pg}.id`)} FROM ${page(pg)} WHERE ${pg}.lc_n <= ${limit} ORDER BY ${pg}.id DESC LIMIT 1)`,
          );
        else return null;
      }
      expr = info.length ? `json_build_object(${info.join(', ')})` : null;
    } else expr = null;
    if (expr === null) return null;
    parts.push(`'${s.key.replace(/'/g, "''")}', ${expr}`);
  }
  return parts.length ? `json_build_object(${parts.join(', ')})` : null;
};

/** A CenterEdge over a page row. */
function edgeObject(b: SqlBuilder, e: string, selection: readonly SelectedField[]): string | null {
  const parts: string[] = [];
  for (const s of selection) {
    if (Object.keys(s.args).length) return null;
    let expr: string | null;
    if (s.name === '__typename') expr = `'CenterEdge'::text`;
    else if (s.name === 'cursor') expr = cursorSql(`${e}.id`);
    else if (s.name === 'node') expr = b.object('Center', e, s.selection);
    else expr = null;
    if (expr === null) return null;
    parts.push(`'${s.key.replace(/'/g, "''")}', ${expr}`);
  }
  return parts.length ? `json_build_object(${parts.join(', ')})` : null;
}

/** center(id): null when the id is not one or nothing has it (centerService.get). */
const centerById = (b: SqlBuilder, f: SelectedField): string | null => {
  if (!only(f, ['id'])) return null;
  const c = b.alias('c');
  const obj = b.object('Center', c, f.selection);
  if (obj === null) return null;
  const id = parseId(f.args.id as string);
  // a malformed id finds nothing (the statement keeps the parameters the selection took)
  return `(SELECT ${obj} FROM center ${c} WHERE ${id === null ? 'false' : `${c}.id = ${b.param(id, 'int')}`})`;
};

export const placesSqlReads: SqlReadModule = {
  types: { Center: center, Region: region, GeoPoint: geoPoint, CenterDistance: centerDistance },
  roots: { centersNear, centers, center: centerById },
};
