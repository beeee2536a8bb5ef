// Cases (诉求): reporting, every move of the table and its refusals, the three responsibilities
// (首问, 指定, 兜底), the escalation ladder, deadlines in working time (with a holiday), reopening,
// follow-up, duplicates, the workers (two at once), scope, concurrency, batching, figures and export.
import {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  addWorkingHours,
  findCaseTransition,
  workingCalendar,
  type CaseAction,
  type CaseStatus,
} from '@lc/domain';
import { signToken } from '../../../auth/token';
import { queryCounter } from '../../../db/query-counter';
import { createTestResident, startTestApi, type TestApi, DEMO_OFFICIALS } from '../../../testing/harness';
import { inAppChannel } from '../../notifications/notification-channels';
import { runNotificationSender } from '../../notifications/notification-sender';
import { closeUnanswered, markOverdue, markOverdueBatch } from '../case-workers';

let api: TestApi;
let tokens: Record<string, string>;
let center: number; // 桃浦东片区 (taopudong_staff)
let otherCenter: number; // another center of 桃浦镇
let community: { id: number; lat: number; lng: number }; // covered by 桃浦东片区
let otherCommunity: number; // a community of 长征镇
let putuo: number;
let staffId: number; // taopudong_staff
let secretaryId: number; // taopu_admin: 桃浦镇's admin stands in for the secretary
let worker: { id: number; token: string }; // a second staff member of 桃浦东片区
let resident: { id: number; token: string };

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const one = async (sql: string, params: unknown[] = []) => (await api.db.query(sql, params))[0];
let seq = 0;
const text = (s = '楼道堆放杂物堵塞消防通道') => `${s}（${++seq}号楼）`;

const FIELDS = `id status level responsibility categoryCode description deadlineAt overdue version jointForce
  resolution rejectReason followUpFixed followUpRating mergedIntoId viewerActions viewerIsReporter
  owner { id displayName } firstContact { id } community { id } center { id } street { name }
  timeline { kind fromStatus toStatus fromLevel toLevel actorKind actorName assigneeName jointForce note rating deadlineAt at }`;
const REPORT = `mutation($input: ReportCaseInput!, $photos: [Upload!]) {
  reportCase(input: $input, photos: $photos) { ${FIELDS} photos { id fileName mimeType } } }`;
const MOVE = `mutation($id: ID!, $input: MoveCaseInput!) { moveCase(id: $id, input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { case(id: $id) { ${FIELDS} possibleDuplicates { case { id } similarity distanceMeters } } }`;

/** A GraphQL multipart request with photos (graphql-multipart-request spec). */
async function withPhotos(
  token: string,
  input: Record<string, unknown>,
  files: { name: string; data: Buffer }[],
) {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query: REPORT, variables: { input, photos: files.map(() => null) } }),
  );
  form.append('map', JSON.stringify(Object.fromEntries(files.map((_, i) => [i, [`variables.photos.${i}`]]))));
  files.forEach((f, i) => form.append(String(i), new Blob([f.data]), f.name));
  const res = await fetch(api.url, {
    method: 'POST',
    headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}

const png = () => Buffer.from(PNG, 'base64');

async function report(token: string, input: Record<string, unknown> = {}) {
  const r = await api.gql(
    REPORT,
    { input: { category: 'ENVIRONMENT', description: text(), communityId: String(community.id), ...input } },
    token,
  );
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.reportCase;
}

const move = (token: string, id: string | number, input: Record<string, unknown>) =>
  api.gql(MOVE, { id: String(id), input }, token);

async function moved(token: string, id: string | number, input: Record<string, unknown>) {
  const r = await move(token, id, input);
  if (!r.data) throw new Error(`${input.action}: ${JSON.stringify(r.errors)}`);
  return r.data.moveCase;
}

/** A case of a fresh resident (or a staff entry: no reporter), put straight into `status`. */
async function caseIn(status: CaseStatus, opts: { staffEntry?: boolean; level?: string } = {}) {
  const reporter = await createTestResident(api);
  const c = opts.staffEntry
    ? await report(tokens.taopudong_staff, { source: 'PATROL' })
    : await report(reporter.token);
  await api.db.query(
    `UPDATE resident_case SET status = $2, level = $3, owner_id = $4,
       responsibility = CASE WHEN $2 IN ('ASSIGNED','IN_PROGRESS') THEN 'ASSIGNED' ELSE 'FIRST_CONTACT' END
     WHERE id = $1`,
    [c.id, status, opts.level ?? 'COMMUNITY', staffId],
  );
  return { id: c.id as string, reporter };
}

const argsFor = async (action: CaseAction): Promise<Record<string, unknown>> => {
  switch (action) {
    case 'REJECT':
    case 'HAND_OVER':
      return { reason: '不属于社区事务' };
    case 'ASSIGN':
      return { assigneeId: String(worker.id) };
    case 'ESCALATE':
      return { level: 'JOINT_ENFORCEMENT', jointForce: 'CITY_MANAGEMENT', reason: '需执法力量' };
    case 'RESOLVE':
      return { note: '已清理' };
    case 'CONFIRM_FIXED':
      return { rating: 5 };
    case 'NOT_FIXED':
      return { rating: 2 };
    case 'MERGE':
      return { targetCaseId: (await caseIn('ACCEPTED')).id };
    default:
      return {};
  }
};

beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(DEMO_OFFICIALS);
  center = (await one(`SELECT id FROM center WHERE name = '桃浦东片区'`)).id;
  otherCenter = (
    await one(
      `SELECT id FROM center WHERE street_id = (SELECT street_id FROM center WHERE id = $1) AND id <> $1 ORDER BY id LIMIT 1`,
      [center],
    )
  ).id;
  community = await one(
    `SELECT r.id, r.lat, r.lng FROM center_community cc JOIN region r ON r.id = cc.community_id
     WHERE cc.center_id = $1 AND r.lat IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM center_community o JOIN center oc ON oc.id = o.center_id
                       WHERE o.community_id = r.id AND o.center_id <> $1)
     ORDER BY r.id LIMIT 1`,
    [center],
  );
  otherCommunity = (
    await one(
      `SELECT r.id FROM region r JOIN region s ON s.id = r.street_id WHERE s.name = '长征镇' AND r.level = 'COMMUNITY' ORDER BY r.id LIMIT 1`,
    )
  ).id;
  putuo = await api.regionId('普陀区', 'DISTRICT');
  staffId = (await one(`SELECT id FROM app_user WHERE username = 'taopudong_staff'`)).id;
  secretaryId = (await one(`SELECT id FROM app_user WHERE username = 'taopu_admin'`)).id;
  const w = await one(
    `INSERT INTO app_user (username, display_name, role, password_hash, center_id) VALUES ($1, '张社工', 'CENTER_STAFF', 'x', $2) RETURNING id`,
    [`test-worker-${process.pid}`, center],
  );
  worker = { id: w.id, token: signToken(w.id, 'CENTER_STAFF') };
  resident = await createTestResident(api);
});

