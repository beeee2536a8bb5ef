// @ts-check
// The hand-written reference for the satisfaction dashboard: a plain node:http handler answering
// the bench's GraphQL request (satisfactionReport + centerRanking of a district over a period) with
// the same JSON, straight from the same rollup tables. Like the API it authenticates the bearer
// token, loads the viewer and checks the district's scope on every request, and caches nothing.
//
// Statements per request: the viewer; the district with its settings; then at once the district's
// centers and streets, the figures (one statement: the district's and its streets' own rows of
// satisfaction_region_month, and each center's running totals at the three month boundaries of the
// period and the previous one), the dimension figures and the evaluations of both periods. Like the
// dashboard it answers whole-month periods (the API also takes partial months, from day rollups).
'use strict';

const http = require('node:http');
const path = require('node:path');
const {
  DEFAULT_SATISFIED_THRESHOLD,
  DEFAULT_COMPLIANCE_TARGET,
  DEFAULT_SATISFACTION_WEIGHT,
  DIMENSIONS,
  RESPONSE_CHANNELS,
} = require('@lc/domain');

const jwt = require(
  require.resolve('jsonwebtoken', { paths: [path.dirname(require.resolve('api/package.json'))] }),
);

// ------------------------------------------------------------------------------------ periods
// Whole Shanghai calendar days, `from` included, `to` excluded (UTC+8, no daylight saving).

const shanghaiDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const utc = (/** @type {string} */ day) => new Date(`${day}T00:00:00Z`);
const iso = (/** @type {Date} */ d) => d.toISOString().slice(0, 10);
const addDays = (/** @type {string} */ day, /** @type {number} */ n) => {
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
};
const addMonths = (/** @type {string} */ day, /** @type {number} */ n) => {
  const d = utc(day);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1)));
};
const monthOf = (/** @type {string} */ day) => `${day.slice(0, 7)}-01`;
const clamp = (/** @type {string} */ d) =>
  d < '2000-01-01' ? '2000-01-01' : d > '2100-01-01' ? '2100-01-01' : d;

/** @param {string} from ISO instant @param {string} to ISO instant */
function periodOf(from, to) {
  const f = new Date(from);
  const t = new Date(to);
  if (!Number.isFinite(f.getTime()) || !Number.isFinite(t.getTime())) return null;
  const p = { from: clamp(shanghaiDay.format(f)), to: clamp(shanghaiDay.format(t)) };
  return p.from < p.to ? p : null;
}

/** @param {{ from: string, to: string }} p */
function previousPeriod(p) {
  const len = Math.round((utc(p.to).getTime() - utc(p.from).getTime()) / 86_400_000);
  return { from: addDays(p.from, -len), to: p.from };
}

/** @param {{ from: string, to: string }} p @returns {string[]} first days of the months touched */
function monthsOf(p) {
  const out = [];
  for (let m = monthOf(p.from); m < p.to; m = addMonths(m, 1)) out.push(m);
  return out;
}

// ------------------------------------------------------------------------------------ SQL

const VIEWER_SQL = `SELECT u.id, u.role, u.is_demo, r.level AS scope_level, r.id AS scope_id
  FROM app_user u LEFT JOIN region r ON r.id = u.scope_region_id
  WHERE u.id = $1 AND u.active`;

const REGION_SQL = `SELECT r.id, r.name, r.level, r.district_id,
         s.satisfied_threshold, s.compliance_target::float8 AS compliance_target,
         s.satisfaction_weight::float8 AS satisfaction_weight
  FROM region r LEFT JOIN district_setting s ON s.district_id = r.id
  WHERE r.id = $1`;

const PLACES_SQL = `SELECT 0 AS k, id, name, street_id FROM center WHERE district_id = $1
  UNION ALL
  SELECT 1, id, name, NULL FROM region WHERE parent_id = $1 AND level = 'STREET'
  ORDER BY 1, 2`;

