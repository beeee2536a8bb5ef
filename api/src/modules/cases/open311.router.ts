// Open311 GeoReport v2 over cases, at /open311/v2 (https://wiki.open311.org/GeoReport_v2): services
// are the case categories, requests are cases. JSON only. Reading lists the cases staff made public
// and those integrators sent, never personal data (no reporter, no contact, no photos). Posting needs
// an integrator key (open311Integrator). Errors are the spec's arrays of { code, description } with the
// HTTP status of the same code.
import { createHash, timingSafeEqual } from 'node:crypto';
import cors from 'cors';
import express, { type Request, type Response, type Router } from 'express';
import type { DataSource } from 'typeorm';
import {
  CASE_DESCRIPTION_MAX_LENGTH,
  CASE_LEVEL_LABELS,
  SHANGHAI_OFFSET_MINUTES,
  open311Status,
  type CaseStatus,
} from '@lc/domain';
import { cleanText } from '../../common/app-error';
import { config } from '../../config';
import { logger } from '../../logger';
import { categoriesOf } from './case-settings';
import { centerOfCommunity, communityNear, createCase } from './case.service';
import type { CaseCategory } from './case.entity';

/** The most requests one GET answers (the spec's suggested cap), and its default window. */
const REQUESTS_MAX = 1000;
const DEFAULT_WINDOW_DAYS = 90;
const CONTACT_PART_MAX = 100;

// ── integrator keys ──────────────────────────────────────────────────────────────────────────
// The one place keys are checked. Until the API-key service exists (issue 11), OPEN311_API_KEYS
// lists them: comma-separated `label:key` (or a bare key, labelled by its hash). At integration,
// this function asks the API-key service instead.
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest();

function configuredKeys(): { label: string; digest: Buffer }[] {
  return config.open311ApiKeys
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .map((entry) => {
      const i = entry.indexOf(':');
      const key = i > 0 ? entry.slice(i + 1) : entry;
      const label = i > 0 ? entry.slice(0, i) : `key-${sha(key).toString('hex').slice(0, 8)}`;
      return { label, digest: sha(key) };
    });
}

