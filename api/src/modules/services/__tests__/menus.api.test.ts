// Officials keep the menus: who may edit what, retire vs delete, offerings, and the change log.
import { startTestApi, type TestApi, DEMO_OFFICIALS } from '../../../testing/harness';

let api: TestApi;
let tokens: Record<string, string>;
let ids: {
  putuo: number;
  jiading: number;
  changzheng: number;
  taopu: number;
  taopudongCenter: number;
  otherTaopuCenter: number;
  changzhengCenter: number;
};

const CREATE = `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) {
  id name menu category audience fee provider department ownerRegion { id } viewerCanEdit retiredAt } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateServiceItemInput!) { updateServiceItem(id: $id, input: $input) { id name fee audience } }`;
const SET_OFFERING = `mutation($input: SetOfferingInput!) { setOffering(input: $input) {
  id capacity fee schedule { byDay opens closes validFrom validUntil } service { id } center { id } } }`;

const uniq = (s: string) => `${s}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const one = async (sql: string, params: unknown[] = []) => (await api.db.query(sql, params))[0];

beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(DEMO_OFFICIALS);
  const region = async (name: string) => (await one(`SELECT id FROM region WHERE name = $1`, [name])).id;
  const taopu = await region('桃浦镇');
  const changzheng = await region('长征镇');
  ids = {
    putuo: await region('普陀区'),
    jiading: await region('嘉定区'),
    changzheng,
    taopu,
    taopudongCenter: (await one(`SELECT id FROM center WHERE name = '桃浦东片区'`)).id,
    otherTaopuCenter: (
      await one(`SELECT id FROM center WHERE street_id = $1 AND name <> '桃浦东片区' ORDER BY id LIMIT 1`, [
        taopu,
      ])
    ).id,
    changzhengCenter: (
      await one(`SELECT id FROM center WHERE street_id = $1 ORDER BY id LIMIT 1`, [changzheng])
    ).id,
  };
});
afterAll(() => api.close());

async function createItem(token: string, input: Record<string, unknown>) {
  return api.gql(CREATE, { input: { category: 'CULTURE', ...input } }, token);
}

describe('who may edit which menu', () => {
  it('lets the district admin keep DISTRICT and MOBILE items of the district', async () => {
    for (const menu of ['DISTRICT', 'MOBILE']) {
      const r = await createItem(tokens.putuo_admin, {
        menu,
        name: uniq('区级测试'),
        audience: ['CHILDREN'],
        fee: '免费',
      });
      expect(r.errors).toBeUndefined();
      expect(r.data!.createServiceItem).toMatchObject({
        menu,
        ownerRegion: { id: String(ids.putuo) },
        viewerCanEdit: true,
      });
    }
  });

  it('lets a street admin keep the STREET_FEATURE menu of the street, defaulting to it', async () => {
    const r = await createItem(tokens.taopu_admin, { menu: 'STREET_FEATURE', name: uniq('桃浦特色') });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createServiceItem.ownerRegion.id).toBe(String(ids.taopu));
  });

  it.each([
    ['a street admin of 长征镇 in 桃浦镇', 'changzheng_admin', 'STREET_FEATURE', 'taopu'],
    ['a street admin in the district menu', 'taopu_admin', 'DISTRICT', 'putuo'],
    ['a street admin in the mobile menu', 'taopu_admin', 'MOBILE', 'putuo'],
    ['the district admin in a street menu', 'putuo_admin', 'STREET_FEATURE', 'taopu'],
    ['another district admin', 'jiading_admin', 'MOBILE', 'putuo'],
    ['center staff', 'taopudong_staff', 'STREET_FEATURE', 'taopu'],
    ['an evaluator', 'evaluator', 'DISTRICT', 'putuo'],
  ] as const)('refuses %s to create items', async (_what, user, menu, region) => {
    const name = uniq('越权');
    const r = await createItem(tokens[user], { menu, ownerRegionId: String(ids[region]), name });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await one(`SELECT count(*)::int AS n FROM service_item WHERE name = $1`, [name])).n).toBe(0);
  });

  it('refuses a street admin of 长征镇 editing, retiring or deleting a 桃浦镇 item, and changes nothing', async () => {
    const created = await createItem(tokens.taopu_admin, { menu: 'STREET_FEATURE', name: uniq('桃浦项目') });
    const id = created.data!.createServiceItem.id;
    const before = await one(`SELECT name, retired_at FROM service_item WHERE id = $1`, [id]);
    for (const [q, vars] of [
      [UPDATE, { id, input: { name: '改名' } }],
      [`mutation($id: ID!) { retireServiceItem(id: $id) { id } }`, { id }],
      [`mutation($id: ID!) { deleteServiceItem(id: $id) }`, { id }],
    ] as const) {
      const r = await api.gql(q, vars, tokens.changzheng_admin);
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await one(`SELECT name, retired_at FROM service_item WHERE id = $1`, [id])).toEqual(before);
    const anon = await api.gql(UPDATE, { id, input: { name: 'x' } });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reports viewerCanEdit per viewer', async () => {
    const created = await createItem(tokens.taopu_admin, { menu: 'STREET_FEATURE', name: uniq('可编辑') });
    const id = created.data!.createServiceItem.id;
    const q = `query($id: ID!) { serviceItem(id: $id) { viewerCanEdit } }`;
    expect((await api.gql(q, { id }, tokens.taopu_admin)).data!.serviceItem.viewerCanEdit).toBe(true);
    expect((await api.gql(q, { id }, tokens.changzheng_admin)).data!.serviceItem.viewerCanEdit).toBe(false);
    expect((await api.gql(q, { id })).data!.serviceItem.viewerCanEdit).toBe(false);
  });
});

describe('item fields', () => {
  it('names every bad field and writes nothing', async () => {
    const name = 'x'.repeat(61);
    const r = await createItem(tokens.putuo_admin, {
      menu: 'MOBILE',
      name,
      audience: ['ALIENS'],
      fee: 'y'.repeat(101),
    });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = r.errors![0].extensions!.fields!.map((f) => f.field).sort();
    expect(fields).toEqual(['input.audience', 'input.fee', 'input.name']);
    expect((await one(`SELECT count(*)::int AS n FROM service_item WHERE name = $1`, [name])).n).toBe(0);
  });

  it('refuses a blank name and a duplicate name in the same menu', async () => {
    const blank = await createItem(tokens.putuo_admin, { menu: 'MOBILE', name: '   ' });
    expect(blank.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'input.name' })]);
    const name = uniq('重名');
    expect((await createItem(tokens.putuo_admin, { menu: 'MOBILE', name })).errors).toBeUndefined();
    const dup = await createItem(tokens.putuo_admin, { menu: 'MOBILE', name });
    expect(dup.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(dup.errors?.[0].extensions?.fields?.[0].field).toBe('input.name');
    // the same name on another menu is fine
    expect((await createItem(tokens.putuo_admin, { menu: 'DISTRICT', name })).errors).toBeUndefined();
  });

  it('refuses an owner region of the wrong level', async () => {
    const r = await createItem(tokens.taopu_admin, {
      menu: 'STREET_FEATURE',
      ownerRegionId: String(ids.putuo),
      name: uniq('层级'),
    });
    expect(r.errors?.[0].extensions?.fields?.[0].field).toBe('input.ownerRegionId');
  });
});

describe('the change log', () => {
  it('records who changed which field from what to what, newest first', async () => {
    const created = await createItem(tokens.putuo_admin, { menu: 'MOBILE', name: uniq('记录'), fee: '免费' });
    const id = created.data!.createServiceItem.id;
    const upd = await api.gql(
      UPDATE,
      { id, input: { fee: '10元/次', audience: ['ELDERLY_80_PLUS', 'DISABLED'] } },
      tokens.putuo_admin,
    );
    expect(upd.errors).toBeUndefined();
    // an edit that changes nothing records nothing
    await api.gql(UPDATE, { id, input: { fee: '10元/次' } }, tokens.putuo_admin);
    await api.gql(
      `mutation($id: ID!) { retireServiceItem(id: $id) { retiredAt } }`,
      { id },
      tokens.putuo_admin,
    );
    const r = await api.gql(
      `query($id: ID!) { serviceItem(id: $id) { changes(first: 20) { totalCount edges { node {
        entity entityId actorName action field oldValue newValue at } } } } }`,
      { id },
      tokens.evaluator,
    );
    expect(r.errors).toBeUndefined();
    const rows = r.data!.serviceItem.changes.edges.map((e: { node: Record<string, unknown> }) => e.node);
    expect(rows[0]).toMatchObject({ action: 'RETIRE', field: 'retiredAt', oldValue: null });
    const fee = rows.find(
      (x: { field: string; action: string }) => x.field === 'fee' && x.action === 'UPDATE',
    );
    expect(fee).toMatchObject({
      oldValue: '免费',
      newValue: '10元/次',
      actorName: expect.any(String),
      entity: 'SERVICE_ITEM',
    });
    const audience = rows.find(
      (x: { field: string; action: string }) => x.field === 'audience' && x.action === 'UPDATE',
    );
    expect(audience).toMatchObject({ oldValue: [], newValue: ['ELDERLY_80_PLUS', 'DISABLED'] });
    expect(rows.filter((x: { action: string }) => x.action === 'UPDATE')).toHaveLength(2);
    expect(rows[rows.length - 1].action).toBe('CREATE');
  });

  it('is for officials only', async () => {
    const item = await one(`SELECT id FROM service_item ORDER BY id LIMIT 1`);
    const q = `query($id: ID!) { serviceItem(id: $id) { changes { totalCount } } }`;
    expect((await api.gql(q, { id: String(item.id) })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('retire, reinstate, delete', () => {
  it('retires an item with offerings (it stays, with its offerings) and refuses to delete it', async () => {
    const created = await createItem(tokens.taopu_admin, { menu: 'STREET_FEATURE', name: uniq('停用') });
    const id = created.data!.createServiceItem.id;
    const off = await api.gql(
      SET_OFFERING,
      { input: { centerId: String(ids.taopudongCenter), serviceId: id } },
      tokens.taopu_admin,
    );
    expect(off.errors).toBeUndefined();
    const del = await api.gql(
      `mutation($id: ID!) { deleteServiceItem(id: $id) }`,
      { id },
      tokens.taopu_admin,
    );
    expect(del.errors?.[0].extensions?.code).toBe('CONFLICT');
    const ret = await api.gql(
      `mutation($id: ID!) { retireServiceItem(id: $id) { retiredAt } }`,
      { id },
      tokens.taopu_admin,
    );
    expect(ret.data!.retireServiceItem.retiredAt).toBeTruthy();
    expect((await one(`SELECT count(*)::int AS n FROM service_offering WHERE service_id = $1`, [id])).n).toBe(
      1,
    );
    // retired items leave the lists unless asked for
    const name = created.data!.createServiceItem.name;
    const list = (f: Record<string, unknown>) =>
      api.gql(`query($f: ServiceFilter) { services(filter: $f) { totalCount } }`, {
        f: { search: name, ...f },
      });
    expect((await list({})).data!.services.totalCount).toBe(0);
    expect((await list({ includeRetired: true })).data!.services.totalCount).toBe(1);
    const back = await api.gql(
      `mutation($id: ID!) { reinstateServiceItem(id: $id) { retiredAt } }`,
      { id },
      tokens.taopu_admin,
    );
    expect(back.data!.reinstateServiceItem.retiredAt).toBeNull();
  });

  it('deletes an item nobody offers or ordered', async () => {
    const created = await createItem(tokens.putuo_admin, { menu: 'DISTRICT', name: uniq('删除') });
    const id = created.data!.createServiceItem.id;
    const del = await api.gql(
      `mutation($id: ID!) { deleteServiceItem(id: $id) }`,
      { id },
      tokens.putuo_admin,
    );
    expect(del.data!.deleteServiceItem).toBe(true);
    expect(await one(`SELECT id FROM service_item WHERE id = $1`, [id])).toBeUndefined();
    expect(
      (
        await one(
          `SELECT action FROM change_log WHERE entity_id = $1 AND entity = 'SERVICE_ITEM' ORDER BY id DESC LIMIT 1`,
          [id],
        )
      ).action,
    ).toBe('DELETE');
  });
});

describe('offerings', () => {
  let itemId: string;
  beforeAll(async () => {
    const r = await createItem(tokens.putuo_admin, { menu: 'DISTRICT', name: uniq('中心服务') });
    itemId = r.data!.createServiceItem.id;
  });

  const schedule = [
    {
      byDay: ['MO', 'WE'],
      opens: '09:00',
      closes: '11:30',
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    },
  ];

  it("lets center staff set their own center's offering and records it", async () => {
    const r = await api.gql(
      SET_OFFERING,
      {
        input: {
          centerId: String(ids.taopudongCenter),
          serviceId: itemId,
          schedule,
          capacity: 20,
          fee: '5元',
        },
      },
      tokens.taopudong_staff,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.setOffering).toMatchObject({ capacity: 20, fee: '5元', schedule });
    // replacing it records the changed fields only
    const again = await api.gql(
      SET_OFFERING,
      {
        input: {
          centerId: String(ids.taopudongCenter),
          serviceId: itemId,
          schedule,
          capacity: 30,
          fee: '5元',
        },
      },
      tokens.taopudong_staff,
    );
    expect(again.data!.setOffering.id).toBe(r.data!.setOffering.id);
    const log = await api.db.query(
      `SELECT action, field, old_value, new_value FROM change_log WHERE entity = 'SERVICE_OFFERING' AND entity_id = $1 ORDER BY id`,
      [Number(r.data!.setOffering.id)],
    );
    expect(log.filter((l: { action: string }) => l.action === 'UPDATE')).toEqual([
      { action: 'UPDATE', field: 'capacity', old_value: 20, new_value: 30 },
    ]);
  });

  it.each([
    ['center staff at another center', 'taopudong_staff', 'otherTaopuCenter'],
    ['a street admin of 长征镇 at a 桃浦镇 center', 'changzheng_admin', 'taopudongCenter'],
    ['a street admin of 桃浦镇 at a 长征镇 center', 'taopu_admin', 'changzhengCenter'],
    ['an evaluator', 'evaluator', 'taopudongCenter'],
  ] as const)('refuses %s', async (_what, user, center) => {
    const before = await one(`SELECT count(*)::int AS n FROM service_offering WHERE service_id = $1`, [
      itemId,
    ]);
    const r = await api.gql(
      SET_OFFERING,
      { input: { centerId: String(ids[center]), serviceId: itemId, schedule } },
      tokens[user],
    );
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      await one(`SELECT count(*)::int AS n FROM service_offering WHERE service_id = $1`, [itemId]),
    ).toEqual(before);
  });

  it('lets the street admin remove an offering of the street and refuses staff of another center', async () => {
    const set = await api.gql(
      SET_OFFERING,
      { input: { centerId: String(ids.otherTaopuCenter), serviceId: itemId } },
      tokens.taopu_admin,
    );
    const oid = set.data!.setOffering.id;
    const refused = await api.gql(
      `mutation($id: ID!) { removeOffering(id: $id) }`,
      { id: oid },
      tokens.taopudong_staff,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ok = await api.gql(
      `mutation($id: ID!) { removeOffering(id: $id) }`,
      { id: oid },
      tokens.taopu_admin,
    );
    expect(ok.data!.removeOffering).toBe(true);
  });

  it('names bad schedule fields by path', async () => {
    const r = await api.gql(
      SET_OFFERING,
      {
        input: {
          centerId: String(ids.taopudongCenter),
          serviceId: itemId,
          capacity: -1,
          schedule: [
            { byDay: ['MO'], opens: '09:00', closes: '10:00' },
            {
              byDay: ['XX'],
              opens: '25:00',
              closes: '08:00',
              validFrom: '2026-05-01',
              validUntil: '2026-04-01',
            },
          ],
        },
      },
      tokens.taopudong_staff,
    );
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = r.errors![0].extensions!.fields!.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['input.capacity']));
  });

  it('refuses items the center may not offer', async () => {
    const other = await createItem(tokens.changzheng_admin, {
      menu: 'STREET_FEATURE',
      name: uniq('长征特色'),
    });
    const r = await api.gql(
      SET_OFFERING,
      { input: { centerId: String(ids.taopudongCenter), serviceId: other.data!.createServiceItem.id } },
      tokens.taopudong_staff,
    );
    expect(r.errors?.[0].extensions?.fields?.[0].field).toBe('input.serviceId');
  });

  it('names bad schedule rules when the shape is right', async () => {
    const r = await api.gql(
      SET_OFFERING,
      {
        input: {
          centerId: String(ids.taopudongCenter),
          serviceId: itemId,
          schedule: [
            { byDay: ['MO'], opens: '09:00', closes: '10:00' },
            {
              byDay: ['XX'],
              opens: '25:00',
              closes: '08:00',
              validFrom: '2026-05-01',
              validUntil: '2026-04-01',
            },
          ],
        },
      },
      tokens.taopudong_staff,
    );
    const fields = r.errors![0].extensions!.fields!.map((f) => f.field).sort();
    expect(fields).toEqual([
      'input.schedule.1.byDay',
      'input.schedule.1.opens',
      'input.schedule.1.validUntil',
    ]);
  });
});