const DIMENSIONS_SQL = `SELECT dimension, sum(answers)::int AS answers, sum(score_sum)::float8 AS score_sum
  FROM dimension_region_month
  WHERE region_id = $1 AND month >= date_trunc('month', $2::date)::date AND month < $3::date
  GROUP BY dimension`;

const EVALUATIONS_SQL = `SELECT center_id,
         avg(total) FILTER (WHERE evaluated_on >= $3::date)::float8 AS mean,
         (count(*) FILTER (WHERE evaluated_on >= $3::date))::int AS n,
         avg(total) FILTER (WHERE evaluated_on < $3::date)::float8 AS prev_mean,
         (count(*) FILTER (WHERE evaluated_on < $3::date))::int AS prev_n
  FROM evaluation
  WHERE district_id = $1 AND evaluated_on >= $2::date AND evaluated_on < $4::date
  GROUP BY center_id`;

/**
 * The figures of a whole-month period: the district's own rows (total, by month, by channel), its
 * streets' own rows, and every center's running totals at the month boundaries of the period and
 * the previous one (a center's figures over [a, b) = its total before b minus its total before a).
 * `satisfied` counts the buckets at and above the threshold.
 * @param {number} threshold integer 0–10
 * @param {{ from: string, to: string }} p @param {{ from: string, to: string }} prev
 */
function figuresSql(threshold, p, prev) {
  const satisfied = (/** @type {string} */ b) =>
    Array.from({ length: 11 - threshold }, (_, i) => `${b}[${threshold + 1 + i}]`).join(' + ') || '0';
  const sums = `sum(responses)::int AS responses, sum(score_sum)::float8 AS score_sum, sum(scored)::int AS scored,
                sum(${satisfied('buckets')})::int AS satisfied`;
  return {
    // $1: the district, set by the caller; the previous period's start need not be a month's
    // ($4..$5: its days before its first whole month)
    params: [
      0,
      p.from,
      p.to,
      prev.from,
      prev.from === monthOf(prev.from) ? prev.from : addMonths(prev.from, 1),
    ],
    sql: `SELECT 0 AS k, GROUPING(month, channel) AS g, month::text AS m, channel, NULL::int AS id, ${sums}
      FROM satisfaction_region_month WHERE region_id = $1 AND month >= $2::date AND month < $3::date
      GROUP BY GROUPING SETS ((), (month), (channel))
      UNION ALL
      SELECT 1, 0, NULL, NULL, region_id, ${sums}
      FROM satisfaction_region_month
      WHERE region_id IN (SELECT id FROM region WHERE parent_id = $1 AND level = 'STREET')
        AND month >= $2::date AND month < $3::date
      GROUP BY region_id
      UNION ALL
      SELECT 2, 0, b.at::text, NULL, c.id, r.responses, r.score_sum::float8, r.scored, ${satisfied('r.buckets')}
      FROM center c CROSS JOIN unnest(ARRAY[$5::date, $2::date, $3::date]) AS b(at)
      CROSS JOIN LATERAL (
        SELECT responses, score_sum, scored, buckets FROM satisfaction_center_running e
        WHERE e.center_id = c.id AND e.month < b.at ORDER BY e.month DESC LIMIT 1) r
      WHERE c.district_id = $1
      UNION ALL
      SELECT 3, 0, NULL, NULL, center_id, ${sums}
      FROM satisfaction_day WHERE district_id = $1 AND center_id <> 0 AND day >= $4::date AND day < $5::date
      GROUP BY center_id`,
  };
}

// ------------------------------------------------------------------------------------ figures

/** @typedef {{ responses: number, score_sum: number, scored: number, satisfied: number }} Tally */

/** @param {Tally | undefined} t */
function summarize(t) {
  if (!t || t.scored === 0) return { responses: t?.responses ?? 0, averageScore: null, satisfiedRate: null };
  return {
    responses: t.responses,
    averageScore: t.score_sum / t.scored,
    satisfiedRate: t.satisfied / t.scored,
  };
}

