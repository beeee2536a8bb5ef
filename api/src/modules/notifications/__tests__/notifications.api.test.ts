// Notifications: the outbox written with the change, the sender worker (fan-out, channels, SMS
// preferences), nothing twice (two senders at once, a restart mid-send), the inbox and its scope,
// and the modules that notify (delivery orders, meetings, demands, surveys).
import { signToken } from '../../../auth/token';
import { createTestResident, startTestApi, type TestApi, DEMO_OFFICIALS } from '../../../testing/harness';
import { findOrCreateResident } from '../../residents/resident.service';
import type { SmsSender } from '../../residents/sms-sender';
import { createSmsChannel, inAppChannel } from '../notification-channels';
import { runNotificationSender } from '../notification-sender';
import { notify } from '../notification-outbox';

let api: TestApi;
let tokens: Record<string, string>;
let center: number; // 桃浦东片区
let community: number; // a community 桃浦东片区 covers

/** An SMS gateway that records what it sends (and can be told to fail). */
function recordingSender() {
  const sent: { phone: string; text: string }[] = [];
  const sender: SmsSender & { sent: typeof sent; failNext: number } = {
    sent,
    failNext: 0,
    async send() {
      throw new Error('not for login codes');
    },
    async notify(phone, text) {
      if (sender.failNext > 0) {
        sender.failNext--;
        throw new Error('gateway busy');
      }
      sent.push({ phone, text });
    },
  };
  return sender;
}

let phoneSeq = 0;
/** A resident with a phone number (SMS reachable); no home center unless given (other test files
 * open surveys for centers at the same time). */
async function residentWithPhone(homeCenter: number | null = null, homeCommunity: number | null = null) {
  phoneSeq++;
  const phone = `139${String(process.pid % 10000).padStart(4, '0')}${String(phoneSeq).padStart(4, '0')}`;
  const user = await findOrCreateResident(api.db, phone);
  await api.db.query(`UPDATE app_user SET home_center_id = $2, home_community_id = $3 WHERE id = $1`, [
    user.id,
    homeCenter,
    homeCommunity,
  ]);
  return { id: user.id, phone, token: signToken(user.id, 'RESIDENT') };
}

const INBOX = `query($unread: Boolean) { unreadNotificationCount notifications(unreadOnly: $unread, first: 20) {
  totalCount edges { node { id kind title body subjectType subjectId readAt titleEn: title(locale: EN) } } } }`;

async function inbox(token: string, unread = false) {
  const r = await api.gql(INBOX, { unread }, token);
  if (!r.data) throw new Error(JSON.stringify(r.errors));
  return r.data as {
    unreadNotificationCount: number;
    notifications: {
      totalCount: number;
      edges: {
        node: {
          id: string;
          kind: string;
          title: string;
          body: string;
          subjectType: string;
          subjectId: string;
          readAt: string | null;
          titleEn: string;
        };
      }[];
    };
  };
}

const one = async (sql: string, params: unknown[] = []) => (await api.db.query(sql, params))[0];

beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(DEMO_OFFICIALS);
  center = (await one(`SELECT id FROM center WHERE name = '桃浦东片区'`)).id;
  community = (
    await one(
      `SELECT community_id FROM center_community WHERE center_id = $1 ORDER BY community_id LIMIT 1`,
      [center],
    )
  ).community_id;
  // events other tests of this file left behind do not matter: each test reads its own users
});

afterAll(() => api.close());

