// Compiled directory reads answer exactly what the resolvers answer: the same documents run both
// ways (compiledReads on and off) must give byte-identical JSON, errors included, for anonymous
// callers and for officials whose viewer* fields differ. Compiled documents take one statement.
import { queryCounter } from '../../db/query-counter';
import { DEMO_OFFICIALS, startTestApi, type TestApi } from '../../testing/harness';
import { compiledReads } from '../sql-read';

let api: TestApi;
let tokens: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(DEMO_OFFICIALS);
});
afterAll(async () => {
  compiledReads.enabled = true;
  await api.close();
});

const REGION = `id code name level communityKind population location { lat lng __typename } __typename`;
const ITEM = `id code name description category menu provider department audience fee retiredAt promotedFrom updatedAt
  ownerRegion { ${REGION} } __typename`;
const OFFERING = `id fee capacity updatedAt schedule { byDay opens closes validFrom validUntil __typename }
  service { ${ITEM} } __typename`;
const CENTER = `id name kind brand address floorArea floors openingHours phone facilities zones updatedAt
  location { lat lng } street { ${REGION} } coveredCommunities { id name location { lat } }
  viewerCanEdit viewerCanEditOfferings offerings { ${OFFERING} } __typename`;

const TAOPU = { lat: 31.2823, lng: 121.3756 };

/** Runs a document with compiled reads on, then off; returns both bodies and the statements of the first. */
async function both(query: string, variables: Record<string, unknown> = {}, token?: string) {
  compiledReads.enabled = true;
  queryCounter.reset();
  const compiled = await api.gql(query, variables, token);
  const statements = queryCounter.count;
  compiledReads.enabled = false;
  const resolved = await api.gql(query, variables, token);
  compiledReads.enabled = true;
  return { compiled, resolved, statements };
}

async function expectSame(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const r = await both(query, variables, token);
  expect(JSON.stringify(r.compiled)).toBe(JSON.stringify(r.resolved));
  return r;
}

