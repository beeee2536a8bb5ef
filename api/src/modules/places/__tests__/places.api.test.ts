import { haversineMeters, walkingRadiusMeters } from '@lc/domain';
import { startTestApi, type TestApi } from '../../../testing/harness';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

interface CenterRow {
  id: string;
  name: string;
  address: string;
  location: { lat: number; lng: number };
}

async function allCenters(
  filter: Record<string, unknown> = {},
  pageSize = 100,
): Promise<{ rows: CenterRow[]; totals: number[] }> {
  const rows: CenterRow[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (;;) {
    const r: any = await api.gql(
      `query($f: CenterFilter, $first: Int, $after: String) {
        centers(filter: $f, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name address location { lat lng } } } } }`,
      { f: filter, first: pageSize, after },
    );
    expect(r.errors).toBeUndefined();
    const c = r.data.centers;
    totals.push(c.totalCount);
    rows.push(...c.edges.map((e: { node: CenterRow }) => e.node));
    if (!c.pageInfo.hasNextPage) break;
    expect(c.pageInfo.endCursor).toBe(c.edges[c.edges.length - 1].cursor);
    after = c.pageInfo.endCursor;
  }
  return { rows, totals };
}

async function regionByName(name: string, level: string): Promise<{ id: string; name: string }> {
  const r: any = await api.gql(`query($l: RegionLevel) { regions(level: $l) { id name } }`, { l: level });
  const found = r.data.regions.find((x: { name: string }) => x.name === name);
  if (!found) throw new Error(`no ${level} named ${name}`);
  return found;
}

describe('regions', () => {
  it('has three levels with Putuo and its 288 communities', async () => {
    const putuo = await regionByName('普陀区', 'DISTRICT');
    const r: any = await api.gql(
      `query($id: ID!) { region(id: $id) { name level children { id level parent { id } children { id level communityKind location { lat lng } } } } }`,
      { id: putuo.id },
    );
    expect(r.errors).toBeUndefined();
    const streets = r.data.region.children;
    expect(streets.length).toBeGreaterThanOrEqual(10);
    expect(streets.every((s: any) => s.level === 'STREET' && s.parent.id === putuo.id)).toBe(true);
    const communities = streets.flatMap((s: any) => s.children);
    expect(communities).toHaveLength(288);
    expect(communities.every((c: any) => c.level === 'COMMUNITY' && c.location && c.communityKind)).toBe(
      true,
    );
  });

  it('answers null for an unknown region', async () => {
    const r: any = await api.gql(`{ region(id: "999999") { id } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.region).toBeNull();
  });
});

describe('centers', () => {
  it('walks every page without gaps or repeats, and totalCount agrees', async () => {
    const { rows, totals } = await allCenters({}, 37);
    const ids = rows.map((c) => Number(c.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    expect(new Set(totals)).toEqual(new Set([ids.length]));
    const big = await allCenters({}, 100);
    expect(big.rows.map((c) => c.id)).toEqual(rows.map((c) => c.id));
  });

  it('filters by district, street and community', async () => {
    const putuo = await regionByName('普陀区', 'DISTRICT');
    const { rows } = await allCenters({ regionId: putuo.id, kind: 'HUB' });
    expect(rows).toHaveLength(32);
    const taopu = await regionByName('桃浦镇', 'STREET');
    const inTaopu = await allCenters({ regionId: taopu.id });
    expect(inTaopu.rows.map((c) => c.name)).toContain('桃浦东片区');
    const r: any = await api.gql(
      `query($f: CenterFilter) { centers(filter: $f, first: 1) { edges { node { id coveredCommunities { id } } } } }`,
      { f: { regionId: taopu.id, search: '桃浦东' } },
    );
    const community = r.data.centers.edges[0].node.coveredCommunities[0];
    const byCommunity = await allCenters({ regionId: community.id });
    expect(byCommunity.rows.map((c) => c.id)).toContain(r.data.centers.edges[0].node.id);
  });

  it('finds Chinese names and addresses', async () => {
    const { rows } = await allCenters({ search: '桃浦' });
    expect(rows.map((c) => c.name)).toContain('桃浦东片区');
    expect(rows.every((c) => c.name.includes('桃浦') || c.address.includes('桃浦'))).toBe(true);
    const byAddress = await allCenters({ search: '镇南路822弄' });
    expect(byAddress.rows.map((c) => c.name)).toContain('桃浦东片区');
    const none = await allCenters({ search: '%' });
    expect(none.rows).toHaveLength(0);
  });

  it('describes 桃浦东片区 as the seeds do', async () => {
    const r: any = await api.gql(
      `{ centers(filter: { search: "桃浦东片区" }, first: 1) { edges { node { name kind floorArea address street { name } coveredCommunities { communityKind } } } } }`,
    );
    const c = r.data.centers.edges[0].node;
    expect(c).toMatchObject({ kind: 'HUB', floorArea: 5204, street: { name: '桃浦镇' } });
    expect(c.address).toContain('镇南路822弄');
    const kinds = c.coveredCommunities.map((x: { communityKind: string }) => x.communityKind);
    expect(kinds.filter((k: string) => k === 'RESIDENTIAL')).toHaveLength(14);
    expect(kinds.filter((k: string) => k === 'VILLAGE')).toHaveLength(3);
  });
});

describe('centersNear', () => {
  it('agrees with a brute-force distance computation over all centers', async () => {
    const { rows } = await allCenters();
    const communities: any = await api.gql(`{ regions(level: COMMUNITY) { location { lat lng } } }`);
    const points = communities.data.regions
      .filter((_: unknown, i: number) => i % 97 === 0)
      .map((r: any) => r.location)
      .concat([
        { lat: 31.2543, lng: 121.3842 },
        { lat: 31.0, lng: 121.0 },
      ]);
    for (const minutes of [5, 15, 30]) {
      for (const point of points) {
        const radius = walkingRadiusMeters(minutes);
        const expected = rows
          .map((c) => ({ id: c.id, d: haversineMeters(point, c.location) }))
          .filter((x) => x.d <= radius)
          .sort((a, b) => a.d - b.d || Number(a.id) - Number(b.id))
          .slice(0, 100);
        const r: any = await api.gql(
          `query($p: GeoPointInput!, $m: Int) { centersNear(point: $p, withinMinutes: $m, first: 100) { distanceMeters walkingMinutes center { id } } }`,
          { p: point, m: minutes },
        );
        expect(r.errors).toBeUndefined();
        const got = r.data.centersNear;
        expect(got.map((x: any) => x.center.id)).toEqual(expected.map((x) => x.id));
        got.forEach((x: any, i: number) => {
          expect(x.distanceMeters).toBeCloseTo(expected[i].d, 3);
          expect(x.walkingMinutes).toBeCloseTo(x.distanceMeters / 75, 6);
        });
      }
    }
  });

  it('defaults to 15 minutes and 20 results', async () => {
    const r: any = await api.gql(
      `{ centersNear(point: { lat: 31.2543, lng: 121.3842 }) { walkingMinutes } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.centersNear.length).toBeLessThanOrEqual(20);
    expect(r.data.centersNear.every((x: any) => x.walkingMinutes <= 15)).toBe(true);
  });
});

describe('coverage', () => {
  it('covered plus uncovered equals communities, and agrees with brute force', async () => {
    const { rows } = await allCenters();
    for (const [name, level] of [
      ['普陀区', 'DISTRICT'],
      ['桃浦镇', 'STREET'],
      ['长征镇', 'STREET'],
    ] as const) {
      const region = await regionByName(name, level);
      const r: any = await api.gql(
        `query($id: ID!) { coverage(regionId: $id) { withinMinutes communities covered region { id } uncovered { id name level location { lat lng } } } }`,
        { id: region.id },
      );
      expect(r.errors).toBeUndefined();
      const c = r.data.coverage;
      expect(c.withinMinutes).toBe(15);
      expect(c.region.id).toBe(region.id);
      expect(c.covered + c.uncovered.length).toBe(c.communities);
      for (const u of c.uncovered) {
        expect(u.level).toBe('COMMUNITY');
        const nearest = Math.min(...rows.map((x) => haversineMeters(u.location, x.location)));
        expect(nearest).toBeGreaterThan(walkingRadiusMeters(15));
      }
    }
    const putuo = await regionByName('普陀区', 'DISTRICT');
    const r: any = await api.gql(
      `query($id: ID!) { coverage(regionId: $id) { communities uncovered { id } } }`,
      {
        id: putuo.id,
      },
    );
    expect(r.data.coverage.communities).toBe(288);
    expect(r.data.coverage.uncovered.length).toBeGreaterThan(0);
  });

  it('is NOT_FOUND for an unknown region', async () => {
    const r: any = await api.gql(`{ coverage(regionId: "999999") { communities } }`);
    expect(r.errors[0].extensions.code).toBe('NOT_FOUND');
  });
});
