// @ts-check
// Survey intake (`BENCH_ONLY=intake`): residents answering surveys through the real API
// (submitSurveyResponse, signed in, 32 requests in flight) against plain inserts of a response and
// its answers (a node:http handler: BEGIN, two INSERTs, COMMIT) on the same machine and pool size,
// alternated, for one center (50 surveys of one center) and spread over a district (50 surveys of
// 50 of its centers). Then: nothing lost, nothing doubled, retries return the first response; the
// rollup worker's lag (oldest queued response) during the load; a crash — the API killed mid-load
// and started again — after which the rollups equal a direct computation over the raw responses.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { randomBytes } = require('node:crypto');
// the API's own jsonwebtoken (tests does not depend on it)
const jwt = require(
  require.resolve('jsonwebtoken', { paths: [path.dirname(require.resolve('api/package.json'))] }),
);
const { Client } = require('pg');
const { generateShanghai, summarize } = require('./shanghai');
const { openBenchDatabase, loadBenchData, REPO_ROOT } = require('./db');
const { runAutocannon } = require('./load');
const { post } = require('./http');
const { startTargets } = require('./targets');
const { cleanupStack } = require('./cleanup');
const { machineInfo, warnIfBusy } = require('./machine');

const num = (/** @type {string} */ name, /** @type {number} */ d) => Number(process.env[name] || d);
const cfg = {
  seconds: num('BENCH_INTAKE_SECONDS', 8),
  rounds: num('BENCH_ROUNDS', 2),
  connections: num('BENCH_INTAKE_CONNECTIONS', 32),
  residents: num('BENCH_INTAKE_RESIDENTS', 600),
  surveys: 50,
  poolMax: num('BENCH_POOL_MAX', num('DB_POOL_MAX', 10)),
  nodeEnv: process.env.BENCH_NODE_ENV || 'production',
  outDir: process.env.BENCH_OUT || path.join(REPO_ROOT, 'bench-results'),
};
const TARGET_RPS = 1000;
const TARGET_RATIO = 0.7;
const TARGET_LAG_S = 5;

const log = (/** @type {string} */ m) => console.log(`[intake] ${m}`);
const f0 = (/** @type {number} */ x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const f2 = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const mean = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

const SUBMIT =
  'mutation($input: SurveyResponseInput!) { submitSurveyResponse(input: $input) { id submittedAt score } }';
const okSubmit = (/** @type {string} */ b) => b.startsWith('{"data":{"submitSurveyResponse":{"id":');
const okPlain = (/** @type {string} */ b) => b.startsWith('{"id":');

/** Surveys (OPEN, 4 scored questions counting toward dimensions + free text) and residents. */
async function setUp(/** @type {string} */ url) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const [district] = (
      await db.query(
        `SELECT district_id AS id, count(*)::int AS n FROM center GROUP BY 1 HAVING count(*) >= 60 ORDER BY 2 LIMIT 1`,
      )
    ).rows;
    const centers = (
      await db.query(
        `SELECT id, street_id, district_id FROM center WHERE district_id = $1 ORDER BY id LIMIT 50`,
        [district.id],
      )
    ).rows;
    const dims = ['RESIDENT_PERCEPTION', 'SERVICE_PROFESSIONALISM', 'SITE_RECOGNITION', 'SOCIAL_VISIBILITY'];
    /** @param {any} c @param {string} title */
    const survey = async (c, title) => {
      const { rows } = await db.query(
        `INSERT INTO survey (title, scope_kind, center_id, district_id, street_id, status, anonymous)
         VALUES ($1, 'CENTER', $2, $3, $4, 'OPEN', $5) RETURNING id`,
        [title, c.id, c.district_id, c.street_id, title.length % 2 === 0],
      );
      const id = rows[0].id;
      const q = (
        await db.query(
          `INSERT INTO survey_question (survey_id, position, kind, text, required, dimension)
           SELECT $1, n, CASE WHEN n <= 4 THEN 'SCORE' ELSE 'TEXT' END, '问题 ' || n, n <= 4, d
           FROM unnest($2::text[]) WITH ORDINALITY AS u(d, n) ORDER BY n RETURNING id, kind`,
          [id, [...dims, null]],
        )
      ).rows;
      return { id, questions: q.map((x) => ({ id: x.id, kind: x.kind })) };
    };
    const oneCenter = [];
    for (let i = 0; i < cfg.surveys; i++)
      oneCenter.push(await survey(centers[0], `压测问卷 单中心 ${i + 1}`));
    const spread = [];
    for (let i = 0; i < cfg.surveys; i++) spread.push(await survey(centers[i], `压测问卷 分散 ${i + 1}`));
    // the plain-insert yardstick writes to copies of the two tables (same columns, indexes, checks
    // and the foreign keys it fills), so the rollups = raw comparison reads only API responses
    await db.query(`
      CREATE TABLE bench_plain_response (LIKE survey_response INCLUDING ALL);
      ALTER TABLE bench_plain_response ADD FOREIGN KEY (survey_id) REFERENCES survey(id),
        ADD FOREIGN KEY (center_id) REFERENCES center(id), ADD FOREIGN KEY (street_id) REFERENCES region(id),
        ADD FOREIGN KEY (district_id) REFERENCES region(id);
      CREATE TABLE bench_plain_answer (LIKE survey_answer INCLUDING ALL);
      ALTER TABLE bench_plain_answer ADD FOREIGN KEY (response_id) REFERENCES bench_plain_response(id) ON DELETE CASCADE,
        ADD FOREIGN KEY (question_id) REFERENCES survey_question(id);`);
    const residents = (
      await db.query(
        `INSERT INTO app_user (username, display_name, role, password_hash)
         SELECT 'bench_resident_' || n, '居民' || n, 'RESIDENT', 'x' FROM generate_series(1, $1) n RETURNING id`,
        [cfg.residents],
      )
    ).rows.map((r) => r.id);
    return { district: district.id, centers, oneCenter, spread, residents };
  } finally {
    await db.end();
  }
}

