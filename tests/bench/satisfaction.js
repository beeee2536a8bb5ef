// @ts-check
// `pnpm bench` (BENCH_ONLY=satisfaction): the leadership dashboard at Shanghai scale. On a fresh
// bench database with the Shanghai seed, satisfaction-data.js adds BENCH_RESPONSES survey responses
// (default 20 million) over 24 months and builds the rollups; satisfaction-check.js proves the API's
// figures equal a direct computation over the raw responses on a sample; then the dashboard query of
// a district over 24 months (satisfactionReport by month and street + centerRanking by center) is
// run against the real API and a hand-written raw-SQL handler over the same rollup tables
// (satisfaction-baseline.js): both at a fixed rate (open loop) for p50/p99 and at saturation.
// Writes bench-results/satisfaction.json and .md and prints the table. Exits non-zero on a crash
// and when a figure disagrees (MISMATCH); a missed latency target prints MISSED.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Client, Pool } = require('pg');
const { generateShanghai, summarize: summarizeSeed } = require('./shanghai');
const { openBenchDatabase, loadBenchData, REPO_ROOT } = require('./db');
const { generateSatisfaction, START_DAY, END_DAY, MONTHS } = require('./satisfaction-data');
const { dashboard, figuresSql, periodOf, previousPeriod } = require('./satisfaction-baseline');
const { checkRollups, checkFreshness } = require('./satisfaction-check');
const { runAutocannon, runPaced, latencyStats } = require('./load');
const { post } = require('./http');
const { startTargets } = require('./targets');
const { cleanupStack } = require('./cleanup');
const { machineInfo, warnIfBusy } = require('./machine');
const { Rng } = require('./prng');

const jwt = require(
  require.resolve('jsonwebtoken', { paths: [path.dirname(require.resolve('api/package.json'))] }),
);

/** @param {string} name @param {number} fallback @param {number} min @param {number} max */
function intEnv(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(n) || n < min || n > max)
    throw new Error(`${name} must be a number in [${min}, ${max}], got "${raw}"`);
  return n;
}

function config() {
  return {
    responses: intEnv('BENCH_RESPONSES', 20_000_000, 1000, 1_000_000_000),
    generateWorkers: intEnv('BENCH_GEN_WORKERS', Math.max(1, Math.min(os.cpus().length, 4)), 1, 32),
    rate: intEnv('BENCH_SAT_RATE', 20, 1, 10000),
    /** a second fixed rate both targets can sustain here (0: half the slower target's saturated rate
     * in round 1; -1: none), so the latency ratio means something when 20 req/s is over capacity */
    lowRate: intEnv('BENCH_SAT_LOW_RATE', 0, -1, 10000),
    seconds: intEnv('BENCH_SAT_SECONDS', 20, 1, 600),
    rounds: intEnv('BENCH_ROUNDS', 2, 1, 20),
    warmupSeconds: intEnv('BENCH_WARMUP_SECONDS', 3, 0, 120),
    connections: intEnv('BENCH_SAT_CONNECTIONS', 8, 1, 1000),
    poolMax: intEnv('BENCH_POOL_MAX', intEnv('DB_POOL_MAX', 10, 1, 1000), 1, 1000),
    checkCenters: intEnv('BENCH_SAT_CHECK_CENTERS', 20, 0, 10000),
    checkDistricts: intEnv('BENCH_SAT_CHECK_DISTRICTS', 5, 0, 16),
    checkStreets: intEnv('BENCH_SAT_CHECK_STREETS', 5, 0, 1000),
    reuse: process.env.BENCH_SAT_REUSE === '1',
    outDir: process.env.BENCH_OUT || path.join(REPO_ROOT, 'bench-results'),
    nodeEnv: process.env.BENCH_NODE_ENV || 'production',
  };
}

const TARGETS = {
  p99Ms: 300,
  ratio: 1.5,
  generationMinutes: 10,
};

/** 24-month windows the load rotates over (Shanghai days, `to` excluded): whole months, as the
 * dashboard asks (its period is a range of months): the data's 24 months, and three shifted by a
 * month or two (partly before or after the data). Periods with partial months at their edges are
 * covered by the API tests and the rollup check, not by this load. */
const WINDOWS = [
  [START_DAY, END_DAY],
  ['2024-10-01', '2026-10-01'],
  ['2024-09-01', '2026-09-01'],
  ['2024-12-01', '2026-12-01'],
];

const SUMMARY = 'responses averageScore satisfiedRate';
/** The dashboard of a district: the trend by month, channels, dimensions, compliance and the
 * streets (satisfactionReport), and every center's figures and rank (centerRanking). */
const QUERY = `query Dashboard($regionId: ID!, $from: DateTime!, $to: DateTime!) {
  satisfactionReport(regionId: $regionId, from: $from, to: $to) {
    from to satisfiedThreshold complianceTarget
    summary { ${SUMMARY} }
    byMonth { month ${SUMMARY} }
    byChannel { channel ${SUMMARY} }
    byDimension { dimension answers averageScore }
    complianceRate compliantCenters assessedCenters
    children { region { id name } summary { ${SUMMARY} } }
  }
  centerRanking(regionId: $regionId, from: $from, to: $to) {
    center { id name }
    satisfaction { ${SUMMARY} }
    satisfactionScore evaluationScore composite streetRank districtRank compositeChange districtRankChange
  }
}`;
/** Statements of the baseline per request (see satisfaction-baseline.js). */
const BASELINE_STATEMENTS = 6;

