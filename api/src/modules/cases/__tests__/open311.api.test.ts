// Open311 GeoReport v2, spoken from the outside: plain HTTP with form-encoded posts, as an
// integrator's client would. Field names, open/closed, error arrays and HTTP codes as the spec has
// them; nothing personal comes out.
import { config } from '../../../config';
import { createTestResident, startTestApi, type TestApi, DEMO_OFFICIALS } from '../../../testing/harness';

let api: TestApi;
let base: string;
let tokens: Record<string, string>;
let community: { id: number; lat: number; lng: number };
let putuoCode: string;

const KEY = 'hotline-secret-0123456789';

async function get(path: string) {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
}

async function post(path: string, form: Record<string, string | number>) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(
      Object.entries(form).map(([k, v]): [string, string] => [k, String(v)]),
    ).toString(),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const request = (extra: Record<string, string | number> = {}) => ({
  api_key: KEY,
  service_code: 'ENVIRONMENT',
  lat: community.lat,
  long: community.lng,
  description: '小区门口垃圾堆积三天无人清运',
  address_string: '真北路3000弄门口',
  first_name: '明',
  last_name: '李',
  email: 'li.ming@example.com',
  phone: '13900001111',
  ...extra,
});

beforeAll(async () => {
  config.open311ApiKeys = `city-hotline:${KEY}`;
  api = await startTestApi();
  base = api.url.replace(/\/graphql$/, '/open311/v2');
  tokens = await api.loginAll(DEMO_OFFICIALS);
  community = (
    await api.db.query(
      // 长征镇: the cases test works in 桃浦镇 at the same time
      `SELECT r.id, r.lat, r.lng FROM region r JOIN region s ON s.id = r.street_id
       WHERE s.name = '长征镇' AND r.level = 'COMMUNITY' AND r.lat IS NOT NULL ORDER BY r.id LIMIT 1`,
    )
  )[0];
  putuoCode = (await api.db.query(`SELECT code FROM region WHERE name = '普陀区' AND level = 'DISTRICT'`))[0]
    .code;
});

afterAll(() => api.close());

describe('services', () => {
  it('lists the categories as services and gives each definition', async () => {
    const r = await get('/services.json');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/application\/json/);
    expect(r.body).toContainEqual({
      service_code: 'FACILITY_REPAIR',
      service_name: '设施报修',
      description: '设施报修 / Facility repair',
      metadata: false,
      type: 'realtime',
      keywords: 'Facility repair',
      group: '居村自治',
    });
    expect((await get(`/services.json?jurisdiction_id=${putuoCode}`)).body.length).toBeGreaterThanOrEqual(7);
    expect(await get('/services/SAFETY_HAZARD.json')).toMatchObject({
      status: 200,
      body: { service_code: 'SAFETY_HAZARD', attributes: [] },
    });
    expect(await get('/services/NOPE.json')).toMatchObject({
      status: 404,
      body: [{ code: 404, description: 'service_code not found' }],
    });
    expect(await get('/services.json?jurisdiction_id=999999')).toMatchObject({
      status: 404,
      body: [{ code: 404 }],
    });
    expect(await get('/services.xml')).toMatchObject({ status: 400, body: [{ code: 400 }] });
    expect(await get('/nothing-here.json')).toMatchObject({ status: 404, body: [{ code: 404 }] });
  });
});

