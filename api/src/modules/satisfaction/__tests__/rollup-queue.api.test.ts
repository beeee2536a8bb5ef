// The rollup worker: two of them at once (two API processes) roll every queued response up exactly
// once, within seconds; a batch whose transaction dies (a crash between accepting and rolling up)
// stays queued and is rolled up later, once. Responses of this file lie in 2012.
import { startTestApi, type TestApi } from '../../../testing/harness';
import { ROLLUP_POLL_MS, drainRollupQueue, rollupBacklog, rollupWorker } from '../rollup-queue';
import { rollUpResponses } from '../rollups';
import { figuresPlaces, respond, shanghai, type TestCenter } from './fixtures';

let api: TestApi;
let centers: TestCenter[];
beforeAll(async () => {
  api = await startTestApi();
  const p = await figuresPlaces(api);
  centers = [p.taopudong, p.taopuOther, p.changzhengCenter];
  await drainRollupQueue(api.db);
});
afterAll(() => api.close());

/** satisfaction_month and the district's/streets' own rows of 2012 for our centers, as stored and
 * as computed straight from survey_response. */
async function monthRows() {
  const ids = centers.map((c) => c.id);
  const stored = await api.db.query(
    `SELECT center_id, month::text, channel, responses, scored, score_sum::text, buckets
     FROM satisfaction_month WHERE center_id = ANY($1) AND month >= '2012-01-01' AND month < '2013-01-01'
     ORDER BY 1, 2, 3`,
    [ids],
  );
  const raw = await api.db.query(
    `SELECT center_id, date_trunc('month', submitted_at AT TIME ZONE 'Asia/Shanghai')::date::text AS month, channel,
            count(*)::int AS responses, count(score)::int AS scored, coalesce(sum(score), 0)::text AS score_sum,
            ARRAY[${Array.from({ length: 11 }, (_, k) => `count(score) FILTER (WHERE floor(score) = ${k} OR (${k} = 10 AND score >= 10))`).join(', ')}]::int[] AS buckets
     FROM survey_response WHERE center_id = ANY($1) AND submitted_at >= '2011-12-31T16:00:00Z' AND submitted_at < '2012-12-31T16:00:00Z'
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [ids],
  );
  const running = await api.db.query(
    `SELECT center_id, month::text, responses FROM satisfaction_center_running
     WHERE center_id = ANY($1) AND month >= '2012-01-01' AND month < '2013-01-01' ORDER BY 1, 2`,
    [ids],
  );
  const rawRunning = await api.db.query(
    `SELECT c.center_id, c.month::text, (SELECT count(*)::int FROM survey_response r WHERE r.center_id = c.center_id
              AND date_trunc('month', r.submitted_at AT TIME ZONE 'Asia/Shanghai') <= c.month) AS responses
     FROM (SELECT DISTINCT center_id, date_trunc('month', submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS month
           FROM survey_response WHERE center_id = ANY($1) AND submitted_at >= '2011-12-31T16:00:00Z'
             AND submitted_at < '2012-12-31T16:00:00Z') c ORDER BY 1, 2`,
    [ids],
  );
  return { stored, raw, running, rawRunning };
}

const waitFor = async (cond: () => Promise<boolean>, ms: number) => {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
};

describe('the rollup worker', () => {
  it('two workers at once: every response once, within seconds of being accepted', async () => {
    const stops = [rollupWorker.start(api.db), rollupWorker.start(api.db)];
    try {
      const months = [3, 1, 7, 3, 12, 5, 1, 9];
      await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          respond(api, centers[i % 3], {
            at: shanghai(`2012-${String(months[i % months.length]).padStart(2, '0')}-${10 + (i % 15)} 10:00`),
            score: i % 13 === 0 ? null : (i * 7) % 11,
            channel: i % 4 === 0 ? 'OFFLINE' : 'ONLINE',
          }),
        ),
      );
      const t0 = Date.now();
      expect(await waitFor(async () => (await rollupBacklog(api.db)) === 0, 5000)).toBe(true);
      expect(Date.now() - t0).toBeLessThan(5000 - ROLLUP_POLL_MS);
    } finally {
      await Promise.all(stops.map((stop) => stop()));
    }
    const rows = await monthRows();
    expect(rows.stored.length).toBeGreaterThan(10);
    expect(rows.stored).toEqual(rows.raw);
    expect(rows.running).toEqual(rows.rawRunning);
  });

  it('a batch whose transaction dies stays queued and is rolled up once, later', async () => {
    await respond(api, centers[0], { at: shanghai('2012-06-01 08:00'), score: 9 });
    await respond(api, centers[1], { at: shanghai('2012-02-01 08:00'), score: 4 });
    expect(await rollupBacklog(api.db)).toBe(2);
    // the crash: a worker takes the batch, rolls it up, and dies before committing
    await expect(
      api.db.transaction(async (em) => {
        const taken: { response_id: number }[] = await em.query(
          `WITH t AS (DELETE FROM satisfaction_rollup_queue RETURNING response_id) SELECT response_id FROM t`,
        );
        await rollUpResponses(
          em,
          taken.map((t) => t.response_id),
        );
        throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    expect(await rollupBacklog(api.db)).toBe(2);
    expect(await drainRollupQueue(api.db)).toBe(2);
    expect(await drainRollupQueue(api.db)).toBe(0);
    const rows = await monthRows();
    expect(rows.stored).toEqual(rows.raw);
    expect(rows.running).toEqual(rows.rawRunning);
  });
});