/** One submitSurveyResponse body per (resident, survey), residents varying fastest. */
function submitBodies(/** @type {any[]} */ surveys, /** @type {Map<number, string>} */ tokens, tag) {
  /** @type {{ body: Buffer, headers: Record<string, string> }[]} */
  const out = [];
  let n = 0;
  for (const s of surveys)
    for (const [resident, token] of tokens) {
      n++;
      const answers = s.questions.map((/** @type {any} */ q, /** @type {number} */ i) =>
        q.kind === 'SCORE'
          ? { questionId: String(q.id), score: (resident * 7 + s.id * 3 + i * 5) % 11 }
          : { questionId: String(q.id), text: n % 5 === 0 ? '排队时间有点长' : null },
      );
      out.push({
        body: Buffer.from(
          JSON.stringify({
            query: SUBMIT,
            variables: {
              input: { surveyId: String(s.id), idempotencyKey: `${tag}-${resident}-${s.id}`, answers },
            },
          }),
        ),
        headers: { authorization: `Bearer ${token}` },
      });
    }
  // interleave surveys so concurrent requests hit different surveys (as residents do)
  const per = tokens.size;
  const mixed = [];
  for (let r = 0; r < per; r++) for (let s = 0; s < surveys.length; s++) mixed.push(out[s * per + r]);
  return mixed;
}

