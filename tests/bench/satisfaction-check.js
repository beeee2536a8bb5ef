// @ts-check
// Rollups = raw: the figures the API answers (from the rollup tables) against a direct computation
// over survey_response, for a random sample of centers, streets and districts and random periods
// (partial months, single days, whole months, periods running past the data). Every responses count
// must be equal and every average and rate equal within 1e-9; anything else is a MISMATCH.
// Also the API's own rawSatisfaction (api/dist) for each summary, and a freshness check: a paper
// response entered through the API (stored with its rollup update in one transaction) is in the
// figures at once.
'use strict';

const { Client } = require('pg');
const { Rng } = require('./prng');
const { post } = require('./http');

const TOLERANCE = 1e-9;

const SUMMARY = 'responses averageScore satisfiedRate';
const CENTER_QUERY = `query($c: ID!, $f: DateTime!, $t: DateTime!) { satisfaction(centerId: $c, from: $f, to: $t) { ${SUMMARY} } }`;
const REGION_QUERY = `query($r: ID!, $f: DateTime!, $t: DateTime!) { satisfactionReport(regionId: $r, from: $f, to: $t) {
  satisfiedThreshold summary { ${SUMMARY} } byMonth { month ${SUMMARY} } byChannel { channel ${SUMMARY} } } }`;

/** Shanghai midnight of a day, as an ISO instant. */
const at = (/** @type {string} */ day) => new Date(`${day}T00:00:00+08:00`).toISOString();
const addDays = (/** @type {string} */ day, /** @type {number} */ n) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** @param {{ responses: number, score_sum: number | null, scored: number, satisfied: number } | undefined} r */
function summarize(r) {
  if (!r || r.scored === 0) return { responses: r?.responses ?? 0, averageScore: null, satisfiedRate: null };
  return {
    responses: r.responses,
    averageScore: /** @type {number} */ (r.score_sum) / r.scored,
    satisfiedRate: r.satisfied / r.scored,
  };
}

/**
 * Direct computation over survey_response: total, by Shanghai month, by channel.
 * @param {Client} db @param {'center_id' | 'street_id' | 'district_id'} column @param {number} id
 * @param {string} from @param {string} to Shanghai days @param {number} threshold
 */
async function rawFigures(db, column, id, from, to, threshold) {
  const { rows } = await db.query(
    `SELECT GROUPING(m, channel) AS g, m, channel, count(*)::int AS responses, sum(score)::float8 AS score_sum,
            count(score)::int AS scored, (count(*) FILTER (WHERE score >= $4))::int AS satisfied
     FROM (SELECT to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m, channel, score
           FROM survey_response
           WHERE ${column} = $1 AND submitted_at >= $2::timestamptz AND submitted_at < $3::timestamptz) r
     GROUP BY GROUPING SETS ((), (m), (channel))`,
    [id, at(from), at(to), threshold],
  );
  const total = rows.find((r) => r.g === 3);
  return {
    summary: summarize(total ?? { responses: 0, score_sum: null, scored: 0, satisfied: 0 }),
    byMonth: new Map(rows.filter((r) => r.g === 1).map((r) => [r.m, summarize(r)])),
    byChannel: new Map(rows.filter((r) => r.g === 2).map((r) => [r.channel, summarize(r)])),
  };
}

/**
 * @param {{ url: string, gqlPort: number, tokenOf: (districtId: number) => string,
 *           startDay: string, endDay: string, centers: number, districts: number, streets: number,
 *           log: (m: string) => void }} o
 */