const okBody = (/** @type {string} */ b) =>
  b.startsWith('{"data":{"satisfactionReport":{') && !b.includes('"errors"');

const log = (/** @type {string} */ m) => console.log(`[bench:satisfaction] ${m}`);
const since = (/** @type {number} */ t) => Math.round(performance.now() - t);
const f0 = (/** @type {number} */ x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const f1 = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const secs = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;
const mins = (/** @type {number} */ ms) => (ms >= 90_000 ? `${(ms / 60000).toFixed(1)} min` : secs(ms));
const mb = (/** @type {number} */ b) =>
  b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GB` : `${Math.round(b / 2 ** 20)} MB`;
const mean = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ge = (/** @type {{ lowerBound?: boolean }} */ l) => (l.lowerBound ? '≥ ' : '');
const at = (/** @type {string} */ day) => new Date(`${day}T00:00:00+08:00`).toISOString();

/** Whether the database already holds this bench's data with `responses` generated responses. */
async function reusable(url, responses) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT to_regclass('bench_center') IS NOT NULL AS has,
              (SELECT count(*) FROM app_user WHERE username LIKE 'bench-admin-%')::int AS admins`,
    );
    if (!rows[0].has || rows[0].admins === 0) return null;
    const { rows: n } = await db.query(
      `SELECT count(*)::bigint AS n FROM survey_response r JOIN survey s ON s.id = r.survey_id
       WHERE s.description LIKE '基准测试%' AND r.idempotency_hash IS NULL`,
    );
    // (responses entered through the API by the freshness check have an idempotency hash)
    if (Number(n[0].n) !== responses) return null;
    const { rows: admins } = await db.query(
      `SELECT id AS "userId", scope_region_id AS "districtId" FROM app_user WHERE username LIKE 'bench-admin-%' ORDER BY id`,
    );
    return { admins };
  } finally {
    await db.end();
  }
}

/** The baseline handler in this process, one connection, one request after another: how long the
 * database work of a request takes when nothing else runs; and whether PostgreSQL JIT-compiles the
 * largest figures statement. */
