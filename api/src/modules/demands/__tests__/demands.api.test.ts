// 需求清单 against real PostgreSQL: raising (residents and staff, with the source), field errors,
// the resident's community, seconding once (also concurrently), similar demands, scope, filters,
// paging, and the status sync the projects module calls. The database is shared with other test
// files running in parallel: every test makes its own records with unique text and never assumes
// table counts.
import { createTestResident, startTestApi, type TestApi, DEMO_OFFICIALS } from '../../../testing/harness';
import { syncDemandStatuses } from '../demand-status';

let api: TestApi;
let tokens: Record<string, string>;
/** communities: 桃浦新村 and 古浪 (桃浦镇), 梅川路 (长征镇) */
let taopuA: number;
let taopuB: number;
let changzhengC: number;
let taopu: number;
let changzheng: number;
let putuo: number;

const FIELDS = `id title description category source status seconds raisedByMe viewerSeconded viewerCanSecond
  community { id name } street { id name }`;
const CREATE = `mutation($input: CreateDemandInput!) { createDemand(input: $input) { ${FIELDS} } }`;
const SECOND = `mutation($id: ID!) { secondDemand(id: $id) { id seconds viewerSeconded viewerCanSecond } }`;
const GET = `query($id: ID!) { demand(id: $id) { id title } }`;
const LIST = `query($filter: DemandFilter, $first: Int, $after: String) { demands(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title status source community { id } } } } }`;
const SIMILAR = `query($c: ID!, $t: String!, $d: String, $first: Int) { similarDemands(communityId: $c, title: $t, description: $d, first: $first) {
  score demand { id title } } }`;