afterAll(() => api.close());

describe('reporting', () => {
  it('a resident reports with a photo; the first contact is the center’s staff, the clock is the accept limit', async () => {
    const sent = await withPhotos(
      resident.token,
      { category: 'ENVIRONMENT', description: text(), communityId: String(community.id) },
      [{ name: '堆物.png', data: png() }],
    );
    expect(sent.body.errors).toBeUndefined();
    const c = sent.body.data.reportCase;
    expect(c).toMatchObject({
      status: 'REPORTED',
      level: 'COMMUNITY',
      responsibility: 'FIRST_CONTACT',
      viewerIsReporter: true,
      community: { id: String(community.id) },
      center: { id: String(center) },
      owner: null, // residents do not see staff names
    });
    expect(c.photos).toEqual([expect.objectContaining({ fileName: '堆物.png', mimeType: 'image/png' })]);
    expect(c.timeline).toEqual([
      expect.objectContaining({ kind: 'REPORT', toStatus: 'REPORTED', actorKind: 'REPORTER' }),
    ]);
    const staffView = await api.gql(GET, { id: c.id }, tokens.taopudong_staff);
    expect(staffView.data!.case.firstContact).toEqual({ id: String(staffId) });
    expect(staffView.data!.case.viewerActions.sort()).toEqual(['ACCEPT', 'MERGE', 'REJECT']);
    const photo = await api.gql(
      `query($id: ID!) { casePhotoContent(id: $id) { contentBase64 } }`,
      { id: c.photos[0].id },
      resident.token,
    );
    expect(photo.data!.casePhotoContent.contentBase64).toBe(PNG);
    const stranger = await createTestResident(api);
    const denied = await api.gql(
      `query($id: ID!) { casePhotoContent(id: $id) { fileName } }`,
      { id: c.photos[0].id },
      stranger.token,
    );
    expect(denied.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // the accept deadline: the category's 4 working hours from the report, in the national calendar
    const cal = await api.gql(
      `query($d: ID!, $y: Int!) { workingCalendar(districtId: $d, year: $y) { date kind } }`,
      {
        d: String(putuo),
        y: new Date().getFullYear(),
      },
    );
    const [reported] = c.timeline;
    const days = [...cal.data!.workingCalendar];
    const next = await api.gql(
      `query($d: ID!, $y: Int!) { workingCalendar(districtId: $d, year: $y) { date kind } }`,
      {
        d: String(putuo),
        y: new Date().getFullYear() + 1,
      },
    );
    days.push(...next.data!.workingCalendar);
    expect(c.deadlineAt).toBe(addWorkingHours(new Date(reported.at), 4, workingCalendar(days)).toISOString());
  });

  it('locates a GPS point to its community; refuses bad input with field errors and changes nothing', async () => {
    const c = await report(resident.token, {
      communityId: null,
      point: { lat: community.lat + 0.0001, lng: community.lng },
    });
    expect(c.community).toEqual({ id: String(community.id) });
    const mine = `SELECT count(*)::int AS n FROM resident_case WHERE reporter_id = ${resident.id}`;
    const before = (await one(mine)).n;
    const bad = await api.gql(
      REPORT,
      { input: { category: 'NO_SUCH', description: '', communityId: null } },
      resident.token,
    );
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields?.map((f: { field: string }) => f.field)).toEqual([
      'input.description',
    ]);
    const place = { category: 'ENVIRONMENT', description: '井盖缺失', communityId: String(community.id) };
    // a photo whose content is not what its name says, or of a type not taken
    const notPng = await withPhotos(resident.token, place, [
      { name: 'a.png', data: Buffer.from('GIF89a not a png') },
    ]);
    expect(notPng.body.errors?.[0].extensions?.fields[0].field).toBe('photos.0');
    const exe = await withPhotos(resident.token, place, [{ name: 'a.exe', data: png() }]);
    expect(exe.body.errors?.[0].extensions?.fields[0].field).toBe('photos.0');
    // more than three photos never reach the case
    const four = await withPhotos(
      resident.token,
      place,
      [1, 2, 3, 4].map((i) => ({ name: `${i}.png`, data: png() })),
    );
    expect(four.body.data?.reportCase ?? null).toBeNull();
    expect(four.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const far = await api.gql(
      REPORT,
      { input: { category: 'ENVIRONMENT', description: '井盖缺失', point: { lat: 39.9, lng: 116.4 } } },
      resident.token,
    );
    expect(far.errors?.[0].extensions?.fields?.[0].field).toBe('input.point');
    const unknownCategory = await api.gql(
      REPORT,
      { input: { category: 'NO_SUCH', description: '井盖缺失', communityId: String(community.id) } },
      resident.token,
    );
    expect(unknownCategory.errors?.[0].extensions?.fields?.[0].field).toBe('input.category');
    expect((await one(mine)).n).toBe(before);
  });

  it('the same idempotency key makes one case; staff must give a source and stay in their area', async () => {
    const a = await report(resident.token, { idempotencyKey: 'tap-1' });
    const b = await report(resident.token, { idempotencyKey: 'tap-1', description: '另一次点击' });
    expect(b.id).toBe(a.id);
    const noSource = await api.gql(
      REPORT,
      {
        input: {
          category: 'ENVIRONMENT',
          description: '巡查发现',
          communityId: String(community.id),
          source: 'RESIDENT_APP',
        },
      },
      tokens.taopudong_staff,
    );
    expect(noSource.errors?.[0].extensions?.fields?.[0].field).toBe('input.source');
    const elsewhere = await api.gql(
      REPORT,
      {
        input: {
          category: 'ENVIRONMENT',
          description: '巡查发现',
          communityId: String(otherCommunity),
          source: 'PATROL',
        },
      },
      tokens.taopu_admin,
    );
    expect(elsewhere.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const found = await report(tokens.taopudong_staff, { source: 'WALK_IN', contact: '王阿姨 13812345678' });
    expect(found.firstContact).toEqual({ id: String(staffId) });
    const withContact = await api.gql(
      `query($id: ID!) { case(id: $id) { contact } }`,
      { id: found.id },
      tokens.taopudong_staff,
    );
    expect(withContact.data!.case.contact).toBe('王** 138****5678');
    const evaluator = await api.gql(
      REPORT,
      { input: { category: 'ENVIRONMENT', description: 'x', communityId: String(community.id) } },
      tokens.evaluator,
    );
    expect(evaluator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('CASE_TRANSITIONS, by table', () => {
  const byActor = CASE_TRANSITIONS.filter((t) => t.by !== 'SYSTEM');
  it.each(byActor.map((t) => [t.action, t.from, t.to, t.by] as const))(
    '%s from %s → %s (by %s)',
    async (action, from, to, by) => {
      const t = findCaseTransition(action, from)!;
      const c = await caseIn(from, { staffEntry: t.needs.includes('noReporter') });
      const token = by === 'REPORTER' ? c.reporter.token : tokens.taopudong_staff;
      const after = await moved(token, c.id, { action, ...(await argsFor(action)) });
      expect(after.status).toBe(to);
      expect(after.timeline.at(-1)).toMatchObject({ kind: action, fromStatus: from, toStatus: to });
      // the other side may not make the move
      const other = await caseIn(from, { staffEntry: t.needs.includes('noReporter') });
      const denied = await move(by === 'REPORTER' ? tokens.taopudong_staff : other.reporter.token, other.id, {
        action,
        ...(await argsFor(action)),
      });
      // (a staff entry has no reporter: to a resident it does not exist)
      expect(denied.errors?.[0].extensions?.code).toBe(
        t.needs.includes('noReporter') ? 'NOT_FOUND' : 'FORBIDDEN',
      );
    },
  );

  it('the workers’ moves are refused to everyone', async () => {
    const c = await caseIn('RESOLVED');
    for (const action of ['AUTO_CLOSE', 'FALLBACK']) {
      const r = await move(tokens.taopu_admin, c.id, { action });
      expect(['FORBIDDEN', 'BAD_USER_INPUT']).toContain(r.errors?.[0].extensions?.code);
    }
  });

  it('refuses every move the table lacks (BAD_USER_INPUT), or CONFLICT when already there', async () => {
    const actions = [...new Set(CASE_TRANSITIONS.map((t) => t.action))].filter(
      (a) => a !== 'FALLBACK' && a !== 'AUTO_CLOSE',
    );
    for (const from of CASE_STATUSES) {
      const c = await caseIn(from);
      for (const action of actions) {
        if (findCaseTransition(action, from)) continue;
        const r = await move(tokens.taopudong_staff, c.id, { action, ...(await argsFor(action)) });
        expect([`${from}:${action}:${r.errors?.[0].extensions?.code}`]).toEqual([
          expect.stringMatching(new RegExp(`^${from}:${action}:(BAD_USER_INPUT|CONFLICT)$`)),
        ]);
      }
    }
  });

  it('names the missing argument of a move and changes nothing', async () => {
    const c = await caseIn('ACCEPTED');
    const cases: [Record<string, unknown>, string][] = [
      [{ action: 'REJECT' }, 'input.reason'],
      [{ action: 'ASSIGN' }, 'input.assigneeId'],
      [{ action: 'ESCALATE', reason: 'x' }, 'input.level'],
      [{ action: 'ESCALATE', reason: 'x', level: 'COMMUNITY' }, 'input.level'],
      [{ action: 'ESCALATE', reason: 'x', level: 'JOINT_ENFORCEMENT' }, 'input.jointForce'],
      [
        { action: 'ESCALATE', reason: 'x', level: 'JOINT_ENFORCEMENT', jointForce: 'OTHER_DEPARTMENT' },
        'input.jointDepartment',
      ],
      [{ action: 'MERGE' }, 'input.targetCaseId'],
      [{ action: 'MERGE', targetCaseId: c.id }, 'input.targetCaseId'],
      [
        {
          action: 'ASSIGN',
          assigneeId: String((await one(`SELECT id FROM app_user WHERE username = 'changzheng_admin'`)).id),
        },
        'input.assigneeId',
      ],
    ];
    for (const [input, field] of cases) {
      const r = await move(tokens.taopudong_staff, c.id, input);
      expect([
        input.action,
        r.errors?.[0].extensions?.code,
        r.errors?.[0].extensions?.fields?.[0]?.field,
      ]).toEqual([input.action, 'BAD_USER_INPUT', field]);
    }
    const resolved = await caseIn('RESOLVED');
    const badRating = await move(resolved.reporter.token, resolved.id, {
      action: 'CONFIRM_FIXED',
      rating: 6,
    });
    expect(badRating.errors?.[0].extensions?.fields?.[0].field).toBe('input.rating');
    const staffClose = await move(tokens.taopudong_staff, resolved.id, { action: 'CLOSE' });
    expect(staffClose.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT'); // the reporter answers
    expect((await one(`SELECT status, version FROM resident_case WHERE id = $1`, [c.id])).status).toBe(
      'ACCEPTED',
    );
  });
});

describe('the three responsibilities and the ladder', () => {
  it('首问 accepts, 指定 a worker handles, the worker hands it to the secretary (兜底) who names someone', async () => {
    const c = await report(resident.token);
    const accepted = await moved(tokens.taopudong_staff, c.id, { action: 'ACCEPT' });
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      responsibility: 'FIRST_CONTACT',
      owner: { id: String(staffId) },
    });
    expect(new Date(accepted.deadlineAt).getTime()).toBeGreaterThan(Date.now());
    const assigned = await moved(tokens.taopudong_staff, c.id, {
      action: 'ASSIGN',
      assigneeId: String(worker.id),
    });
    expect(assigned).toMatchObject({
      status: 'ASSIGNED',
      responsibility: 'ASSIGNED',
      owner: { id: String(worker.id) },
    });
    expect(assigned.timeline.at(-1)).toMatchObject({
      kind: 'ASSIGN',
      assigneeName: '张社工',
      actorName: expect.any(String),
    });
    const started = await moved(worker.token, c.id, { action: 'START' });
    expect(started.status).toBe('IN_PROGRESS');
    const handed = await moved(worker.token, c.id, {
      action: 'HAND_OVER',
      reason: '涉及多户协调，需书记出面',
    });
    expect(handed).toMatchObject({
      status: 'ASSIGNED',
      responsibility: 'FALLBACK',
      owner: { id: String(secretaryId) },
    });
    expect(handed.viewerActions).not.toContain('HAND_OVER');
    // the secretary names someone
    const named = await moved(tokens.taopu_admin, c.id, { action: 'ASSIGN', assigneeId: String(staffId) });
    expect(named).toMatchObject({ responsibility: 'ASSIGNED', owner: { id: String(staffId) } });
    await runNotificationSender(api.db, [inAppChannel]);
    const inbox = await api.gql(
      `{ notifications(first: 50) { edges { node { kind title subjectId } } } }`,
      {},
      tokens.taopu_admin,
    );
    expect(
      inbox.data!.notifications.edges.map((e: { node: { title: string; subjectId: string } }) => e.node),
    ).toContainEqual(expect.objectContaining({ title: '兜底：请认领或指派', subjectId: c.id }));
    const residentBox = await api.gql(
      `{ notifications(first: 50) { edges { node { title subjectId } } } }`,
      {},
      resident.token,
    );
    expect(
      residentBox
        .data!.notifications.edges.filter((e: { node: { subjectId: string } }) => e.node.subjectId === c.id)
        .map((e: { node: { title: string } }) => e.node.title),
    ).toEqual(expect.arrayContaining(['您的反映已受理', '已指定专人处理', '正在处理']));
  });

  it('escalates 居村 → 联勤联动 (a force) → 城运中心, each level with its own deadline, who and why', async () => {
    const c = await report(resident.token, { category: 'FACILITY_REPAIR' });
    await moved(tokens.taopudong_staff, c.id, { action: 'ACCEPT' });
    const joint = await moved(tokens.taopudong_staff, c.id, {
      action: 'ESCALATE',
      level: 'JOINT_ENFORCEMENT',
      jointForce: 'MARKET_SUPERVISION',
      reason: '商户占道经营',
    });
    expect(joint).toMatchObject({
      status: 'ESCALATED',
      level: 'JOINT_ENFORCEMENT',
      jointForce: 'MARKET_SUPERVISION',
    });
    expect(joint.timeline.at(-1)).toMatchObject({
      kind: 'ESCALATE',
      fromLevel: 'COMMUNITY',
      toLevel: 'JOINT_ENFORCEMENT',
      jointForce: 'MARKET_SUPERVISION',
      note: '商户占道经营',
      deadlineAt: joint.deadlineAt,
    });
    const street = await moved(tokens.taopudong_staff, c.id, {
      action: 'ESCALATE',
      level: 'STREET_OPERATIONS_CENTER',
      reason: '多部门会商',
    });
    expect(street).toMatchObject({ level: 'STREET_OPERATIONS_CENTER', owner: { id: String(secretaryId) } });
    // FACILITY_REPAIR: 40 working hours at joint level, 80 at the street: the later deadline
    expect(new Date(street.deadlineAt).getTime()).toBeGreaterThan(new Date(joint.deadlineAt).getTime());
    // at the 城运中心 the center's staff follow but do not act; the street's admin does
    const staffView = await api.gql(GET, { id: c.id }, tokens.taopudong_staff);
    expect(staffView.data!.case.viewerActions).toEqual([]);
    const staffTry = await move(tokens.taopudong_staff, c.id, { action: 'RESOLVE', note: 'x' });
    expect(staffTry.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const down = await move(tokens.taopu_admin, c.id, {
      action: 'ESCALATE',
      level: 'JOINT_ENFORCEMENT',
      jointForce: 'POLICE',
      reason: 'x',
    });
    expect(down.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const resolved = await moved(tokens.taopu_admin, c.id, {
      action: 'RESOLVE',
      note: '城运中心协调市场监管所处理',
    });
    expect(resolved).toMatchObject({ status: 'RESOLVED', deadlineAt: null });
  });

  it('not fixed reopens it at the same level with a new deadline; then fixed closes it', async () => {
    const c = await report(resident.token);
    await moved(tokens.taopudong_staff, c.id, { action: 'ACCEPT' });
    await moved(tokens.taopudong_staff, c.id, {
      action: 'ESCALATE',
      level: 'JOINT_ENFORCEMENT',
      jointForce: 'POLICE',
      reason: '占用消防通道',
    });
    const resolved = await moved(tokens.taopudong_staff, c.id, { action: 'RESOLVE', note: '民警已劝离车辆' });
    expect(resolved.viewerActions).toEqual([]);
    const residentView = await api.gql(GET, { id: c.id }, resident.token);
    expect(residentView.data!.case.viewerActions.sort()).toEqual(['CONFIRM_FIXED', 'NOT_FIXED']);
    const reopened = await moved(resident.token, c.id, {
      action: 'NOT_FIXED',
      rating: 2,
      comment: '第二天又停满了',
    });
    expect(reopened).toMatchObject({
      status: 'REOPENED',
      level: 'JOINT_ENFORCEMENT',
      followUpFixed: false,
      followUpRating: 2,
    });
    expect(new Date(reopened.deadlineAt).getTime()).toBeGreaterThan(Date.now());
    expect(reopened.timeline.at(-1)).toMatchObject({
      kind: 'NOT_FIXED',
      actorKind: 'REPORTER',
      rating: 2,
      note: '第二天又停满了',
    });
    await moved(tokens.taopudong_staff, c.id, { action: 'RESOLVE', note: '加装隔离桩' });
    const closed = await moved(resident.token, c.id, { action: 'CONFIRM_FIXED', rating: 5 });
    expect(closed).toMatchObject({ status: 'CLOSED', followUpFixed: true, followUpRating: 5 });
    await runNotificationSender(api.db, [inAppChannel]);
    const staffBox = await api.gql(
      `{ notifications(first: 50) { edges { node { title subjectId } } } }`,
      {},
      tokens.taopudong_staff,
    );
    expect(
      staffBox.data!.notifications.edges.map((e: { node: { title: string; subjectId: string } }) => e.node),
    ).toContainEqual({
      title: '居民反馈未解决',
      subjectId: c.id,
    });
  });

  it('two staff moving the same case at once: one wins, the other gets CONFLICT; a stale version is CONFLICT', async () => {
    const c = await report(resident.token);
    const results = await Promise.all([
      move(tokens.taopudong_staff, c.id, { action: 'ACCEPT' }),
      move(tokens.taopu_admin, c.id, { action: 'ACCEPT' }),
    ]);
    const codes = results.map((r) => (r.errors ? r.errors[0].extensions?.code : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const stale = await move(tokens.taopudong_staff, c.id, {
      action: 'ASSIGN',
      assigneeId: String(worker.id),
      version: c.version,
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('deadlines in the district’s working time', () => {
  it('a holiday the district sets moves the deadline past it; removing it restores the national calendar', async () => {
    const jiading = await api.regionId('嘉定区', 'DISTRICT');
    const shanghaiToday = (offsetDays: number) =>
      new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const days = [0, 1, 2, 3, 4, 5, 6].map(shanghaiToday);
    const refused = await api.gql(
      `mutation($d: ID!, $date: String!) { setCalendarDay(districtId: $d, date: $date, kind: HOLIDAY) { date } }`,
      { d: String(putuo), date: days[0] },
      tokens.taopu_admin,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const date of days) {
      const r = await api.gql(
        `mutation($d: ID!, $date: String!) { setCalendarDay(districtId: $d, date: $date, kind: HOLIDAY, name: "区级调整") { date kind districtSetting } }`,
        { d: String(putuo), date },
        tokens.putuo_admin,
      );
      expect(r.data!.setCalendarDay).toContainEqual({ date, kind: 'HOLIDAY', districtSetting: true });
    }
    try {
      const c = await report(resident.token);
      // a whole week off: the first working minute is after it
      expect(new Date(c.deadlineAt).getTime()).toBeGreaterThan(Date.parse(`${days[6]}T16:00:00Z`));
      // another district keeps the national calendar
      const other = await api.gql(
        `query($d: ID!, $y: Int!) { workingCalendar(districtId: $d, year: $y) { date districtSetting } }`,
        {
          d: String(jiading),
          y: Number(days[0].slice(0, 4)),
        },
      );
      expect(
        other.data!.workingCalendar.some(
          (d: { date: string; districtSetting: boolean }) => d.date === days[0] && d.districtSetting,
        ),
      ).toBe(false);
    } finally {
      for (const date of days)
        await api.gql(
          `mutation($d: ID!, $date: String!) { setCalendarDay(districtId: $d, date: $date) { date } }`,
          { d: String(putuo), date },
          tokens.putuo_admin,
        );
    }
    const after = await report(resident.token);
    expect(new Date(after.deadlineAt).getTime()).toBeLessThan(Date.now() + 5 * 86_400_000);
  });

  it('a district’s category sets its own limits; only the district admin changes them', async () => {
    const input = {
      districtId: String(putuo),
      code: 'PARKING',
      name: '停车管理',
      nameEn: 'Parking',
      startLevel: 'JOINT_ENFORCEMENT',
      acceptHours: 2,
      communityHours: 8,
      jointHours: 16,
      streetHours: 24,
    };
    const SAVE = `mutation($input: SaveCaseCategoryInput!) { saveCaseCategory(input: $input) { code name startLevel acceptHours districtSetting } }`;
    expect((await api.gql(SAVE, { input }, tokens.taopu_admin)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const bad = await api.gql(
      SAVE,
      { input: { ...input, acceptHours: 0, code: 'bad code' } },
      tokens.putuo_admin,
    );
    expect(bad.errors?.[0].extensions?.fields?.map((f: { field: string }) => f.field).sort()).toEqual([
      'input.acceptHours',
      'input.code',
    ]);
    const saved = await api.gql(SAVE, { input }, tokens.putuo_admin);
    expect(saved.data!.saveCaseCategory).toEqual({
      code: 'PARKING',
      name: '停车管理',
      startLevel: 'JOINT_ENFORCEMENT',
      acceptHours: 2,
      districtSetting: true,
    });
    const list = await api.gql(`{ caseCategories { code } }`, {}, tokens.taopudong_staff);
    expect(list.data!.caseCategories.map((c: { code: string }) => c.code)).toContain('PARKING');
    const jiadingList = await api.gql(`{ caseCategories { code } }`, {}, tokens.jiading_admin);
    expect(jiadingList.data!.caseCategories.map((c: { code: string }) => c.code)).not.toContain('PARKING');
    const c = await report(resident.token, { category: 'PARKING' });
    expect(c.level).toBe('JOINT_ENFORCEMENT');
  });
});

describe('the workers', () => {
  it('two overdue workers at once: each due case is marked exactly once; community cases go to the secretary', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push((await caseIn(i % 2 ? 'ASSIGNED' : 'REPORTED')).id);
    const future = (await caseIn('ASSIGNED')).id;
    await api.db.query(
      `UPDATE resident_case SET deadline_at = now() - interval '1 minute', overdue_at = NULL WHERE id = ANY($1::int[])`,
      [ids],
    );
    await api.db.query(`UPDATE resident_case SET deadline_at = now() + interval '1 hour' WHERE id = $1`, [
      future,
    ]);
    await Promise.all([
      markOverdueBatch(api.db, 7),
      markOverdueBatch(api.db, 7),
      markOverdue(api.db),
      markOverdue(api.db),
    ]);
    const events: { case_id: number; n: number }[] = await api.db.query(
      `SELECT case_id, count(*)::int AS n FROM case_event WHERE kind = 'OVERDUE' AND case_id = ANY($1::int[]) GROUP BY case_id`,
      [[...ids, future]],
    );
    expect(events).toHaveLength(30);
    expect(events.every((e) => e.n === 1)).toBe(true);
    const assigned = await api.gql(GET, { id: ids[1] }, tokens.taopu_admin);
    expect(assigned.data!.case).toMatchObject({
      overdue: true,
      responsibility: 'FALLBACK',
      owner: { id: String(secretaryId) },
    });
    expect(assigned.data!.case.timeline.slice(-2).map((e: { kind: string }) => e.kind)).toEqual([
      'OVERDUE',
      'FALLBACK',
    ]);
    const reported = await api.gql(GET, { id: ids[0] }, tokens.taopu_admin);
    expect(reported.data!.case).toMatchObject({
      overdue: true,
      status: 'REPORTED',
      responsibility: 'FIRST_CONTACT',
    });
    expect((await api.gql(GET, { id: future }, tokens.taopu_admin)).data!.case.overdue).toBe(false);
    // overdue cases surface first on the board
    const board = await api.gql(
      `query { cases(filter: { overdue: true }, first: 100) { edges { node { id overdue } } } }`,
      {},
      tokens.taopu_admin,
    );
    expect(board.data!.cases.edges.every((e: { node: { overdue: boolean } }) => e.node.overdue)).toBe(true);
    const all = await api.gql(
      `query { cases(first: 100) { edges { node { overdue } } } }`,
      {},
      tokens.taopu_admin,
    );
    const flags = all.data!.cases.edges.map((e: { node: { overdue: boolean } }) => e.node.overdue);
    expect(flags.indexOf(false)).toBeGreaterThan(flags.lastIndexOf(true));
  });

  it('a resolved case nobody answered closes after 3 days, once', async () => {
    const c = await caseIn('RESOLVED');
    await api.db.query(
      `UPDATE resident_case SET follow_up_due_at = now() - interval '1 second' WHERE id = $1`,
      [c.id],
    );
    await Promise.all([closeUnanswered(api.db), closeUnanswered(api.db)]);
    const after = await api.gql(GET, { id: c.id }, c.reporter.token);
    expect(after.data!.case.status).toBe('CLOSED');
    expect(after.data!.case.timeline.filter((e: { kind: string }) => e.kind === 'AUTO_CLOSE')).toHaveLength(
      1,
    );
  });
});

describe('duplicates', () => {
  it('offers a nearby open case of the same category with similar text; merging makes both reporters follow it', async () => {
    const a = await createTestResident(api);
    const b = await createTestResident(api);
    const first = await report(a.token, {
      communityId: null,
      point: { lat: community.lat + 0.0004, lng: community.lng + 0.0004 },
      description: '9号楼地下车库水管爆裂漏水',
      category: 'FACILITY_REPAIR',
    });
    const second = await report(b.token, {
      communityId: null,
      point: { lat: community.lat + 0.0005, lng: community.lng + 0.0004 },
      description: '9号楼地下车库水管爆裂，积水很深',
      category: 'FACILITY_REPAIR',
    });
    const unrelated = await report(b.token, {
      communityId: null,
      point: { lat: community.lat + 0.0005, lng: community.lng + 0.0004 },
      description: '垃圾桶满了没人清运',
      category: 'FACILITY_REPAIR',
    });
    const view = await api.gql(GET, { id: second.id }, tokens.taopudong_staff);
    const offered = view.data!.case.possibleDuplicates;
    expect(offered.map((d: { case: { id: string } }) => d.case.id)).toEqual([first.id]);
    expect(offered[0].distanceMeters).toBeLessThan(200);
    expect(offered[0].similarity).toBeGreaterThanOrEqual(0.3);
    expect(
      (await api.gql(GET, { id: unrelated.id }, tokens.taopudong_staff)).data!.case.possibleDuplicates,
    ).toEqual([]);
    expect((await api.gql(GET, { id: second.id }, b.token)).data!.case.possibleDuplicates).toEqual([]); // staff only
    const merged = await moved(tokens.taopudong_staff, second.id, {
      action: 'MERGE',
      targetCaseId: first.id,
    });
    expect(merged).toMatchObject({ status: 'CLOSED', mergedIntoId: first.id });
    const mine = await api.gql(`{ myCases(first: 10) { edges { node { id } } } }`, {}, b.token);
    expect(mine.data!.myCases.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(first.id);
    await moved(tokens.taopudong_staff, first.id, { action: 'ACCEPT' });
    await runNotificationSender(api.db, [inAppChannel]);
    for (const who of [a, b]) {
      const box = await api.gql(
        `{ notifications(first: 20) { edges { node { title subjectId } } } }`,
        {},
        who.token,
      );
      expect(box.data!.notifications.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
        title: '您的反映已受理',
        subjectId: first.id,
      });
    }
    // the merged reporter sees the case but does not answer its follow-up
    expect((await api.gql(GET, { id: first.id }, b.token)).data!.case.viewerIsReporter).toBe(false);
  });
});

describe('scope', () => {
  it('a street sees only its cases; center staff their center’s; a resident only their own', async () => {
    const marker = `范围${process.pid}${Date.now()}`;
    const c = await report(resident.token, { description: `${marker} 楼道灯坏了` });
    const elsewhere = await report(tokens.changzheng_admin, {
      communityId: String(otherCommunity),
      source: 'PATROL',
      description: `${marker} 路面破损`,
    });
    const otherCenterCase = await caseIn('ACCEPTED');
    await api.db.query(`UPDATE resident_case SET center_id = $2, description = $3 WHERE id = $1`, [
      otherCenterCase.id,
      otherCenter,
      `${marker} 井盖`,
    ]);
    const ids = async (token: string) => {
      const r = await api.gql(
        `query($q: String) { cases(first: 100, filter: { includeFinished: true, search: $q }) { totalCount edges { node { id } } } }`,
        { q: marker },
        token,
      );
      if (!r.data) return r.errors?.[0].extensions?.code;
      return r.data.cases.edges.map((e: { node: { id: string } }) => e.node.id);
    };
    const changzheng = await ids(tokens.changzheng_admin);
    expect(changzheng).toEqual([elsewhere.id]);
    expect(await ids(tokens.taopu_admin)).toEqual(expect.arrayContaining([c.id, otherCenterCase.id]));
    const staffIds = await ids(tokens.taopudong_staff);
    expect(staffIds).toContain(c.id);
    expect(staffIds).not.toContain(otherCenterCase.id);
    expect(await ids(tokens.evaluator)).toBe('FORBIDDEN');
    expect(await ids(resident.token)).toBe('FORBIDDEN');
    for (const [token, id] of [
      [tokens.changzheng_admin, c.id],
      [tokens.taopudong_staff, elsewhere.id],
      [tokens.taopudong_staff, otherCenterCase.id],
      [tokens.evaluator, c.id],
      [(await createTestResident(api)).token, c.id],
    ] as const) {
      expect((await api.gql(GET, { id }, token)).data!.case).toBeNull();
      const r = await move(token, id, { action: 'ACCEPT' });
      expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const anonymous = await api.gql(GET, { id: c.id });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const mine = await api.gql(`{ myCases(first: 100) { edges { node { id } } } }`, {}, resident.token);
    expect(mine.data!.myCases.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(c.id);
    expect(mine.data!.myCases.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(
      elsewhere.id,
    );
  });
});

describe('the board', () => {
  it('pages in its order without repeats, counts by status and level, and reads in a fixed number of statements', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let last: [boolean, number] = [false, -Infinity];
    for (let page = 0; page < 50; page++) {
      const r: any = await api.gql(
        `query($after: String) { cases(first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id overdue deadlineAt } } } }`,
        { after },
        tokens.taopu_admin,
      );
      for (const { node } of r.data.cases.edges) {
        expect(seen.has(node.id)).toBe(false);
        seen.add(node.id);
        const key: [boolean, number] = [
          !node.overdue,
          node.deadlineAt ? Date.parse(node.deadlineAt) : Infinity,
        ];
        expect(key[0] > last[0] || (key[0] === last[0] && key[1] >= last[1])).toBe(true);
        last = key;
      }
      if (!r.data.cases.pageInfo.hasNextPage) break;
      after = r.data.cases.pageInfo.endCursor;
    }
    const total = await api.gql(
      `{ cases(first: 0) { totalCount } caseBoard { total overdue byStatus { status count overdue } byLevel { level count } } }`,
      {},
      tokens.taopu_admin,
    );
    expect(seen.size).toBe(total.data!.cases.totalCount);
    expect(total.data!.caseBoard.total).toBe(seen.size);
    expect(total.data!.caseBoard.byStatus.reduce((a: number, s: { count: number }) => a + s.count, 0)).toBe(
      seen.size,
    );
    const bad = await api.gql(`{ cases(first: 5, after: "nope") { totalCount } }`, {}, tokens.taopu_admin);
    expect(bad.errors?.[0].extensions?.fields?.[0].field).toBe('after');

    const nested = `query($n: Int!) { cases(first: $n, filter: { includeFinished: true }) { edges { node {
      id category { name } street { name } community { name } center { name } owner { displayName } firstContact { id }
      timeline { kind actorName assigneeName } photos { id } viewerActions possibleDuplicates { case { id } } } } } }`;
    const count = async (n: number) => {
      queryCounter.reset();
      const r = await api.gql(nested, { n }, tokens.taopu_admin);
      expect(r.errors).toBeUndefined();
      expect(r.data!.cases.edges.length).toBe(n);
      return queryCounter.count;
    };
    expect(await count(20)).toBe(await count(5));
  });

  it('shows the map, the figures per street and exports Excel', async () => {
    const map = await api.gql(`{ caseMap { id lat lng status level overdue } }`, {}, tokens.taopu_admin);
    expect(map.data!.caseMap.length).toBeGreaterThan(0);
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const figures = await api.gql(
      `query($r: ID!, $from: DateTime!, $to: DateTime!) { caseFigures(regionId: $r, from: $from, to: $to) {
        total { reported open overdue resolved medianHoursToResolve communityShare followUpRating fixedShare followUps }
        streets { region { name } reported open overdue } } }`,
      { r: String(putuo), from, to },
      tokens.putuo_admin,
    );
    expect(figures.errors).toBeUndefined();
    const f = figures.data!.caseFigures;
    expect(f.streets.map((s: { region: { name: string } }) => s.region.name)).toEqual(
      expect.arrayContaining(['桃浦镇', '长征镇']),
    );
    expect(f.total.reported).toBe(
      f.streets.reduce((a: number, s: { reported: number }) => a + s.reported, 0),
    );
    expect(f.total.followUps).toBeGreaterThan(0);
    expect(f.total.followUpRating).toBeGreaterThanOrEqual(1);
    const denied = await api.gql(
      `query($r: ID!, $from: DateTime!, $to: DateTime!) { caseFigures(regionId: $r, from: $from, to: $to) { total { open } } }`,
      { r: String(putuo), from, to },
      tokens.taopu_admin,
    );
    expect(denied.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const file = await api.gql(`{ exportCases { fileName mimeType contentBase64 } }`, {}, tokens.taopu_admin);
    expect(file.data!.exportCases.fileName).toMatch(/^诉求工单-\d{8}\.xlsx$/);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.data!.exportCases.contentBase64, 'base64') as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('编号');
    expect(ws.rowCount).toBeGreaterThan(1);
  });
});
