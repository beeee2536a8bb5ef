import { SERVICE_CATEGORIES } from '@lc/domain';
import { queryCounter } from '../../../db/query-counter';
import { startTestApi, type TestApi } from '../../../testing/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const NESTED = `query($first: Int) { centers(first: $first) { edges { node {
  street { name } coveredCommunities { name } offerings { service { name ownerRegion { name } } } } } } }`;

async function statements(query: string, variables: Record<string, unknown>): Promise<number> {
  queryCounter.reset();
  const r = await api.gql(query, variables);
  expect(r.errors).toBeUndefined();
  return queryCounter.count;
}

describe('batching', () => {
  it('runs the same small number of statements for 5 and 50 centers', async () => {
    const five = await statements(NESTED, { first: 5 });
    const fifty = await statements(NESTED, { first: 50 });
    expect(fifty).toBe(five);
    // page + count + streets + covered communities + offerings + services + owner regions
    expect(fifty).toBeLessThanOrEqual(7);
  });

  it('centersNear with nested offerings is one statement (compiled read), three through the resolvers', async () => {
    const near = (first: number, extra = '') =>
      statements(
        `{ centersNear(point: { lat: 31.2543, lng: 121.3842 }, withinMinutes: 30, first: ${first}) { center { name ${extra} offerings { service { name } } } } }`,
        {},
      );
    expect(await near(50)).toBe(1);
    expect(await near(5)).toBe(1);
    // a field the compiler does not know: the resolvers, still constant in page size
    const fallback = await near(50, 'satisfaction { responses }');
    expect(fallback).toBeGreaterThan(1);
    expect(await near(5, 'satisfaction { responses }')).toBe(fallback);
  });

  it('services with offerings and centers stays constant', async () => {
    const q = `query($first: Int) { services(first: $first) { edges { node { name ownerRegion { name } offerings { center { name street { name } } } } } } }`;
    expect(await statements(q, { first: 3 })).toBe(await statements(q, { first: 40 }));
  });
});

describe('services', () => {
  it('lists items available in a street: district and mobile menus plus its featured menu', async () => {
    const s: any = await api.gql(`{ regions(level: STREET) { id name } }`);
    const taopu = s.data.regions.find((r: any) => r.name === '桃浦镇');
    const r: any = await api.gql(
      `query($r: ID) { services(filter: { regionId: $r, menu: STREET_FEATURE }, first: 100) { totalCount edges { node { menu ownerRegion { name } } } } }`,
      { r: taopu.id },
    );
    expect(r.data.services.totalCount).toBeGreaterThan(0);
    expect(r.data.services.edges.every((e: any) => e.node.ownerRegion.name === '桃浦镇')).toBe(true);
    const d: any = await api.gql(
      `query($r: ID) { services(filter: { regionId: $r, menu: DISTRICT }, first: 1) { totalCount edges { node { ownerRegion { name } } } } }`,
      { r: taopu.id },
    );
    expect(d.data.services.totalCount).toBeGreaterThanOrEqual(120);
    expect(d.data.services.edges[0].node.ownerRegion.name).toBe('普陀区');
  });

  it('covers the seven categories and searches Chinese names', async () => {
    for (const category of SERVICE_CATEGORIES) {
      const r: any = await api.gql(
        `query($c: ServiceCategory) { services(filter: { category: $c, menu: DISTRICT }, first: 1) { totalCount } }`,
        {
          c: category,
        },
      );
      expect(r.data.services.totalCount).toBeGreaterThan(0);
    }
    const r: any = await api.gql(
      `{ services(filter: { search: "法律" }, first: 100) { edges { node { name description } } } }`,
    );
    expect(r.data.services.edges.length).toBeGreaterThan(0);
    expect(
      r.data.services.edges.every((e: any) => `${e.node.name}${e.node.description ?? ''}`.includes('法律')),
    ).toBe(true);
  });

  it('every center offers services with schedules', async () => {
    const r: any = await api.gql(
      `{ centers(first: 100) { edges { node { offerings { schedule { byDay opens closes } service { id } } } } } }`,
    );
    for (const e of r.data.centers.edges) {
      expect(e.node.offerings.length).toBeGreaterThan(0);
    }
  });
});
