// The HSDS export validated record by record against the official HSDS 3 schemas (copied into
// schema/hsds/ so the repository stands alone) with Ajv and ajv-formats.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { startTestApi, type TestApi } from '../../../testing/harness';
import { hsdsId, hsdsIdOf } from '../hsds-ids';

const SCHEMAS = path.join(__dirname, '..', '..', '..', '..', '..', 'schema', 'hsds');
const load = (name: string) => JSON.parse(readFileSync(path.join(SCHEMAS, name), 'utf8'));

let api: TestApi;
let base: string;
const validators: Record<string, ValidateFunction> = {};

beforeAll(async () => {
  api = await startTestApi();
  base = api.url.replace(/\/graphql$/, '/hsds');
  // the compiled HSDS schemas carry documentation keywords of their own (name, core, constraints …)
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  for (const name of [
    'service',
    'service_list',
    'organization',
    'organization_list',
    'service_at_location_list',
  ]) {
    validators[name] = ajv.compile(load(`${name}.json`));
  }
  const openapi = load('openapi.json');
  validators.page = ajv.compile({
    ...openapi.components.schemas.Page,
    required: Object.keys(openapi.components.schemas.Page.properties),
  });
});
afterAll(() => api.close());

function expectValid(name: string, record: unknown): void {
  const ok = validators[name](record);
  if (!ok)
    throw new Error(
      `${name} invalid: ${JSON.stringify(validators[name].errors?.slice(0, 5))}\n${JSON.stringify(record).slice(0, 500)}`,
    );
}

