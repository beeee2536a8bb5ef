// 资源清单 against real PostgreSQL: adding and editing (who may, field errors), the contact stored
// encrypted and answered masked, reveals only to the owning street's staff and recorded, the
// district-wide list, active project counts, and matching (ranking, explained reasons, batching).
// The database is shared with other test files: every test makes its own records with unique names.
import { decryptPersonal } from '../../../auth/phone-crypto';
import { queryCounter } from '../../../db/query-counter';
import { createTestResident, startTestApi, type TestApi, DEMO_OFFICIALS } from '../../../testing/harness';

let api: TestApi;
let tokens: Record<string, string>;
let putuo: number;
let taopu: number;
let changzheng: number;
/** 桃浦新村 (桃浦镇) and its close neighbour 桃浦二村; 紫藤, about 2 km away; 梅川路 (长征镇) */
let xincun: number;
let ercun: number;
let ziteng: number;
let meichuan: number;
let jiadingCommunity: number;

const FIELDS = `id name kind category description capacity availability contactMasked active
  region { id name } viewerCanRevealContact viewerCanManage activeProjects`;
const CREATE = `mutation($input: CreateResourceInput!) { createResource(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateResourceInput!) { updateResource(id: $id, input: $input) { ${FIELDS} } }`;
const ACTIVE = `mutation($id: ID!, $a: Boolean!) { setResourceActive(id: $id, active: $a) { id active } }`;
const REVEAL = `mutation($id: ID!, $reason: String) { revealResourceContact(id: $id, reason: $reason) { name phone } }`;
const GET = `query($id: ID!) { resource(id: $id) { ${FIELDS} contactReveals { actorName reason at } } }`;
const LIST = `query($filter: ResourceFilter, $first: Int, $after: String) { resources(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }`;
const MATCHES = `query($d: ID!, $first: Int) { resourceMatches(demandId: $d, first: $first) {
  score reasons { factor points explanation } resource { id name region { name } activeProjects viewerCanRevealContact contactMasked } } }`;