/** The integrator a key belongs to, or null when it is missing or unknown. */
export async function open311Integrator(apiKey: string | undefined | null): Promise<string | null> {
  if (!apiKey) return null;
  const digest = sha(apiKey);
  return configuredKeys().find((k) => timingSafeEqual(k.digest, digest))?.label ?? null;
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────
type Open311Error = { code: number; description: string };

function fail(res: Response, code: number, description: string): void {
  res.status(code).json([{ code, description } satisfies Open311Error]);
}

/** ISO 8601 with Shanghai's offset, as GeoReport shows times. */
function iso(d: Date | null): string | null {
  if (!d) return null;
  const local = new Date(d.getTime() + SHANGHAI_OFFSET_MINUTES * 60_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

function param(req: Request, name: string): string | undefined {
  const v = (req.method === 'GET' ? req.query : { ...req.query, ...(req.body ?? {}) })[name];
  return typeof v === 'string' ? v : undefined;
}

/** The district a jurisdiction_id (its region code) names; undefined when none was given. */
async function jurisdiction(db: DataSource, req: Request): Promise<number | null | undefined> {
  const code = param(req, 'jurisdiction_id');
  if (!code) return undefined;
  const [row] = await db.query(`SELECT id FROM region WHERE code = $1 AND level = 'DISTRICT'`, [code]);
  return row?.id ?? null;
}

function service(c: CaseCategory) {
  return {
    service_code: c.code,
    service_name: c.name,
    description: `${c.name} / ${c.nameEn}`,
    metadata: false,
    type: 'realtime',
    keywords: c.nameEn,
    group: CASE_LEVEL_LABELS[c.startLevel]['zh-CN'],
  };
}

interface RequestRow {
  id: number;
  status: CaseStatus;
  category: string;
  description: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  level: keyof typeof CASE_LEVEL_LABELS;
  reject_reason: string | null;
  resolution: string | null;
  reported_at: Date;
  updated_at: Date;
  deadline_at: Date | null;
  street_name: string;
  service_name: string | null;
}

/** Cases as GeoReport requests: no reporter, no contact, no photos. */
function request(r: RequestRow) {
  return {
    service_request_id: String(r.id),
    status: open311Status(r.status),
    status_notes: r.status === 'REJECTED' ? r.reject_reason : r.resolution,
    service_name: r.service_name ?? r.category,
    service_code: r.category,
    description: r.description,
    agency_responsible: `${r.street_name} ${CASE_LEVEL_LABELS[r.level]['zh-CN']}`,
    service_notice: null,
    requested_datetime: iso(r.reported_at),
    updated_datetime: iso(r.updated_at),
    expected_datetime: iso(r.deadline_at),
    address: r.address,
    address_id: null,
    zipcode: null,
    lat: r.lat,
    long: r.lng,
    media_url: null,
  };
}

const REQUEST_SELECT = `
  SELECT c.id, c.status, c.category, c.description, c.address, c.lat, c.lng, c.level, c.reject_reason,
         c.resolution, c.reported_at, c.updated_at, c.deadline_at, s.name AS street_name,
         (SELECT k.name_zh FROM case_category k WHERE k.code = c.category
            AND (k.district_id = c.district_id OR k.district_id IS NULL)
          ORDER BY k.district_id NULLS LAST LIMIT 1) AS service_name
  FROM resident_case c JOIN region s ON s.id = c.street_id
  WHERE (c.is_public OR c.source = 'OPEN311') AND c.merged_into_id IS NULL`;

function parseDate(v: string | undefined): Date | null | undefined {
  if (v === undefined) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

// ── the router ───────────────────────────────────────────────────────────────────────────────
export function open311Router(db: DataSource): Router {
  const r = express.Router();
  r.use(cors({ origin: true, maxAge: 600 }));
  r.use(express.urlencoded({ extended: false, limit: '64kb' }), express.json({ limit: '64kb' }));
  const handle =
    (fn: (req: Request, res: Response) => Promise<void>) =>
    (req: Request, res: Response): void => {
      fn(req, res).catch((err) => {
        logger.error({ err }, 'open311 request failed');
        if (!res.headersSent) fail(res, 500, 'internal error');
      });
    };
  // only JSON: another format in the path is refused the same way everywhere
  r.use((req, res, next) => {
    if (/\.(xml|html?)$/i.test(req.path)) return fail(res, 400, 'format not supported: use .json');
    next();
  });

  r.get(
    '/services.json',
    handle(async (req, res) => {
      const district = await jurisdiction(db, req);
      if (district === null) return fail(res, 404, 'jurisdiction_id not found');
      const categories = (await categoriesOf(db.manager, district ?? null)).filter((c) => c.active);
      res.json(categories.map(service));
    }),
  );

  r.get(
    '/services/:code.json',
    handle(async (req, res) => {
      const district = await jurisdiction(db, req);
      if (district === null) return fail(res, 404, 'jurisdiction_id not found');
      const c = (await categoriesOf(db.manager, district ?? null)).find(
        (x) => x.code === req.params.code && x.active,
      );
      if (!c) return fail(res, 404, 'service_code not found');
      res.json({ service_code: c.code, attributes: [] });
    }),
  );

  r.post(
    '/requests.json',
    handle(async (req, res) => {
      const integrator = await open311Integrator(param(req, 'api_key'));
      if (!integrator) return fail(res, 403, 'api_key is missing or invalid');
      const code = param(req, 'service_code');
      if (!code) return fail(res, 400, 'service_code is required');
      const lat = Number(param(req, 'lat'));
      const lng = Number(param(req, 'long'));
      if (param(req, 'lat') === undefined || param(req, 'long') === undefined)
        return fail(res, 400, 'lat and long are required (addresses are not geocoded here)');
      if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180)
        return fail(res, 400, 'lat and long must be WGS-84 degrees');
      const description = cleanText(param(req, 'description'));
      if (!description) return fail(res, 400, 'description is required');
      if (description.length > CASE_DESCRIPTION_MAX_LENGTH)
        return fail(res, 400, `description must be at most ${CASE_DESCRIPTION_MAX_LENGTH} characters`);
      const district = await jurisdiction(db, req);
      if (district === null) return fail(res, 404, 'jurisdiction_id not found');
      const community = await communityNear(db, lat, lng, district ?? null);
      if (!community) return fail(res, 400, 'the location is outside the jurisdiction');
      const category = (await categoriesOf(db.manager, community.district_id)).find(
        (c) => c.code === code && c.active,
      );
      if (!category) return fail(res, 404, 'service_code not found');
      const contact =
        ['first_name', 'last_name', 'phone', 'email']
          .map((f) => cleanText(param(req, f))?.slice(0, CONTACT_PART_MAX))
          .filter(Boolean)
          .join(' ') || null;
      const created = await createCase(db.manager, {
        place: {
          communityId: community.id,
          streetId: community.street_id,
          districtId: community.district_id,
          centerId: await centerOfCommunity(db, community.id),
          lat,
          lng,
        },
        category,
        description,
        address: cleanText(param(req, 'address_string'))?.slice(0, 200) ?? null,
        source: 'OPEN311',
        reporterId: null,
        enteredBy: null,
        contact,
        integrator,
        idempotencyKey: null,
        photos: [],
        actorKind: 'INTEGRATOR',
        actorName: integrator,
      });
      res.status(200).json([
        {
          service_request_id: String(created.id),
          service_notice: `受理时限 ${iso(created.deadlineAt)} / to be accepted by then`,
          account_id: null,
        },
      ]);
    }),
  );

  r.get(
    '/requests.json',
    handle(async (req, res) => {
      const params: unknown[] = [];
      const parts: string[] = [];
      const add = (sql: string, v: unknown) => {
        params.push(v);
        parts.push(sql.replace('?', `$${params.length}`));
      };
      const ids = list(param(req, 'service_request_id'));
      if (ids.some((x) => !/^\d{1,9}$/.test(x))) return fail(res, 400, 'service_request_id must be numbers');
      const start = parseDate(param(req, 'start_date'));
      const end = parseDate(param(req, 'end_date'));
      if (start === null) return fail(res, 400, 'start_date must be an ISO 8601 date');
      if (end === null) return fail(res, 400, 'end_date must be an ISO 8601 date');
      const statuses = list(param(req, 'status'));
      if (statuses.some((s) => s !== 'open' && s !== 'closed'))
        return fail(res, 400, 'status is open or closed');
      const district = await jurisdiction(db, req);
      if (district === null) return fail(res, 404, 'jurisdiction_id not found');
      if (ids.length) add('c.id = ANY(?::int[])', ids.map(Number));
      else {
        // the spec's default window: the last 90 days
        const to = end ?? new Date();
        add('c.reported_at >= ?', start ?? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000));
        if (end) add('c.reported_at <= ?', end);
      }
      const codes = list(param(req, 'service_code'));
      if (codes.length) add('c.category = ANY(?::text[])', codes);
      if (statuses.length === 1)
        add(`(c.status IN ('RESOLVED','CLOSED','REJECTED')) = ?`, statuses[0] === 'closed');
      if (district) add('c.district_id = ?', district);
      params.push(REQUESTS_MAX);
      const rows: RequestRow[] = await db.query(
        `${REQUEST_SELECT} ${parts.length ? `AND ${parts.join(' AND ')}` : ''}
         ORDER BY c.reported_at DESC, c.id DESC LIMIT $${params.length}`,
        params,
      );
      res.json(rows.map(request));
    }),
  );

  r.get(
    '/requests/:id.json',
    handle(async (req, res) => {
      const id = String(req.params.id);
      if (!/^\d{1,9}$/.test(id)) return fail(res, 404, 'service_request_id not found');
      const rows: RequestRow[] = await db.query(`${REQUEST_SELECT} AND c.id = $1`, [Number(id)]);
      if (!rows.length) return fail(res, 404, 'service_request_id not found');
      res.json(rows.map(request));
    }),
  );

  r.use((_req, res) => fail(res, 404, 'not found'));
  return r;
}