describe('requests', () => {
  it('refuses a post without a valid key, and bad input, with error arrays', async () => {
    const before = (
      await api.db.query(`SELECT count(*)::int AS n FROM resident_case WHERE source = 'OPEN311'`)
    )[0].n;
    expect(await post('/requests.json', { ...request(), api_key: '' })).toMatchObject({
      status: 403,
      body: [{ code: 403, description: expect.stringContaining('api_key') }],
    });
    expect((await post('/requests.json', request({ api_key: 'wrong' }))).status).toBe(403);
    expect(await post('/requests.json', request({ service_code: '' }))).toMatchObject({
      status: 400,
      body: [{ code: 400 }],
    });
    expect(await post('/requests.json', request({ service_code: 'NOPE' }))).toMatchObject({
      status: 404,
      body: [{ code: 404 }],
    });
    const noPlace = request();
    delete (noPlace as Partial<typeof noPlace>).lat;
    expect(await post('/requests.json', noPlace)).toMatchObject({ status: 400, body: [{ code: 400 }] });
    expect((await post('/requests.json', request({ lat: 39.9, long: 116.4 }))).status).toBe(400);
    expect((await post('/requests.json', request({ description: ' ' }))).status).toBe(400);
    expect(
      (await api.db.query(`SELECT count(*)::int AS n FROM resident_case WHERE source = 'OPEN311'`))[0].n,
    ).toBe(before);
  });

  it('takes a request with a key, then answers it by id and in lists, with no personal data', async () => {
    const created = await post('/requests.json', request());
    expect(created.status).toBe(200);
    expect(created.body).toEqual([
      {
        service_request_id: expect.stringMatching(/^\d+$/),
        service_notice: expect.any(String),
        account_id: null,
      },
    ]);
    const id = created.body[0].service_request_id;
    // the contact is kept encrypted for staff, never in clear
    const [row] = await api.db.query(
      `SELECT source, integrator, contact_enc, contact_masked FROM resident_case WHERE id = $1`,
      [id],
    );
    expect(row).toMatchObject({ source: 'OPEN311', integrator: 'city-hotline' });
    expect(row.contact_enc).not.toContain('13900001111');
    expect(row.contact_masked).toContain('139****1111');

    const one = await get(`/requests/${id}.json`);
    expect(one.status).toBe(200);
    expect(one.body).toHaveLength(1);
    const r = one.body[0];
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: 'ENVIRONMENT',
      service_name: '环境卫生',
      description: '小区门口垃圾堆积三天无人清运',
      address: '真北路3000弄门口',
      lat: community.lat,
      long: community.lng,
      media_url: null,
      agency_responsible: '长征镇 居村自治',
    });
    expect(r.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(r.expected_datetime).toMatch(/\+08:00$/);
    const text = JSON.stringify(one.body);
    for (const personal of ['13900001111', '139****1111', 'li.ming', '李', '明 '])
      expect(text).not.toContain(personal);
    expect(Object.keys(r).sort()).toEqual(
      [
        'address',
        'address_id',
        'agency_responsible',
        'description',
        'expected_datetime',
        'lat',
        'long',
        'media_url',
        'requested_datetime',
        'service_code',
        'service_name',
        'service_notice',
        'service_request_id',
        'status',
        'status_notes',
        'updated_datetime',
        'zipcode',
      ].sort(),
    );

    // staff resolve it: closed, with the resolution as status notes
    for (const input of [
      { action: 'ACCEPT' },
      { action: 'ESCALATE', level: 'JOINT_ENFORCEMENT', jointForce: 'CITY_MANAGEMENT', reason: '城管' },
      { action: 'RESOLVE', note: '已清运' },
    ]) {
      const m = await api.gql(
        `mutation($id: ID!, $input: MoveCaseInput!) { moveCase(id: $id, input: $input) { status } }`,
        { id, input },
        tokens.changzheng_admin,
      );
      expect(m.errors).toBeUndefined();
    }
    const closed = (await get(`/requests/${id}.json`)).body[0];
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已清运' });

    const list = await get(`/requests.json?service_request_id=${id},999999999`);
    expect(list.body.map((x: { service_request_id: string }) => x.service_request_id)).toEqual([id]);
    const open = await get(`/requests.json?status=open&service_code=ENVIRONMENT`);
    expect(open.body.map((x: { service_request_id: string }) => x.service_request_id)).not.toContain(id);
    const closedList = await get(
      `/requests.json?status=closed&start_date=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}`,
    );
    expect(closedList.body.map((x: { service_request_id: string }) => x.service_request_id)).toContain(id);
    const future = await get(
      `/requests.json?start_date=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`,
    );
    expect(future.body).toEqual([]);
    expect(await get('/requests.json?start_date=yesterday')).toMatchObject({
      status: 400,
      body: [{ code: 400 }],
    });
    expect(await get('/requests.json?status=pending')).toMatchObject({ status: 400 });
    expect(await get('/requests/abc.json')).toMatchObject({ status: 404, body: [{ code: 404 }] });
  });

  it('a resident’s case stays private until staff make it public, and then shows no reporter', async () => {
    const resident = await createTestResident(api);
    const r = await api.gql(
      `mutation($input: ReportCaseInput!) { reportCase(input: $input) { id } }`,
      { input: { category: 'FACILITY_REPAIR', description: '路灯不亮', communityId: String(community.id) } },
      resident.token,
    );
    const id = r.data!.reportCase.id;
    expect(await get(`/requests/${id}.json`)).toMatchObject({ status: 404 });
    expect(
      (await get('/requests.json')).body.map((x: { service_request_id: string }) => x.service_request_id),
    ).not.toContain(id);
    const denied = await api.gql(
      `mutation($id: ID!) { setCasePublic(id: $id, isPublic: true) { isPublic } }`,
      { id },
      resident.token,
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const made = await api.gql(
      `mutation($id: ID!) { setCasePublic(id: $id, isPublic: true) { isPublic } }`,
      { id },
      tokens.changzheng_admin,
    );
    expect(made.data!.setCasePublic.isPublic).toBe(true);
    const shown = await get(`/requests/${id}.json`);
    expect(shown.body[0]).toMatchObject({ service_request_id: id, status: 'open', description: '路灯不亮' });
    expect(JSON.stringify(shown.body)).not.toContain('测试居民');
  });
});