async function get(pathAndQuery: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${pathAndQuery}`);
  return { status: res.status, body: await res.json() };
}

/** Every page of a list endpoint; each page checked against the HSDS Page. */
async function allPages(endpoint: string, query = ''): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; page < 200; page++) {
    const r = await get(`${endpoint}?per_page=500&page=${page}${query}`);
    expect(r.status).toBe(200);
    const { contents, ...pageFields } = r.body;
    expectValid('page', pageFields);
    expect(r.body.page_number).toBe(page);
    items.push(...contents);
    if (r.body.last_page) {
      expect(items.length).toBe(r.body.total_items);
      return items;
    }
  }
  throw new Error('too many pages');
}

describe('HSDS export', () => {
  it('lists every service, organization and service at location as valid HSDS records', async () => {
    const services = await allPages('/services');
    expect(services.length).toBeGreaterThan(300);
    for (const s of services) expectValid('service_list', s);
    const organizations = await allPages('/organizations');
    expect(organizations.map((o: any) => o.alternate_name)).toEqual(
      expect.arrayContaining(['普陀区', '桃浦镇']),
    );
    for (const o of organizations) expectValid('organization_list', o);
    const putuoOrg = hsdsId('organization', await api.regionId('桃浦镇', 'STREET'));
    const sal = await allPages('/service_at_locations', `&organization_id=${putuoOrg}`);
    expect(sal.length).toBeGreaterThan(50);
    for (const x of sal) expectValid('service_at_location_list', x);
    expect(new Set(sal.map((x: any) => x.location.name))).toContain('桃浦东片区');
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM service_offering o JOIN center c ON c.id = o.center_id JOIN service_item s ON s.id = o.service_id
       WHERE c.street_id = $1 AND s.retired_at IS NULL`,
      [await api.regionId('桃浦镇', 'STREET')],
    );
    expect(sal.length).toBe(n);
  });

  it('answers one service fully nested: organization, locations, schedules from the weekly rules, taxonomy', async () => {
    const [row] = await api.db.query(
      `SELECT s.id FROM service_item s JOIN service_offering o ON o.service_id = s.id
       WHERE jsonb_array_length(o.schedule) > 0 AND s.fee IS NOT NULL ORDER BY s.id LIMIT 1`,
    );
    const id = hsdsId('service', row.id);
    expect(hsdsIdOf('service', id)).toBe(row.id);
    const r = await get(`/services/${id}`);
    expect(r.status).toBe(200);
    expectValid('service', r.body);
    expect(r.body.organization.id).toBe(r.body.organization_id);
    const withSchedule = r.body.service_at_locations.find((x: any) => x.schedules.length);
    expect(withSchedule.schedules[0]).toMatchObject({ freq: 'WEEKLY', wkst: 'MO' });
    expect(withSchedule.schedules[0].byday).toMatch(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/);
    expect(withSchedule.location.addresses[0]).toMatchObject({ city: '上海市', country: 'CN' });
    const taxonomies = r.body.attributes.map((a: any) => a.taxonomy_term.taxonomy).sort();
    expect(taxonomies).toEqual(['life-circle:category', 'life-circle:menu']);
    // filtering by a taxonomy term (a category) answers that category only
    const term = r.body.attributes.find(
      (a: any) => a.taxonomy_term.taxonomy === 'life-circle:category',
    ).taxonomy_term;
    const byTerm = await get(`/services?per_page=500&taxonomy_term_id=${term.id}`);
    expect(byTerm.body.total_items).toBeGreaterThan(0);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM service_item WHERE category = $1 AND retired_at IS NULL`,
      [term.code],
    );
    expect(byTerm.body.total_items).toBe(n);
    // and an organization by id
    const org = await get(`/organizations/${r.body.organization_id}`);
    expectValid('organization', org.body);
  });

  it('pages full services and offers the whole district as a download, every record valid', async () => {
    const full = await get('/services?per_page=20&page=2&full=true');
    expect(full.body.contents).toHaveLength(20);
    for (const s of full.body.contents) expectValid('service', s);
    const putuo = await api.regionId('普陀区', 'DISTRICT');
    const before = new Set<number>(
      (
        await api.db.query(`SELECT id FROM service_item WHERE district_id = $1 AND retired_at IS NULL`, [
          putuo,
        ])
      ).map((r: { id: number }) => r.id),
    );
    const res = await fetch(`${base}/export.json?district=${putuo}`);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="hsds-\d+\.json"/);
    const doc = (await res.json()) as any;
    expect(doc.hsds_version).toBe('3.0');
    for (const o of doc.organizations) expectValid('organization', o);
    for (const s of doc.services) expectValid('service', s);
    // other test files add and retire items at the same time: every item live both before and after
    // the export is in it, and nothing else than an item live at one of the two moments
    const liveIds = async () =>
      new Set<number>(
        (
          await api.db.query(`SELECT id FROM service_item WHERE district_id = $1 AND retired_at IS NULL`, [
            putuo,
          ])
        ).map((r: { id: number }) => r.id),
      );
    const after = await liveIds();
    const exported = new Set<number>(
      doc.services.map((s: any) => parseInt(String(s.id).split('-').pop()!, 16)),
    );
    const stable = [...after].filter((id) => before.has(id));
    expect(stable.filter((id) => !exported.has(id))).toEqual([]);
    expect([...exported].filter((id) => !before.has(id) && !after.has(id))).toEqual([]);
    expect(doc.services.every((s: any) => Array.isArray(s.service_at_locations))).toBe(true);
  });

  it('has validators that refuse what is not HSDS', () => {
    expect(validators.service({ id: 'not-a-uuid', name: 'x', status: 'active' })).toBe(false);
    expect(validators.service({ id: hsdsId('service', 1), name: 'x', status: 'open' })).toBe(false);
    expect(validators.service_list({ id: hsdsId('service', 1), name: 'x' })).toBe(false);
    expect(validators.service({ id: hsdsId('service', 1), name: 'x', status: 'active' })).toBe(true);
  });

  it('answers bad paging and unknown ids clearly', async () => {
    expect((await get('/services?per_page=0')).status).toBe(400);
    expect((await get('/services?page=abc')).status).toBe(400);
    expect((await get('/services?taxonomy_term_id=nope')).status).toBe(400);
    expect((await get(`/services/${hsdsId('location', 1)}`)).status).toBe(404);
    expect((await get('/services/not-a-uuid')).status).toBe(404);
    const since = await get(
      `/services?modified_after=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`,
    );
    expect(since.body).toMatchObject({ total_items: 0, empty: true });
    const badKey = await fetch(`${base}/services`, { headers: { 'x-api-key': 'lck_0000000000.nope' } });
    expect(badKey.status).toBe(401);
  });
});
