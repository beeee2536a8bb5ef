#!/usr/bin/env node
// @ts-check
// `pnpm bench`: both benches, one after the other, each on a fresh bench database; BENCH_ONLY=near
// or BENCH_ONLY=satisfaction runs one; BENCH_ONLY=cases the residents' cases bench (cases.js).
//
// centersNear (this file): at Shanghai scale, the GraphQL API against a hand-written raw-SQL
// baseline. Generates the data set, loads it into a fresh bench database, starts both servers in a
// child process, then alternates the two targets under load. Writes bench-results/centers-near.json
// and .md and prints the markdown table. Exits non-zero only on a crash; a missed target prints MISSED.
//
// The satisfaction dashboard: satisfaction.js (bench-results/satisfaction.{json,md}); it also exits
// non-zero when the rollups disagree with the raw responses (MISMATCH).
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { generateShanghai, benchPoints, summarize } = require('./shanghai');
const { openBenchDatabase, loadBenchData, REPO_ROOT } = require('./db');
const { walkingRadiusMeters } = require('@lc/domain');
const { centersNear, nearSql, BOX_MARGIN } = require('./baseline');
const { runAutocannon, runPaced, latencyStats } = require('./load');
const { post } = require('./http');
const { startTargets } = require('./targets');
const pgl = require('./postgraphile');
const { cleanupStack } = require('./cleanup');
const { machineInfo, warnIfBusy } = require('./machine');

process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL || 'warn';

/** @param {string} name @param {number} fallback @param {number} min @param {number} max */
function intEnv(name, fallback, min, max) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new Error(`${name} must be a number in [${min}, ${max}], got "${raw}"`);
  return n;
}

const cfg = {
  seconds: intEnv('BENCH_SECONDS', 10, 1, 600),
  warmupSeconds: intEnv('BENCH_WARMUP_SECONDS', 3, 0, 120),
  rounds: intEnv('BENCH_ROUNDS', 2, 1, 20),
  connections: intEnv('BENCH_CONNECTIONS', 16, 1, 1000),
  rate: intEnv('BENCH_RATE', 200, 1, 100000),
  rateConnections: intEnv('BENCH_RATE_CONNECTIONS', 20, 1, 1000),
  points: intEnv('BENCH_POINTS', 500, 1, 100000),
  samples: intEnv('BENCH_SAMPLES', 20, 1, 1000),
  poolMax: intEnv('BENCH_POOL_MAX', intEnv('DB_POOL_MAX', 10, 1, 1000), 1, 1000),
  autocannonRate: process.env.BENCH_AUTOCANNON_RATE === '1',
  postgraphilePort: intEnv('BENCH_POSTGRAPHILE_PORT', 0, 0, 65535),
  outDir: process.env.BENCH_OUT || path.join(REPO_ROOT, 'bench-results'),
  nodeEnv: process.env.BENCH_NODE_ENV || 'production',
};

const TARGETS = {
  /** GraphQL / PostGraphile 4 at saturation */
  peer: 1,
  /** GraphQL / the one-statement handler at saturation */
  limit: 0.5,
  p99Ms: 50,
  /** statements per request (compiled read), the same for 5 and 50 centers */
  statements: 1,
};