const uniq = (s: string) => `${s}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const one = async (sql: string, params: unknown[] = []) => (await api.db.query(sql, params))[0];
const codes = (r: { errors?: { extensions?: { code?: string } }[] }) =>
  r.errors?.map((e) => e.extensions?.code);
const fieldsOf = (r: { errors?: { extensions?: { fields?: { field: string }[] } }[] }) =>
  (r.errors?.[0]?.extensions?.fields ?? []).map((f) => f.field).sort();
const reveals = async (id: string) =>
  (await one(`SELECT count(*)::int AS n FROM resource_contact_reveal WHERE resource_id = $1`, [id]))
    .n as number;

async function add(token: string, input: Record<string, unknown>) {
  const r = await api.gql(
    CREATE,
    { input: { kind: 'SOCIAL_ORGANIZATION', category: 'CULTURE', ...input } },
    token,
  );
  if (!r.data?.createResource) throw new Error(JSON.stringify(r.errors));
  return r.data.createResource;
}

/** A project using the resources, in `status`, optionally with review meetings (outcomes). */
async function project(status: string, resourceIds: (string | number)[], reviews: string[] = []) {
  const [p] = await api.db.query(
    `INSERT INTO project (title, status, publicly_funded, street_id, district_id) VALUES ($1, $2, true, $3, $4) RETURNING id`,
    [uniq('项目'), status, taopu, putuo],
  );
  for (const r of resourceIds)
    await api.db.query(`INSERT INTO project_resource (project_id, resource_id) VALUES ($1, $2)`, [p.id, r]);
  for (const outcome of reviews)
    await api.db.query(
      `INSERT INTO meeting (project_id, kind, held_at, attendees, minutes, outcome, resolution)
       VALUES ($1, 'REVIEW', now(), 20, '评议', $2, '评议结论')`,
      [p.id, outcome],
    );
  return p.id as number;
}

beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(DEMO_OFFICIALS);
  const region = async (name: string, level: string) =>
    (await one(`SELECT id FROM region WHERE name = $1 AND level = $2`, [name, level])).id as number;
  putuo = await region('普陀区', 'DISTRICT');
  taopu = await region('桃浦镇', 'STREET');
  changzheng = await region('长征镇', 'STREET');
  const community = async (street: number, name: string) =>
    (
      await one(`SELECT id FROM region WHERE street_id = $1 AND name = $2 AND level = 'COMMUNITY'`, [
        street,
        name,
      ])
    ).id as number;
  xincun = await community(taopu, '桃浦新村居民区');
  ercun = await community(taopu, '桃浦二村居民区');
  ziteng = await community(taopu, '紫藤居民区');
  meichuan = await community(changzheng, '梅川路居民区');
  jiadingCommunity = (
    await one(
      `SELECT c.id FROM region c JOIN region d ON d.id = c.district_id WHERE d.name = '嘉定区' AND c.level = 'COMMUNITY' ORDER BY c.id LIMIT 1`,
    )
  ).id;
});
afterAll(() => api.close());

describe('adding a resource', () => {
  it('street staff add one for their street; the contact is stored encrypted and answered masked', async () => {
    const name = uniq('书法协会');
    const r = await add(tokens.taopu_admin, {
      name,
      regionId: String(xincun),
      capacity: 3,
      contactName: '张三',
      contactPhone: '138 1234 5678',
      description: '每周六书法课',
      availability: '周末',
    });
    expect(r).toMatchObject({
      name,
      kind: 'SOCIAL_ORGANIZATION',
      capacity: 3,
      availability: '周末',
      contactMasked: '张* 138****5678',
      active: true,
      region: { id: String(xincun), name: '桃浦新村居民区' },
      viewerCanRevealContact: true,
      viewerCanManage: true,
      activeProjects: 0,
    });
    const row = await one(`SELECT * FROM resource WHERE id = $1`, [r.id]);
    expect(row).toMatchObject({ district_id: putuo, street_id: taopu, region_id: xincun });
    for (const col of ['contact_name_enc', 'contact_phone_enc']) {
      expect(row[col]).not.toContain('13812345678');
      expect(row[col]).not.toContain('5678');
      expect(row[col]).not.toContain('张三');
    }
    expect(decryptPersonal(row.contact_phone_enc)).toBe('13812345678');
    expect(decryptPersonal(row.contact_name_enc)).toBe('张三');
    const staff = await api.gql(
      CREATE,
      { input: { name: uniq('志愿者'), kind: 'VOLUNTEER', category: 'DAILY_LIFE', regionId: String(taopu) } },
      tokens.taopudong_staff,
    );
    expect(staff.data!.createResource).toMatchObject({ contactMasked: null, capacity: null });
  });

  it('a district-wide resource belongs to the district: only its admin adds it', async () => {
    const input = {
      name: uniq('区法律援助中心'),
      kind: 'GOVERNMENT',
      category: 'LEGAL',
      regionId: String(putuo),
    };
    expect(codes(await api.gql(CREATE, { input }, tokens.taopu_admin))).toEqual(['FORBIDDEN']);
    const r = await add(tokens.putuo_admin, input);
    expect(r.region.id).toBe(String(putuo));
    expect((await one(`SELECT street_id FROM resource WHERE id = $1`, [r.id])).street_id).toBeNull();
    // the district admin also adds for a street
    expect(
      (await add(tokens.putuo_admin, { name: uniq('街镇资源'), regionId: String(changzheng) }))
        .viewerCanManage,
    ).toBe(true);
  });

  it('nobody else adds: another street, evaluators, residents, other districts, anonymous', async () => {
    const name = uniq('越权资源');
    const input = { name, kind: 'ENTERPRISE', category: 'CULTURE', regionId: String(xincun) };
    const resident = await createTestResident(api);
    expect(codes(await api.gql(CREATE, { input }, tokens.changzheng_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(CREATE, { input }, tokens.evaluator))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(CREATE, { input }, tokens.jiading_admin))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(CREATE, { input }, resident.token))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(CREATE, { input }))).toEqual(['UNAUTHENTICATED']);
    expect((await one(`SELECT count(*)::int AS n FROM resource WHERE name = $1`, [name])).n).toBe(0);
  });

  it('names every bad field together and writes nothing', async () => {
    const r = await api.gql(
      CREATE,
      {
        input: {
          name: ' ',
          kind: 'TALENT',
          category: 'CULTURE',
          regionId: '999999999',
          capacity: -1,
          contactPhone: '12345',
          description: '长'.repeat(5001),
        },
      },
      tokens.taopu_admin,
    );
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(r)).toEqual([
      'input.capacity',
      'input.contactPhone',
      'input.description',
      'input.name',
      'input.regionId',
    ]);
    expect(r.errors![0].extensions!.fields!.every((f) => f.message.includes(' / '))).toBe(true);
  });
});

describe('editing', () => {
  it('the owning street edits, re-masking the contact; others may not', async () => {
    const r = await add(tokens.taopu_admin, {
      name: uniq('编辑'),
      regionId: String(xincun),
      contactName: '王小二',
      contactPhone: '13900001111',
    });
    const u = await api.gql(
      UPDATE,
      { id: r.id, input: { contactPhone: '13700002222', capacity: null, availability: '工作日晚上' } },
      tokens.taopudong_staff,
    );
    expect(u.errors).toBeUndefined();
    expect(u.data!.updateResource).toMatchObject({
      contactMasked: '王** 137****2222',
      capacity: null,
      availability: '工作日晚上',
      name: r.name,
    });
    const row = await one(`SELECT contact_name_enc, contact_phone_enc FROM resource WHERE id = $1`, [r.id]);
    expect(decryptPersonal(row.contact_phone_enc)).toBe('13700002222');
    expect(decryptPersonal(row.contact_name_enc)).toBe('王小二');
    expect(fieldsOf(await api.gql(UPDATE, { id: r.id, input: { name: '' } }, tokens.taopu_admin))).toEqual([
      'input.name',
    ]);
    expect(
      codes(await api.gql(UPDATE, { id: r.id, input: { name: '改名' } }, tokens.changzheng_admin)),
    ).toEqual(['FORBIDDEN']);
    // moving it to another street needs that street too
    expect(
      codes(await api.gql(UPDATE, { id: r.id, input: { regionId: String(meichuan) } }, tokens.taopu_admin)),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(UPDATE, { id: r.id, input: { name: '改名' } }, tokens.jiading_admin))).toEqual(
      ['NOT_FOUND'],
    );
    expect((await one(`SELECT name, street_id FROM resource WHERE id = $1`, [r.id])).street_id).toBe(taopu);
  });

  it('deactivated resources leave the list (unless asked for) and matching', async () => {
    const name = uniq('停用');
    const r = await add(tokens.taopu_admin, { name, regionId: String(xincun) });
    expect(codes(await api.gql(ACTIVE, { id: r.id, a: false }, tokens.changzheng_admin))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      (await api.gql(ACTIVE, { id: r.id, a: false }, tokens.taopu_admin)).data!.setResourceActive.active,
    ).toBe(false);
    const listed = async (filter: Record<string, unknown>) =>
      (await api.gql(LIST, { filter: { search: name, ...filter } }, tokens.taopu_admin)).data!.resources
        .totalCount;
    expect(await listed({})).toBe(0);
    expect(await listed({ activeOnly: false })).toBe(1);
  });
});

describe('the resource list', () => {
  let tag: string;
  let inTaopu: { id: string };
  let inChangzheng: { id: string };
  let districtWide: { id: string };
  let inJiading: { id: string };
  beforeAll(async () => {
    tag = uniq('清单');
    inTaopu = await add(tokens.taopu_admin, { name: `${tag}桃浦`, regionId: String(xincun), kind: 'TALENT' });
    inChangzheng = await add(tokens.changzheng_admin, {
      name: `${tag}长征`,
      regionId: String(meichuan),
      category: 'HEALTH',
    });
    districtWide = await add(tokens.putuo_admin, {
      name: `${tag}全区`,
      regionId: String(putuo),
      kind: 'GOVERNMENT',
    });
    inJiading = await add(tokens.jiading_admin, { name: `${tag}嘉定`, regionId: String(jiadingCommunity) });
  });
  const ids = async (token: string, filter: Record<string, unknown> = {}) => {
    const r = await api.gql(LIST, { filter: { search: tag, ...filter }, first: 100 }, token);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.resources.edges.map((e: { node: { id: string } }) => e.node.id).sort();
  };

  it('is shared by every official of the district, and only of the district', async () => {
    const putuoAll = [inTaopu.id, inChangzheng.id, districtWide.id].sort();
    for (const u of ['putuo_admin', 'changzheng_admin', 'taopu_admin', 'taopudong_staff', 'evaluator'])
      expect(await ids(tokens[u])).toEqual(putuoAll);
    expect(await ids(tokens.jiading_admin)).toEqual([inJiading.id]);
    expect((await api.gql(GET, { id: inTaopu.id }, tokens.jiading_admin)).data!.resource).toBeNull();
    const resident = await createTestResident(api);
    expect(codes(await api.gql(LIST, {}, resident.token))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(LIST, {}))).toEqual(['UNAUTHENTICATED']);
  });

  it('filters by the region served, category and kind', async () => {
    expect(await ids(tokens.putuo_admin, { regionId: String(taopu) })).toEqual(
      [inTaopu.id, districtWide.id].sort(),
    );
    expect(await ids(tokens.putuo_admin, { regionId: String(xincun) })).toEqual(
      [inTaopu.id, districtWide.id].sort(),
    );
    expect(await ids(tokens.putuo_admin, { regionId: String(ercun) })).toEqual([districtWide.id]);
    expect(await ids(tokens.putuo_admin, { regionId: String(putuo) })).toHaveLength(3);
    expect(await ids(tokens.putuo_admin, { category: 'HEALTH' })).toEqual([inChangzheng.id]);
    expect(await ids(tokens.putuo_admin, { kind: 'TALENT' })).toEqual([inTaopu.id]);
    expect(await ids(tokens.putuo_admin, { regionId: '999999999' })).toEqual([]);
  });

  it('counts the projects using a resource now', async () => {
    const r = await add(tokens.taopu_admin, { name: uniq('在办'), regionId: String(xincun) });
    await project('IN_PROGRESS', [r.id]);
    await project('PROPOSED', [r.id]);
    await project('COMPLETED', [r.id]);
    await project('REJECTED', [r.id]);
    const got = await api.gql(GET, { id: r.id }, tokens.evaluator);
    expect(got.data!.resource.activeProjects).toBe(2);
  });
});

describe('revealing the contact', () => {
  it('the owning street’s staff see it, with the reveal recorded', async () => {
    const r = await add(tokens.taopu_admin, {
      name: uniq('联系人'),
      regionId: String(ercun),
      contactName: '李四',
      contactPhone: '+86 139-0000-3333',
    });
    const seen = await api.gql(REVEAL, { id: r.id, reason: '联系活动场地' }, tokens.taopudong_staff);
    expect(seen.data!.revealResourceContact).toEqual({ name: '李四', phone: '13900003333' });
    await api.gql(REVEAL, { id: r.id }, tokens.taopu_admin);
    const rows = await api.db.query(
      `SELECT v.reason, u.username FROM resource_contact_reveal v JOIN app_user u ON u.id = v.actor_id
       WHERE v.resource_id = $1 ORDER BY v.id`,
      [r.id],
    );
    expect(rows).toEqual([
      { reason: '联系活动场地', username: 'taopudong_staff' },
      { reason: null, username: 'taopu_admin' },
    ]);
    const got = await api.gql(GET, { id: r.id }, tokens.taopu_admin);
    expect(got.data!.resource.contactReveals.map((x: { actorName: string }) => x.actorName)).toEqual([
      '桃浦镇社区自治办管理员',
      '桃浦东片区专职工作人员',
    ]);
    expect(got.data!.resource.contactReveals[1].reason).toBe('联系活动场地');
  });

  it('a 长征镇 admin asking for a 桃浦镇 resource’s contact is refused and nothing is recorded', async () => {
    const r = await add(tokens.taopu_admin, {
      name: uniq('保密'),
      regionId: String(xincun),
      contactName: '赵六',
      contactPhone: '13600004444',
    });
    for (const u of ['changzheng_admin', 'putuo_admin', 'evaluator']) {
      const res = await api.gql(REVEAL, { id: r.id, reason: '想看看' }, tokens[u]);
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(res)).not.toContain('13600004444');
    }
    expect(codes(await api.gql(REVEAL, { id: r.id }, tokens.jiading_admin))).toEqual(['NOT_FOUND']);
    const resident = await createTestResident(api);
    expect(codes(await api.gql(REVEAL, { id: r.id }, resident.token))).toEqual(['NOT_FOUND']);
    expect(codes(await api.gql(REVEAL, { id: r.id }))).toEqual(['UNAUTHENTICATED']);
    expect(await reveals(r.id)).toBe(0);
    const got = await api.gql(GET, { id: r.id }, tokens.changzheng_admin);
    expect(got.data!.resource).toMatchObject({
      contactMasked: '赵* 136****4444',
      viewerCanRevealContact: false,
      contactReveals: null,
    });
  });

  it('a district-wide resource’s contact: the district admin only', async () => {
    const r = await add(tokens.putuo_admin, {
      name: uniq('区级'),
      regionId: String(putuo),
      contactName: '钱七',
      contactPhone: '13500005555',
    });
    expect(codes(await api.gql(REVEAL, { id: r.id }, tokens.taopu_admin))).toEqual(['FORBIDDEN']);
    expect((await api.gql(REVEAL, { id: r.id }, tokens.putuo_admin)).data!.revealResourceContact.phone).toBe(
      '13500005555',
    );
    expect(await reveals(r.id)).toBe(1);
  });
});

describe('matching', () => {
  it('ranks a same-category, same-community resource first; reasons add up to the score', async () => {
    const author = await createTestResident(api);
    await api.db.query(`UPDATE app_user SET home_community_id = $2 WHERE id = $1`, [author.id, xincun]);
    const d = await api.gql(
      `mutation($input: CreateDemandInput!) { createDemand(input: $input) { id } }`,
      { input: { title: uniq('想学书法'), category: 'CULTURE', communityId: String(xincun) } },
      author.token,
    );
    const demandId = d.data!.createDemand.id;
    const tag = uniq('匹配');
    const best = await add(tokens.taopu_admin, { name: `${tag}本社区同类`, regionId: String(xincun) });
    const street = await add(tokens.taopu_admin, {
      name: `${tag}本街镇同类`,
      regionId: String(taopu),
      capacity: 2,
    });
    const near = await add(tokens.taopu_admin, { name: `${tag}邻近同类`, regionId: String(ercun) });
    const far = await add(tokens.taopu_admin, { name: `${tag}远处同类`, regionId: String(ziteng) });
    const other = await add(tokens.taopu_admin, {
      name: `${tag}本社区异类`,
      regionId: String(xincun),
      category: 'HEALTH',
    });
    const wide = await add(tokens.putuo_admin, { name: `${tag}全区同类`, regionId: String(putuo) });
    const off = await add(tokens.taopu_admin, { name: `${tag}停用`, regionId: String(xincun) });
    await api.gql(ACTIVE, { id: off.id, a: false }, tokens.taopu_admin);
    // the street resource: one project running (1 of 2 spare), one of two reviews approved
    await project('IN_PROGRESS', [street.id]);
    await project('COMPLETED', [street.id], ['APPROVED', 'REJECTED']);
    // the nearby one: a review that rejected
    await project('COMPLETED', [near.id], ['REJECTED']);

    const r = await api.gql(MATCHES, { d: demandId, first: 50 }, tokens.taopu_admin);
    expect(r.errors).toBeUndefined();
    const matches = r.data!.resourceMatches as {
      score: number;
      reasons: { factor: string; points: number; explanation: string }[];
      resource: { id: string; name: string };
    }[];
    for (const m of matches) {
      expect(m.reasons.map((x) => x.factor)).toEqual(['CATEGORY', 'AREA', 'CAPACITY', 'REVIEWS']);
      expect(m.reasons.reduce((s, x) => s + x.points, 0)).toBeCloseTo(m.score, 6);
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(100);
    }
    const scores = matches.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const mine = matches.filter((m) => m.resource.name.startsWith(tag));
    const byId = new Map(mine.map((m) => [m.resource.id, m]));
    expect(byId.has(off.id)).toBe(false);
    expect(mine[0].resource.id).toBe(best.id);
    const pts = (id: string) => Object.fromEntries(byId.get(id)!.reasons.map((x) => [x.factor, x.points]));
    expect(pts(best.id)).toEqual({ CATEGORY: 40, AREA: 30, CAPACITY: 10, REVIEWS: 7.5 });
    expect(byId.get(best.id)!.score).toBe(87.5);
    expect(pts(street.id)).toEqual({ CATEGORY: 40, AREA: 25, CAPACITY: 7.5, REVIEWS: 7.5 });
    expect(pts(near.id)).toEqual({ CATEGORY: 40, AREA: 20, CAPACITY: 10, REVIEWS: 0 });
    expect(pts(far.id)).toMatchObject({ AREA: 0 });
    expect(pts(wide.id)).toMatchObject({ AREA: 15 });
    expect(pts(other.id)).toMatchObject({ CATEGORY: 0, AREA: 30 });
    expect(mine.map((m) => m.resource.id)).toEqual([best.id, street.id, wide.id, near.id, far.id, other.id]);
    expect(byId.get(near.id)!.reasons[1].explanation).toMatch(
      /步行约\d+分钟 \/ serves a community about \d+ min walk away/,
    );
  });

  it('only officials who can read the demand', async () => {
    const d = await api.gql(
      `mutation($input: CreateDemandInput!) { createDemand(input: $input) { id } }`,
      {
        input: { title: uniq('匹配范围'), category: 'CULTURE', communityId: String(xincun), source: 'VISIT' },
      },
      tokens.taopu_admin,
    );
    const id = d.data!.createDemand.id;
    expect((await api.gql(MATCHES, { d: id }, tokens.evaluator)).errors).toBeUndefined();
    expect((await api.gql(MATCHES, { d: id }, tokens.putuo_admin)).errors).toBeUndefined();
    expect(codes(await api.gql(MATCHES, { d: id }, tokens.changzheng_admin))).toEqual(['NOT_FOUND']);
    expect(codes(await api.gql(MATCHES, { d: id }, tokens.jiading_admin))).toEqual(['NOT_FOUND']);
    const resident = await createTestResident(api);
    expect(codes(await api.gql(MATCHES, { d: id }, resident.token))).toEqual(['FORBIDDEN']);
    expect(codes(await api.gql(MATCHES, { d: id }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await api.gql(MATCHES, { d: id, first: 51 }, tokens.taopu_admin))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('runs the same statements for 3 and for 30 resources', async () => {
    // a street of 嘉定区 of its own: its demand is matched against the district's resources
    const community = (
      await one(
        `SELECT c.id FROM region c JOIN region d ON d.id = c.district_id WHERE d.name = '嘉定区' AND c.level = 'COMMUNITY' ORDER BY c.id DESC LIMIT 1`,
      )
    ).id;
    const d = await api.gql(
      `mutation($input: CreateDemandInput!) { createDemand(input: $input) { id } }`,
      {
        input: { title: uniq('批量'), category: 'CULTURE', communityId: String(community), source: 'VISIT' },
      },
      tokens.jiading_admin,
    );
    const demandId = d.data!.createDemand.id;
    const addMany = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const r = await add(tokens.jiading_admin, {
          name: uniq('批量资源'),
          regionId: String(i % 2 ? community : jiadingCommunity),
          capacity: i % 3 ? 2 : null,
          contactName: '孙八',
          contactPhone: '13800006666',
        });
        if (i % 4 === 0) await project('IN_PROGRESS', [r.id]);
      }
    };
    const statements = async () => {
      queryCounter.reset();
      const r = await api.gql(MATCHES, { d: demandId, first: 50 }, tokens.jiading_admin);
      expect(r.errors).toBeUndefined();
      return { n: queryCounter.count, matches: r.data!.resourceMatches.length as number };
    };
    await addMany(3);
    const few = await statements();
    await addMany(27);
    const many = await statements();
    expect(many.matches).toBeGreaterThanOrEqual(30);
    expect(few.matches).toBeGreaterThanOrEqual(3);
    expect(many.n).toBe(few.n);
    // the caller, the demand, its community, the scored candidates (with their project counts), their regions
    expect(many.n).toBeLessThanOrEqual(5);
  });
});