async function checkRollups(o) {
  const db = new Client({ connectionString: o.url, application_name: 'life-circle-bench-check' });
  await db.connect();
  /** @type {any} */
  let rawSatisfaction = null;
  try {
    rawSatisfaction = require('api/dist/modules/satisfaction/figures').rawSatisfaction;
  } catch {}
  const rawDb = {
    query: async (/** @type {string} */ sql, /** @type {unknown[]} */ p) => (await db.query(sql, p)).rows,
  };
  const stats = {
    summaries: 0,
    months: 0,
    channels: 0,
    figures: 0,
    rawSatisfaction: 0,
    exact: 0,
    maxAbsDiff: 0,
  };
  /** @type {any[]} */
  const mismatches = [];
  /** @type {any[]} */
  const samples = [];
  try {
    const rng = new Rng('satisfaction-check');
    const { rows: thresholds } = await db.query(
      `SELECT r.id, coalesce(s.satisfied_threshold, 8) AS t FROM region r LEFT JOIN district_setting s ON s.district_id = r.id
       WHERE r.level = 'DISTRICT'`,
    );
    const thresholdOf = new Map(thresholds.map((r) => [r.id, r.t]));
    const { rows: centerRows } = await db.query(`SELECT id, district_id FROM center ORDER BY id`);
    const { rows: streetRows } = await db.query(
      `SELECT id, district_id FROM region WHERE level = 'STREET' ORDER BY id`,
    );
    const days = Math.round((Date.parse(o.endDay) - Date.parse(o.startDay)) / 86_400_000);
    // periods: a few fixed shapes, then random ones (mostly with partial months at both ends)
    const fixed = [
      [o.startDay, o.endDay], // the whole data set, whole months
      [addDays(o.startDay, 100), addDays(o.startDay, 101)], // one day
      [addDays(o.endDay, -45), addDays(o.endDay, 30)], // past the end of the data
      [addDays(o.startDay, -10), addDays(o.startDay, 20)], // before the start
    ];
    let n = 0;
    const period = () => {
      const f = fixed[n++];
      if (f) return { from: f[0], to: f[1] };
      const from = addDays(o.startDay, rng.int(-20, days - 2));
      return { from, to: addDays(from, rng.int(1, 420)) };
    };

    /**
     * @param {string} what @param {any} api @param {any} raw
     */
    const compare = (what, api, raw) => {
      stats.figures++;
      const same =
        api !== undefined &&
        api.responses === raw.responses &&
        ['averageScore', 'satisfiedRate'].every((k) => {
          if (api[k] === null || raw[k] === null) return api[k] === raw[k];
          const d = Math.abs(api[k] - raw[k]);
          stats.maxAbsDiff = Math.max(stats.maxAbsDiff, d);
          return d <= TOLERANCE;
        });
      if (same && api.averageScore === raw.averageScore && api.satisfiedRate === raw.satisfiedRate)
        stats.exact++;
      if (!same) {
        mismatches.push({ what, api, raw });
        o.log(`MISMATCH ${what}: API ${JSON.stringify(api)} vs raw ${JSON.stringify(raw)}`);
      }
    };

    const query = async (
      /** @type {string} */ q,
      /** @type {any} */ variables,
      /** @type {string | undefined} */ token,
    ) => {
      const r = /** @type {any} */ (
        await post(
          o.gqlPort,
          '/graphql',
          JSON.stringify({ query: q, variables }),
          token ? { authorization: `Bearer ${token}` } : {},
        )
      );
      const body = JSON.parse(r.body);
      if (r.status !== 200 || body.errors) throw new Error(`API: HTTP ${r.status} ${r.body.slice(0, 300)}`);
      return body.data;
    };

    // centers: the public figures
    for (const c of rng.sample(centerRows, o.centers)) {
      const p = period();
      const threshold = thresholdOf.get(c.district_id) ?? 8;
      const data = await query(CENTER_QUERY, { c: String(c.id), f: at(p.from), t: at(p.to) });
      const raw = await rawFigures(db, 'center_id', c.id, p.from, p.to, threshold);
      const what = `center ${c.id} ${p.from}..${p.to}`;
      compare(what, data.satisfaction, raw.summary);
      stats.summaries++;
      if (rawSatisfaction) {
        const r2 = await rawSatisfaction(rawDb, { centerIds: [c.id] }, p.from, p.to, threshold);
        compare(`${what} (rawSatisfaction)`, r2, raw.summary);
        stats.rawSatisfaction++;
      }
      samples.push({ kind: 'center', id: c.id, ...p, responses: raw.summary.responses });
    }
    // districts and streets: the officials' report, with months and channels
    const regions = [
      ...rng.sample(
        thresholds.map((d) => ({ id: d.id, district_id: d.id, kind: 'district', column: 'district_id' })),
        o.districts,
      ),
      ...rng.sample(
        streetRows.map((s) => ({ ...s, kind: 'street', column: 'street_id' })),
        o.streets,
      ),
    ];
    for (const r of regions) {
      const p = period();
      const threshold = thresholdOf.get(r.district_id) ?? 8;
      const data = await query(
        REGION_QUERY,
        { r: String(r.id), f: at(p.from), t: at(p.to) },
        o.tokenOf(r.district_id),
      );
      const rep = data.satisfactionReport;
      const raw = await rawFigures(db, /** @type {any} */ (r.column), r.id, p.from, p.to, threshold);
      const what = `${r.kind} ${r.id} ${p.from}..${p.to}`;
      if (rep.satisfiedThreshold !== threshold) {
        mismatches.push({ what: `${what} threshold`, api: rep.satisfiedThreshold, raw: threshold });
        o.log(`MISMATCH ${what}: threshold ${rep.satisfiedThreshold} vs ${threshold}`);
      }
      compare(what, rep.summary, raw.summary);
      stats.summaries++;
      for (const m of rep.byMonth) {
        compare(`${what} month ${m.month}`, m, raw.byMonth.get(m.month) ?? summarize(undefined));
        stats.months++;
      }
      for (const [m] of raw.byMonth) {
        if (!rep.byMonth.some((x) => x.month === m)) {
          mismatches.push({ what: `${what} month ${m} missing from the API's byMonth` });
          o.log(`MISMATCH ${what}: month ${m} has responses but is not in byMonth`);
        }
      }
      for (const c of rep.byChannel) {
        compare(`${what} ${c.channel}`, c, raw.byChannel.get(c.channel) ?? summarize(undefined));
        stats.channels++;
      }
      if (rawSatisfaction) {
        const where = r.kind === 'district' ? { districtId: r.id } : { streetId: r.id };
        const r2 = await rawSatisfaction(rawDb, where, p.from, p.to, threshold);
        compare(`${what} (rawSatisfaction)`, r2, raw.summary);
        stats.rawSatisfaction++;
      }
      samples.push({
        kind: r.kind,
        id: r.id,
        ...p,
        responses: raw.summary.responses,
        months: rep.byMonth.length,
      });
    }
  } finally {
    await db.end();
  }
  return { ...stats, tolerance: TOLERANCE, mismatches, samples };
}