async function dbDiagnostics(url, payloads, secret) {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    /** @type {number[]} */
    const totals = [];
    for (const p of payloads) {
      const t = performance.now();
      await dashboard(pool, p.headers.authorization, p.variables, secret);
      totals.push(performance.now() - t);
    }
    // the largest district, a window with partial months
    const { rows: big } = await pool.query(
      `SELECT district_id AS id, coalesce(s.satisfied_threshold, 8) AS t, count(*)::int AS centers
       FROM center c LEFT JOIN district_setting s USING (district_id)
       GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1`,
    );
    const period = /** @type {{ from: string, to: string }} */ (
      periodOf(at(WINDOWS[1][0]), at(WINDOWS[1][1]))
    );
    const f = figuresSql(big[0].t, period, previousPeriod(period));
    f.params[0] = big[0].id;
    const { rows: plan } = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${f.sql}`, f.params);
    const top = plan[0]['QUERY PLAN'][0];
    const { rows: jit } = await pool.query(
      `SELECT current_setting('jit') AS jit, current_setting('jit_above_cost') AS cost`,
    );
    return {
      requests: payloads.length,
      totalMs: latencyStats(totals),
      largestDistrict: { id: big[0].id, centers: big[0].centers },
      figuresStatementMs: top['Execution Time'],
      figuresStatementJit: top.JIT ? { functions: top.JIT.Functions, ms: top.JIT.Timing?.Total } : null,
      jitSetting: jit[0],
    };
  } finally {
    await pool.end();
  }
}

async function satisfactionBench() {
  const cfg = config();
  const started = performance.now();
  /** @type {any} */
  const report = {
    benchmark:
      'satisfaction dashboard at Shanghai scale: GraphQL API vs hand-written raw-SQL handler over the same rollups',
    startedAt: new Date().toISOString(),
    query: QUERY,
    windows: WINDOWS,
    config: cfg,
    machine: machineInfo(),
  };
  warnIfBusy(log, 'GraphQL/handler');
  log(
    `config: ${f0(cfg.responses)} responses, ${cfg.rounds} rounds × ${cfg.seconds} s per target and mode, ` +
      `${cfg.rate} req/s fixed rate, ${cfg.connections} connections at saturation, pool ${cfg.poolMax}`,
  );

  const cleanups = cleanupStack('[bench:satisfaction]');

  try {
    // ------------------------------------------------------------------ data
    let t = performance.now();
    const db = await openBenchDatabase({ reuse: cfg.reuse });
    cleanups.push(async () => {
      if (db.embedded) log('stopping embedded PostgreSQL');
      await db.stop();
    });
    let reused = db.reused ? await reusable(db.url, cfg.responses) : null;
    if (db.reused && !reused) {
      log('BENCH_SAT_REUSE: the database does not hold this data set; recreating it');
      await db.stop();
      cleanups.pop();
      const again = await openBenchDatabase();
      Object.assign(db, again);
      cleanups.push(async () => {
        if (db.embedded) log('stopping embedded PostgreSQL');
        await db.stop();
      });
    }
    const dbName = new URL(db.url).pathname.slice(1);
    /** @type {{ userId: number, districtId: number }[]} */
    let admins;
    if (reused) {
      admins = reused.admins;
      // the generation figures of the run that made this database, when its results are still there
      /** @type {any} */
      let earlier = null;
      try {
        earlier = JSON.parse(fs.readFileSync(path.join(cfg.outDir, 'satisfaction.json'), 'utf8'));
      } catch {}
      const g = earlier?.generation;
      report.generation =
        g?.timings &&
        (g.generated === cfg.responses ||
          (g.generated === undefined && g.responses >= cfg.responses && g.responses - cfg.responses < 10000))
          ? { ...g, reused: true, measuredIn: g.measuredIn ?? earlier.startedAt }
          : { reused: true };
      log(
        `BENCH_SAT_REUSE: reusing ${dbName} on ${db.where}` +
          (report.generation.measuredIn
            ? ` (generation measured in the run of ${report.generation.measuredIn})`
            : ' (generation not measured)'),
      );
    } else {
      log(`database ${dbName} recreated on ${db.where}`);
      const seed = generateShanghai();
      report.seed = summarizeSeed(seed);
      const loaded = await loadBenchData(db.url, seed);
      report.seedLoad = { ...loaded.timings, totalMs: since(t), counts: loaded.counts };
      log(
        `Shanghai seed: ${f0(report.seed.centers)} centers in ${report.seed.districts} districts, ${report.seed.streets} streets, ` +
          `loaded in ${secs(report.seedLoad.totalMs)}; PostgreSQL ${loaded.counts.server_version}`,
      );
      t = performance.now();
      log(
        `generating ${f0(cfg.responses)} responses over ${MONTHS} months before ${END_DAY} on ${cfg.generateWorkers} connections…`,
      );
      const gen = await generateSatisfaction(db.url, {
        responses: cfg.responses,
        workers: cfg.generateWorkers,
        log,
      });
      gen.timings.wallMs = since(t);
      report.generation = gen;
      admins = gen.admins;
      log(
        `generated ${f0(gen.responses)} responses in ${mins(gen.timings.totalMs)} ` +
          `(insert ${secs(gen.timings.insertResponsesMs)} = ${f0(gen.responsesPerSecond)} rows/s, ` +
          `indexes and constraints ${secs(gen.timings.recreateIndexesMs)}, rollups ${secs(gen.timings.rollupsMs)} ` +
          `+ their indexes ${secs(gen.timings.rollupIndexesMs)}, derived rollups ${secs(gen.timings.derivedRollupsMs)}, ` +
          `VACUUM ANALYZE ${secs(gen.timings.vacuumAnalyzeMs)}); ` +
          `${(gen.onlineShare * 100).toFixed(1)} % online, mean score ${f2(gen.meanScore)}, ` +
          `${f0(gen.rollupRows.satisfaction_month)} month / ${f0(gen.rollupRows.satisfaction_day)} day / ` +
          `${f0(gen.rollupRows.dimension_month)} dimension rollup rows; database ${mb(gen.databaseBytes)}`,
      );
      for (const s of gen.sizes)
        log(
          `  ${s.table.padEnd(20)} ${f0(s.rows).padStart(12)} rows  heap ${mb(s.heapBytes).padStart(8)}  indexes ${mb(s.indexBytes).padStart(8)}  total ${mb(s.totalBytes)}`,
        );
      if (gen.timings.totalMs > TARGETS.generationMinutes * 60000)
        log(`NOTE: generation took over ${TARGETS.generationMinutes} minutes`);
    }
    report.database = { where: db.where, embedded: db.embedded, reused: !!reused };

    // ------------------------------------------------------------------ servers, tokens, payloads
    const jwtSecret = randomBytes(32).toString('hex');
    const tokenOf = new Map(
      admins.map((a) => [
        a.districtId,
        jwt.sign({ role: 'DISTRICT_ADMIN' }, jwtSecret, {
          subject: String(a.userId),
          expiresIn: '12h',
          algorithm: 'HS256',
          issuer: 'life-circle',
        }),
      ]),
    );
    const token = (/** @type {number} */ d) => {
      const x = tokenOf.get(d);
      if (!x) throw new Error(`no bench admin for district ${d}`);
      return x;
    };
    const targets = startTargets(db.url, {
      poolMax: cfg.poolMax,
      nodeEnv: cfg.nodeEnv,
      baseline: 'satisfaction-baseline',
      jwtSecret,
    });
    cleanups.push(() => targets.stop());
    const ready = await targets.ready;
    log(
      `servers up: GraphQL http://127.0.0.1:${ready.gqlPort}/graphql, handler http://127.0.0.1:${ready.basePort}/`,
    );

    const districts = [...tokenOf.keys()].sort((a, b) => a - b);
    const rng = new Rng('satisfaction-load');
    const payloads = rng.sample(
      districts.flatMap((d) =>
        WINDOWS.map(([from, to]) => {
          const variables = { regionId: String(d), from: at(from), to: at(to) };
          return {
            districtId: d,
            window: `${from}..${to}`,
            variables,
            body: Buffer.from(JSON.stringify({ query: QUERY, variables })),
            headers: { authorization: `Bearer ${token(d)}` },
          };
        }),
      ),
      districts.length * WINDOWS.length,
    );

    // ------------------------------------------------------------------ rollups = raw
    t = performance.now();
    const generatedStart = START_DAY;
    const check = await checkRollups({
      url: db.url,
      gqlPort: ready.gqlPort,
      tokenOf: token,
      startDay: generatedStart,
      endDay: END_DAY,
      centers: cfg.checkCenters,
      districts: cfg.checkDistricts,
      streets: cfg.checkStreets,
      log,
    });
    const freshness = await checkFreshness({ url: db.url, gqlPort: ready.gqlPort, tokenOf: token, log });
    report.rollupCheck = { ...check, freshness, ms: since(t) };
    log(
      `rollups = raw: ${check.figures} figures (${check.summaries} summaries of ${cfg.checkCenters} centers, ` +
        `${cfg.checkDistricts} districts and ${cfg.checkStreets} streets over random periods, ${check.months} months, ` +
        `${check.channels} channels; ${check.rawSatisfaction} also against the API's rawSatisfaction): ` +
        (check.mismatches.length === 0
          ? `all agree (${check.exact} bit-for-bit, largest difference ${check.maxAbsDiff.toExponential(1)})`
          : `${check.mismatches.length} MISMATCH`) +
        ` [${secs(report.rollupCheck.ms)}]`,
    );

    // ------------------------------------------------------------------ same answers, statements
    /** @type {Record<string, number>} */
    const byCount = {};
    let mismatches = 0;
    let firstMismatch = null;
    /** @type {number[]} */
    const sizes = [];
    for (const p of payloads) {
      const g = await targets.call({ type: 'count', body: p.body.toString('utf8'), headers: p.headers });
      const b = /** @type {any} */ (await post(ready.basePort, '/graphql', p.body, p.headers));
      byCount[g.count] = (byCount[g.count] ?? 0) + 1;
      sizes.push(Buffer.byteLength(g.body));
      const gd = g.status === 200 ? JSON.stringify(JSON.parse(g.body).data) : `HTTP ${g.status}: ${g.body}`;
      const bd = b.status === 200 ? JSON.stringify(JSON.parse(b.body).data) : `HTTP ${b.status}: ${b.body}`;
      if (gd !== bd || !okBody(g.body)) {
        mismatches++;
        if (!firstMismatch) {
          let i = 0;
          while (i < gd.length && gd[i] === bd[i]) i++;
          firstMismatch = {
            districtId: p.districtId,
            window: p.window,
            at: i,
            graphql: gd.slice(Math.max(0, i - 200), i + 300),
            baseline: bd.slice(Math.max(0, i - 200), i + 300),
          };
        }
      }
    }
    const counts = Object.keys(byCount).map(Number);
    report.statements = {
      histogram: byCount,
      min: Math.min(...counts),
      max: Math.max(...counts),
      baseline: BASELINE_STATEMENTS,
    };
    report.equivalence = { requests: payloads.length, mismatches, firstMismatch };
    report.answerBytes = latencyStats(sizes);
    log(
      `answers over ${payloads.length} requests (16 districts × ${WINDOWS.length} windows): ` +
        `${mismatches === 0 ? 'identical to' : `DIFFER (${mismatches}) from`} the handler's; ` +
        `GraphQL SQL statements per request ${JSON.stringify(byCount)} (handler ${BASELINE_STATEMENTS}); ` +
        `answer ${f0(report.answerBytes.mean / 1024)} KB on average, ${f0(report.answerBytes.max / 1024)} KB at most`,
    );
    if (firstMismatch) log(`first difference: ${JSON.stringify(firstMismatch)}`);

    t = performance.now();
    const diag = await dbDiagnostics(db.url, payloads, jwtSecret);
    report.dbOnly = diag;
    log(
      `handler alone (in-process, 1 connection, sequential): ${f1(diag.totalMs.mean)} ms per request on average, ` +
        `${f1(diag.totalMs.max)} ms at most; the largest district's figures statement ${f1(diag.figuresStatementMs)} ms` +
        (diag.figuresStatementJit
          ? `, of which JIT ${f1(diag.figuresStatementJit.ms)} ms (jit=${diag.jitSetting.jit}, jit_above_cost=${diag.jitSetting.cost})`
          : `, no JIT`) +
        ` [${since(t)} ms]`,
    );

    // ------------------------------------------------------------------ load
    const cpu = async () => {
      const m = await targets.call({ type: 'cpu' });
      return (m.cpu.user + m.cpu.system) / 1000;
    };
    const settle = async (/** @type {number} */ port) => {
      const t1 = performance.now();
      await post(port, '/graphql', loadBodies[0].body, loadBodies[0].headers).catch(() => undefined);
      return since(t1);
    };
    const gql = { name: 'graphql', port: ready.gqlPort };
    const base = { name: 'baseline', port: ready.basePort };
    const loadBodies = payloads.map((p) => ({ body: p.body, headers: p.headers }));
    if (cfg.warmupSeconds > 0) {
      for (const tg of [gql, base]) {
        const w = await runAutocannon({
          port: tg.port,
          path: '/graphql',
          bodies: loadBodies,
          connections: cfg.connections,
          seconds: cfg.warmupSeconds,
          ok: okBody,
        });
        log(`warm-up ${tg.name}: ${f0(w.rps)} req/s`);
      }
    }
    /** @type {any[]} */
    const runs = [];
    /** @type {Record<string, number[]>} latencies of every round, by mode and target */
    const pooled = {};
    /** @type {number | null} */
    let lowRate = cfg.lowRate > 0 ? cfg.lowRate : null;
    for (let r = 0; r < cfg.rounds; r++) {
      const order = r % 2 === 0 ? [gql, base] : [base, gql];
      const offset = (r * 17) % loadBodies.length;
      for (const mode of ['saturation', 'fixed-rate', 'fixed-rate-low']) {
        if (mode === 'fixed-rate-low') {
          if (cfg.lowRate < 0) continue;
          if (lowRate === null) {
            // half the saturated rate of the slower target in round 1: both answer without queueing
            const sat = runs.filter((x) => x.mode === 'saturation').map((x) => x.rps);
            lowRate = Math.max(1, Math.floor((sat.length ? Math.min(...sat) : 2) / 2));
          }
          if (lowRate >= cfg.rate) continue;
        }
        const rate = mode === 'fixed-rate-low' ? /** @type {number} */ (lowRate) : cfg.rate;
        for (const tg of order) {
          const c0 = await cpu();
          const res =
            mode === 'saturation'
              ? await runAutocannon({
                  port: tg.port,
                  path: '/graphql',
                  bodies: loadBodies,
                  connections: cfg.connections,
                  seconds: cfg.seconds,
                  offset,
                  ok: okBody,
                })
              : await runPaced({
                  port: tg.port,
                  path: '/graphql',
                  bodies: loadBodies,
                  rate,
                  seconds: cfg.seconds,
                  offset,
                  ok: okBody,
                });
          const cpuMsPerRequest = res.ok > 0 ? ((await cpu()) - c0) / res.ok : NaN;
          // requests abandoned by the client are still worked off by the server: wait for its
          // backlog (one request through the same FIFO pool) before the next run starts
          const settleMs = await settle(tg.port);
          const { latencies, ...rest } = /** @type {any} */ (res);
          if (latencies) (pooled[`${mode}:${tg.name}`] ??= []).push(...latencies);
          runs.push({
            round: r + 1,
            mode,
            rate: mode === 'saturation' ? null : rate,
            target: tg.name,
            cpuMsPerRequest,
            loadAverage: +os.loadavg()[0].toFixed(2),
            settleMs,
            ...rest,
          });
          const paced = mode !== 'saturation';
          const errs = paced ? res.failed + res.bad : res.non2xx + res.errors + res.timeouts + res.mismatches;
          log(
            `round ${r + 1} ${(paced ? `${rate} req/s` : 'saturation').padEnd(10)} ${tg.name.padEnd(8)} ` +
              (paced ? `${f1(res.achievedRps)} req/s achieved` : `${f1(res.rps)} req/s`) +
              `, p50 ${ge(res.latency)}${f1(res.latency.p50)} ms, p99 ${ge(res.latency)}${f1(res.latency.p99)} ms` +
              `, mean ${f1(res.latency.mean)} ms, max ${ge(res.latency)}${f1(res.latency.max)} ms` +
              `, server CPU ${f2(cpuMsPerRequest)} ms/req, load average ${f2(os.loadavg()[0])}` +
              `${errs ? `, ${errs} FAILED` : ''}${res.unfinished ? `, ${res.unfinished} abandoned (over capacity)` : ''}`,
          );
        }
      }
    }
    report.runs = runs;

    // ------------------------------------------------------------------ summary
    const pick = (/** @type {string} */ mode, /** @type {string} */ target) =>
      runs.filter((x) => x.mode === mode && x.target === target);
    /** pooled p50/p99 of every round at a fixed rate, and the worst round's throughput */
    const paced = (/** @type {string} */ mode, /** @type {string} */ tg) => {
      const fixed = pick(mode, tg);
      return {
        rate: fixed[0]?.rate,
        ...latencyStats(pooled[`${mode}:${tg}`] ?? []),
        p50PerRound: fixed.map((x) => +x.latency.p50.toFixed(1)),
        p99PerRound: fixed.map((x) => +x.latency.p99.toFixed(1)),
        achievedRps: Math.min(...fixed.map((x) => x.achievedRps)),
        failed: fixed.reduce((a, x) => a + x.failed + x.bad, 0),
        failures: fixed.reduce((/** @type {Record<string, number>} */ a, x) => {
          for (const [k, v] of Object.entries(x.failures ?? {})) a[k] = (a[k] ?? 0) + v;
          if (x.bad) a['bad answer'] = (a['bad answer'] ?? 0) + x.bad;
          return a;
        }, {}),
        unfinished: fixed.reduce((a, x) => a + x.unfinished, 0),
        lowerBound: fixed.some((x) => x.unfinished > 0),
        maxSendLagMs: Math.max(...fixed.map((x) => x.maxSendLagMs)),
        cpuMsPerRequest: mean(fixed.map((x) => x.cpuMsPerRequest)),
      };
    };
    /** @type {any} */
    const summary = {};
    for (const tg of ['graphql', 'baseline']) {
      const sat = pick('saturation', tg);
      summary[tg] = {
        saturation: {
          rps: mean(sat.map((x) => x.rps)),
          rpsPerRound: sat.map((x) => +x.rps.toFixed(1)),
          p50: mean(sat.map((x) => x.latency.p50)),
          p99: mean(sat.map((x) => x.latency.p99)),
          failed: sat.reduce((a, x) => a + x.non2xx + x.errors + x.timeouts + x.mismatches, 0),
          cpuMsPerRequest: mean(sat.map((x) => x.cpuMsPerRequest)),
        },
        fixedRate: paced('fixed-rate', tg),
        ...(pick('fixed-rate-low', tg).length ? { fixedRateLow: paced('fixed-rate-low', tg) } : {}),
      };
    }
    report.summary = summary;
    const G = summary.graphql;
    const B = summary.baseline;
    const p99Ratio = G.fixedRate.p99 / B.fixedRate.p99;
    const meanRatio = G.fixedRate.mean / B.fixedRate.mean;
    const satRatio = G.saturation.rps / B.saturation.rps;
    // the ratio is judged at the rate of the issue when the handler keeps up with it; otherwise (both
    // queue without bound, and the ratio only says which queue grew faster) at the lower rate
    const keepsUp = (/** @type {any} */ x) => x.achievedRps >= 0.95 * x.rate && x.unfinished === 0;
    const judged = keepsUp(B.fixedRate) || !B.fixedRateLow ? 'fixedRate' : 'fixedRateLow';
    const JG = G[judged];
    const JB = B[judged];
    const judgedP99Ratio = JG.p99 / JB.p99;
    const judgedMeanRatio = JG.mean / JB.mean;
    const gen = report.generation;
    const checks = [
      {
        name: `GraphQL p99 at ${cfg.rate} req/s`,
        target: `< ${TARGETS.p99Ms} ms`,
        value:
          `${ge(G.fixedRate)}${f1(G.fixedRate.p99)} ms` +
          (G.fixedRate.achievedRps < 0.95 * cfg.rate
            ? ` (over capacity: served ${f1(G.fixedRate.achievedRps)} req/s)`
            : ''),
        pass: G.fixedRate.p99 < TARGETS.p99Ms && G.fixedRate.failed === 0,
      },
      {
        name: `GraphQL p99 / handler p99 at ${JB.rate} req/s`,
        target: `≤ ${TARGETS.ratio}×`,
        value:
          `${f2(judgedP99Ratio)}× (mean latency ${f2(judgedMeanRatio)}×)` +
          (judged === 'fixedRateLow'
            ? ` — at ${cfg.rate} req/s the handler itself does not keep up here (${f2(p99Ratio)}×, mean ${f2(meanRatio)}×, both queue)`
            : '') +
          (keepsUp(JB) ? '' : ' — the handler does not keep up at this rate either: the ratio says little'),
        pass: judgedP99Ratio <= TARGETS.ratio && JG.failed === 0,
      },
      {
        name: 'rollups = raw responses',
        target: 'no MISMATCH',
        value:
          check.mismatches.length === 0 && (freshness.ok ?? true)
            ? `${check.figures} figures agree; a new response counted after ${freshness.ms} ms`
            : `${check.mismatches.length} MISMATCH${freshness.ok === false ? ', new response missing' : ''}`,
        pass: check.mismatches.length === 0 && freshness.ok !== false,
      },
      {
        name: 'GraphQL answers = handler answers',
        target: 'identical',
        value: mismatches === 0 ? `identical (${payloads.length} requests)` : `${mismatches} differ`,
        pass: mismatches === 0,
      },
      ...(!gen.timings
        ? []
        : [
            {
              name: `generation of ${f0(gen.responses)} responses (rollups included)${gen.measuredIn ? `, run of ${gen.measuredIn}` : ''}`,
              target: `< ${TARGETS.generationMinutes} min`,
              value: mins(gen.timings.totalMs),
              pass: gen.timings.totalMs < TARGETS.generationMinutes * 60000,
            },
          ]),
    ];
    report.checks = checks;
    report.ratios = {
      reported: 'p99',
      judgedAt: JB.rate,
      p99: judgedP99Ratio,
      mean: judgedMeanRatio,
      [`p99At${cfg.rate}`]: p99Ratio,
      [`meanAt${cfg.rate}`]: meanRatio,
      saturation: satRatio,
    };
    report.finishedAt = new Date().toISOString();
    report.machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
    report.totalMs = since(started);

    const verdict = (/** @type {{ pass: boolean }} */ c) => (c.pass ? 'PASS' : 'MISSED');
    const failedText = (/** @type {any} */ x) => {
      const all = [x.fixedRate, x.fixedRateLow].filter(Boolean);
      const n = all.reduce((a, f) => a + f.failed, 0);
      const why = Object.entries(
        all.reduce((/** @type {Record<string, number>} */ a, f) => {
          for (const [k, v] of Object.entries(f.failures)) a[k] = (a[k] ?? 0) + /** @type {number} */ (v);
          return a;
        }, {}),
      )
        .map(([k, v]) => `${v} ${k}`)
        .join(', ');
      return n ? `${n} (${why})` : '0';
    };
    const sizeRows = !gen.sizes
      ? []
      : [
          '',
          `| table | rows | heap | indexes | total |`,
          `|---|---:|---:|---:|---:|`,
          ...gen.sizes.map(
            (/** @type {any} */ s) =>
              `| ${s.table} | ${f0(s.rows)} | ${mb(s.heapBytes)} | ${mb(s.indexBytes)} | ${mb(s.totalBytes)} |`,
          ),
          `| (whole database) | | | | ${mb(gen.databaseBytes)} |`,
        ];
    const genLine = !gen.timings
      ? 'Data reused from an earlier run (BENCH_SAT_REUSE=1): generation not measured.'
      : (gen.measuredIn ? `(Data reused: generated in the run of ${gen.measuredIn}.) ` : '') +
        `${f0(gen.responses)} survey responses over the ${MONTHS} months before ${END_DAY} at ${f0(gen.centers)} centers ` +
        `(${(gen.onlineShare * 100).toFixed(1)} % online, ${f0(gen.unscored)} without a score, mean score ${f2(gen.meanScore)}), ` +
        `${f0(gen.evaluations)} evaluations; no survey_answer rows for them (the figures never read answers). ` +
        `Generated in ${mins(gen.timings.totalMs)} on ${cfg.generateWorkers} connections: setup ${secs(gen.timings.setupMs)}, ` +
        `responses ${secs(gen.timings.insertResponsesMs)} (${f0(gen.responsesPerSecond)} rows/s, indexes and foreign keys dropped), ` +
        `survey_response indexes and constraints ${secs(gen.timings.recreateIndexesMs)}, ` +
        `the three rollups by center ${secs(gen.timings.rollupsMs)} + their indexes ${secs(gen.timings.rollupIndexesMs)}, ` +
        `the district, street and running rollups derived from them ${secs(gen.timings.derivedRollupsMs)}, ` +
        `evaluations ${secs(gen.timings.evaluationsMs)}, VACUUM ANALYZE ${secs(gen.timings.vacuumAnalyzeMs)}.`;
    const md = [
      `### Satisfaction dashboard at Shanghai scale (\`pnpm bench\`, \`BENCH_ONLY=satisfaction\`)`,
      '',
      genLine,
      ...sizeRows,
      '',
      `Query: \`satisfactionReport\` (summary, ${MONTHS} months, channels, dimensions, compliance, streets) and \`centerRanking\` ` +
        `(every center's figures, composite and ranks) of a district over 24 months, rotating over the 16 districts × ${WINDOWS.length} windows ` +
        `(${WINDOWS.map((w) => `${w[0]}..${w[1]}`).join(', ')}); answers ${f0(report.answerBytes.mean / 1024)} KB on average ` +
        `(${f0(report.answerBytes.max / 1024)} KB for 浦东新区).`,
      '',
      `| | GraphQL API | raw-SQL handler | GraphQL / handler |`,
      `|---|---:|---:|---:|`,
      `| p50 / p99 at ${cfg.rate} req/s, evenly paced, ms | ${ge(G.fixedRate)}${f1(G.fixedRate.p50)} / ${ge(G.fixedRate)}${f1(G.fixedRate.p99)} | ${ge(B.fixedRate)}${f1(B.fixedRate.p50)} / ${ge(B.fixedRate)}${f1(B.fixedRate.p99)} | p99 ${f2(p99Ratio)}× |`,
      `| mean latency at ${cfg.rate} req/s, ms | ${f1(G.fixedRate.mean)} | ${f1(B.fixedRate.mean)} | ${f2(meanRatio)}× |`,
      `| req/s served when ${cfg.rate} req/s are offered (worst round) | ${f1(G.fixedRate.achievedRps)} | ${f1(B.fixedRate.achievedRps)} | |`,
      ...(G.fixedRateLow && B.fixedRateLow
        ? [
            `| p50 / p99 at ${B.fixedRateLow.rate} req/s (half the slower target's saturated rate), ms | ${ge(G.fixedRateLow)}${f1(G.fixedRateLow.p50)} / ${ge(G.fixedRateLow)}${f1(G.fixedRateLow.p99)} | ${ge(B.fixedRateLow)}${f1(B.fixedRateLow.p50)} / ${ge(B.fixedRateLow)}${f1(B.fixedRateLow.p99)} | p99 ${f2(G.fixedRateLow.p99 / B.fixedRateLow.p99)}× |`,
            `| mean latency at ${B.fixedRateLow.rate} req/s, ms | ${f1(G.fixedRateLow.mean)} | ${f1(B.fixedRateLow.mean)} | ${f2(G.fixedRateLow.mean / B.fixedRateLow.mean)}× |`,
            `| req/s served when ${B.fixedRateLow.rate} req/s are offered (worst round) | ${f1(G.fixedRateLow.achievedRps)} | ${f1(B.fixedRateLow.achievedRps)} | |`,
          ]
        : []),
      `| failed requests at the fixed rates | ${failedText(G)} | ${failedText(B)} | |`,
      `| req/s at saturation (${cfg.connections} connections, mean of ${cfg.rounds}) | ${f1(G.saturation.rps)} | ${f1(B.saturation.rps)} | ${f2(satRatio)}× |`,
      `| p50 / p99 at saturation, ms | ${f1(G.saturation.p50)} / ${f1(G.saturation.p99)} | ${f1(B.saturation.p50)} / ${f1(B.saturation.p99)} | |`,
      `| server CPU per request at saturation, ms | ${f2(G.saturation.cpuMsPerRequest)} | ${f2(B.saturation.cpuMsPerRequest)} | ${f2(G.saturation.cpuMsPerRequest / B.saturation.cpuMsPerRequest)}× |`,
      `| SQL statements per request | ${report.statements.min === report.statements.max ? report.statements.min : `${report.statements.min}–${report.statements.max}`} | ${BASELINE_STATEMENTS} | |`,
      `| handler alone (in-process, 1 connection, sequential), mean / max ms | | ${f1(diag.totalMs.mean)} / ${f1(diag.totalMs.max)} | |`,
      '',
      `Rollups = raw: ${check.figures} figures (summaries of ${cfg.checkCenters} centers, ${cfg.checkDistricts} districts, ${cfg.checkStreets} streets over random periods with partial months, ` +
        `${check.months} months, ${check.channels} channels; ${check.rawSatisfaction} also against \`rawSatisfaction\`) ` +
        (check.mismatches.length === 0
          ? `all agree (${check.exact} bit-for-bit; largest difference ${check.maxAbsDiff.toExponential(1)}).`
          : `**${check.mismatches.length} MISMATCH**.`) +
        (freshness.ok === undefined
          ? ''
          : ` A paper response entered through the API (\`enterPaperResponses\`: the response and its place in the rollup queue in one transaction) was in the center's figures ${freshness.ok ? `${freshness.ms} ms later (promise: within 5 s)` : '**not within 5 s: MISMATCH**'}.`),
      '',
      `| target | wanted | measured | result |`,
      `|---|---|---|---|`,
      ...checks.map((c) => `| ${c.name} | ${c.target} | ${c.value} | ${verdict(c)} |`),
      '',
      `${report.machine.cpus} CPUs (${report.machine.cpuModel}), Node ${process.version}, ${db.embedded ? 'embedded PostgreSQL' : 'PostgreSQL of DATABASE_URL'} ` +
        `(jit=${diag.jitSetting.jit}), pool ${cfg.poolMax} per target, servers with NODE_ENV=${cfg.nodeEnv}; load generator, both servers ` +
        `and PostgreSQL share the machine with whatever else runs on it (1-minute load average ${f2(report.machine.loadAverageAtStart[0])} at start, ` +
        `${f2(report.machine.loadAverageAtEnd[0])} at end; ${f1(mean(runs.map((x) => x.loadAverage)))} on average after each run, the bench's own processes included). Targets alternate (ABBA) in ${cfg.rounds} rounds of ${cfg.seconds} s per mode; ` +
        `p50/p99 at a fixed rate pool every round's requests; "evenly paced" is an open-loop generator (one request every ` +
        `${f1(1000 / cfg.rate)} ms at ${cfg.rate} req/s), latency from the scheduled send time. The ratio judged is the p99 ratio ` +
        `(the mean ratio beside it), at ${cfg.rate} req/s when the handler keeps up with that rate, else at the lower rate.`,
      '',
    ].join('\n');
    report.markdown = md;

    fs.mkdirSync(cfg.outDir, { recursive: true });
    fs.writeFileSync(path.join(cfg.outDir, 'satisfaction.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(path.join(cfg.outDir, 'satisfaction.md'), md);
    console.log('\n' + md);
    for (const c of checks) console.log(`${verdict(c).padEnd(6)} ${c.name}: ${c.value} (target ${c.target})`);
    if (check.mismatches.length || freshness.ok === false || mismatches) {
      console.error('[bench:satisfaction] MISMATCH: figures disagree (see above)');
      process.exitCode = 1;
    }
    log(
      `results in ${path.relative(REPO_ROOT, cfg.outDir) || '.'}/satisfaction.{json,md}; whole run ${mins(report.totalMs)}`,
    );
  } finally {
    await cleanups.done();
  }
}

module.exports = { satisfactionBench, QUERY, WINDOWS };

if (require.main === module) {
  process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL || 'warn';
  satisfactionBench().then(
    () => process.exit(process.exitCode ?? 0),
    (err) => {
      console.error('[bench:satisfaction] crashed:', err);
      process.exit(1);
    },
  );
}
