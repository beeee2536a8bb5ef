// Reads for the HSDS export: pages of services, organizations and services at locations in the HSDS
// API's paging, one whole service, and the whole directory as one JSON document. Each page is a
// fixed number of statements whatever its size (rows, then their organizations, centers and
// offerings by `= ANY`).
import type { DataSource } from 'typeorm';
import { likePattern } from '../../common/connection';
import { hsdsIdOf } from './hsds-ids';
import {
  clean,
  fullService,
  organization,
  serviceAtLocationListItem,
  serviceListItem,
  type CenterRow,
  type OfferingRow,
  type OrgRow,
  type ServiceRow,
} from './hsds-mapping';
import { SERVICE_CATEGORIES, SERVICE_MENUS } from '@lc/domain';

export const PER_PAGE_DEFAULT = 50;
export const PER_PAGE_MAX = 500;

export interface PageArgs {
  page: number;
  perPage: number;
}

export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export class HsdsInputError extends Error {}

export function pageOf<T>(contents: T[], total: number, p: PageArgs): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(total / p.perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: p.page,
    size: contents.length,
    first_page: p.page === 1,
    last_page: p.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

export function pageArgs(query: Record<string, unknown>): PageArgs {
  const num = (v: unknown, fallback: number) => (v === undefined || v === '' ? fallback : Number(v));
  const page = num(query.page, 1);
  const perPage = num(query.per_page, PER_PAGE_DEFAULT);
  if (!Number.isInteger(page) || page < 1) throw new HsdsInputError('page must be a whole number from 1');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > PER_PAGE_MAX)
    throw new HsdsInputError(`per_page must be 1–${PER_PAGE_MAX}`);
  return { page, perPage };
}

function modifiedAfter(v: unknown): Date | null {
  if (v === undefined || v === '') return null;
  const d = new Date(String(v));
  if (Number.isNaN(d.getTime())) throw new HsdsInputError('modified_after must be an ISO 8601 date-time');
  return d;
}

/** A taxonomy term id as the SQL condition on service `s` it stands for. */
function termCondition(v: unknown, bind: (x: unknown) => string): string | null {
  if (v === undefined || v === '') return null;
  const n = hsdsIdOf('taxonomy_term', String(v));
  if (n !== null && n >= 1 && n <= SERVICE_CATEGORIES.length)
    return `s.category = ${bind(SERVICE_CATEGORIES[n - 1])}`;
  if (n !== null && n >= 101 && n < 101 + SERVICE_MENUS.length)
    return `s.menu = ${bind(SERVICE_MENUS[n - 101])}`;
  throw new HsdsInputError('unknown taxonomy_term_id');
}

function orgCondition(v: unknown, column: string, bind: (x: unknown) => string): string | null {
  if (v === undefined || v === '') return null;
  const n = hsdsIdOf('organization', String(v));
  if (n === null) throw new HsdsInputError('unknown organization_id');
  return `${column} = ${bind(n)}`;
}

const ORG_SELECT = `SELECT r.id, r.name, r.level, r.parent_id, d.name AS district_name
  FROM region r LEFT JOIN region d ON d.id = r.district_id`;
const CENTER_SELECT = `SELECT c.id, c.name, c.brand, c.kind, c.address, c.lat, c.lng, c.phone, c.opening_hours,
    c.street_id, s.name AS street_name, d.name AS district_name
  FROM center c JOIN region s ON s.id = c.street_id JOIN region d ON d.id = c.district_id`;

