// Projects and the three meetings (三会): the transition table, the meeting rules, demand statuses,
// the timeline, scope, concurrency and batching. Demands and resources are set up with SQL here;
// their own rules are tested in their modules.
import { PROJECT_STATUSES, PROJECT_TRANSITIONS, type ProjectStatus } from '@lc/domain';
import { queryCounter } from '../../../db/query-counter';
import { createTestResident, startTestApi, type TestApi, DEMO_OFFICIALS } from '../../../testing/harness';

let api: TestApi;
let tokens: Record<string, string>;
let taopu: { street: number; district: number; community: number; otherCommunity: number };
let changzheng: { street: number; community: number };
let taopudongCenter: number;

const one = async (sql: string, params: unknown[] = []) => (await api.db.query(sql, params))[0];
const uniq = (s: string) => `${s}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) {
  id status publiclyFunded budgetYuan demands { id status } resources { id } meetings { id } } }`;
const MOVE = `mutation($id: ID!, $to: ProjectStatus!) { transitionProject(id: $id, to: $to) { id status } }`;
const MEET = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id kind outcome } }`;

async function demand(community = taopu.community, street = taopu.street, district = taopu.district) {
  const row = await one(
    `INSERT INTO demand (title, category, community_id, street_id, district_id, source) VALUES ($1, 'DAILY_LIFE', $2, $3, $4, 'VISIT') RETURNING id`,
    [uniq('加装电梯'), community, street, district],
  );
  return String(row.id);
}

async function resource(district = taopu.district, street: number | null = taopu.street) {
  const row = await one(
    `INSERT INTO resource (name, kind, category, region_id, district_id, street_id, active) VALUES ($1, 'ENTERPRISE', 'DAILY_LIFE', $2, $3, $4, true) RETURNING id`,
    [uniq('电梯公司'), street ?? district, district, street],
  );
  return String(row.id);
}

async function project(publiclyFunded = true, token = tokens.taopu_admin, demandIds?: string[]) {
  const r = await api.gql(
    CREATE,
    {
      input: {
        title: uniq('加装电梯项目'),
        demandIds: demandIds ?? [await demand()],
        resourceIds: [await resource()],
        publiclyFunded,
        budgetYuan: 120000,
      },
    },
    token,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createProject.id as string;
}

function meeting(projectId: string, kind: string, outcome: string, extra: Record<string, unknown> = {}) {
  return {
    input: {
      projectId,
      kind,
      outcome,
      heldAt: new Date().toISOString(),
      place: '桃浦东片区议事厅',
      attendees: 30,
      representatives: ['王阿姨', '李师傅'],
      minutes: '居民代表逐一发言，讨论加装电梯的费用分摊。',
      resolution: outcome === 'REJECTED' ? '不同意实施' : '同意实施',
      votesFor: outcome === 'REJECTED' ? 5 : 25,
      votesAgainst: outcome === 'REJECTED' ? 20 : 3,
      votesAbstain: 2,
      ...extra,
    },
  };
}

/** Puts a project straight into a status, with the given meetings on record (SQL, for table tests). */
async function projectIn(status: ProjectStatus, publiclyFunded: boolean, meetings: [string, string][] = []) {
  const id = await project(publiclyFunded);
  await api.db.query(`UPDATE project SET status = $2 WHERE id = $1`, [id, status]);
  for (const [kind, outcome] of meetings) {
    await api.db.query(
      `INSERT INTO meeting (project_id, kind, held_at, attendees, minutes, outcome, resolution) VALUES ($1, $2, now(), 10, '纪要', $3, '决议')`,
      [id, kind, outcome],
    );
  }
  return id;
}

beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(DEMO_OFFICIALS);
  const street = await one(`SELECT id, parent_id FROM region WHERE name = '桃浦镇'`);
  const communities = await api.db.query(`SELECT id FROM region WHERE parent_id = $1 ORDER BY id LIMIT 2`, [
    street.id,
  ]);
  taopu = {
    street: street.id,
    district: street.parent_id,
    community: communities[0].id,
    otherCommunity: communities[1].id,
  };
  const cz = await one(`SELECT id FROM region WHERE name = '长征镇'`);
  changzheng = {
    street: cz.id,
    community: (await one(`SELECT id FROM region WHERE parent_id = $1 ORDER BY id LIMIT 1`, [cz.id])).id,
  };
  taopudongCenter = (await one(`SELECT id FROM center WHERE name = '桃浦东片区'`)).id;
});
afterAll(() => api.close());

describe('creating a project', () => {
  it('makes a PROPOSED project of demands and resources; its demands become MATCHED', async () => {
    const d1 = await demand();
    const d2 = await demand(taopu.otherCommunity);
    const r = await api.gql(
      CREATE,
      {
        input: {
          title: '桃浦加装电梯',
          demandIds: [d1, d2],
          resourceIds: [await resource()],
          publiclyFunded: true,
          budgetYuan: 350000.5,
        },
      },
      tokens.taopu_admin,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.createProject).toMatchObject({
      status: 'PROPOSED',
      publiclyFunded: true,
      budgetYuan: 350000.5,
    });
    expect(r.data!.createProject.demands.map((d: { status: string }) => d.status)).toEqual([
      'MATCHED',
      'MATCHED',
    ]);
    const events = await api.db.query(`SELECT kind, to_status FROM project_event WHERE project_id = $1`, [
      r.data!.createProject.id,
    ]);
    expect(events).toEqual([{ kind: 'CREATED', to_status: 'PROPOSED' }]);
  });

  it('names every bad field and writes nothing', async () => {
    const title = uniq('坏项目');
    const r = await api.gql(
      CREATE,
      {
        input: {
          title: `${title}${'长'.repeat(100)}`,
          demandIds: [],
          resourceIds: ['999999'],
          publiclyFunded: true,
          budgetYuan: -1,
        },
      },
      tokens.taopu_admin,
    );
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = r.errors![0].extensions!.fields!.map((f) => f.field).sort();
    expect(fields).toEqual(['input.budgetYuan', 'input.demandIds', 'input.title']);
    expect((await one(`SELECT count(*)::int AS n FROM project WHERE title LIKE $1`, [`${title}%`])).n).toBe(
      0,
    );
  });

  it("refuses demands of two streets, and a street admin using another street's demands", async () => {
    const mixed = await api.gql(
      CREATE,
      {
        input: {
          title: uniq('跨街镇'),
          demandIds: [await demand(), await demand(changzheng.community, changzheng.street)],
          resourceIds: [],
          publiclyFunded: false,
        },
      },
      tokens.putuo_admin,
    );
    expect(mixed.errors?.[0].extensions?.fields?.[0].field).toBe('input.demandIds');
    const other = await api.gql(
      CREATE,
      { input: { title: uniq('越权'), demandIds: [await demand()], resourceIds: [], publiclyFunded: false } },
      tokens.changzheng_admin,
    );
    // 桃浦镇's demands are invisible to 长征镇: they read as unknown
    expect(other.errors?.[0].extensions?.fields?.[0].field).toBe('input.demandIds');
  });
});

describe('the transition table', () => {
  const allowed = new Set(PROJECT_TRANSITIONS.map((t) => `${t.from}>${t.to}`));
  // every move with the meetings it could need on record: only the table decides
  const pairs = PROJECT_STATUSES.flatMap((from) => PROJECT_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s (meetings held)', async (from, to) => {
    const id = await projectIn(from, true, [
      ['HEARING', 'APPROVED'],
      ['REVIEW', 'APPROVED'],
    ]);
    const r = await api.gql(MOVE, { id, to }, tokens.taopu_admin);
    const row = await one(`SELECT status, version FROM project WHERE id = $1`, [id]);
    if (allowed.has(`${from}>${to}`)) {
      expect(r.errors).toBeUndefined();
      expect(row).toEqual({ status: to, version: 2 });
    } else {
      expect(r.errors?.[0].extensions?.code).toBe(from === to ? 'CONFLICT' : 'BAD_USER_INPUT');
      expect(row).toEqual({ status: from, version: 1 });
    }
  });

  it.each([
    ['PROPOSED', 'APPROVED', true, [], 'HEARING'],
    ['HEARING', 'APPROVED', true, [], 'HEARING'],
    ['HEARING', 'APPROVED', true, [['HEARING', 'NOTED']], 'HEARING'],
    ['HEARING', 'APPROVED', true, [['REVIEW', 'APPROVED']], 'HEARING'],
    ['REVIEW', 'COMPLETED', true, [['HEARING', 'APPROVED']], 'REVIEW'],
    ['REVIEW', 'COMPLETED', false, [], 'REVIEW'],
    ['IN_PROGRESS', 'COMPLETED', false, [], 'REVIEW'],
  ] as const)(
    '%s → %s (publicly funded: %s) without the meeting names %s',
    async (from, to, pf, meetings, missing) => {
      const id = await projectIn(from, pf, meetings as unknown as [string, string][]);
      const r = await api.gql(MOVE, { id, to }, tokens.taopu_admin);
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].extensions?.missingMeeting).toBe(missing);
      expect(r.errors?.[0].extensions?.fields?.[0].field).toBe('to');
      expect(r.errors?.[0].message).toMatch(missing === 'HEARING' ? /听证会/ : /评议会/);
      expect(await one(`SELECT status, version FROM project WHERE id = $1`, [id])).toEqual({
        status: from,
        version: 1,
      });
    },
  );

  it.each([
    ['PROPOSED', 'APPROVED'],
    ['HEARING', 'APPROVED'],
  ] as const)(
    'a project not paid from public money may skip the hearing: %s → %s, and the step is recorded',
    async (from, to) => {
      const id = await projectIn(from, false);
      const r = await api.gql(MOVE, { id, to }, tokens.taopu_admin);
      expect(r.errors).toBeUndefined();
      const events = await api.db.query(
        `SELECT from_status, to_status FROM project_event WHERE project_id = $1 AND kind = 'TRANSITION'`,
        [id],
      );
      expect(events).toEqual([{ from_status: from, to_status: to }]);
    },
  );
});

describe('meetings', () => {
  it('a hearing that rejects ends the project and frees its demands', async () => {
    const d = await demand();
    const id = await project(true, tokens.taopu_admin, [d]);
    const r = await api.gql(MEET, meeting(id, 'HEARING', 'REJECTED'), tokens.taopu_admin);
    expect(r.errors).toBeUndefined();
    expect((await one(`SELECT status FROM project WHERE id = $1`, [id])).status).toBe('REJECTED');
    expect((await one(`SELECT status FROM demand WHERE id = $1`, [d])).status).toBe('OPEN');
    const steps = await api.db.query(
      `SELECT kind, to_status FROM project_event WHERE project_id = $1 ORDER BY id`,
      [id],
    );
    expect(steps).toEqual([
      { kind: 'CREATED', to_status: 'PROPOSED' },
      { kind: 'MEETING', to_status: null },
      { kind: 'TRANSITION', to_status: 'HEARING' },
      { kind: 'TRANSITION', to_status: 'REJECTED' },
    ]);
  });

  it('refuses a meeting that does not fit the stage, and bad fields, and writes nothing', async () => {
    const id = await project(true);
    const early = await api.gql(MEET, meeting(id, 'REVIEW', 'APPROVED'), tokens.taopu_admin);
    expect(early.errors?.[0].extensions?.fields?.[0].field).toBe('input.kind');
    const bad = await api.gql(
      MEET,
      meeting(id, 'HEARING', 'APPROVED', {
        attendees: 3,
        minutes: ' ',
        resolution: '',
        votesFor: 10,
        votesAgainst: 1,
      }),
      tokens.taopu_admin,
    );
    const fields = bad.errors![0].extensions!.fields!.map((f) => f.field).sort();
    expect(fields).toEqual(['input.minutes', 'input.resolution', 'input.votesFor']);
    const lost = await api.gql(
      MEET,
      meeting(id, 'HEARING', 'APPROVED', { votesFor: 5, votesAgainst: 20 }),
      tokens.taopu_admin,
    );
    expect(lost.errors?.[0].extensions?.fields?.[0].field).toBe('input.outcome');
    expect((await one(`SELECT count(*)::int AS n FROM meeting WHERE project_id = $1`, [id])).n).toBe(0);
    expect((await one(`SELECT status FROM project WHERE id = $1`, [id])).status).toBe('PROPOSED');
  });

  it('keeps attachments through the storage interface, once per content', async () => {
    const id = await project(true);
    const m = await api.gql(MEET, meeting(id, 'HEARING', 'APPROVED'), tokens.taopu_admin);
    const meetingId = m.data!.recordMeeting.id;
    const data = Buffer.from('听证会签到表 sign-in sheet');
    const content = data.toString('base64');
    const ATTACH = `mutation($m: ID!, $f: Upload!) { addMeetingAttachment(meetingId: $m, file: $f) { id fileName mimeType sizeBytes sha256 } }`;
    const attach = (name: string, bytes = data) =>
      api.upload(ATTACH, { m: meetingId }, { variable: 'f', name, data: bytes }, tokens.taopu_admin);
    const a = await attach('签到表.txt');
    expect(a.errors).toBeUndefined();
    const again = await attach('签到表.txt');
    expect(again.data!.addMeetingAttachment.id).toBe(a.data!.addMeetingAttachment.id);
    const bad = await attach('virus.exe');
    expect(bad.errors?.[0].extensions?.fields?.[0].field).toBe('file');
    // the type comes from the content: HTML named .png is refused, and nothing is stored
    const html = await attach('photo.png', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'file' }],
    });
    const pdf = await attach(
      '议程.pdf',
      Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'),
    );
    expect(pdf.data?.addMeetingAttachment).toMatchObject({ mimeType: 'application/pdf' });
    const stored = await one(`SELECT count(*)::int AS n FROM meeting_attachment WHERE meeting_id = $1`, [
      meetingId,
    ]);
    expect(stored.n).toBe(2);
    const READ = `query($id: ID!) { meetingAttachmentContent(id: $id) { fileName contentBase64 } }`;
    const back = await api.gql(READ, { id: a.data!.addMeetingAttachment.id }, tokens.taopudong_staff);
    expect(back.data!.meetingAttachmentContent).toEqual({ fileName: '签到表.txt', contentBase64: content });
    const refused = await api.gql(READ, { id: a.data!.addMeetingAttachment.id }, tokens.changzheng_admin);
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('the whole way, with the three meetings', () => {
  it('hearing → approved → in progress → review meeting → completed; demands close; residents see it', async () => {
    const d = await demand();
    const id = await project(true, tokens.taopu_admin, [d]);
    const t = tokens.taopu_admin;
    const refused = await api.gql(MOVE, { id, to: 'APPROVED' }, t);
    expect(refused.errors?.[0].extensions?.missingMeeting).toBe('HEARING');
    expect((await api.gql(MEET, meeting(id, 'HEARING', 'APPROVED'), t)).errors).toBeUndefined();
    expect((await one(`SELECT status FROM project WHERE id = $1`, [id])).status).toBe('HEARING');
    expect((await api.gql(MOVE, { id, to: 'APPROVED' }, t)).data!.transitionProject.status).toBe('APPROVED');
    expect((await one(`SELECT status FROM demand WHERE id = $1`, [d])).status).toBe('IN_PROJECT');
    expect((await api.gql(MEET, meeting(id, 'COORDINATION', 'NOTED'), t)).errors).toBeUndefined();
    expect((await api.gql(MOVE, { id, to: 'IN_PROGRESS' }, t)).errors).toBeUndefined();
    const early = await api.gql(MOVE, { id, to: 'COMPLETED' }, t);
    expect(early.errors?.[0].extensions?.missingMeeting).toBe('REVIEW');
    expect((await api.gql(MEET, meeting(id, 'REVIEW', 'APPROVED'), t)).errors).toBeUndefined();
    expect((await api.gql(MOVE, { id, to: 'COMPLETED' }, t)).data!.transitionProject.status).toBe(
      'COMPLETED',
    );
    expect((await one(`SELECT status FROM demand WHERE id = $1`, [d])).status).toBe('CLOSED');

    const resident = await createTestResident(api);
    await api.db.query(`UPDATE app_user SET home_community_id = $2 WHERE id = $1`, [
      resident.id,
      taopu.community,
    ]);
    const seen = await api.gql(
      `query($id: ID!) { project(id: $id) { status nextMeeting meetings { kind outcome resolution } timeline { kind fromStatus toStatus meeting { kind } } } }`,
      { id },
      resident.token,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.project.status).toBe('COMPLETED');
    expect(seen.data!.project.nextMeeting).toBeNull();
    expect(seen.data!.project.meetings.map((m: { kind: string }) => m.kind)).toEqual([
      'HEARING',
      'COORDINATION',
      'REVIEW',
    ]);
    const moves = seen
      .data!.project.timeline.filter((e: { kind: string }) => e.kind === 'TRANSITION')
      .map((e: { toStatus: string }) => e.toStatus);
    expect(moves).toEqual(['HEARING', 'APPROVED', 'IN_PROGRESS', 'REVIEW', 'COMPLETED']);
  });
});

describe('scope', () => {
  it('hides a 桃浦镇 project from 长征镇 and from residents of other communities', async () => {
    const id = await project(true);
    const q = `query($id: ID!) { project(id: $id) { id } }`;
    expect((await api.gql(q, { id }, tokens.changzheng_admin)).data!.project).toBeNull();
    expect((await api.gql(q, { id }, tokens.jiading_admin)).data!.project).toBeNull();
    expect((await api.gql(q, { id }, tokens.evaluator)).data!.project).toEqual({ id });
    const move = await api.gql(MOVE, { id, to: 'HEARING' }, tokens.changzheng_admin);
    expect(move.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const meet = await api.gql(MEET, meeting(id, 'HEARING', 'APPROVED'), tokens.changzheng_admin);
    expect(meet.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const list = await api.gql(
      `{ projects(first: 100, filter: { status: PROPOSED }) { edges { node { id } } } }`,
      {},
      tokens.changzheng_admin,
    );
    expect(list.data!.projects.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(id);

    const neighbour = await createTestResident(api);
    await api.db.query(`UPDATE app_user SET home_community_id = $2 WHERE id = $1`, [
      neighbour.id,
      changzheng.community,
    ]);
    expect((await api.gql(q, { id }, neighbour.token)).data!.project).toBeNull();
    const mine = await createTestResident(api);
    await api.db.query(`UPDATE app_user SET home_community_id = $2 WHERE id = $1`, [
      mine.id,
      taopu.community,
    ]);
    expect((await api.gql(q, { id }, mine.token)).data!.project).toEqual({ id });
    const residentMove = await api.gql(MOVE, { id, to: 'HEARING' }, mine.token);
    expect(residentMove.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(q, { id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("lets center staff change only their center's projects", async () => {
    const streetProject = await project(true);
    const refused = await api.gql(MOVE, { id: streetProject, to: 'HEARING' }, tokens.taopudong_staff);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = await api.gql(
      CREATE,
      {
        input: {
          title: uniq('中心项目'),
          demandIds: [await demand()],
          resourceIds: [],
          publiclyFunded: false,
        },
      },
      tokens.taopudong_staff,
    );
    expect(own.errors).toBeUndefined();
    const centerOf = await one(`SELECT center_id FROM project WHERE id = $1`, [own.data!.createProject.id]);
    expect(centerOf.center_id).toBe(taopudongCenter);
    expect(
      (await api.gql(MOVE, { id: own.data!.createProject.id, to: 'APPROVED' }, tokens.taopudong_staff))
        .errors,
    ).toBeUndefined();
  });
});

describe('concurrency and batching', () => {
  it('two moves at once: one wins, the other gets CONFLICT, the project changes once', async () => {
    for (let i = 0; i < 3; i++) {
      const id = await project(true);
      const results = await Promise.all([
        api.gql(MOVE, { id, to: 'HEARING' }, tokens.taopu_admin),
        api.gql(MOVE, { id, to: 'HEARING' }, tokens.putuo_admin),
      ]);
      expect(results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      expect(await one(`SELECT status, version FROM project WHERE id = $1`, [id])).toEqual({
        status: 'HEARING',
        version: 2,
      });
    }
  });

  it('lists projects with demands, resources, meetings and timeline in a constant number of statements', async () => {
    const nested = `query($first: Int, $r: ID) { projects(first: $first, filter: { regionId: $r }) { edges { node {
      title street { name } center { name } demands { title community { name } } resources { name }
      meetings { kind attachments { fileName } } timeline { kind meeting { kind } } nextMeeting viewerTransitions } } } }`;
    for (let i = 0; i < 6; i++) await project(true);
    const count = async (first: number) => {
      queryCounter.reset();
      const r = await api.gql(nested, { first, r: String(taopu.street) }, tokens.taopu_admin);
      expect(r.errors).toBeUndefined();
      expect(r.data!.projects.edges.length).toBe(first);
      return queryCounter.count;
    };
    expect(await count(5)).toBe(await count(2));
  });
});