const uniq = (s: string) => `${s}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const one = async (sql: string, params: unknown[] = []) => (await api.db.query(sql, params))[0];
const codes = (r: { errors?: { extensions?: { code?: string } }[] }) =>
  r.errors?.map((e) => e.extensions?.code);
const fieldsOf = (r: { errors?: { extensions?: { fields?: { field: string }[] } }[] }) =>
  (r.errors?.[0]?.extensions?.fields ?? []).map((f) => f.field).sort();

/** A resident of `community` (home community set). */
async function residentOf(community: number | null) {
  const r = await createTestResident(api);
  if (community !== null)
    await api.db.query(`UPDATE app_user SET home_community_id = $2 WHERE id = $1`, [r.id, community]);
  return r;
}

async function raise(token: string, input: Record<string, unknown>) {
  const r = await api.gql(CREATE, { input: { category: 'DAILY_LIFE', ...input } }, token);
  if (!r.data?.createDemand) throw new Error(JSON.stringify(r.errors));
  return r.data.createDemand;
}

const countTitled = async (title: string) =>
  (await one(`SELECT count(*)::int AS n FROM demand WHERE title = $1`, [title])).n as number;

beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(DEMO_OFFICIALS);
  const community = async (street: string, name: string) =>
    (
      await one(
        `SELECT c.id FROM region c JOIN region s ON s.id = c.street_id WHERE s.name = $1 AND c.name = $2 AND c.level = 'COMMUNITY'`,
        [street, name],
      )
    ).id as number;
  taopuA = await community('桃浦镇', '桃浦新村居民区');
  taopuB = await community('桃浦镇', '古浪居民区');
  changzhengC = await community('长征镇', '梅川路居民区');
  taopu = await api.regionId('桃浦镇', 'STREET');
  changzheng = await api.regionId('长征镇', 'STREET');
  putuo = await api.regionId('普陀区', 'DISTRICT');
});
afterAll(() => api.close());

describe('raising a demand', () => {
  it('a resident without a community raises one: the community becomes theirs, with a center covering it', async () => {
    const r = await createTestResident(api);
    const title = uniq('楼道照明');
    const d = await raise(r.token, { title, description: '  楼道灯坏了很久  ', communityId: String(taopuA) });
    expect(d).toMatchObject({
      title,
      description: '楼道灯坏了很久',
      source: 'RESIDENT_APP',
      status: 'OPEN',
      seconds: 0,
      raisedByMe: true,
      viewerSeconded: false,
      viewerCanSecond: false,
      community: { id: String(taopuA), name: '桃浦新村居民区' },
      street: { id: String(taopu), name: '桃浦镇' },
    });
    const row = await one(
      `SELECT u.home_community_id, c.name AS center FROM app_user u LEFT JOIN center c ON c.id = u.home_center_id WHERE u.id = $1`,
      [r.id],
    );
    expect(row).toEqual({ home_community_id: taopuA, center: '桃浦东片区' });
    const stored = await one(`SELECT street_id, district_id, raised_by FROM demand WHERE id = $1`, [d.id]);
    expect(stored).toEqual({ street_id: taopu, district_id: putuo, raised_by: r.id });
  });

  it('a resident raises only for their own community', async () => {
    const r = await residentOf(taopuA);
    const title = uniq('别的社区');
    const res = await api.gql(
      CREATE,
      { input: { title, category: 'CULTURE', communityId: String(taopuB) } },
      r.token,
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['input.communityId']);
    expect(res.errors![0].extensions!.fields![0].message).toContain('/');
    expect(await countTitled(title)).toBe(0);
  });

  it('names every bad field together and writes nothing', async () => {
    const r = await residentOf(taopuA);
    const res = await api.gql(
      CREATE,
      {
        input: {
          title: '   ',
          description: '长'.repeat(5001),
          category: 'HEALTH',
          communityId: String(taopu),
          source: 'VISIT',
        },
      },
      r.token,
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(res)).toEqual(['input.communityId', 'input.description', 'input.source', 'input.title']);
    const long = await api.gql(
      CREATE,
      { input: { title: '题'.repeat(81), category: 'HEALTH', communityId: String(taopuA) } },
      r.token,
    );
    expect(fieldsOf(long)).toEqual(['input.title']);
    const unknown = await api.gql(
      CREATE,
      { input: { title: 'x', category: 'HEALTH', communityId: '999999999' } },
      r.token,
    );
    expect(fieldsOf(unknown)).toEqual(['input.communityId']);
  });

  it('staff enter demands with the source recorded, within their street', async () => {
    const visit = await raise(tokens.taopu_admin, {
      title: uniq('走访'),
      communityId: String(taopuA),
      source: 'VISIT',
    });
    expect(visit).toMatchObject({ source: 'VISIT', raisedByMe: true, status: 'OPEN' });
    const survey = await raise(tokens.taopudong_staff, {
      title: uniq('问卷'),
      communityId: String(taopuB),
      source: 'SURVEY_COMMENT',
    });
    expect(survey.source).toBe('SURVEY_COMMENT');
    const hotline = await raise(tokens.putuo_admin, {
      title: uniq('热线'),
      communityId: String(changzhengC),
      source: 'HOTLINE',
    });
    expect(hotline.source).toBe('HOTLINE');

    for (const source of [null, 'RESIDENT_APP']) {
      const title = uniq('无来源');
      const res = await api.gql(
        CREATE,
        { input: { title, category: 'LEGAL', communityId: String(taopuA), source } },
        tokens.taopu_admin,
      );
      expect(fieldsOf(res)).toEqual(['input.source']);
      expect(await countTitled(title)).toBe(0);
    }
  });

  it('officials outside the street, evaluators and anonymous callers cannot', async () => {
    const title = uniq('越权');
    const input = { title, category: 'LEGAL', communityId: String(taopuA), source: 'VISIT' };
    expect(codes(await api.gql(CREATE, { input }, tokens.changzheng_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(CREATE, { input }, tokens.evaluator))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(CREATE, { input }, tokens.jiading_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(CREATE, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(await countTitled(title)).toBe(0);
  });
});

describe('a resident’s community', () => {
  const SET = `mutation($c: ID!) { setHomeCommunity(communityId: $c) { id homeCommunity { id name } homeCenter { name } } }`;

  it('a resident chooses it; their center is filled in when they have none', async () => {
    const r = await createTestResident(api);
    const res = await api.gql(SET, { c: String(taopuB) }, r.token);
    expect(res.errors).toBeUndefined();
    expect(res.data!.setHomeCommunity).toMatchObject({
      homeCommunity: { id: String(taopuB), name: '古浪居民区' },
    });
    const me = await api.gql(`{ me { homeCommunity { id } } }`, {}, r.token);
    expect(me.data!.me.homeCommunity.id).toBe(String(taopuB));
    // an existing center stays
    const centerId = (await one(`SELECT id FROM center WHERE name = '新城片区'`)).id;
    const s = await createTestResident(api, centerId);
    const set = await api.gql(SET, { c: String(taopuA) }, s.token);
    expect(set.data!.setHomeCommunity.homeCenter.name).toBe('新城片区');
  });

  it('only residents, only communities', async () => {
    const r = await createTestResident(api);
    expect(fieldsOf(await api.gql(SET, { c: String(taopu) }, r.token))).toEqual(['communityId']);
    expect(codes(await api.gql(SET, { c: String(taopuA) }, tokens.taopu_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(SET, { c: String(taopuA) }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('seconding (+1)', () => {
  it('a neighbour seconds once; a repeat changes nothing', async () => {
    const author = await residentOf(taopuA);
    const d = await raise(author.token, { title: uniq('健身器材'), communityId: String(taopuA) });
    const neighbour = await residentOf(taopuA);
    const before = await api.gql(
      GET.replace('id title', 'id viewerCanSecond viewerSeconded'),
      { id: d.id },
      neighbour.token,
    );
    expect(before.data!.demand).toMatchObject({ viewerCanSecond: true, viewerSeconded: false });
    const first = await api.gql(SECOND, { id: d.id }, neighbour.token);
    expect(first.data!.secondDemand).toMatchObject({
      seconds: 1,
      viewerSeconded: true,
      viewerCanSecond: false,
    });
    const again = await api.gql(SECOND, { id: d.id }, neighbour.token);
    expect(again.errors).toBeUndefined();
    expect(again.data!.secondDemand.seconds).toBe(1);
  });

  it('concurrent seconds: the same resident counts once, different residents each once', async () => {
    const author = await residentOf(taopuA);
    const d = await raise(author.token, { title: uniq('助餐点'), communityId: String(taopuA) });
    const neighbour = await residentOf(taopuA);
    const same = await Promise.all(
      Array.from({ length: 6 }, () => api.gql(SECOND, { id: d.id }, neighbour.token)),
    );
    expect(same.every((r) => !r.errors)).toBe(true);
    expect((await one(`SELECT seconds FROM demand WHERE id = $1`, [d.id])).seconds).toBe(1);
    const others = await Promise.all(Array.from({ length: 5 }, () => residentOf(taopuA)));
    const many = await Promise.all(others.map((o) => api.gql(SECOND, { id: d.id }, o.token)));
    expect(many.every((r) => !r.errors)).toBe(true);
    const row = await one(
      `SELECT d.seconds, (SELECT count(*)::int FROM demand_second s WHERE s.demand_id = d.id) AS n FROM demand d WHERE d.id = $1`,
      [d.id],
    );
    expect(row).toEqual({ seconds: 6, n: 6 });
  });

  it('not one’s own, not another community’s, not by staff, only open demands', async () => {
    const author = await residentOf(taopuA);
    const d = await raise(author.token, { title: uniq('自己的'), communityId: String(taopuA) });
    const own = await api.gql(SECOND, { id: d.id }, author.token);
    expect(codes(own)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(own)).toEqual(['id']);
    const elsewhere = await residentOf(taopuB);
    expect(codes(await api.gql(SECOND, { id: d.id }, elsewhere.token))).toEqual(['NOT_FOUND']);
    const homeless = await residentOf(null);
    expect(codes(await api.gql(SECOND, { id: d.id }, homeless.token))).toEqual(['NOT_FOUND']);
    expect(codes(await api.gql(SECOND, { id: d.id }, tokens.taopu_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(SECOND, { id: d.id }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await api.gql(SECOND, { id: '999999999' }, elsewhere.token))).toEqual(['NOT_FOUND']);
    await api.db.query(`UPDATE demand SET status = 'IN_PROJECT' WHERE id = $1`, [d.id]);
    const neighbour = await residentOf(taopuA);
    expect(codes(await api.gql(SECOND, { id: d.id }, neighbour.token))).toEqual(['BAD_USER_INPUT']);
    expect((await one(`SELECT seconds FROM demand WHERE id = $1`, [d.id])).seconds).toBe(0);
  });
});

describe('similar demands', () => {
  it('finds similar open Chinese titles of the community, not unrelated ones', async () => {
    const author = await residentOf(taopuB);
    const tag = uniq('');
    const lift = await raise(author.token, {
      title: '小区加装电梯',
      description: `多层住宅老人上下楼难 ${tag}`,
      communityId: String(taopuB),
    });
    const calligraphy = await raise(author.token, { title: '组织书法班', communityId: String(taopuB) });
    const closed = await raise(author.token, { title: '小区加装电梯', communityId: String(taopuB) });
    await api.db.query(`UPDATE demand SET status = 'CLOSED' WHERE id = $1`, [closed.id]);
    const elsewhere = await raise(tokens.taopu_admin, {
      title: '小区加装电梯',
      communityId: String(taopuA),
      source: 'VISIT',
    });
    const neighbour = await residentOf(taopuB);
    const r = await api.gql(SIMILAR, { c: String(taopuB), t: '希望加装电梯', first: 20 }, neighbour.token);
    expect(r.errors).toBeUndefined();
    const found = r.data!.similarDemands as { score: number; demand: { id: string } }[];
    const ids = found.map((x) => x.demand.id);
    expect(ids).toContain(lift.id);
    expect(ids).not.toContain(calligraphy.id);
    expect(ids).not.toContain(closed.id);
    expect(ids).not.toContain(elsewhere.id);
    expect(found.find((x) => x.demand.id === lift.id)!.score).toBeGreaterThanOrEqual(0.3);
    const scores = found.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const book = await api.gql(SIMILAR, { c: String(taopuB), t: '书法班' }, neighbour.token);
    expect(book.data!.similarDemands.map((x: { demand: { id: string } }) => x.demand.id)).toContain(
      calligraphy.id,
    );
  });

  it('residents for their own community (or any while they have none); officials in scope', async () => {
    const q = { c: String(taopuB), t: '加装电梯' };
    expect((await api.gql(SIMILAR, q, (await residentOf(taopuB)).token)).errors).toBeUndefined();
    expect((await api.gql(SIMILAR, q, (await residentOf(null)).token)).errors).toBeUndefined();
    expect(codes(await api.gql(SIMILAR, q, (await residentOf(taopuA)).token))).toEqual(['FORBIDDEN']);
    expect((await api.gql(SIMILAR, q, tokens.taopu_admin)).errors).toBeUndefined();
    expect((await api.gql(SIMILAR, q, tokens.evaluator)).errors).toBeUndefined();
    expect(codes(await api.gql(SIMILAR, q, tokens.changzheng_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(SIMILAR, q))).toEqual(['UNAUTHENTICATED']);
    expect(fieldsOf(await api.gql(SIMILAR, { c: String(taopu), t: 'x' }, tokens.taopu_admin))).toEqual([
      'communityId',
    ]);
  });
});

describe('scope', () => {
  let tag: string;
  let inTaopu: { id: string };
  let inTaopuB: { id: string };
  let inChangzheng: { id: string };
  beforeAll(async () => {
    tag = uniq('范围');
    inTaopu = await raise(tokens.taopu_admin, {
      title: `${tag}桃浦`,
      communityId: String(taopuA),
      source: 'VISIT',
    });
    inTaopuB = await raise(tokens.taopu_admin, {
      title: `${tag}古浪`,
      communityId: String(taopuB),
      source: 'OTHER',
    });
    inChangzheng = await raise(tokens.changzheng_admin, {
      title: `${tag}长征`,
      communityId: String(changzhengC),
      source: 'VISIT',
    });
  });
  const ids = async (token?: string, filter: Record<string, unknown> = {}) => {
    const r = await api.gql(LIST, { filter: { search: tag, ...filter }, first: 100 }, token);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.demands.edges.map((e: { node: { id: string } }) => e.node.id).sort();
  };

  it('a street admin of 长征镇 sees neither list nor detail of 桃浦镇’s demands', async () => {
    expect(await ids(tokens.changzheng_admin)).toEqual([inChangzheng.id]);
    expect((await api.gql(GET, { id: inTaopu.id }, tokens.changzheng_admin)).data!.demand).toBeNull();
    expect((await api.gql(GET, { id: inChangzheng.id }, tokens.changzheng_admin)).data!.demand.id).toBe(
      inChangzheng.id,
    );
  });

  it('street staff see their street, district officials and evaluators the district, other districts nothing', async () => {
    expect(await ids(tokens.taopu_admin)).toEqual([inTaopu.id, inTaopuB.id].sort());
    expect(await ids(tokens.taopudong_staff)).toEqual([inTaopu.id, inTaopuB.id].sort());
    expect(await ids(tokens.putuo_admin)).toEqual([inTaopu.id, inTaopuB.id, inChangzheng.id].sort());
    expect(await ids(tokens.evaluator)).toEqual([inTaopu.id, inTaopuB.id, inChangzheng.id].sort());
    expect(await ids(tokens.jiading_admin)).toEqual([]);
    expect((await api.gql(GET, { id: inTaopu.id }, tokens.jiading_admin)).data!.demand).toBeNull();
    expect(codes(await api.gql(LIST, { first: 1 }))).toEqual(['UNAUTHENTICATED']);
  });

  it('a resident sees their own community’s demands and their own, nothing else', async () => {
    const r = await residentOf(taopuA);
    expect(await ids(r.token)).toEqual([inTaopu.id]);
    expect((await api.gql(GET, { id: inTaopuB.id }, r.token)).data!.demand).toBeNull();
    // after moving, their own demand stays visible to them
    const mine = await raise(r.token, { title: uniq('我的'), communityId: String(taopuA) });
    await api.db.query(`UPDATE app_user SET home_community_id = $2 WHERE id = $1`, [r.id, taopuB]);
    expect(await ids(r.token)).toEqual([inTaopuB.id]);
    expect((await api.gql(GET, { id: mine.id }, r.token)).data!.demand.id).toBe(mine.id);
    expect((await api.gql(GET, { id: inTaopu.id }, r.token)).data!.demand).toBeNull();
    const none = await residentOf(null);
    expect(await ids(none.token)).toEqual([]);
  });

  it('filters by region, status, category, source and search', async () => {
    expect(await ids(tokens.putuo_admin, { regionId: String(taopu) })).toEqual(
      [inTaopu.id, inTaopuB.id].sort(),
    );
    expect(await ids(tokens.putuo_admin, { regionId: String(taopuB) })).toEqual([inTaopuB.id]);
    expect(await ids(tokens.putuo_admin, { regionId: String(putuo) })).toHaveLength(3);
    expect(await ids(tokens.putuo_admin, { regionId: String(changzheng) })).toEqual([inChangzheng.id]);
    expect(await ids(tokens.putuo_admin, { regionId: '999999999' })).toEqual([]);
    expect(await ids(tokens.putuo_admin, { source: 'OTHER' })).toEqual([inTaopuB.id]);
    expect(await ids(tokens.putuo_admin, { category: 'HEALTH' })).toEqual([]);
    expect(await ids(tokens.putuo_admin, { status: 'OPEN' })).toHaveLength(3);
    expect(await ids(tokens.putuo_admin, { search: `${tag}长征` })).toEqual([inChangzheng.id]);
    // LIKE wildcards are literal
    expect(await ids(tokens.putuo_admin, { search: `${tag}%` })).toEqual([]);
  });

  it('pages newest first', async () => {
    const p1 = await api.gql(LIST, { filter: { search: tag }, first: 2 }, tokens.putuo_admin);
    const c = p1.data!.demands;
    expect(c.totalCount).toBe(3);
    expect(c.pageInfo.hasNextPage).toBe(true);
    expect(c.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([inChangzheng.id, inTaopuB.id]);
    const p2 = await api.gql(
      LIST,
      { filter: { search: tag }, first: 2, after: c.pageInfo.endCursor },
      tokens.putuo_admin,
    );
    expect(p2.data!.demands.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([inTaopu.id]);
    expect(p2.data!.demands.pageInfo.hasNextPage).toBe(false);
    expect(fieldsOf(await api.gql(LIST, { first: 101 }, tokens.putuo_admin))).toEqual(['first']);
  });
});

describe('status follows the projects (syncDemandStatuses)', () => {
  it('OPEN → MATCHED → IN_PROJECT → CLOSED, and back to OPEN without projects', async () => {
    const a = await raise(tokens.taopu_admin, {
      title: uniq('同步'),
      communityId: String(taopuA),
      source: 'VISIT',
    });
    const b = await raise(tokens.taopu_admin, {
      title: uniq('同步'),
      communityId: String(taopuA),
      source: 'VISIT',
    });
    const ids = [Number(a.id), Number(b.id)];
    const project = async (status: string, demandIds: number[]) => {
      const [p] = await api.db.query(
        `INSERT INTO project (title, status, publicly_funded, street_id, district_id) VALUES ($1, $2, false, $3, $4) RETURNING id`,
        [uniq('项目'), status, taopu, putuo],
      );
      for (const d of demandIds)
        await api.db.query(`INSERT INTO project_demand (project_id, demand_id) VALUES ($1, $2)`, [p.id, d]);
      return p.id as number;
    };
    const statuses = async () =>
      (await api.db.query(`SELECT status FROM demand WHERE id = ANY($1) ORDER BY id`, [ids])).map(
        (r: { status: string }) => r.status,
      );
    const p1 = await project('PROPOSED', ids);
    await syncDemandStatuses(api.db.manager, ids);
    expect(await statuses()).toEqual(['MATCHED', 'MATCHED']);
    await project('REJECTED', [ids[1]]);
    await api.db.query(`UPDATE project SET status = 'IN_PROGRESS' WHERE id = $1`, [p1]);
    await syncDemandStatuses(api.db.manager, ids);
    expect(await statuses()).toEqual(['IN_PROJECT', 'IN_PROJECT']);
    await api.db.query(`UPDATE project SET status = 'COMPLETED' WHERE id = $1`, [p1]);
    await project('HEARING', [ids[0]]);
    await syncDemandStatuses(api.db.manager, ids);
    expect(await statuses()).toEqual(['CLOSED', 'CLOSED']);
    await api.db.query(`DELETE FROM project_demand WHERE demand_id = ANY($1) AND project_id = $2`, [ids, p1]);
    await syncDemandStatuses(api.db.manager, ids);
    expect(await statuses()).toEqual(['MATCHED', 'OPEN']);
  });
});
