// 功能迭代: the yearly review ranks ordered items and proposes mobile and featured items for the
// district menu; the district admin promotes one in one action, keeping its history.
import { REVIEW_MIN_AVERAGE_RATING, REVIEW_MIN_RESIDENTS } from '@lc/domain';
import { createTestResident, startTestApi, type TestApi } from '../../../testing/harness';

// Orders of this file are moved into 2023 so the review of that year holds only them.
const YEAR = 2023;

let api: TestApi;
let tokens: Record<string, string>;
let putuo: number;
let center: number;

const REVIEW = `query($d: ID!, $y: Int!) { menuReview(districtId: $d, year: $y) {
  year totalOrders totalResidents totalDeliveries averageRating unorderedItems
  items { rank service { id name } menu orders residents deliveries ratings averageRating proposalReason }
  proposals { service { id } residents averageRating proposalReason } } }`;

const uniq = (s: string) => `${s}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const one = async (sql: string, params: unknown[] = []) => (await api.db.query(sql, params))[0];

async function newItem(token: string, menu: string, name = uniq('评估')) {
  const r = await api.gql(
    `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id } }`,
    { input: { menu, name, category: 'HEALTH' } },
    token,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createServiceItem.id as string;
}

/** `ratings` residents order the item (in YEAR); each rating given makes the order RATED. */
async function ordersOf(serviceId: string, ratings: (number | null)[], centerId = center) {
  for (const rating of ratings) {
    const r = await createTestResident(api);
    const placed = await api.gql(
      `mutation($input: OrderMobileServiceInput!) { orderMobileService(input: $input) { id } }`,
      { input: { serviceId, centerId: String(centerId) } },
      r.token,
    );
    const id = placed.data!.orderMobileService.id;
    await api.db.query(
      `UPDATE delivery_order SET requested_at = make_timestamptz($2, 6, 1, 10, 0, 0, 'Asia/Shanghai'),
         status = CASE WHEN $3::int IS NULL THEN 'REQUESTED' ELSE 'RATED' END, rating = $3 WHERE id = $1`,
      [id, YEAR, rating],
    );
  }
}

beforeAll(async () => {
  api = await startTestApi();
  const users = ['putuo_admin', 'jiading_admin', 'taopu_admin', 'evaluator'];
  tokens = await api.loginAll(users);
  putuo = (await one(`SELECT id FROM region WHERE name = '普陀区'`)).id;
  center = (await one(`SELECT id FROM center WHERE name = '桃浦东片区'`)).id;
});
afterAll(() => api.close());

describe('the yearly review', () => {
  let wanted: string;
  let poorlyRated: string;
  let tooFew: string;
  let alreadyThere: string;
  let feature: string;

  beforeAll(async () => {
    wanted = await newItem(tokens.putuo_admin, 'MOBILE', uniq('非遗剪纸'));
    poorlyRated = await newItem(tokens.putuo_admin, 'MOBILE', uniq('差评'));
    tooFew = await newItem(tokens.putuo_admin, 'MOBILE', uniq('少人'));
    const twinName = uniq('重复');
    alreadyThere = await newItem(tokens.putuo_admin, 'MOBILE', twinName);
    await newItem(tokens.putuo_admin, 'DISTRICT', twinName);
    feature = await newItem(tokens.taopu_admin, 'STREET_FEATURE', uniq('桃浦特色'));
    await ordersOf(wanted, [5, 5, 4, null, null]);
    await ordersOf(poorlyRated, [2, 3, 3, 2]);
    await ordersOf(tooFew, [5, 5]);
    await ordersOf(alreadyThere, [5, 5, 5]);
    await ordersOf(feature, [4, 5, null]);
  });

  it('ranks items by orders with distinct residents, deliveries and average rating', async () => {
    const r = await api.gql(REVIEW, { d: String(putuo), y: YEAR }, tokens.putuo_admin);
    expect(r.errors).toBeUndefined();
    const review = r.data!.menuReview;
    const byId = new Map(review.items.map((i: { service: { id: string } }) => [i.service.id, i]));
    expect(byId.get(wanted)).toMatchObject({
      rank: 1,
      menu: 'MOBILE',
      orders: 5,
      residents: 5,
      deliveries: 3,
      ratings: 3,
    });
    expect((byId.get(wanted) as { averageRating: number }).averageRating).toBeCloseTo(14 / 3, 2);
    expect(byId.get(poorlyRated)).toMatchObject({ rank: 2, orders: 4, averageRating: 2.5 });
    expect(review.totalOrders).toBe(5 + 4 + 2 + 3 + 3);
    expect(review.totalResidents).toBe(17);
    expect(review.items.map((i: { rank: number }) => i.rank)).toEqual(
      review.items.map((_: unknown, k: number) => k + 1),
    );
  });

  it(`proposes items with ≥${REVIEW_MIN_RESIDENTS} residents, average ≥${REVIEW_MIN_AVERAGE_RATING}, not yet on the district menu`, async () => {
    const r = await api.gql(REVIEW, { d: String(putuo), y: YEAR }, tokens.evaluator);
    const proposed = r.data!.menuReview.proposals.map((p: { service: { id: string } }) => p.service.id);
    expect(proposed).toEqual([wanted, feature]);
    expect(r.data!.menuReview.proposals[0].proposalReason).toContain('5');
  });

  it('lets the district admin promote an item in one action, keeping its id, offerings, orders and history', async () => {
    const promote = `mutation($id: ID!) { promoteServiceItem(id: $id) { id menu promotedFrom ownerRegion { id } } }`;
    for (const user of ['taopu_admin', 'jiading_admin', 'evaluator']) {
      const refused = await api.gql(promote, { id: feature }, tokens[user]);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const r = await api.gql(promote, { id: feature }, tokens.putuo_admin);
    expect(r.errors).toBeUndefined();
    expect(r.data!.promoteServiceItem).toEqual({
      id: feature,
      menu: 'DISTRICT',
      promotedFrom: 'STREET_FEATURE',
      ownerRegion: { id: String(putuo) },
    });
    expect(
      (await one(`SELECT count(*)::int AS n FROM delivery_order WHERE service_id = $1`, [feature])).n,
    ).toBe(3);
    const log = await api.db.query(
      `SELECT action, field, old_value, new_value FROM change_log WHERE entity = 'SERVICE_ITEM' AND entity_id = $1 ORDER BY id`,
      [Number(feature)],
    );
    expect(log[0].action).toBe('CREATE');
    expect(log.filter((l: { action: string }) => l.action === 'PROMOTE')).toEqual(
      expect.arrayContaining([
        { action: 'PROMOTE', field: 'menu', old_value: 'STREET_FEATURE', new_value: 'DISTRICT' },
      ]),
    );
    const after = await api.gql(REVIEW, { d: String(putuo), y: YEAR }, tokens.putuo_admin);
    expect(after.data!.menuReview.proposals.map((p: { service: { id: string } }) => p.service.id)).toEqual([
      wanted,
    ]);
    const again = await api.gql(promote, { id: feature }, tokens.putuo_admin);
    expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['another district admin', 'jiading_admin', 'FORBIDDEN'],
    ['an anonymous caller', null, 'UNAUTHENTICATED'],
  ] as const)('refuses %s', async (_what, user, code) => {
    const r = await api.gql(REVIEW, { d: String(putuo), y: YEAR }, user ? tokens[user] : undefined);
    expect(r.errors?.[0].extensions?.code).toBe(code);
  });

  it('refuses residents and a year out of range', async () => {
    const resident = await createTestResident(api);
    expect(
      (await api.gql(REVIEW, { d: String(putuo), y: YEAR }, resident.token)).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    const bad = await api.gql(REVIEW, { d: String(putuo), y: 1900 }, tokens.putuo_admin);
    expect(bad.errors?.[0].extensions?.fields?.[0].field).toBe('year');
  });
});
