// Mobile delivery orders: ordering, the transition table, who may move an order, concurrency, scope.
import {
  DELIVERY_STATUSES,
  DELIVERY_TRANSITIONS,
  findDeliveryTransition,
  type DeliveryStatus,
} from '@lc/domain';
import { createTestResident, startTestApi, type TestApi, DEMO_OFFICIALS } from '../../../testing/harness';

let api: TestApi;
let tokens: Record<string, string>;
let center: number; // 桃浦东片区
let changzhengCenter: number;
let jiadingCenter: number;
let mobileItem: string;
let districtItem: string;
let taopuFeature: string;
let resident: { id: number; token: string };
let otherResident: { id: number; token: string };

const ORDER = `mutation($input: OrderMobileServiceInput!) { orderMobileService(input: $input) {
  id status note center { id } service { id } viewerTransitions } }`;
const MOVE = `mutation($id: ID!, $to: DeliveryStatus!, $reason: String, $at: DateTime, $rating: Int, $comment: String) {
  transitionDeliveryOrder(id: $id, to: $to, reason: $reason, scheduledFor: $at, rating: $rating, comment: $comment) {
    id status scheduledFor reason rating comment events { fromStatus toStatus } } }`;

const uniq = (s: string) => `${s}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const one = async (sql: string, params: unknown[] = []) => (await api.db.query(sql, params))[0];
const future = () => new Date(Date.now() + 3 * 86400_000).toISOString();

async function newItem(token: string, menu: string, name = uniq('流动')) {
  const r = await api.gql(
    `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id } }`,
    { input: { menu, name, category: 'CULTURE' } },
    token,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createServiceItem.id as string;
}

async function order(
  token: string,
  serviceId = mobileItem,
  centerId = center,
  note: string | null = '希望周末',
) {
  return api.gql(ORDER, { input: { serviceId, centerId: String(centerId), note } }, token);
}

/** A fresh order of a fresh resident, put straight into `status`. */
async function orderIn(
  status: DeliveryStatus,
): Promise<{ id: string; resident: { id: number; token: string } }> {
  const r = await createTestResident(api);
  const placed = await order(r.token);
  const id = placed.data!.orderMobileService.id;
  await api.db.query(`UPDATE delivery_order SET status = $2 WHERE id = $1`, [id, status]);
  return { id, resident: r };
}

beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(DEMO_OFFICIALS);
  center = (await one(`SELECT id FROM center WHERE name = '桃浦东片区'`)).id;
  changzhengCenter = (
    await one(
      `SELECT c.id FROM center c JOIN region r ON r.id = c.street_id WHERE r.name = '长征镇' ORDER BY c.id LIMIT 1`,
    )
  ).id;
  jiadingCenter = (
    await one(
      `SELECT c.id FROM center c JOIN region r ON r.id = c.district_id WHERE r.name = '嘉定区' ORDER BY c.id LIMIT 1`,
    )
  ).id;
  mobileItem = await newItem(tokens.putuo_admin, 'MOBILE');
  districtItem = await newItem(tokens.putuo_admin, 'DISTRICT');
  taopuFeature = await newItem(tokens.taopu_admin, 'STREET_FEATURE');
  resident = await createTestResident(api, center);
  otherResident = await createTestResident(api, center);
});
afterAll(() => api.close());

describe('ordering', () => {
  it('lets a resident order a mobile item for a center; the order starts REQUESTED with its event', async () => {
    const r = await order(resident.token);
    expect(r.errors).toBeUndefined();
    expect(r.data!.orderMobileService).toMatchObject({
      status: 'REQUESTED',
      note: '希望周末',
      center: { id: String(center) },
      viewerTransitions: ['CANCELLED'],
    });
  });

  it('returns the open order on a duplicate submit instead of making a second one', async () => {
    const r = await createTestResident(api);
    const [a, b] = await Promise.all([order(r.token), order(r.token)]);
    expect(a.data!.orderMobileService.id).toBe(b.data!.orderMobileService.id);
    const again = await order(r.token);
    expect(again.data!.orderMobileService.id).toBe(a.data!.orderMobileService.id);
    expect(
      (await one(`SELECT count(*)::int AS n FROM delivery_order WHERE resident_id = $1`, [r.id])).n,
    ).toBe(1);
  });

  it('lets a street-featured item be ordered within its street only', async () => {
    const r = await createTestResident(api);
    expect((await order(r.token, taopuFeature, center)).errors).toBeUndefined();
    const out = await order(r.token, taopuFeature, changzhengCenter);
    expect(out.errors?.[0].extensions?.fields?.[0].field).toBe('input.serviceId');
  });

  it.each([
    [
      'a district-menu item',
      () => ({ serviceId: districtItem, centerId: String(center) }),
      'input.serviceId',
    ],
    [
      'a center of another district',
      () => ({ serviceId: mobileItem, centerId: String(jiadingCenter) }),
      'input.serviceId',
    ],
    ['an unknown center', () => ({ serviceId: mobileItem, centerId: '999999' }), 'input.centerId'],
    ['an unknown item', () => ({ serviceId: '999999', centerId: String(center) }), 'input.serviceId'],
    [
      'a note over 300 characters',
      () => ({ serviceId: mobileItem, centerId: String(center), note: '长'.repeat(301) }),
      'input.note',
    ],
  ])('refuses %s, naming the field, and stores nothing', async (_what, input, field) => {
    const r = await createTestResident(api);
    const res = await api.gql(ORDER, { input: input() }, r.token);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.field)).toContain(field);
    expect(
      (await one(`SELECT count(*)::int AS n FROM delivery_order WHERE resident_id = $1`, [r.id])).n,
    ).toBe(0);
  });

  it('is for residents: staff get FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
    expect((await order(tokens.taopudong_staff)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (await api.gql(ORDER, { input: { serviceId: mobileItem, centerId: String(center) } })).errors?.[0]
        .extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses a retired item', async () => {
    const item = await newItem(tokens.putuo_admin, 'MOBILE');
    await api.gql(
      `mutation($id: ID!) { retireServiceItem(id: $id) { id } }`,
      { id: item },
      tokens.putuo_admin,
    );
    const r = await createTestResident(api);
    expect((await order(r.token, item)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the transition table', () => {
  const argsFor = (to: DeliveryStatus) => ({
    reason: to === 'REJECTED' ? '本月名额已满' : null,
    at: to === 'SCHEDULED' ? future() : null,
    rating: to === 'RATED' ? 5 : null,
  });

  const pairs = DELIVERY_STATUSES.flatMap((from) => DELIVERY_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', async (from, to) => {
    const { id, resident: owner } = await orderIn(from);
    const t = findDeliveryTransition(from, to);
    const token = t?.by === 'RESIDENT' ? owner.token : tokens.taopudong_staff;
    const r = await api.gql(MOVE, { id, to, ...argsFor(to) }, token);
    const row = await one(`SELECT status, version FROM delivery_order WHERE id = $1`, [id]);
    if (t) {
      expect(r.errors).toBeUndefined();
      expect(r.data!.transitionDeliveryOrder.status).toBe(to);
      expect(row).toEqual({ status: to, version: 2 });
      const events = r.data!.transitionDeliveryOrder.events;
      expect(events[events.length - 1]).toEqual({ fromStatus: from, toStatus: to });
    } else {
      expect(r.errors?.[0].extensions?.code).toBe(from === to ? 'CONFLICT' : 'BAD_USER_INPUT');
      expect(row).toEqual({ status: from, version: 1 });
    }
  });

  it('lets only the named actor make each move', async () => {
    for (const t of DELIVERY_TRANSITIONS) {
      const { id, resident: owner } = await orderIn(t.from);
      const wrong = t.by === 'RESIDENT' ? tokens.taopudong_staff : owner.token;
      const r = await api.gql(MOVE, { id, to: t.to, ...argsFor(t.to) }, wrong);
      expect([t, r.errors?.[0].extensions?.code]).toEqual([t, 'FORBIDDEN']);
      expect((await one(`SELECT status FROM delivery_order WHERE id = $1`, [id])).status).toBe(t.from);
    }
  });

  it.each([
    ['REQUESTED', 'REJECTED', { reason: '  ' }, 'reason'],
    ['ACCEPTED', 'SCHEDULED', {}, 'scheduledFor'],
    ['ACCEPTED', 'SCHEDULED', { at: '2020-01-01T00:00:00Z' }, 'scheduledFor'],
    ['DELIVERED', 'RATED', {}, 'rating'],
    ['DELIVERED', 'RATED', { rating: 6 }, 'rating'],
    ['DELIVERED', 'RATED', { rating: 0 }, 'rating'],
  ] as const)('%s → %s without what it needs names %s', async (from, to, args, field) => {
    const { id, resident: owner } = await orderIn(from);
    const token = to === 'RATED' ? owner.token : tokens.taopudong_staff;
    const r = await api.gql(MOVE, { id, to, ...args }, token);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.fields?.[0].field).toBe(field);
    expect((await one(`SELECT status FROM delivery_order WHERE id = $1`, [id])).status).toBe(from);
  });

  it('walks the whole flow and keeps the reason, date, rating and comment', async () => {
    const r = await createTestResident(api);
    const id = (await order(r.token)).data!.orderMobileService.id;
    const at = future();
    const staff = tokens.taopudong_staff;
    expect((await api.gql(MOVE, { id, to: 'ACCEPTED' }, staff)).errors).toBeUndefined();
    const sched = await api.gql(MOVE, { id, to: 'SCHEDULED', at }, staff);
    expect(new Date(sched.data!.transitionDeliveryOrder.scheduledFor).toISOString()).toBe(at);
    expect((await api.gql(MOVE, { id, to: 'DELIVERED' }, staff)).errors).toBeUndefined();
    const rated = await api.gql(MOVE, { id, to: 'RATED', rating: 4, comment: '老师讲得好' }, r.token);
    expect(rated.data!.transitionDeliveryOrder).toMatchObject({
      status: 'RATED',
      rating: 4,
      comment: '老师讲得好',
    });
    expect(rated.data!.transitionDeliveryOrder.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'REQUESTED',
      'ACCEPTED',
      'SCHEDULED',
      'DELIVERED',
      'RATED',
    ]);
    // the resident sees the date and the reject reason of another order
    const other = (await order(r.token)).data!.orderMobileService.id;
    await api.gql(MOVE, { id: other, to: 'REJECTED', reason: '本月名额已满' }, staff);
    const mine = await api.gql(
      `{ deliveryOrders(first: 10) { totalCount edges { node { id status scheduledFor reason } } } }`,
      {},
      r.token,
    );
    const nodes = mine.data!.deliveryOrders.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toEqual([
      { id: other, status: 'REJECTED', scheduledFor: null, reason: '本月名额已满' },
      { id, status: 'RATED', scheduledFor: at.replace('.000Z', '.000Z'), reason: null },
    ]);
  });
});

describe('concurrency', () => {
  it('two staff accepting the same order at once: one wins, the other gets CONFLICT, the order changes once', async () => {
    for (let round = 0; round < 5; round++) {
      const { id } = await orderIn('REQUESTED');
      const results = await Promise.all([
        api.gql(MOVE, { id, to: 'ACCEPTED' }, tokens.taopudong_staff),
        api.gql(MOVE, { id, to: 'ACCEPTED' }, tokens.taopu_admin),
      ]);
      const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect(await one(`SELECT status, version FROM delivery_order WHERE id = $1`, [id])).toEqual({
        status: 'ACCEPTED',
        version: 2,
      });
      expect(
        (
          await one(
            `SELECT count(*)::int AS n FROM delivery_order_event WHERE order_id = $1 AND to_status = 'ACCEPTED'`,
            [id],
          )
        ).n,
      ).toBe(1);
    }
  });

  it('a resident cancelling while staff accept: exactly one move lands', async () => {
    const { id, resident: owner } = await orderIn('REQUESTED');
    const results = await Promise.all([
      api.gql(MOVE, { id, to: 'ACCEPTED' }, tokens.taopudong_staff),
      api.gql(MOVE, { id, to: 'CANCELLED' }, owner.token),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect((await one(`SELECT version FROM delivery_order WHERE id = $1`, [id])).version).toBe(2);
  });
});

describe('scope', () => {
  it('shows residents only their own orders and hides others as not found', async () => {
    const mine = await order(otherResident.token);
    const id = mine.data!.orderMobileService.id;
    const list = await api.gql(
      `{ deliveryOrders(first: 100) { edges { node { id } } } }`,
      {},
      resident.token,
    );
    expect(list.data!.deliveryOrders.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);
    const cancel = await api.gql(MOVE, { id, to: 'CANCELLED' }, resident.token);
    expect(cancel.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it.each([
    ['staff of the center', 'taopudong_staff', true],
    ['the street admin', 'taopu_admin', true],
    ['the district admin', 'putuo_admin', true],
    ['the evaluator of the district', 'evaluator', true],
    ['a street admin of another street', 'changzheng_admin', false],
    ['another district admin', 'jiading_admin', false],
  ] as const)('lists the order for %s: %s', async (_what, user, sees) => {
    const { id } = await orderIn('REQUESTED');
    const r = await api.gql(
      `{ deliveryOrders(first: 100, filter: { status: REQUESTED }) { edges { node { id } } } }`,
      {},
      tokens[user],
    );
    expect(r.errors).toBeUndefined();
    const seen = r.data!.deliveryOrders.edges.some((e: { node: { id: string } }) => e.node.id === id);
    expect(seen).toBe(sees);
  });

  it('answers NOT_FOUND when staff of another street move an order', async () => {
    const { id } = await orderIn('REQUESTED');
    const r = await api.gql(MOVE, { id, to: 'ACCEPTED' }, tokens.changzheng_admin);
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets an evaluator see but not move orders', async () => {
    const { id } = await orderIn('REQUESTED');
    const r = await api.gql(MOVE, { id, to: 'ACCEPTED' }, tokens.evaluator);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('needs a signed-in caller', async () => {
    const r = await api.gql(`{ deliveryOrders { totalCount } }`);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('demand grouped by item', () => {
  it('counts distinct residents per item, most residents first', async () => {
    const a = await newItem(tokens.putuo_admin, 'MOBILE', uniq('热门'));
    const b = await newItem(tokens.putuo_admin, 'MOBILE', uniq('冷门'));
    const people = await Promise.all([1, 2, 3].map(() => createTestResident(api)));
    for (const p of people) await order(p.token, a);
    await order(people[0].token, b);
    const r = await api.gql(
      `query($f: DeliveryOrderFilter) { deliveryDemand(filter: $f) { service { id } orderCount residentCount centerCount } }`,
      { f: { centerId: String(center), status: 'REQUESTED' } },
      tokens.taopudong_staff,
    );
    expect(r.errors).toBeUndefined();
    const rows = r.data!.deliveryDemand;
    const ia = rows.findIndex((x: { service: { id: string } }) => x.service.id === a);
    const ib = rows.findIndex((x: { service: { id: string } }) => x.service.id === b);
    expect(rows[ia]).toMatchObject({ orderCount: 3, residentCount: 3, centerCount: 1 });
    expect(rows[ib]).toMatchObject({ orderCount: 1, residentCount: 1 });
    expect(ia).toBeLessThan(ib);
    const refused = await api.gql(`{ deliveryDemand { orderCount } }`, {}, resident.token);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('pages the orders list without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const r: any = await api.gql(
        `query($after: String) { deliveryOrders(first: 7, after: $after, filter: { centerId: "${center}" }) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after },
        tokens.taopudong_staff,
      );
      total = r.data.deliveryOrders.totalCount;
      seen.push(...r.data.deliveryOrders.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!r.data.deliveryOrders.pageInfo.hasNextPage) break;
      after = r.data.deliveryOrders.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(total - 5); // other test files may add orders meanwhile
    const ids = seen.map(Number);
    expect([...ids].sort((x, y) => y - x)).toEqual(ids);
  });
});