describe('the outbox and the sender', () => {
  it('writes nothing visible until the sender runs, then the inbox has it once, in both languages', async () => {
    const r = await residentWithPhone();
    await notify(api.db, {
      kind: 'CASE_UPDATE',
      template: 'case.accepted',
      params: { subject: '楼道堆物', caseNo: 42 },
      subject: { type: 'CASE', id: 42 },
      to: { userIds: [r.id, r.id, null] },
    });
    expect((await inbox(r.token)).notifications.totalCount).toBe(0);
    const sms = recordingSender();
    await runNotificationSender(api.db, [inAppChannel, createSmsChannel(sms)]);
    const box = await inbox(r.token);
    expect(box.unreadNotificationCount).toBe(1);
    expect(box.notifications.edges[0].node).toMatchObject({
      kind: 'CASE_UPDATE',
      title: '您的反映已受理',
      titleEn: 'Your report was accepted',
      subjectType: 'CASE',
      subjectId: '42',
    });
    expect(box.notifications.edges[0].node.body).toContain('楼道堆物');
    // CASE_UPDATE goes by SMS by default
    const mine = sms.sent.filter((s) => s.phone === r.phone);
    expect(mine).toHaveLength(1);
    expect(mine[0].text).toContain('【社区生活圈】您的反映已受理');
    // running again sends nothing more
    await runNotificationSender(api.db, [inAppChannel, createSmsChannel(sms)]);
    expect(sms.sent.filter((s) => s.phone === r.phone)).toHaveLength(1);
    expect((await inbox(r.token)).notifications.totalCount).toBe(1);
  });

  it('two senders at once expand each event once and send each SMS once', async () => {
    const residents = await Promise.all([1, 2, 3].map(() => residentWithPhone()));
    for (let i = 0; i < 40; i++) {
      await notify(api.db, {
        kind: 'DELIVERY_ORDER',
        template: 'delivery.status',
        params: {
          service: `剪纸${i}`,
          center: '桃浦东片区',
          status: { label: 'deliveryStatus', code: 'ACCEPTED' },
        },
        to: { userIds: residents.map((r) => r.id) },
      });
    }
    const sms = recordingSender();
    await Promise.all([
      runNotificationSender(api.db, [inAppChannel, createSmsChannel(sms)]),
      runNotificationSender(api.db, [inAppChannel, createSmsChannel(sms)]),
    ]);
    for (const r of residents) {
      expect((await inbox(r.token)).notifications.totalCount).toBe(40);
      expect(sms.sent.filter((s) => s.phone === r.phone)).toHaveLength(40);
    }
  });

  it('never resends a message claimed before a restart; retries one the gateway refused', async () => {
    const r = await residentWithPhone();
    await notify(api.db, {
      kind: 'CASE_UPDATE',
      template: 'case.closed',
      params: { subject: '路灯不亮' },
      to: { userIds: [r.id] },
    });
    // fan out only (the process "dies" after claiming the SMS but before sending it)
    const queueOnly = { ...createSmsChannel(recordingSender()), flush: undefined };
    await runNotificationSender(api.db, [inAppChannel, queueOnly]);
    const [delivery] = await api.db
      .query(
        `UPDATE notification_delivery SET status = 'SENDING', claimed_at = now(), attempts = 1
       WHERE user_id = $1 RETURNING id`,
        [r.id],
      )
      .then((x: [unknown[], number]) => x[0] as { id: number }[]);
    expect(delivery).toBeDefined();
    const sms = recordingSender();
    await runNotificationSender(api.db, [inAppChannel, createSmsChannel(sms)]);
    expect(sms.sent.filter((s) => s.phone === r.phone)).toHaveLength(0);
    // after the lease the claim is given up as UNKNOWN, still not resent
    await api.db.query(
      `UPDATE notification_delivery SET claimed_at = now() - interval '1 hour' WHERE id = $1`,
      [delivery.id],
    );
    await runNotificationSender(api.db, [inAppChannel, createSmsChannel(sms)]);
    expect((await one(`SELECT status FROM notification_delivery WHERE id = $1`, [delivery.id])).status).toBe(
      'UNKNOWN',
    );
    expect(sms.sent.filter((s) => s.phone === r.phone)).toHaveLength(0);

    // a refusal is retried later
    await notify(api.db, {
      kind: 'CASE_UPDATE',
      template: 'case.closed',
      params: { subject: '井盖' },
      to: { userIds: [r.id] },
    });
    const flaky = recordingSender();
    flaky.failNext = 1;
    await runNotificationSender(api.db, [inAppChannel, createSmsChannel(flaky)]);
    expect(flaky.sent.filter((s) => s.phone === r.phone)).toHaveLength(0);
    await api.db.query(
      `UPDATE notification_delivery SET next_attempt_at = now() WHERE user_id = $1 AND status = 'PENDING'`,
      [r.id],
    );
    await runNotificationSender(api.db, [inAppChannel, createSmsChannel(flaky)]);
    expect(flaky.sent.filter((s) => s.phone === r.phone).map((s) => s.text)).toEqual([
      expect.stringContaining('井盖'),
    ]);
  });

  it('SMS follows the preferences per kind; the inbox always has it', async () => {
    const r = await residentWithPhone();
    const prefs = await api.gql(`{ notificationPreferences { kind inApp sms smsAvailable } }`, {}, r.token);
    const byKind = Object.fromEntries(
      prefs.data!.notificationPreferences.map((p: { kind: string }) => [p.kind, p]),
    );
    expect(byKind.DELIVERY_ORDER).toEqual({
      kind: 'DELIVERY_ORDER',
      inApp: true,
      sms: true,
      smsAvailable: true,
    });
    expect(byKind.SURVEY_OPENED.sms).toBe(false);
    expect(byKind.CASE_TASK).toBeUndefined(); // staff only
    const off = await api.gql(
      `mutation { setNotificationPreference(kind: DELIVERY_ORDER, sms: false) { kind sms } }`,
      {},
      r.token,
    );
    expect(off.data!.setNotificationPreference).toEqual({ kind: 'DELIVERY_ORDER', sms: false });
    await api.gql(
      `mutation { setNotificationPreference(kind: SURVEY_OPENED, sms: true) { sms } }`,
      {},
      r.token,
    );
    await notify(api.db, {
      kind: 'DELIVERY_ORDER',
      template: 'delivery.status',
      params: {},
      to: { userIds: [r.id] },
    });
    await notify(api.db, {
      kind: 'SURVEY_OPENED',
      template: 'survey.opened',
      params: { title: '食堂' },
      to: { userIds: [r.id] },
    });
    const sms = recordingSender();
    await runNotificationSender(api.db, [inAppChannel, createSmsChannel(sms)]);
    expect(sms.sent.filter((s) => s.phone === r.phone).map((s) => s.text)).toEqual([
      expect.stringContaining('食堂'),
    ]);
    expect((await inbox(r.token)).notifications.totalCount).toBe(2);
    // staff have no phone: in-app only, and they see every kind
    const staffPrefs = await api.gql(
      `{ notificationPreferences { kind smsAvailable } }`,
      {},
      tokens.taopudong_staff,
    );
    expect(staffPrefs.data!.notificationPreferences.map((p: { kind: string }) => p.kind)).toContain(
      'CASE_TASK',
    );
    expect(
      staffPrefs.data!.notificationPreferences.every((p: { smsAvailable: boolean }) => !p.smsAvailable),
    ).toBe(true);
  });

  it('never tells the actor about their own move', async () => {
    const a = await createTestResident(api);
    const b = await createTestResident(api);
    await notify(api.db, {
      kind: 'CASE_UPDATE',
      template: 'case.closed',
      params: {},
      to: { userIds: [a.id, b.id] },
      except: a.id,
    });
    await runNotificationSender(api.db, [inAppChannel]);
    expect((await inbox(a.token)).notifications.totalCount).toBe(0);
    expect((await inbox(b.token)).notifications.totalCount).toBe(1);
  });
});