const round2 = (/** @type {number} */ v) => Math.round(v * 100) / 100;
const delta = (/** @type {number | null} */ now, /** @type {number | null} */ before) =>
  now === null || before === null ? null : round2(now - before);

/** @param {number} w @param {number | null} s @param {number | null} e */
function composite(w, s, e) {
  if (s === null) return e;
  if (e === null) return s;
  return w * s + (1 - w) * e;
}

/**
 * Competition ranks ("1224") by descending value; null values get no rank.
 * @template T @param {T[]} items @param {(t: T) => number | null} value
 */
function ranks(items, value) {
  const sorted = items
    .filter((t) => value(t) !== null)
    .sort((a, b) => /** @type {number} */ (value(b)) - /** @type {number} */ (value(a)));
  /** @type {Map<T, number | null>} */
  const out = new Map(items.map((t) => [t, null]));
  sorted.forEach((t, i) => {
    const prev = sorted[i - 1];
    out.set(t, i > 0 && value(prev) === value(t) ? (out.get(prev) ?? null) : i + 1);
  });
  return out;
}

/**
 * Scores and ranks of every center of the district for one period.
 * @param {{ id: number, name: string, street_id: number }[]} centers
 * @param {Map<number, Tally>} byCenter
 * @param {Map<number, { mean: number, n: number }>} evals
 * @param {number} weight
 */
function scoreCenters(centers, byCenter, evals, weight) {
  const scored = centers.map((center) => {
    const satisfaction = summarize(byCenter.get(center.id));
    const s = satisfaction.averageScore === null ? null : satisfaction.averageScore * 10;
    const e = evals.get(center.id);
    const c = composite(weight, s, e?.mean ?? null);
    return {
      center,
      satisfaction,
      satisfactionScore: s === null ? null : round2(s),
      evaluationScore: e ? round2(e.mean) : null,
      composite: c === null ? null : round2(c),
      /** @type {number | null} */ streetRank: null,
      /** @type {number | null} */ districtRank: null,
    };
  });
  const inDistrict = ranks(scored, (x) => x.composite);
  /** @type {Map<number, typeof scored>} */
  const byStreet = new Map();
  for (const x of scored) {
    const list = byStreet.get(x.center.street_id);
    if (list) list.push(x);
    else byStreet.set(x.center.street_id, [x]);
  }
  for (const list of byStreet.values()) {
    const r = ranks(list, (x) => x.composite);
    for (const x of list) x.streetRank = r.get(x) ?? null;
  }
  for (const x of scored) x.districtRank = inDistrict.get(x) ?? null;
  return new Map(scored.map((x) => [x.center.id, x]));
}

class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * The response's `data` for one request.
 * @param {import('pg').Pool} pool
 * @param {string | undefined} authorization
 * @param {{ regionId: string, from: string, to: string }} v
 * @param {string} secret the API's JWT_SECRET
 */