/**
 * Freshness, through the API as staff use it: the district admin types in one paper response
 * (`enterPaperResponses`: the response, its answers and its place in the rollup queue in one
 * transaction) and the center's public figures count it within 5 s (the rollup worker's promise),
 * read every 50 ms; they then equal the raw responses.
 * @param {{ url: string, gqlPort: number, tokenOf: (districtId: number) => string, log: (m: string) => void }} o
 */
async function checkFreshness(o) {
  const db = new Client({ connectionString: o.url, application_name: 'life-circle-bench-check' });
  await db.connect();
  try {
    const { rows: found } = await db.query(
      `SELECT s.id, s.center_id, s.district_id,
              (SELECT coalesce(s2.satisfied_threshold, 8) FROM region d LEFT JOIN district_setting s2 ON s2.district_id = d.id
               WHERE d.id = s.district_id) AS threshold,
              array_agg(q.id ORDER BY q.position) FILTER (WHERE q.kind = 'SCORE') AS questions
       FROM survey s JOIN survey_question q ON q.survey_id = s.id
       WHERE s.description LIKE '基准测试%' AND s.status = 'OPEN'
       GROUP BY s.id ORDER BY s.id LIMIT 1`,
    );
    const sv = found[0];
    if (!sv) return { skipped: 'no open bench survey' };
    const day = (/** @type {number} */ offset) =>
      new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
    const p = { from: day(-1), to: day(2) };
    const read = async () => {
      const r = /** @type {any} */ (
        await post(
          o.gqlPort,
          '/graphql',
          JSON.stringify({
            query: CENTER_QUERY,
            variables: { c: String(sv.center_id), f: at(p.from), t: at(p.to) },
          }),
        )
      );
      return JSON.parse(r.body).data.satisfaction;
    };
    const before = await read();
    const t0 = Date.now();
    const w = /** @type {any} */ (
      await post(
        o.gqlPort,
        '/graphql',
        JSON.stringify({
          query: `mutation($s: ID!, $r: [PaperResponseInput!]!) { enterPaperResponses(surveyId: $s, responses: $r) { id } }`,
          variables: {
            s: String(sv.id),
            r: [
              {
                idempotencyKey: `bench-freshness-${Date.now()}-${Math.random().toString(36).slice(2)}`,
                answers: sv.questions.map((/** @type {number} */ q, /** @type {number} */ i) => ({
                  questionId: String(q),
                  score: [9, 10, 8, 9][i % 4],
                })),
              },
            ],
          },
        }),
        { authorization: `Bearer ${o.tokenOf(sv.district_id)}` },
      )
    );
    const written = JSON.parse(w.body);
    if (w.status !== 200 || written.errors) {
      o.log(`MISMATCH freshness: enterPaperResponses failed: HTTP ${w.status} ${w.body.slice(0, 300)}`);
      return { ok: false, error: w.body.slice(0, 500) };
    }
    let after = await read();
    while (after.responses === before.responses && Date.now() - t0 < 5000) {
      await new Promise((r) => setTimeout(r, 50));
      after = await read();
    }
    const ms = Date.now() - t0;
    const raw = await rawFigures(db, 'center_id', sv.center_id, p.from, p.to, sv.threshold);
    const ok =
      after.responses === before.responses + 1 &&
      after.responses === raw.summary.responses &&
      after.averageScore === raw.summary.averageScore &&
      after.satisfiedRate === raw.summary.satisfiedRate;
    o.log(
      `freshness: center ${sv.center_id} had ${before.responses} responses from ${p.from} to ${p.to}, ` +
        `${after.responses} ${ms} ms after a paper response was entered (raw: ${raw.summary.responses}) — ` +
        `${ok ? 'in the figures within 5 s' : 'MISMATCH'}`,
    );
    return { centerId: sv.center_id, surveyId: sv.id, before, after, raw: raw.summary, ms, ok };
  } finally {
    await db.end();
  }
}

module.exports = { checkRollups, checkFreshness };