/** Rollup rows that differ from a direct computation over every raw response (both directions). */
async function rollupMismatches(/** @type {Client} */ db) {
  const sums = `count(*)::int, coalesce(sum(score), 0)::numeric, count(score)::int,
    ARRAY[${Array.from({ length: 11 }, (_, k) => `count(score) FILTER (WHERE least(10, floor(score)) = ${k})`).join(', ')}]::int[]`;
  const local = `(submitted_at AT TIME ZONE 'Asia/Shanghai')`;
  const checks = {
    satisfaction_month: [
      `SELECT center_id, street_id, month, channel, responses, score_sum, scored, buckets FROM satisfaction_month`,
      `SELECT coalesce(center_id, 0), coalesce(street_id, 0), date_trunc('month', ${local})::date, channel, ${sums}
       FROM survey_response GROUP BY 1, 2, 3, 4`,
    ],
    satisfaction_day: [
      `SELECT center_id, street_id, day, channel, responses, score_sum, scored, buckets FROM satisfaction_day`,
      `SELECT coalesce(center_id, 0), coalesce(street_id, 0), date_trunc('day', ${local})::date, channel, ${sums}
       FROM survey_response GROUP BY 1, 2, 3, 4`,
    ],
    satisfaction_region_month: [
      `SELECT region_id, month, channel, responses, score_sum, scored, buckets FROM satisfaction_region_month`,
      `SELECT g, date_trunc('month', ${local})::date, channel, ${sums}
       FROM survey_response CROSS JOIN LATERAL unnest(array_remove(ARRAY[district_id, coalesce(street_id, 0)], 0)) g
       GROUP BY 1, 2, 3`,
    ],
    satisfaction_center_running: [
      `SELECT center_id, month, responses, score_sum, scored FROM satisfaction_center_running`,
      `SELECT m.center_id, m.month, (SELECT count(*)::int FROM survey_response r WHERE r.center_id = m.center_id
                AND date_trunc('month', r.submitted_at AT TIME ZONE 'Asia/Shanghai') <= m.month),
              (SELECT coalesce(sum(score), 0)::numeric FROM survey_response r WHERE r.center_id = m.center_id
                AND date_trunc('month', r.submitted_at AT TIME ZONE 'Asia/Shanghai') <= m.month),
              (SELECT count(score)::int FROM survey_response r WHERE r.center_id = m.center_id
                AND date_trunc('month', r.submitted_at AT TIME ZONE 'Asia/Shanghai') <= m.month)
       FROM (SELECT DISTINCT center_id, date_trunc('month', ${local})::date AS month FROM survey_response
             WHERE center_id IS NOT NULL) m`,
    ],
    dimension_region_month: [
      `SELECT region_id, month, dimension, answers, score_sum FROM dimension_region_month`,
      `SELECT g, date_trunc('month', r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date, q.dimension, count(*)::int, sum(a.score)::numeric
       FROM survey_answer a JOIN survey_response r ON r.id = a.response_id JOIN survey_question q ON q.id = a.question_id
       CROSS JOIN LATERAL unnest(array_remove(ARRAY[r.district_id, coalesce(r.street_id, 0)], 0)) g
       WHERE q.dimension IS NOT NULL AND a.score IS NOT NULL GROUP BY 1, 2, 3`,
    ],
  };
  /** @type {Record<string, { rows: number, extra: number, missing: number }>} */
  const out = {};
  for (const [table, [stored, direct]] of Object.entries(checks)) {
    const { rows } = await db.query(
      `SELECT (SELECT count(*) FROM (${stored}) s)::int AS rows,
              (SELECT count(*) FROM ((${stored}) EXCEPT ALL (${direct})) x)::int AS extra,
              (SELECT count(*) FROM ((${direct}) EXCEPT ALL (${stored})) x)::int AS missing`,
    );
    out[table] = rows[0];
  }
  return out;
}