async function dashboard(pool, authorization, v, secret = /** @type {string} */ (process.env.JWT_SECRET)) {
  // the viewer
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!m) throw new HttpError(401, 'unauthenticated');
  /** @type {any} */
  let claims;
  try {
    claims = jwt.verify(m[1].trim(), secret, {
      algorithms: ['HS256'],
      issuer: 'life-circle',
    });
  } catch {
    throw new HttpError(401, 'unauthenticated');
  }
  const userId = Number(claims.sub);
  const { rows: users } = await pool.query(VIEWER_SQL, [userId]);
  const u = users[0];
  if (!u || (u.is_demo && process.env.NODE_ENV === 'production')) throw new HttpError(401, 'unauthenticated');
  const viewerDistrict = u.scope_level === 'DISTRICT' ? u.scope_id : null;

  // the district, its settings, the scope
  const regionId = Number(v.regionId);
  const period = periodOf(v.from, v.to);
  if (!Number.isInteger(regionId) || !period) throw new HttpError(400, 'bad request');
  if (period.from !== monthOf(period.from) || period.to !== monthOf(period.to))
    throw new HttpError(400, 'the baseline answers whole months only');
  const { rows: regions } = await pool.query(REGION_SQL, [regionId]);
  const region = regions[0];
  if (!region) throw new HttpError(404, 'region not found');
  if (region.level !== 'DISTRICT') throw new HttpError(400, 'the baseline answers districts only');
  if (!((u.role === 'DISTRICT_ADMIN' || u.role === 'EVALUATOR') && viewerDistrict === region.district_id))
    throw new HttpError(403, 'forbidden');
  const threshold = region.satisfied_threshold ?? DEFAULT_SATISFIED_THRESHOLD;
  const target = region.compliance_target ?? DEFAULT_COMPLIANCE_TARGET;
  const weight = region.satisfaction_weight ?? DEFAULT_SATISFACTION_WEIGHT;
  const prev = previousPeriod(period);

  const figures = figuresSql(threshold, period, prev);
  figures.params[0] = regionId;
  const [places, tallies, dims, evals] = await Promise.all([
    pool.query(PLACES_SQL, [regionId]),
    pool.query(figures.sql, figures.params),
    pool.query(DIMENSIONS_SQL, [regionId, period.from, period.to]),
    pool.query(EVALUATIONS_SQL, [regionId, prev.from, period.from, period.to]),
  ]);

  /** @type {{ id: number, name: string, street_id: number }[]} */
  const centers = [];
  /** @type {{ id: number, name: string }[]} */
  const streets = [];
  for (const r of places.rows) (r.k === 0 ? centers : streets).push(r);

  /** @type {Tally | undefined} */
  let total;
  /** @type {Map<string, Tally>} */ const byMonth = new Map();
  /** @type {Map<string, Tally>} */ const byChannel = new Map();
  /** @type {Map<number, Tally>} */ const byStreet = new Map();
  /** @type {Map<string, Tally>} */ const running = new Map();
  /** @type {Map<number, Tally>} */ const prevDays = new Map();
  for (const r of tallies.rows) {
    if (r.k === 0) {
      if (r.g === 3) total = r;
      else if (r.g === 1) byMonth.set(r.m, r);
      else byChannel.set(r.channel, r);
    } else if (r.k === 1) byStreet.set(r.id, r);
    else if (r.k === 2) running.set(`${r.id}|${r.m}`, r);
    else prevDays.set(r.id, r);
  }
  /** a center's tally between two boundaries of `running` (plus extra days) */
  const between = (
    /** @type {number} */ id,
    /** @type {string} */ a,
    /** @type {string} */ b,
    /** @type {Tally | undefined} */ extra,
  ) => {
    const end = running.get(`${id}|${b}`);
    const start = running.get(`${id}|${a}`);
    if (!end && !extra) return undefined;
    /** @type {Tally} */
    const t = { responses: 0, score_sum: 0, scored: 0, satisfied: 0 };
    for (const [x, sign] of /** @type {[Tally | undefined, number][]} */ ([
      [end, 1],
      [start, -1],
      [extra, 1],
    ])) {
      if (!x) continue;
      t.responses += sign * x.responses;
      t.score_sum += sign * x.score_sum;
      t.scored += sign * x.scored;
      t.satisfied += sign * x.satisfied;
    }
    return t.responses ? t : undefined;
  };
  const firstWholePrev = figures.params[4];
  /** @type {Map<number, Tally>} */ const byCenter = new Map();
  /** @type {Map<number, Tally>} */ const prevByCenter = new Map();
  for (const c of centers) {
    const now = between(c.id, period.from, period.to, undefined);
    if (now) byCenter.set(c.id, now);
    const before = between(c.id, firstWholePrev, period.from, prevDays.get(c.id));
    if (before) prevByCenter.set(c.id, before);
  }
  /** @type {Map<number, { mean: number, n: number }>} */
  const evalNow = new Map();
  /** @type {Map<number, { mean: number, n: number }>} */
  const evalBefore = new Map();
  for (const r of evals.rows) {
    if (r.n > 0) evalNow.set(r.center_id, { mean: r.mean, n: r.n });
    if (r.prev_n > 0) evalBefore.set(r.center_id, { mean: r.prev_mean, n: r.prev_n });
  }

  // compliance: centers with a scored response whose satisfied rate meets the target
  let assessed = 0;
  let compliant = 0;
  for (const c of centers) {
    const s = summarize(byCenter.get(c.id));
    if (s.satisfiedRate === null) continue;
    assessed += 1;
    if (s.satisfiedRate >= target - 1e-9) compliant += 1;
  }
  const thisMonth = monthOf(shanghaiDay.format(new Date()));
  const months = monthsOf(period).filter((x) => x <= thisMonth);

  const now = scoreCenters(centers, byCenter, evalNow, weight);
  const before = scoreCenters(centers, prevByCenter, evalBefore, weight);
  const ranking = centers
    .map((center) => {
      const x = /** @type {any} */ (now.get(center.id));
      const p = /** @type {any} */ (before.get(center.id));
      return {
        center: { id: String(center.id), name: center.name },
        satisfaction: x.satisfaction,
        satisfactionScore: x.satisfactionScore,
        evaluationScore: x.evaluationScore,
        composite: x.composite,
        streetRank: x.streetRank,
        districtRank: x.districtRank,
        compositeChange: delta(x.composite, p.composite),
        districtRankChange: delta(p.districtRank, x.districtRank),
        _id: center.id,
      };
    })
    .sort(
      (a, b) =>
        (a.districtRank ?? Number.MAX_SAFE_INTEGER) - (b.districtRank ?? Number.MAX_SAFE_INTEGER) ||
        a._id - b._id,
    );
  for (const r of ranking) delete (/** @type {any} */ (r)._id);

  const dimOf = new Map(dims.rows.map((d) => [d.dimension, d]));
  return {
    satisfactionReport: {
      from: period.from,
      to: period.to,
      satisfiedThreshold: threshold,
      complianceTarget: target,
      summary: summarize(total),
      byMonth: months.map((mm) => ({ month: mm.slice(0, 7), ...summarize(byMonth.get(mm)) })),
      byChannel: RESPONSE_CHANNELS.map((channel) => ({ channel, ...summarize(byChannel.get(channel)) })),
      byDimension: DIMENSIONS.map((dimension) => {
        const d = dimOf.get(dimension);
        return {
          dimension,
          answers: d?.answers ?? 0,
          averageScore: d && d.answers > 0 ? d.score_sum / d.answers : null,
        };
      }),
      complianceRate: assessed ? compliant / assessed : null,
      compliantCenters: compliant,
      assessedCenters: assessed,
      children: streets.map((s) => ({
        region: { id: String(s.id), name: s.name },
        summary: summarize(byStreet.get(s.id)),
      })),
    },
    centerRanking: ranking,
  };
}

/**
 * An HTTP server answering POST bodies of the GraphQL request shape ({ variables: { regionId, from, to } }).
 * @param {import('pg').Pool} pool
 */
function createBaselineServer(pool) {
  return http.createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const send = (/** @type {number} */ status, /** @type {string} */ body) => {
        res.writeHead(status, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      };
      let v;
      try {
        v = JSON.parse(Buffer.concat(chunks).toString('utf8')).variables;
        if (typeof v.regionId !== 'string' || typeof v.from !== 'string' || typeof v.to !== 'string')
          throw new Error('bad variables');
      } catch {
        send(400, '{"errors":[{"message":"bad request"}]}');
        return;
      }
      try {
        send(200, JSON.stringify({ data: await dashboard(pool, req.headers.authorization, v) }));
      } catch (err) {
        const status = err instanceof HttpError ? err.status : 500;
        send(status, JSON.stringify({ errors: [{ message: String(err) }] }));
      }
    });
  });
}

module.exports = { createBaselineServer, dashboard, figuresSql, periodOf, previousPeriod, monthsOf };
