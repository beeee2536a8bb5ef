import { startTestApi, type TestApi } from '../../../testing/harness';
import { emitDailySatisfaction } from '../daily-satisfaction';
import { verifyWebhook } from '../webhook-signature';
import { runWebhookRound, startWebhookWorker, type WebhookWorkerOptions } from '../webhook-worker';
import { startReceiver } from './receiver';

let api: TestApi;
let tokens: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi();
  tokens = await api.loginAll(['putuo_admin', 'pudong_admin', 'changzheng_admin', 'taopu_admin']);
});
afterAll(() => api.close());

const FAST: Partial<WebhookWorkerOptions> = {
  pollMs: 20,
  retryBaseMs: 40,
  retryCapMs: 200,
  retryWindowMs: 60_000,
  timeoutMs: 2000,
  leaseMs: 5000,
  allowPrivateTargets: true,
};

const CREATE = `mutation($input: CreateWebhookInput!) { createWebhookSubscription(input: $input) { secret subscription { id name eventTypes region { name } } } }`;

async function until<T>(what: () => Promise<T | null | undefined | false>, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('webhooks', () => {
  it('delivers signed events in order per record through a receiver that fails the first three attempts', async () => {
    const receiver = await startReceiver(3);
    const changzheng = await api.regionId('长征镇', 'STREET');
    const created: any = await api.gql(
      CREATE,
      {
        input: {
          name: '长征镇需求推送',
          url: receiver.url,
          eventTypes: ['DEMAND_CREATED', 'PROJECT_MOVED'],
          regionId: String(changzheng),
        },
      },
      tokens.putuo_admin,
    );
    expect(created.errors).toBeUndefined();
    const { secret, subscription } = created.data.createWebhookSubscription;
    expect(secret).toMatch(/^whsec_/);
    const stop = startWebhookWorker(api.db, FAST);
    try {
      // two records: demand A then demand B, then a project move of the project made of A
      const [community] = await api.db.query(
        `SELECT id FROM region WHERE level = 'COMMUNITY' AND street_id = $1 ORDER BY id LIMIT 1`,
        [changzheng],
      );
      const mk = async (title: string) => {
        const r: any = await api.gql(
          `mutation($input: CreateDemandInput!) { createDemand(input: $input) { id } }`,
          { input: { title, category: 'HEALTH', communityId: String(community.id), source: 'VISIT' } },
          tokens.changzheng_admin,
        );
        return r.data.createDemand.id as string;
      };
      const a = await mk('推送测试需求甲');
      const b = await mk('推送测试需求乙');
      // another street's demand is not for this subscription
      const [taopuCommunity] = await api.db.query(
        `SELECT id FROM region WHERE level = 'COMMUNITY' AND street_id = $1 ORDER BY id LIMIT 1`,
        [await api.regionId('桃浦镇', 'STREET')],
      );
      await api.gql(
        `mutation($input: CreateDemandInput!) { createDemand(input: $input) { id } }`,
        {
          input: {
            title: '别的街镇',
            category: 'HEALTH',
            communityId: String(taopuCommunity.id),
            source: 'VISIT',
          },
        },
        tokens.taopu_admin,
      );
      // (other tests may raise demands in the street meanwhile: look at A and B only)
      const okOf = (id: string) =>
        receiver.received.filter((r) => r.answered === 200 && JSON.parse(r.body).data.demandId === id);
      await until(async () => okOf(a).length >= 1 && okOf(b).length >= 1);
      const ok = [...okOf(a), ...okOf(b)].map((r) => JSON.parse(r.body));
      expect(ok.every((e) => e.type === 'DEMAND_CREATED')).toBe(true);
      // three failures first (500), every request signed over timestamp and body
      expect(receiver.received.slice(0, 3).every((r) => r.answered === 500)).toBe(true);
      for (const r of receiver.received) {
        const sig = {
          signature: r.headers['x-lc-signature'] as string,
          timestamp: r.headers['x-lc-timestamp'] as string,
        };
        expect(verifyWebhook(secret, sig, r.body)).toBe(true);
        expect(verifyWebhook('whsec_wrong', sig, r.body)).toBe(false);
        expect(verifyWebhook(secret, sig, r.body.replace('推送', '篡改'))).toBe(false);
      }
      // every attempt is logged and readable
      const log: any = await api.gql(
        `query($id: ID!) { webhookSubscription(id: $id) { deliveries(first: 50) { totalCount edges { node { id eventId status attempts recordId eventType lastStatusCode attemptLog { attempt statusCode durationMs } } } } } }`,
        { id: subscription.id },
        tokens.putuo_admin,
      );
      const all = log.data.webhookSubscription.deliveries.edges.map((e: any) => e.node);
      const deliveries = all.filter((d: any) => d.recordId === a || d.recordId === b);
      expect(deliveries).toHaveLength(2);
      const first = deliveries.find((d: any) => d.recordId === a);
      expect(first.status).toBe('DELIVERED');
      for (const d of deliveries) {
        expect(d.attemptLog).toHaveLength(d.attempts);
        expect(d.attemptLog[d.attemptLog.length - 1].statusCode).toBe(200);
      }
      const logged = all.flatMap((d: any) => d.attemptLog.map((x: any) => x.statusCode));
      expect(logged.filter((c: number) => c === 500)).toHaveLength(3);

      // replay: the same event again, a new delivery
      const replay: any = await api.gql(
        `mutation($id: ID!) { replayWebhookDelivery(id: $id) { id status eventId replayOf } }`,
        { id: first.id },
        tokens.putuo_admin,
      );
      expect(replay.data.replayWebhookDelivery).toMatchObject({ status: 'PENDING', replayOf: first.id });
      await until(async () => okOf(a).length >= 2);
      const again = JSON.parse(okOf(a)[1].body);
      expect(again.id).toBe(first.eventId);

      // a test event
      const test: any = await api.gql(
        `mutation($id: ID!) { sendTestWebhookEvent(id: $id) { eventType status } }`,
        { id: subscription.id },
        tokens.putuo_admin,
      );
      expect(test.data.sendTestWebhookEvent.eventType).toBe('TEST');
      await until(async () =>
        receiver.received.some((r) => JSON.parse(r.body).type === 'TEST' && r.answered === 200),
      );
    } finally {
      await stop();
      await receiver.close();
    }
  });

  it('keeps each record’s events in order while an earlier one is still failing', async () => {
    const receiver = await startReceiver(3);
    const putuo = await api.regionId('普陀区', 'DISTRICT');
    const created: any = await api.gql(
      CREATE,
      {
        input: {
          name: '订单推送',
          url: receiver.url,
          eventTypes: ['CENTER_CHANGED'],
          regionId: String(putuo),
        },
      },
      tokens.putuo_admin,
    );
    const subId = Number(created.data.createWebhookSubscription.subscription.id);
    // three changes of one center before any worker runs
    const [center] = await api.db.query(
      `SELECT id FROM center WHERE district_id = $1 ORDER BY id DESC LIMIT 1`,
      [putuo],
    );
    for (const hours of ['08:00-17:00', '08:00-18:00', '08:00-19:00']) {
      const r: any = await api.gql(
        `mutation($id: ID!, $h: String) { updateCenter(id: $id, input: { openingHours: $h }) { id } }`,
        { id: String(center.id), h: hours },
        tokens.putuo_admin,
      );
      expect(r.errors).toBeUndefined();
    }
    const mine = (r: { body: string }) => JSON.parse(r.body).data.centerId === String(center.id);
    // two workers at once, as two API processes would run them
    const stops = [startWebhookWorker(api.db, FAST), startWebhookWorker(api.db, FAST)];
    try {
      await until(async () => receiver.received.filter((r) => r.answered === 200 && mine(r)).length >= 3);
    } finally {
      await Promise.all(stops.map((s) => s()));
      await receiver.close();
    }
    // (other tests may change other centers of the district meanwhile: this center's events only)
    const ok = receiver.received.filter((r) => r.answered === 200 && mine(r)).map((r) => JSON.parse(r.body));
    expect(ok.map((e) => Number(e.id))).toEqual([...ok.map((e) => Number(e.id))].sort((x, y) => x - y));
    // every request of the record came in event order: a later event was never sent before an earlier one succeeded
    const sent = receiver.received.filter(mine).map((r) => Number(JSON.parse(r.body).id));
    for (let i = 1; i < sent.length; i++) expect(sent[i]).toBeGreaterThanOrEqual(sent[i - 1]);
    expect(receiver.received.slice(0, 3).every((r) => r.answered === 500)).toBe(true);
    expect(ok.map((e) => e.data.changed)).toEqual([['openingHours'], ['openingHours'], ['openingHours']]);
    // no event was delivered twice
    expect(new Set(ok.map((e) => e.id)).size).toBe(ok.length);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM webhook_delivery WHERE subscription_id = $1 AND status = 'DELIVERED'`,
      [subId],
    );
    expect(n).toBe(3);
  });

  it('backs off exponentially and gives up after the retry window', async () => {
    const receiver = await startReceiver(1000);
    const created: any = await api.gql(
      CREATE,
      {
        input: {
          name: '总是失败',
          url: receiver.url,
          eventTypes: ['TEST'].concat('DEMAND_CREATED'),
          regionId: String(await api.regionId('普陀区', 'DISTRICT')),
        },
      },
      tokens.putuo_admin,
    );
    const subId = created.data.createWebhookSubscription.subscription.id;
    const test: any = await api.gql(
      `mutation($id: ID!) { sendTestWebhookEvent(id: $id) { id } }`,
      { id: subId },
      tokens.putuo_admin,
    );
    const id = test.data.sendTestWebhookEvent.id;
    const options = {
      ...FAST,
      retryBaseMs: 100,
      retryCapMs: 400,
      retryWindowMs: 1500,
    } as WebhookWorkerOptions;
    const stop = startWebhookWorker(api.db, options);
    try {
      await until(async () => {
        const [d] = await api.db.query(`SELECT status FROM webhook_delivery WHERE id = $1`, [id]);
        return d.status === 'FAILED';
      });
    } finally {
      await stop();
      await receiver.close();
    }
    const attempts: { at: Date }[] = await api.db.query(
      `SELECT at FROM webhook_attempt WHERE delivery_id = $1 ORDER BY id`,
      [id],
    );
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    const gaps = attempts.slice(1).map((a, i) => a.at.getTime() - attempts[i].at.getTime());
    // 100, 200, 400, 400 … ms (capped): each gap at least the backoff
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(190);
    expect(gaps[2]).toBeGreaterThanOrEqual(390);
  });

  it('sends the daily satisfaction figures once a day, whichever process runs first', async () => {
    const putuo = await api.regionId('普陀区', 'DISTRICT');
    const [row] = await api.db.query(
      `SELECT center_id, day FROM satisfaction_day WHERE district_id = $1 ORDER BY day DESC LIMIT 1`,
      [putuo],
    );
    if (!row) return; // the demo data always has responses; guard for a trimmed seed
    const receiver = await startReceiver(0);
    const created: any = await api.gql(
      CREATE,
      {
        input: {
          name: '满意度日报',
          url: receiver.url,
          eventTypes: ['CENTER_SATISFACTION_UPDATED'],
          regionId: String(putuo),
        },
      },
      tokens.putuo_admin,
    );
    const subId = Number(created.data.createWebhookSubscription.subscription.id);
    // "now" is the day after that day, in Shanghai
    const now = new Date(new Date(row.day).getTime() + 36 * 3600 * 1000);
    const [a, b] = await Promise.all([
      emitDailySatisfaction(api.db, now),
      emitDailySatisfaction(api.db, now),
    ]);
    expect(Math.min(a, b)).toBe(0);
    expect(Math.max(a, b)).toBeGreaterThan(0);
    await runWebhookRound(api.db, { ...FAST, batch: 50 } as WebhookWorkerOptions);
    await receiver.close();
    const events = receiver.received.map((r) => JSON.parse(r.body));
    expect(events.length).toBeGreaterThan(0);
    expect(events[0]).toMatchObject({ type: 'CENTER_SATISFACTION_UPDATED', record: { type: 'center' } });
    expect(events[0].data.responses).toBeGreaterThan(0);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM webhook_delivery WHERE subscription_id = $1`,
      [subId],
    );
    expect(n).toBe(events.length);
  });

  it('refuses what the caller may not do and names bad fields', async () => {
    const street: any = await api.gql(
      CREATE,
      { input: { name: 'x', url: 'https://example.org/h', eventTypes: ['DEMAND_CREATED'] } },
      tokens.taopu_admin,
    );
    expect(street.errors[0].extensions.code).toBe('FORBIDDEN');
    const foreign: any = await api.gql(
      CREATE,
      {
        input: {
          name: 'x',
          url: 'https://example.org/h',
          eventTypes: ['DEMAND_CREATED'],
          regionId: String(await api.regionId('普陀区', 'DISTRICT')),
        },
      },
      tokens.pudong_admin,
    );
    expect(foreign.errors[0].extensions.code).toBe('FORBIDDEN');
    const bad: any = await api.gql(
      CREATE,
      { input: { name: ' ', url: 'ftp://x', eventTypes: [] } },
      tokens.putuo_admin,
    );
    expect(bad.errors[0].extensions.fields.map((f: any) => f.field).sort()).toEqual([
      'input.eventTypes',
      'input.name',
      'input.url',
    ]);
    const [{ id }] = await api.db.query(
      `SELECT id FROM webhook_subscription WHERE district_id = $1 ORDER BY id LIMIT 1`,
      [await api.regionId('普陀区', 'DISTRICT')],
    );
    const other: any = await api.gql(
      `mutation($id: ID!) { deleteWebhookSubscription(id: $id) }`,
      { id: String(id) },
      tokens.pudong_admin,
    );
    expect(other.errors[0].extensions.code).toBe('NOT_FOUND');
    const audit: any = await api.gql(
      `{ auditEvents(filter: { action: WEBHOOK_CREATED }, first: 1) { totalCount } }`,
      {},
      tokens.putuo_admin,
    );
    expect(audit.data.auditEvents.totalCount).toBeGreaterThan(0);
  });
});