async function orgsById(db: DataSource, ids: number[]): Promise<Map<number, OrgRow>> {
  const rows: OrgRow[] = ids.length ? await db.query(`${ORG_SELECT} WHERE r.id = ANY($1::int[])`, [ids]) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

async function centersById(db: DataSource, ids: number[]): Promise<Map<number, CenterRow>> {
  const rows: CenterRow[] = ids.length
    ? await db.query(`${CENTER_SELECT} WHERE c.id = ANY($1::int[])`, [ids])
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

async function servicesById(db: DataSource, ids: number[]): Promise<Map<number, ServiceRow>> {
  const rows: ServiceRow[] = ids.length
    ? await db.query(`SELECT * FROM service_item WHERE id = ANY($1::int[])`, [ids])
    : [];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The services' offerings with their centers, by service. */
async function offeringsOf(db: DataSource, serviceIds: number[]) {
  const offerings: OfferingRow[] = serviceIds.length
    ? await db.query(`SELECT * FROM service_offering WHERE service_id = ANY($1::int[]) ORDER BY id`, [
        serviceIds,
      ])
    : [];
  const centers = await centersById(db, [...new Set(offerings.map((o) => o.center_id))]);
  const by = new Map<number, { offering: OfferingRow; center: CenterRow }[]>();
  for (const o of offerings) {
    const list = by.get(o.service_id) ?? [];
    list.push({ offering: o, center: centers.get(o.center_id) as CenterRow });
    by.set(o.service_id, list);
  }
  return by;
}

function binder(params: unknown[]) {
  return (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
}

export const hsdsService = {
  async services(db: DataSource, query: Record<string, unknown>) {
    const p = pageArgs(query);
    const params: unknown[] = [];
    const bind = binder(params);
    const since = modifiedAfter(query.modified_after);
    const parts = [since ? `s.updated_at >= ${bind(since)}` : 's.retired_at IS NULL'];
    const search = String(query.search ?? '').trim();
    if (search)
      parts.push(`(s.name ILIKE ${bind(likePattern(search))} OR s.description ILIKE $${params.length})`);
    const term = termCondition(query.taxonomy_term_id, bind);
    if (term) parts.push(term);
    const org = orgCondition(query.organization_id, 's.owner_region_id', bind);
    if (org) parts.push(org);
    const where = parts.join(' AND ');
    const [{ count }] = await db.query(
      `SELECT count(*)::int AS count FROM service_item s WHERE ${where}`,
      params,
    );
    const rows: ServiceRow[] = await db.query(
      `SELECT s.* FROM service_item s WHERE ${where} ORDER BY s.id LIMIT ${bind(p.perPage)} OFFSET ${bind((p.page - 1) * p.perPage)}`,
      params,
    );
    const orgs = await orgsById(db, [...new Set(rows.map((r) => r.owner_region_id))]);
    if (query.full === 'true') {
      const offerings = await offeringsOf(
        db,
        rows.map((r) => r.id),
      );
      return clean(
        pageOf(
          rows.map((s) => fullService(s, orgs.get(s.owner_region_id) ?? null, offerings.get(s.id) ?? [])),
          count,
          p,
        ),
      );
    }
    return clean(
      pageOf(
        rows.map((s) => serviceListItem(s, orgs.get(s.owner_region_id) ?? null)),
        count,
        p,
      ),
    );
  },

  async service(db: DataSource, id: string) {
    const sid = hsdsIdOf('service', id);
    if (sid === null) return null;
    const rows: ServiceRow[] = await db.query(`SELECT * FROM service_item WHERE id = $1`, [sid]);
    if (!rows[0]) return null;
    const orgs = await orgsById(db, [rows[0].owner_region_id]);
    const offerings = await offeringsOf(db, [sid]);
    return clean(fullService(rows[0], orgs.get(rows[0].owner_region_id) ?? null, offerings.get(sid) ?? []));
  },

  async organizations(db: DataSource, query: Record<string, unknown>) {
    const p = pageArgs(query);
    const params: unknown[] = [];
    const bind = binder(params);
    const parts = [`r.level IN ('DISTRICT','STREET')`];
    const search = String(query.search ?? '').trim();
    if (search) parts.push(`r.name ILIKE ${bind(likePattern(search))}`);
    const where = parts.join(' AND ');
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM region r WHERE ${where}`, params);
    const rows: OrgRow[] = await db.query(
      `${ORG_SELECT} WHERE ${where} ORDER BY r.id LIMIT ${bind(p.perPage)} OFFSET ${bind((p.page - 1) * p.perPage)}`,
      params,
    );
    return clean(pageOf(rows.map(organization), count, p));
  },

  async organization(db: DataSource, id: string) {
    const rid = hsdsIdOf('organization', id);
    if (rid === null) return null;
    const org = (await orgsById(db, [rid])).get(rid);
    return org && (org.level === 'DISTRICT' || org.level === 'STREET') ? clean(organization(org)) : null;
  },

  async serviceAtLocations(db: DataSource, query: Record<string, unknown>) {
    const p = pageArgs(query);
    const params: unknown[] = [];
    const bind = binder(params);
    const parts = ['TRUE'];
    const since = modifiedAfter(query.modified_after);
    if (since) parts.push(`o.updated_at >= ${bind(since)}`);
    else parts.push('s.retired_at IS NULL');
    const search = String(query.search ?? '').trim();
    if (search) parts.push(`(s.name ILIKE ${bind(likePattern(search))} OR c.name ILIKE $${params.length})`);
    const term = termCondition(query.taxonomy_term_id, bind);
    if (term) parts.push(term);
    const org = orgCondition(query.organization_id, 'c.street_id', bind);
    if (org) parts.push(org);
    const from = `service_offering o JOIN service_item s ON s.id = o.service_id JOIN center c ON c.id = o.center_id`;
    const where = parts.join(' AND ');
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM ${from} WHERE ${where}`, params);
    const rows: OfferingRow[] = await db.query(
      `SELECT o.* FROM ${from} WHERE ${where} ORDER BY o.id LIMIT ${bind(p.perPage)} OFFSET ${bind((p.page - 1) * p.perPage)}`,
      params,
    );
    const [centers, services] = await Promise.all([
      centersById(db, [...new Set(rows.map((r) => r.center_id))]),
      servicesById(db, [...new Set(rows.map((r) => r.service_id))]),
    ]);
    const orgs = await orgsById(db, [...new Set([...services.values()].map((s) => s.owner_region_id))]);
    return clean(
      pageOf(
        rows.map((o) => {
          const s = services.get(o.service_id) as ServiceRow;
          return serviceAtLocationListItem(
            o,
            centers.get(o.center_id) as CenterRow,
            s,
            orgs.get(s.owner_region_id) ?? null,
          );
        }),
        count,
        p,
      ),
    );
  },

  /** The whole directory (or one district's), written piece by piece: organizations, then full
   * services in batches, as one JSON document. */
  async writeExport(db: DataSource, districtId: number | null, write: (chunk: string) => Promise<void>) {
    const orgRows: OrgRow[] = await db.query(
      `${ORG_SELECT} WHERE r.level IN ('DISTRICT','STREET') AND ($1::int IS NULL OR r.id = $1 OR r.district_id = $1) ORDER BY r.id`,
      [districtId],
    );
    const orgs = new Map(orgRows.map((o) => [o.id, o]));
    await write(
      `{"hsds_version":"3.0","generated_at":${JSON.stringify(new Date().toISOString())},"organizations":${JSON.stringify(clean(orgRows.map(organization)))},"services":[`,
    );
    const ids: { id: number }[] = await db.query(
      `SELECT id FROM service_item WHERE retired_at IS NULL AND ($1::int IS NULL OR district_id = $1) ORDER BY id`,
      [districtId],
    );
    const BATCH = 100;
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch = ids.slice(i, i + BATCH).map((r) => r.id);
      const services = await servicesById(db, batch);
      const offerings = await offeringsOf(db, batch);
      const missingOrgs = [...services.values()].map((s) => s.owner_region_id).filter((id) => !orgs.has(id));
      for (const [id, o] of await orgsById(db, [...new Set(missingOrgs)])) orgs.set(id, o);
      const docs = batch.map((id) => {
        const s = services.get(id) as ServiceRow;
        return JSON.stringify(
          clean(fullService(s, orgs.get(s.owner_region_id) ?? null, offerings.get(id) ?? [])),
        );
      });
      await write((i === 0 ? '' : ',') + docs.join(','));
    }
    await write(']}');
  },
};