describe('the inbox', () => {
  it('marks read only the caller’s own notifications', async () => {
    const a = await createTestResident(api);
    const b = await createTestResident(api);
    for (const u of [a, b])
      await notify(api.db, {
        kind: 'CASE_UPDATE',
        template: 'case.closed',
        params: {},
        to: { userIds: [u.id, u.id] },
      });
    await notify(api.db, {
      kind: 'CASE_UPDATE',
      template: 'case.accepted',
      params: {},
      to: { userIds: [a.id] },
    });
    await runNotificationSender(api.db, [inAppChannel]);
    const bId = (await inbox(b.token)).notifications.edges[0].node.id;
    const aIds = (await inbox(a.token)).notifications.edges.map((e) => e.node.id);
    const MARK = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked unread } }`;
    // someone else's id is ignored
    expect((await api.gql(MARK, { ids: [bId] }, a.token)).data!.markNotificationsRead).toEqual({
      marked: 0,
      unread: 2,
    });
    expect((await api.gql(MARK, { ids: [aIds[0]] }, a.token)).data!.markNotificationsRead).toEqual({
      marked: 1,
      unread: 1,
    });
    expect((await inbox(a.token, true)).notifications.totalCount).toBe(1);
    expect((await api.gql(MARK, {}, a.token)).data!.markNotificationsRead).toEqual({ marked: 1, unread: 0 });
    expect((await inbox(b.token)).unreadNotificationCount).toBe(1);
    const bad = await api.gql(MARK, { ids: ['x'] }, a.token);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const anon = await api.gql(`{ unreadNotificationCount }`);
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the modules that notify', () => {
  it('a delivery order move reaches its resident', async () => {
    const r = await residentWithPhone();
    const item = await api.gql(
      `mutation($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id name } }`,
      { input: { menu: 'MOBILE', name: `非遗剪纸${Date.now()}`, category: 'CULTURE' } },
      tokens.putuo_admin,
    );
    const placed = await api.gql(
      `mutation($input: OrderMobileServiceInput!) { orderMobileService(input: $input) { id } }`,
      { input: { serviceId: item.data!.createServiceItem.id, centerId: String(center) } },
      r.token,
    );
    const id = placed.data!.orderMobileService.id;
    const moved = await api.gql(
      `mutation($id: ID!) { transitionDeliveryOrder(id: $id, to: ACCEPTED) { status } }`,
      { id },
      tokens.taopudong_staff,
    );
    expect(moved.errors).toBeUndefined();
    await runNotificationSender(api.db, [inAppChannel]);
    const node = (await inbox(r.token)).notifications.edges[0].node;
    expect(node).toMatchObject({
      kind: 'DELIVERY_ORDER',
      title: '点单已接单',
      subjectType: 'DELIVERY_ORDER',
      subjectId: id,
    });
    expect(node.body).toContain(item.data!.createServiceItem.name);
  });

  it('a meeting announced reaches the residents of the project’s communities; a demand’s raiser hears its status', async () => {
    const street = await one(`SELECT street_id, district_id FROM region WHERE id = $1`, [community]);
    const raiser = await createTestResident(api);
    const neighbour = await createTestResident(api);
    const elsewhere = await createTestResident(api);
    await api.db.query(`UPDATE app_user SET home_community_id = $2 WHERE id = ANY($1::int[])`, [
      [raiser.id, neighbour.id],
      community,
    ]);
    const demand = await one(
      `INSERT INTO demand (title, category, community_id, street_id, district_id, source, raised_by)
       VALUES ('加装电梯', 'DAILY_LIFE', $1, $2, $3, 'RESIDENT_APP', $4) RETURNING id`,
      [community, street.street_id, street.district_id, raiser.id],
    );
    const resource = await one(
      `INSERT INTO resource (name, kind, category, region_id, district_id, street_id, active)
       VALUES ('电梯公司', 'ENTERPRISE', 'DAILY_LIFE', $1, $2, $1, true) RETURNING id`,
      [street.street_id, street.district_id],
    );
    const created = await api.gql(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
      {
        input: {
          title: '加装电梯项目',
          demandIds: [String(demand.id)],
          resourceIds: [String(resource.id)],
          publiclyFunded: true,
        },
      },
      tokens.taopu_admin,
    );
    expect(created.errors).toBeUndefined();
    const planned = await api.gql(
      `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`,
      {
        input: {
          projectId: created.data!.createProject.id,
          kind: 'HEARING',
          at: '2026-06-01T02:00:00Z',
          place: '议事厅',
        },
      },
      tokens.taopu_admin,
    );
    expect(planned.errors).toBeUndefined();
    await runNotificationSender(api.db, [inAppChannel]);
    const raiserBox = (await inbox(raiser.token)).notifications.edges.map((e) => e.node);
    expect(raiserBox.map((n) => n.kind).sort()).toEqual(['DEMAND_STATUS', 'MEETING_ANNOUNCED']);
    expect(raiserBox.find((n) => n.kind === 'MEETING_ANNOUNCED')!.body).toContain('2026-06-01 10:00');
    expect(raiserBox.find((n) => n.kind === 'DEMAND_STATUS')!.title).toBe('需求进展：已匹配');
    expect((await inbox(neighbour.token)).notifications.edges.map((e) => e.node.kind)).toEqual([
      'MEETING_ANNOUNCED',
    ]);
    expect((await inbox(elsewhere.token)).notifications.totalCount).toBe(0);
  });

  it('a survey opened for a center reaches the residents whose center it is', async () => {
    const mine = await createTestResident(api, center);
    const other = await createTestResident(api, null);
    const s = await api.gql(
      `mutation($input: SurveyInput!) { createSurvey(input: $input) { id } }`,
      {
        input: {
          title: '食堂满意度',
          scopeKind: 'CENTER',
          centerId: String(center),
          questions: [{ kind: 'SCORE', text: '总体满意度' }],
        },
      },
      tokens.taopudong_staff,
    );
    expect(s.errors).toBeUndefined();
    const opened = await api.gql(
      `mutation($id: ID!) { openSurvey(id: $id) { status } }`,
      { id: s.data!.createSurvey.id },
      tokens.taopudong_staff,
    );
    expect(opened.errors).toBeUndefined();
    await runNotificationSender(api.db, [inAppChannel]);
    expect((await inbox(mine.token)).notifications.edges[0].node).toMatchObject({
      kind: 'SURVEY_OPENED',
      subjectType: 'SURVEY',
    });
    expect((await inbox(other.token)).notifications.totalCount).toBe(0);
  });
});