async function intakeBench() {
  const started = performance.now();
  /** @type {any} */
  const report = {
    benchmark: 'survey intake',
    startedAt: new Date().toISOString(),
    config: cfg,
    machine: machineInfo(),
  };
  warnIfBusy(log, 'API/plain-insert');
  const cleanups = cleanupStack('[intake]');
  try {
    const data = generateShanghai();
    const db = await openBenchDatabase();
    cleanups.push(() => db.stop());
    await loadBenchData(db.url, data);
    report.data = summarize(data);
    const setup = await setUp(db.url);
    log(
      `${cfg.surveys} surveys of one center and ${cfg.surveys} surveys of ${cfg.surveys} centers of district ${setup.district}, ` +
        `${cfg.residents} residents`,
    );
    const jwtSecret = randomBytes(32).toString('hex');
    // signed as the API signs (auth/token.ts), with the secret given to the server process
    const tokens = new Map(
      setup.residents.map((/** @type {number} */ id) => [
        id,
        jwt.sign({ role: 'RESIDENT' }, jwtSecret, {
          subject: String(id),
          expiresIn: '12h',
          algorithm: 'HS256',
          issuer: 'life-circle',
        }),
      ]),
    );
    const check = new Client({ connectionString: db.url });
    await check.connect();
    cleanups.push(() => check.end());
    const rowCount = async (/** @type {string} */ target = 'api') =>
      (
        await check.query(
          target === 'api'
            ? `SELECT count(*)::int AS n FROM survey_response WHERE survey_id IN (SELECT id FROM survey WHERE title LIKE '压测问卷%')`
            : `SELECT count(*)::int AS n FROM bench_plain_response`,
        )
      ).rows[0].n;

    const start = () =>
      startTargets(db.url, {
        poolMax: cfg.poolMax,
        nodeEnv: cfg.nodeEnv,
        jwtSecret,
        baseline: 'intake-plain',
      });
    let targets = start();
    const stopTargets = async () => targets.stop();
    cleanups.push(stopTargets);
    let ready = await targets.ready;

    /** the rollup worker's lag while a run goes on: age of the oldest queued response, sampled */
    const lagSampler = () => {
      let max = 0;
      let stop = false;
      const done = (async () => {
        while (!stop) {
          const { rows } = await check.query(
            `SELECT coalesce(extract(epoch FROM now() - min(queued_at)), 0)::float8 AS lag FROM satisfaction_rollup_queue`,
          );
          max = Math.max(max, rows[0].lag);
          await new Promise((r) => setTimeout(r, 200));
        }
      })();
      return async () => {
        stop = true;
        await done;
        return max;
      };
    };
    const backlogDrained = async (/** @type {number} */ timeoutMs) => {
      const t = performance.now();
      for (;;) {
        const { rows } = await check.query(`SELECT count(*)::int AS n FROM satisfaction_rollup_queue`);
        if (rows[0].n === 0) return performance.now() - t;
        if (performance.now() - t > timeoutMs) return NaN;
        await new Promise((r) => setTimeout(r, 50));
      }
    };

    const scenarios = {
      'one center': submitBodies(setup.oneCenter, tokens, 'one'),
      'spread over a district': submitBodies(setup.spread, tokens, 'spread'),
    };
    /** @type {Record<string, number>} next unused body per scenario (each response is sent once) */
    const cursor = { 'one center': 0, 'spread over a district': 0 };
    /** @type {any[]} */
    const runs = [];
    for (let r = 0; r < cfg.rounds; r++) {
      for (const [scenario, bodies] of Object.entries(scenarios)) {
        const order = r % 2 === 0 ? ['api', 'plain'] : ['plain', 'api'];
        for (const target of order) {
          const before = await rowCount(target);
          const t0 = performance.now();
          const sampler = target === 'api' ? lagSampler() : null;
          const offset = cursor[scenario];
          const res = await runAutocannon({
            port: target === 'api' ? ready.gqlPort : ready.basePort,
            path: target === 'api' ? '/graphql' : '/',
            bodies: target === 'api' ? bodies : bodies.map((b) => b.body),
            connections: cfg.connections,
            seconds: cfg.seconds,
            offset,
            ok: target === 'api' ? okSubmit : okPlain,
          });
          const seconds = (performance.now() - t0) / 1000;
          const lag = sampler ? await sampler() : NaN;
          const drainedMs = target === 'api' ? await backlogDrained(60000) : NaN;
          // requests cut off at the end may have been stored: never send those keys again
          if (target === 'api') cursor[scenario] += res.ok + res.non2xx + res.errors + 2 * cfg.connections;
          const added = (await rowCount(target)) - before;
          // a 200 with a GraphQL error is not accepted
          const accepted = res.ok - res.mismatches;
          const run = {
            round: r + 1,
            scenario,
            target,
            accepted,
            rowsAdded: added,
            rps: accepted / res.seconds,
            failed: res.non2xx + res.errors + res.timeouts + res.mismatches,
            p50: res.latency.p50,
            p99: res.latency.p99,
            maxLagS: lag,
            drainedAfterMs: drainedMs,
            seconds,
          };
          runs.push(run);
          if (run.failed && target === 'api') {
            const b = bodies[offset];
            const r = /** @type {any} */ (
              await post(ready.gqlPort, '/graphql', b.body.toString('utf8'), b.headers)
            );
            log(`a failed request answers: HTTP ${r.status} ${r.body.slice(0, 300)}`);
          }
          log(
            `round ${r + 1} ${scenario.padEnd(22)} ${target.padEnd(5)} ${f0(run.rps)} accepted/s, p50 ${res.latency.p50} ms, p99 ${res.latency.p99} ms` +
              `, rows +${added} for ${accepted} accepted${run.failed ? `, ${run.failed} FAILED` : ''}` +
              (target === 'api'
                ? `, rollup lag max ${f2(lag)} s, queue empty ${f0(drainedMs)} ms after the load`
                : ''),
          );
        }
      }
    }
    report.runs = runs;

    // retries: the same keys again return the first responses and add nothing (after the requests
    // cut off at the end of the last run have finished)
    await new Promise((r) => setTimeout(r, 5000));
    const before = await rowCount();
    const sample = scenarios['one center'].slice(0, 200);
    let sameIds = 0;
    for (const b of sample) {
      const a1 = await post(ready.gqlPort, '/graphql', b.body.toString('utf8'), b.headers);
      const a2 = await post(ready.gqlPort, '/graphql', b.body.toString('utf8'), b.headers);
      const id1 = JSON.parse(a1.body).data?.submitSurveyResponse?.id;
      if (id1 && id1 === JSON.parse(a2.body).data?.submitSurveyResponse?.id) sameIds++;
    }
    const retriesAdded = (await rowCount()) - before;
    report.retries = { sent: sample.length * 2, sameResponse: sameIds, rowsAdded: retriesAdded };
    log(
      `retries: ${sameIds}/${sample.length} keys answered with the first response twice, rows +${retriesAdded}`,
    );

    // a crash between accepting and rolling up: kill the API mid-load, start it again
    // pairs never sent before: the rest of the spread scenario's
    const crashBodies = scenarios['spread over a district'].slice(cursor['spread over a district']);
    const beforeCrash = await rowCount();
    const load = runAutocannon({
      port: ready.gqlPort,
      path: '/graphql',
      bodies: crashBodies,
      connections: cfg.connections,
      seconds: 6,
      ok: okSubmit,
    });
    await new Promise((r) => setTimeout(r, 3000));
    const queuedAtKill = (await check.query(`SELECT count(*)::int AS n FROM satisfaction_rollup_queue`))
      .rows[0].n;
    targets.child.kill('SIGKILL');
    const crashRun = await load;
    await targets.ready.catch(() => undefined);
    targets = start();
    ready = await targets.ready;
    const recoveredMs = await backlogDrained(60000);
    const crashRows = (await rowCount()) - beforeCrash;
    const crashAccepted = crashRun.ok - crashRun.mismatches;
    const mismatches = await rollupMismatches(check);
    const bad = Object.values(mismatches).reduce((a, m) => a + m.extra + m.missing, 0);
    report.crash = {
      acceptedBeforeKill: crashAccepted,
      rowsAdded: crashRows,
      queuedAtKill,
      queueEmptyAfterRestartMs: recoveredMs,
      rollupsEqualRaw: bad === 0,
      mismatches,
    };
    log(
      `crash: API killed 3 s into the load with ${queuedAtKill} responses queued; ${crashAccepted} accepted before, ${crashRows} rows stored; ` +
        `after the restart the queue was empty in ${f0(recoveredMs)} ms; rollups ${bad === 0 ? 'EQUAL' : 'DIFFER FROM'} a direct computation ` +
        `(${Object.entries(mismatches)
          .map(
            ([t, m]) =>
              `${t} ${m.rows} rows${m.extra + m.missing ? ` (${m.extra} extra, ${m.missing} missing)` : ''}`,
          )
          .join(', ')})`,
    );
    if (bad) process.exitCode = 1;

    // summary
    /** @type {any[]} */
    const checks = [];
    const summary = {};
    for (const scenario of Object.keys(scenarios)) {
      const api = runs.filter((x) => x.scenario === scenario && x.target === 'api');
      const plain = runs.filter((x) => x.scenario === scenario && x.target === 'plain');
      const a = mean(api.map((x) => x.rps));
      const p = mean(plain.map((x) => x.rps));
      const lag = Math.max(...api.map((x) => x.maxLagS));
      // rows beyond the accepted: requests cut off at the end of a run (stored, answer never read)
      const lost = api.reduce((s, x) => s + Math.min(0, x.rowsAdded - x.accepted), 0);
      const cut = api.reduce((s, x) => s + Math.max(0, x.rowsAdded - x.accepted), 0);
      summary[scenario] = {
        api: a,
        plain: p,
        ratio: a / p,
        maxLagS: lag,
        rowsMinusAccepted: lost,
        apiPerRound: api.map((x) => Math.round(x.rps)),
        plainPerRound: plain.map((x) => Math.round(x.rps)),
      };
      checks.push({
        name: `accepted responses/s, ${scenario}`,
        target: `≥ ${f0(TARGET_RPS)}/s or ≥ ${TARGET_RATIO}× plain inserts`,
        value: `${f0(a)}/s = ${f2(a / p)}× plain (${f0(p)}/s)`,
        pass: (a >= TARGET_RPS || a / p >= TARGET_RATIO) && api.every((x) => x.failed === 0),
      });
      checks.push({
        name: `every accepted response stored, ${scenario}`,
        target: `rows ≥ accepted (≤ ${cfg.connections} more per run: cut off at its end)`,
        value: `${lost === 0 ? 'none lost' : `${-lost} LOST`}; ${cut} rows of requests cut off`,
        pass: lost === 0 && api.every((x) => x.rowsAdded - x.accepted <= cfg.connections),
      });
      checks.push({
        name: `figures include a response within, ${scenario}`,
        target: `≤ ${TARGET_LAG_S} s`,
        value: `${f2(lag)} s (oldest queued response, sampled every 0.2 s)`,
        pass: lag <= TARGET_LAG_S,
      });
    }
    checks.push({
      name: 'retries with the same key',
      target: 'first response, nothing added',
      value: `${sameIds}/${sample.length} same, rows +${retriesAdded}`,
      pass: sameIds === sample.length && retriesAdded === 0,
    });
    checks.push({
      name: 'rollups = raw after killing the API mid-load',
      target: 'equal',
      value: bad === 0 ? `equal (${queuedAtKill} queued at the kill)` : `${bad} rows differ`,
      pass: bad === 0 && crashRows >= crashAccepted,
    });
    report.summary = summary;
    report.checks = checks;
    report.machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
    const verdict = (/** @type {any} */ c) => (c.pass ? 'PASS' : 'MISSED');
    const md = [
      `### Survey intake (\`BENCH_ONLY=intake pnpm bench\`)`,
      '',
      `${cfg.residents} residents answering ${cfg.surveys} surveys (4 scored questions and a free text each), ` +
        `${cfg.connections} requests in flight, ${cfg.rounds} rounds × ${cfg.seconds} s per target and scenario, alternated; ` +
        `API (submitSurveyResponse, signed in, NODE_ENV=${cfg.nodeEnv}, rollup worker running) against plain inserts ` +
        `(node:http, BEGIN + response + answers + COMMIT), pool ${cfg.poolMax} each.`,
      '',
      `| scenario | API accepted/s | plain inserts/s | API / plain | rollup lag (max) |`,
      `|---|---:|---:|---:|---:|`,
      ...Object.entries(summary).map(
        ([s, v]) =>
          `| ${s} | ${f0(v.api)} (${v.apiPerRound.join(', ')}) | ${f0(v.plain)} (${v.plainPerRound.join(', ')}) | ${f2(v.ratio)}× | ${f2(v.maxLagS)} s |`,
      ),
      '',
      `| target | wanted | measured | result |`,
      `|---|---|---|---|`,
      ...checks.map((c) => `| ${c.name} | ${c.target} | ${c.value} | ${verdict(c)} |`),
      '',
      `${report.machine.cpus} CPUs, 1-minute load average ${f2(report.machine.loadAverageAtStart[0])} at start, ${f2(report.machine.loadAverageAtEnd[0])} at end.`,
      '',
    ].join('\n');
    report.markdown = md;
    report.totalMs = Math.round(performance.now() - started);
    fs.mkdirSync(cfg.outDir, { recursive: true });
    fs.writeFileSync(path.join(cfg.outDir, 'intake.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(path.join(cfg.outDir, 'intake.md'), md);
    console.log('\n' + md);
    for (const c of checks) console.log(`${verdict(c).padEnd(6)} ${c.name}: ${c.value} (target ${c.target})`);
    return report;
  } finally {
    await cleanups.done();
  }
}

module.exports = { intakeBench };