describe('compiled directory reads', () => {
  it('centersNear with every compiled field: same JSON, one statement', async () => {
    const q = `query($p: GeoPointInput!, $m: Int, $n: Int) { centersNear(point: $p, withinMinutes: $m, first: $n) {
      distanceMeters walkingMinutes center { ${CENTER} } __typename } }`;
    const r = await expectSame(q, { p: TAOPU, m: 30, n: 8 });
    expect(r.compiled.errors).toBeUndefined();
    expect((r.compiled.data as any).centersNear.length).toBeGreaterThan(3);
    expect(r.statements).toBe(1);
    for (const u of ['taopu_admin', 'taopudong_staff', 'putuo_admin', 'evaluator']) {
      const v = await expectSame(q, { p: TAOPU, m: 30, n: 8 }, tokens[u]);
      const flags = (v.compiled.data as any).centersNear.map((x: any) => [
        x.center.viewerCanEdit,
        x.center.viewerCanEditOfferings,
      ]);
      if (u !== 'evaluator') expect(flags.flat()).toContain(true);
    }
  });

  it('the resident SPA’s documents: fragments, aliases, __typename, defaults, first: 0', async () => {
    const near = `query($p: GeoPointInput!) { __typename centersNear(point: $p) { distanceMeters center { id __typename }
        ...A __typename } n2: centersNear(point: $p, first: 0) { distanceMeters } }
      fragment A on CenterDistance { center { ...C name } d: distanceMeters }
      fragment C on Center { id name address location { lat lng } offerings { id service { id name category } } ... on Center { phone } }`;
    const r = await expectSame(near, { p: TAOPU });
    expect(r.statements).toBe(1);
    // nothing to find, with viewer-dependent fields (their parameters stay in the statement)
    const none = `query($p: GeoPointInput!) { centersNear(point: $p, first: 0) { center { viewerCanEdit viewerCanEditOfferings } } }`;
    expect((await expectSame(none, { p: TAOPU }, tokens.taopu_admin)).compiled.errors).toBeUndefined();
    expect((r.compiled.data as any).n2).toEqual([]);
  });

  it('centers: filters, paging, cursors, totalCount; center(id) found, missing and malformed', async () => {
    const q = `query($f: CenterFilter, $n: Int, $a: String) { centers(filter: $f, first: $n, after: $a) {
      totalCount pageInfo { hasNextPage endCursor __typename } edges { cursor node { ${CENTER} } __typename } __typename } }`;
    const putuo = await api.regionId('普陀区');
    const taopu = await api.regionId('桃浦镇');
    const community = (await api.db.query(`SELECT community_id AS id FROM center_community LIMIT 1`))[0].id;
    const cases: Record<string, unknown>[] = [
      { n: 6 },
      { n: 0 },
      { n: 3 },
      { f: { regionId: String(putuo) }, n: 5 },
      { f: { regionId: String(taopu), kind: 'COMMUNITY_STATION' }, n: 10 },
      { f: { regionId: String(community) }, n: 5 },
      { f: { regionId: '999999' }, n: 5 },
      { f: { regionId: 'abc' }, n: 5 },
      { f: { search: '桃浦' }, n: 5 },
      { f: { search: '  ' }, n: 5 },
      { f: { search: '%_\\' }, n: 5 },
    ];
    for (const v of cases) {
      const r = await expectSame(q, v);
      expect(r.compiled.errors).toBeUndefined();
      expect(r.statements).toBe(1);
    }
    // walk three pages by cursor
    let after: string | null = null;
    for (let i = 0; i < 3; i++) {
      const r = await expectSame(q, { n: 2, a: after, f: { regionId: String(putuo) } });
      after = (r.compiled.data as any).centers.pageInfo.endCursor;
      expect(after).toBeTruthy();
    }
    const [{ id }] = await api.db.query(`SELECT id FROM center ORDER BY id LIMIT 1`);
    const one = `query($id: ID!) { center(id: $id) { ${CENTER} } }`;
    for (const cid of [String(id), '99999999', 'x1', '0']) {
      const r = await expectSame(one, { id: cid }, tokens.taopu_admin);
      expect(r.statements).toBeLessThanOrEqual(2);
    }
  });

  it('the reverse relations: an offering’s center, an item’s offerings', async () => {
    const q = `{ center(id: "1") { offerings { center { id name } service { offerings { id fee } } } } }`;
    const [{ id }] = await api.db.query(`SELECT center_id AS id FROM service_offering ORDER BY id LIMIT 1`);
    const r = await expectSame(q.replace('"1"', `"${id}"`));
    expect(r.compiled.errors).toBeUndefined();
    expect(r.statements).toBe(1);
  });

  it('refusals come from the resolvers, in their words', async () => {
    const cases: [string, Record<string, unknown>][] = [
      [`{ centersNear(point: { lat: 31.2, lng: 121.4 }, first: 101) { distanceMeters } }`, {}],
      [`{ centersNear(point: { lat: 31.2, lng: 121.4 }, withinMinutes: 0) { distanceMeters } }`, {}],
      [`{ centersNear(point: { lat: 91, lng: 121.4 }) { distanceMeters } }`, {}],
      [`{ centers(first: -1) { totalCount } }`, {}],
      [`{ centers(first: 101) { totalCount } }`, {}],
      [`{ centers(after: "nonsense") { totalCount } }`, {}],
      [`query($f: CenterFilter) { centers(filter: $f) { totalCount } }`, { f: { search: 'x'.repeat(101) } }],
    ];
    for (const [q, v] of cases) {
      const r = await expectSame(q, v);
      expect(r.compiled.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('falls back to the resolvers for anything it does not know, with the same answer', async () => {
    const cases = [
      `{ centersNear(point: { lat: 31.2823, lng: 121.3756 }) { center { name satisfaction { responses } } } }`,
      `{ centers(first: 3) { edges { node { name offerings { changes { totalCount } } } } } }`,
      `query($s: Boolean!) { centers(first: 3) { edges { node { name phone @include(if: $s) } } } }`,
      `{ centers(first: 2) { edges { node { street { parent { name } } } } } regions(level: DISTRICT) { name } }`,
    ];
    for (const q of cases) {
      const r = await expectSame(q, { s: true }, tokens.putuo_admin);
      expect(r.statements).toBeGreaterThan(1);
    }
  });
});