/** CPU seconds×1000 of a process by pid, from /proc (clock ticks at 100 Hz). */
function procCpuMs(/** @type {number} */ pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

const QUERY =
  'query($p: GeoPointInput!) { centersNear(point: $p, withinMinutes: 15, first: 20) { distanceMeters center { name offerings { service { name } } } } }';

const log = (/** @type {string} */ m) => console.log(`[bench] ${m}`);
const since = (/** @type {number} */ t) => Math.round(performance.now() - t);
const f0 = (/** @type {number} */ x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const f1 = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const secs = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;
const mean = (/** @type {number[]} */ xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** '≥ ' when latencies are lower bounds (requests abandoned at the end of an over-capacity run) */
const ge = (/** @type {{ lowerBound?: boolean }} */ l) => (l.lowerBound ? '≥ ' : '');

/** Database-only cost of the three statements per point, one connection, sequential. */
async function dbDiagnostics(url, points) {
  const { sql, source } = nearSql();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const stmtMs = [0, 0, 0];
    let statements = 0;
    let centers = 0;
    let offerings = 0;
    let emptyPoints = 0;
    /** @type {number[]} */
    const totals = [];
    for (const p of points) {
      let i = 0;
      const t0 = performance.now();
      const timed = {
        query: async (/** @type {string} */ q, /** @type {unknown[]} */ params) => {
          const t = performance.now();
          const r = await client.query(q, params);
          stmtMs[Math.min(i++, 2)] += performance.now() - t;
          statements++;
          return r;
        },
      };
      const data = await centersNear(timed, sql, p);
      totals.push(performance.now() - t0);
      centers += data.centersNear.length;
      if (data.centersNear.length === 0) emptyPoints++;
      for (const c of data.centersNear) offerings += c.center.offerings.length;
    }
    const radius = walkingRadiusMeters(15);
    const p = points[0];
    const { rows: plan } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, [
      p.lat,
      p.lng,
      radius * BOX_MARGIN,
      radius,
      20,
    ]);
    const planText = plan.map((r) => r['QUERY PLAN']).join('\n');
    const n = points.length;
    return {
      sqlSource: source,
      points: n,
      statementsPerRequest: statements / n,
      meanMs: { near: stmtMs[0] / n, offerings: stmtMs[1] / n, services: stmtMs[2] / n, total: mean(totals) },
      totalMs: latencyStats(totals),
      meanCentersPerPoint: centers / n,
      meanOfferingsPerPoint: offerings / n,
      pointsWithoutCenters: emptyPoints,
      nearPlanUsesGist: /center_earth_idx/.test(planText),
      nearPlan: planText,
    };
  } finally {
    await client.end();
  }
}

async function nearBench() {
  const started = performance.now();
  /** @type {any} */
  const report = {
    benchmark: 'centersNear at Shanghai scale: GraphQL API vs raw-SQL baseline',
    startedAt: new Date().toISOString(),
    query: QUERY,
    config: cfg,
    machine: machineInfo(),
  };
  warnIfBusy(log, 'GraphQL/baseline');
  log(
    `config: ${cfg.rounds} rounds × ${cfg.seconds} s per target and mode, warm-up ${cfg.warmupSeconds} s, ` +
      `${cfg.connections} connections at saturation, ${cfg.rate} req/s fixed rate, pool ${cfg.poolMax}, ${cfg.points} points`,
  );

  let t = performance.now();
  const data = generateShanghai();
  const generateMs = since(t);
  const counts = summarize(data);
  report.data = counts;
  log(
    `generated ${counts.districts} districts, ${counts.streets} streets, ${f0(counts.communities)} communities, ` +
      `${f0(counts.centers)} centers, ${f0(counts.services)} service items, ${f0(counts.offerings)} offerings in ${generateMs} ms`,
  );

  const cleanups = cleanupStack('[bench]');

  try {
    t = performance.now();
    const db = await openBenchDatabase();
    cleanups.push(async () => {
      if (db.embedded) log('stopping embedded PostgreSQL');
      await db.stop();
    });
    log(`database ${new URL(db.url).pathname.slice(1)} recreated on ${db.where}`);
    const loaded = await loadBenchData(db.url, data);
    const loadMs = since(t);
    report.database = { where: db.where, embedded: db.embedded, ...loaded.counts };
    report.timings = { generateMs, ...db.timings, ...loaded.timings, loadTotalMs: loadMs };
    log(
      `loaded in ${secs(loadMs)} (${db.timings.startEmbeddedMs !== undefined ? `start ${db.timings.startEmbeddedMs} ms, ` : ''}` +
        `recreate ${db.timings.recreateMs} ms, migrate ${loaded.timings.migrateMs} ms, write ${loaded.timings.writeMs} ms, ` +
        `ANALYZE ${loaded.timings.analyzeMs} ms); database ${loaded.counts.size}, PostgreSQL ${loaded.counts.server_version}`,
    );

    const points = benchPoints(data, cfg.points);
    const bodies = points.map((p) => Buffer.from(JSON.stringify({ query: QUERY, variables: { p } })));

    t = performance.now();
    const diag = await dbDiagnostics(db.url, points);
    report.dbOnly = diag;
    log(
      `database alone (1 connection, sequential, ${diag.points} points): ${f2(diag.meanMs.total)} ms per request ` +
        `(near ${f2(diag.meanMs.near)}, offerings ${f2(diag.meanMs.offerings)}, services ${f2(diag.meanMs.services)}); ` +
        `${f1(diag.meanCentersPerPoint)} centers and ${f1(diag.meanOfferingsPerPoint)} offerings per answer; ` +
        `near query ${diag.nearPlanUsesGist ? 'uses' : 'does NOT use'} the GiST index [${since(t)} ms]`,
    );

    const targets = startTargets(db.url, {
      poolMax: cfg.poolMax,
      nodeEnv: cfg.nodeEnv,
      extra: ['one-statement:createOneStatementServer'],
    });
    cleanups.push(() => targets.stop());
    const ready = await targets.ready;
    const peer = await pgl.startPostGraphile(db.url, {
      poolMax: cfg.poolMax,
      port: cfg.postgraphilePort || ready.gqlPort + 1000 + Math.floor(Math.random() * 1000),
    });
    cleanups.push(() => peer.stop());
    log(
      `servers up: GraphQL http://127.0.0.1:${ready.gqlPort}/graphql, one-statement :${ready.extraPorts['one-statement']}, ` +
        `PostGraphile 4 :${peer.port}, 3-statement baseline :${ready.basePort}`,
    );
    const pglBodies = pgl.bodiesFor(points);

    // Statements per GraphQL request, and the same answers from both targets.
    const counts3 = [];
    let mismatches = 0;
    let firstMismatch = null;
    for (let i = 0; i < Math.min(cfg.samples, bodies.length); i++) {
      const g = await targets.call({ type: 'count', body: bodies[i].toString('utf8') });
      const b = /** @type {any} */ (await post(ready.basePort, '/graphql', bodies[i]));
      const o = /** @type {any} */ (await post(ready.extraPorts['one-statement'], '/graphql', bodies[i]));
      const q = /** @type {any} */ (await post(peer.port, '/graphql', pglBodies[i]));
      counts3.push(g.count);
      const gd = g.status === 200 ? JSON.stringify(JSON.parse(g.body).data) : `HTTP ${g.status}: ${g.body}`;
      const bd = b.status === 200 ? JSON.stringify(JSON.parse(b.body).data) : `HTTP ${b.status}: ${b.body}`;
      const od = o.status === 200 ? JSON.stringify(JSON.parse(o.body).data) : `HTTP ${o.status}: ${o.body}`;
      const qd =
        q.status === 200 && !JSON.parse(q.body).errors
          ? JSON.stringify(pgl.asApiShape(JSON.parse(q.body).data))
          : `HTTP ${q.status}: ${q.body}`;
      for (const [name, d] of [
        ['graphql', gd],
        ['one-statement', od],
        ['postgraphile', qd],
      ]) {
        if (d !== bd) {
          mismatches++;
          firstMismatch ??= {
            point: points[i],
            target: name,
            answer: d.slice(0, 400),
            baseline: bd.slice(0, 400),
          };
        }
      }
    }
    const byCount = {};
    for (const c of counts3) byCount[c] = (byCount[c] ?? 0) + 1;
    report.statements = {
      samples: counts3.length,
      min: Math.min(...counts3),
      max: Math.max(...counts3),
      histogram: byCount,
    };
    report.equivalence = { samples: counts3.length, mismatches, firstMismatch };
    // statements for a page of 5 and of 50 centers (30-minute radius in the densest area)
    const pageCounts = {};
    for (const n of [5, 50]) {
      const body = JSON.stringify({
        query: QUERY.replace('withinMinutes: 15, first: 20', `withinMinutes: 30, first: ${n}`),
        variables: { p: points[0] },
      });
      pageCounts[n] = (await targets.call({ type: 'count', body })).count;
    }
    report.statements.byPageSize = pageCounts;
    log(
      `SQL statements per GraphQL request over ${counts3.length} points: ${JSON.stringify(byCount)}; ` +
        `answers of GraphQL, one-statement and PostGraphile ${mismatches === 0 ? 'identical to' : `DIFFER (${mismatches}) from`} the baseline's`,
    );
    if (firstMismatch) log(`first difference: ${JSON.stringify(firstMismatch)}`);

    const serverCpu = async () => {
      const m = await targets.call({ type: 'cpu' });
      return (m.cpu.user + m.cpu.system) / 1000;
    };
    const okNear = require('./load').okBody;
    const gql = { name: 'graphql', port: ready.gqlPort, bodies, ok: okNear, cpu: serverCpu };
    const one = {
      name: 'one-statement',
      port: ready.extraPorts['one-statement'],
      bodies,
      ok: okNear,
      cpu: serverCpu,
    };
    const post4 = {
      name: 'postgraphile',
      port: peer.port,
      bodies: pglBodies,
      ok: pgl.okBody,
      cpu: async () => procCpuMs(/** @type {number} */ (peer.pid)),
    };
    const base = { name: 'baseline', port: ready.basePort, bodies, ok: okNear, cpu: serverCpu };
    const all = [gql, one, post4, base];

    if (cfg.warmupSeconds > 0) {
      for (const tg of all) {
        const w = await runAutocannon({
          port: tg.port,
          path: '/graphql',
          bodies: tg.bodies,
          ok: tg.ok,
          connections: cfg.connections,
          seconds: cfg.warmupSeconds,
        });
        log(`warm-up ${tg.name}: ${f0(w.rps)} req/s`);
      }
    }

    /** @type {any[]} */
    const runs = [];
    /** @type {Record<string, number[]>} fixed-rate latencies of every round */
    const pooled = {};
    const modes = ['saturation', 'fixed-rate', ...(cfg.autocannonRate ? ['autocannon-rate'] : [])];
    for (let r = 0; r < cfg.rounds; r++) {
      const order = r % 2 === 0 ? all : [...all].reverse();
      const offset = (r * 131) % bodies.length;
      for (const mode of modes) {
        for (const tg of order) {
          const c0 = await tg.cpu();
          let res;
          if (mode === 'saturation') {
            res = await runAutocannon({
              port: tg.port,
              path: '/graphql',
              bodies: tg.bodies,
              ok: tg.ok,
              connections: cfg.connections,
              seconds: cfg.seconds,
              offset,
            });
          } else if (mode === 'fixed-rate') {
            res = await runPaced({
              port: tg.port,
              path: '/graphql',
              bodies: tg.bodies,
              ok: tg.ok,
              rate: cfg.rate,
              seconds: cfg.seconds,
              offset,
            });
          } else {
            res = await runAutocannon({
              port: tg.port,
              path: '/graphql',
              bodies: tg.bodies,
              ok: tg.ok,
              connections: cfg.rateConnections,
              overallRate: cfg.rate,
              seconds: cfg.seconds,
              offset,
            });
          }
          const cpuMsPerRequest = res.ok > 0 ? ((await tg.cpu()) - c0) / res.ok : NaN;
          const { latencies, ...rest } = res;
          if (latencies) (pooled[tg.name] ??= []).push(...latencies);
          runs.push({ round: r + 1, mode, target: tg.name, cpuMsPerRequest, ...rest });
          const errs =
            mode === 'fixed-rate'
              ? res.failed + res.bad
              : res.non2xx + res.errors + res.timeouts + res.mismatches;
          log(
            `round ${r + 1} ${mode.padEnd(15)} ${tg.name.padEnd(13)} ` +
              (mode === 'fixed-rate' ? `${f0(res.achievedRps)} req/s achieved` : `${f0(res.rps)} req/s`) +
              `, p50 ${ge(res.latency)}${f1(res.latency.p50)} ms, p99 ${ge(res.latency)}${f1(res.latency.p99)} ms` +
              `, max ${ge(res.latency)}${f1(res.latency.max)} ms, server CPU ${f2(cpuMsPerRequest)} ms/req` +
              `${errs ? `, ${errs} FAILED` : ''}${res.unfinished ? `, ${res.unfinished} abandoned (over capacity)` : ''}`,
          );
        }
      }
    }
    report.runs = runs;

    // Summary per target and mode.
    const pick = (mode, target) => runs.filter((x) => x.mode === mode && x.target === target);
    const summary = {};
    for (const tg of all.map((t) => t.name)) {
      const sat = pick('saturation', tg);
      const fixed = pick('fixed-rate', tg);
      const ac = pick('autocannon-rate', tg);
      summary[tg] = {
        saturation: {
          rps: mean(sat.map((x) => x.rps)),
          rpsPerRound: sat.map((x) => Math.round(x.rps)),
          p50: mean(sat.map((x) => x.latency.p50)),
          p99: mean(sat.map((x) => x.latency.p99)),
          failed: sat.reduce((a, x) => a + x.non2xx + x.errors + x.timeouts + x.mismatches, 0),
          cpuMsPerRequest: mean(sat.map((x) => x.cpuMsPerRequest)),
        },
        fixedRate: {
          // pooled over rounds: p50/p99 of every request
          ...latencyStats(pooled[tg] ?? []),
          p50PerRound: fixed.map((x) => +x.latency.p50.toFixed(2)),
          p99PerRound: fixed.map((x) => +x.latency.p99.toFixed(2)),
          achievedRps: Math.min(...fixed.map((x) => x.achievedRps)),
          failed: fixed.reduce((a, x) => a + x.failed + x.bad, 0),
          unfinished: fixed.reduce((a, x) => a + x.unfinished, 0),
          lowerBound: fixed.some((x) => x.unfinished > 0),
          maxSendLagMs: Math.max(...fixed.map((x) => x.maxSendLagMs)),
          cpuMsPerRequest: mean(fixed.map((x) => x.cpuMsPerRequest)),
        },
        ...(ac.length
          ? {
              autocannonRate: {
                p50: Math.max(...ac.map((x) => x.latency.p50)),
                p99: Math.max(...ac.map((x) => x.latency.p99)),
                rps: mean(ac.map((x) => x.rps)),
                failed: ac.reduce((a, x) => a + x.non2xx + x.errors + x.timeouts + x.mismatches, 0),
              },
            }
          : {}),
      };
    }
    report.summary = summary;
    const G = summary.graphql;
    const B = summary.baseline;
    const O = summary['one-statement'];
    const P = summary.postgraphile;
    const ratio = G.saturation.rps / B.saturation.rps;
    const ratioPeer = G.saturation.rps / P.saturation.rps;
    const ratioLimit = G.saturation.rps / O.saturation.rps;
    /** GraphQL / other per round (rounds alternate the order): the spread of a ratio */
    const perRound = (/** @type {any} */ other) =>
      G.saturation.rpsPerRound.map(
        (/** @type {number} */ g, /** @type {number} */ i) => g / other.saturation.rpsPerRound[i],
      );
    const spread = (/** @type {number[]} */ xs) => `${f2(Math.min(...xs))}–${f2(Math.max(...xs))}×`;
    report.ratios = {
      graphqlToPostgraphile: ratioPeer,
      graphqlToOneStatement: ratioLimit,
      graphqlToThreeStatement: ratio,
      perRound: { postgraphile: perRound(P), oneStatement: perRound(O), baseline: perRound(B) },
    };
    const byPage = report.statements.byPageSize;
    const checks = [
      {
        name: 'saturated rate, GraphQL / PostGraphile 4',
        target: `≥ ${TARGETS.peer}×`,
        value: `${f2(ratioPeer)}× (rounds ${spread(perRound(P))})`,
        pass: ratioPeer >= TARGETS.peer && G.saturation.failed === 0,
      },
      {
        name: 'saturated rate, GraphQL / one-statement handler',
        target: `≥ ${TARGETS.limit}×`,
        value: `${f2(ratioLimit)}× (rounds ${spread(perRound(O))})`,
        pass: ratioLimit >= TARGETS.limit && G.saturation.failed === 0,
      },
      {
        name: `GraphQL p99 at ${cfg.rate} req/s`,
        target: `< ${TARGETS.p99Ms} ms`,
        value:
          `${ge(G.fixedRate)}${f1(G.fixedRate.p99)} ms` +
          (G.fixedRate.achievedRps < 0.95 * cfg.rate
            ? ` (over capacity: served ${f0(G.fixedRate.achievedRps)} req/s)`
            : ''),
        pass: G.fixedRate.p99 < TARGETS.p99Ms && G.fixedRate.failed === 0,
      },
      {
        name: 'SQL statements per GraphQL request (20 points; pages of 5 and 50)',
        target: `= ${TARGETS.statements}, constant`,
        value:
          (report.statements.min === report.statements.max
            ? `${report.statements.min}`
            : `${report.statements.min}–${report.statements.max}`) + `; ${byPage[5]} and ${byPage[50]}`,
        pass:
          report.statements.min === TARGETS.statements &&
          report.statements.max === TARGETS.statements &&
          byPage[5] === byPage[50],
      },
      {
        name: 'answers equal across targets',
        target: 'identical',
        value: mismatches ? `${mismatches} differ` : `${counts3.length} points identical`,
        pass: mismatches === 0,
      },
    ];
    report.checks = checks;
    report.finishedAt = new Date().toISOString();
    report.machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
    report.timings.totalMs = since(started);

    const verdict = (c) => (c.pass ? 'PASS' : 'MISSED');
    const md = [
      `### centersNear at Shanghai scale (\`pnpm bench\`)`,
      '',
      `${counts.districts} districts, ${counts.streets} streets/towns, ${f0(counts.communities)} communities, ` +
        `${f0(counts.centers)} centers, ${f0(counts.services)} service items, ${f0(counts.offerings)} offerings ` +
        `(generated in ${secs(generateMs)}, loaded in ${secs(report.timings.loadTotalMs)}: ` +
        `${db.timings.startEmbeddedMs !== undefined ? `embedded start ${secs(db.timings.startEmbeddedMs)}, ` : ''}` +
        `migrations ${secs(loaded.timings.migrateMs)}, writeSeed ${secs(loaded.timings.writeMs)}, ANALYZE ${secs(loaded.timings.analyzeMs)}). ` +
        `Each answer: ${f1(diag.meanCentersPerPoint)} centers, ${f1(diag.meanOfferingsPerPoint)} offerings on average, over ${f0(cfg.points)} rotating points.`,
      '',
      `| | GraphQL API | one-statement handler | PostGraphile 4 | 3-statement handler |`,
      `|---|---:|---:|---:|---:|`,
      `| req/s at saturation (${cfg.connections} connections, mean of ${cfg.rounds}) | ${f0(G.saturation.rps)} | ${f0(O.saturation.rps)} | ${f0(P.saturation.rps)} | ${f0(B.saturation.rps)} |`,
      `| req/s per round | ${G.saturation.rpsPerRound.join(', ')} | ${O.saturation.rpsPerRound.join(', ')} | ${P.saturation.rpsPerRound.join(', ')} | ${B.saturation.rpsPerRound.join(', ')} |`,
      `| GraphQL / this target | | **${f2(ratioLimit)}×** | **${f2(ratioPeer)}×** | **${f2(ratio)}×** |`,
      `| p50 / p99 at saturation, ms | ${f1(G.saturation.p50)} / ${f1(G.saturation.p99)} | ${f1(O.saturation.p50)} / ${f1(O.saturation.p99)} | ${f1(P.saturation.p50)} / ${f1(P.saturation.p99)} | ${f1(B.saturation.p50)} / ${f1(B.saturation.p99)} |`,
      `| p50 / p99 at ${cfg.rate} req/s, evenly paced, ms | ${ge(G.fixedRate)}${f1(G.fixedRate.p50)} / ${ge(G.fixedRate)}${f1(G.fixedRate.p99)} | ${ge(O.fixedRate)}${f1(O.fixedRate.p50)} / ${ge(O.fixedRate)}${f1(O.fixedRate.p99)} | ${ge(P.fixedRate)}${f1(P.fixedRate.p50)} / ${ge(P.fixedRate)}${f1(P.fixedRate.p99)} | ${ge(B.fixedRate)}${f1(B.fixedRate.p50)} / ${ge(B.fixedRate)}${f1(B.fixedRate.p99)} |`,
      `| server CPU per request at saturation, ms | ${f2(G.saturation.cpuMsPerRequest)} | ${f2(O.saturation.cpuMsPerRequest)} | ${f2(P.saturation.cpuMsPerRequest)} | ${f2(B.saturation.cpuMsPerRequest)} |`,
      `| SQL statements per request | ${report.statements.min === report.statements.max ? report.statements.min : `${report.statements.min}–${report.statements.max}`} | 1 | 1 | 3 |`,
      `| database time per request, 3-statement handler alone (sequential) | | | | ${f2(diag.meanMs.total)} ms |`,
      '',
      `| target | wanted | measured | result |`,
      `|---|---|---|---|`,
      ...checks.map((c) => `| ${c.name} | ${c.target} | ${c.value} | ${verdict(c)} |`),
      '',
      `${report.machine.cpus} CPUs (${report.machine.cpuModel}), Node ${process.version}, PostgreSQL ${loaded.counts.server_version} ` +
        `(${db.embedded ? 'embedded' : 'DATABASE_URL server'}), pool ${cfg.poolMax} per target, servers with NODE_ENV=${cfg.nodeEnv}; load generator, both servers ` +
        `and PostgreSQL share the machine (PostGraphile's CPU read from /proc; 1-minute load average ${f2(report.machine.loadAverageAtStart[0])} at start, ` +
        `${f2(report.machine.loadAverageAtEnd[0])} at end). The four targets alternate (order reversed every round) in ${cfg.rounds} rounds of ${cfg.seconds} s per mode. ` +
        `"Evenly paced" is an open-loop generator: one request every ${f1(1000 / cfg.rate)} ms, latency from the scheduled send time; ` +
        `requests still open 3 s after the last send are abandoned and counted at their age ("≥").`,
      '',
    ].join('\n');
    report.markdown = md;

    fs.mkdirSync(cfg.outDir, { recursive: true });
    fs.writeFileSync(path.join(cfg.outDir, 'centers-near.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(path.join(cfg.outDir, 'centers-near.md'), md);
    console.log('\n' + md);
    for (const c of checks) console.log(`${verdict(c).padEnd(6)} ${c.name}: ${c.value} (target ${c.target})`);
    log(
      `results in ${path.relative(REPO_ROOT, cfg.outDir) || '.'}/centers-near.{json,md}; whole run ${secs(report.timings.totalMs)}`,
    );
  } finally {
    await cleanups.done();
  }
}

async function main() {
  const only = (process.env.BENCH_ONLY || 'all').toLowerCase();
  const all = ['near', 'intake', 'weight', 'start', 'satisfaction', 'cases'];
  const chosen = only === 'all' ? all : only.split(',');
  for (const c of chosen)
    if (!all.includes(c))
      throw new Error(
        `BENCH_ONLY must be some of ${all.join(', ')} (comma-separated; unset for all), got "${only}"`,
      );
  if (chosen.includes('near')) await nearBench();
  if (chosen.includes('intake')) await require('./intake').intakeBench();
  if (chosen.includes('weight')) await require('./spa-weight').weightBench();
  if (chosen.includes('start')) await require('./start').startBench();
  if (chosen.includes('satisfaction')) await require('./satisfaction').satisfactionBench();
  // residents' cases (issue 12): cases.js, also runnable on its own (node bench/cases.js)
  if (chosen.includes('cases')) await require('./cases').casesBench();
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error('[bench] crashed:', err);
    process.exit(1);
  },
);
