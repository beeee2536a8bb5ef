// @ts-check
// `BENCH_ONLY=cases pnpm bench`: residents' cases (诉求) at Shanghai scale (issue 12).
//
// 1. The Shanghai places of shanghai.js into `lc_bench_cases` (BENCH_CASES_DATABASE; dropped every
//    run), one street admin per street, then BENCH_CASES (1,000,000) cases generated inside
//    PostgreSQL: 90 % closed over two years (resolved at each level, with follow-ups), 2 % rejected,
//    8 % unfinished in every open status and level, recent, a few already overdue.
// 2. The API in a child process (cases-server.js) with its workers off, as deployed otherwise
//    (NODE_ENV=production). The load: a street's board — the web-admin's CasesPage query, overdue
//    first, first page of 20 — for a random street's admin, evenly paced at BENCH_CASES_RATE (20)
//    requests/s.
// 3. Rounds: a quiet window (the board alone), then a window in which BENCH_CASES_OVERDUE (10,000)
//    cases fall due at once and the overdue worker marks them in the API process (then the
//    notification sender expands their notices), while the board load goes on.
// Targets: board p99 < 100 ms; the worker marks 10,000 cases in < 10 s; the board's p99 while it
// works at most 1.2 × the quiet p99. Writes bench-results/cases.{json,md}.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { generateShanghai, summarize } = require('./shanghai');
const { openBenchDatabase, loadBenchData, REPO_ROOT } = require('./db');
const { runPaced, latencyStats } = require('./load');
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
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new Error(`${name} must be a number in [${min}, ${max}], got "${raw}"`);
  return n;
}

function config() {
  return {
    cases: intEnv('BENCH_CASES', 1_000_000, 1000, 50_000_000),
    overdue: intEnv('BENCH_CASES_OVERDUE', 10_000, 100, 1_000_000),
    rate: intEnv('BENCH_CASES_RATE', 20, 1, 10_000),
    seconds: intEnv('BENCH_CASES_SECONDS', 30, 5, 600),
    rounds: intEnv('BENCH_CASES_ROUNDS', 2, 1, 10),
    warmupSeconds: intEnv('BENCH_WARMUP_SECONDS', 5, 0, 120),
    poolMax: intEnv('BENCH_POOL_MAX', intEnv('DB_POOL_MAX', 10, 1, 1000), 1, 1000),
    database: process.env.BENCH_CASES_DATABASE || 'lc_bench_cases',
    nodeEnv: process.env.BENCH_NODE_ENV || 'production',
    outDir: process.env.BENCH_OUT || path.join(REPO_ROOT, 'bench-results'),
  };
}

const TARGETS = { boardP99Ms: 100, markSeconds: 10, slowdown: 1.2 };

/** The web-admin's board query (CasesPage), first page. */
const QUERY = `query CasesPage($filter: CaseFilter, $first: Int!, $after: String) {
  cases(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id categoryCode category { code name nameEn } description status level jointForce
      responsibility overdue deadlineAt reportedAt source street { id name } community { id name }
      owner { id displayName } } }
  }
}`;

const log = (/** @type {string} */ m) => console.log(`[bench:cases] ${m}`);
const since = (/** @type {number} */ t) => Math.round(performance.now() - t);
const f1 = (/** @type {number} */ x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f0 = (/** @type {number} */ x) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const secs = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;

/** Street admins (one per street) and a million cases, generated inside PostgreSQL. */
async function generateCases(url, total) {
  const db = new Client({ connectionString: url });
  await db.connect();
  const timings = {};
  try {
    let t = performance.now();
    await db.query(`
      INSERT INTO app_user (username, display_name, role, password_hash, scope_region_id)
      SELECT 'bench_street_' || id, name || '管理员', 'STREET_ADMIN', 'x', id FROM region WHERE level = 'STREET'`);
    await db.query(`
      CREATE TEMP TABLE bench_place AS
      SELECT row_number() OVER (ORDER BY r.id)::int AS n, r.id AS community_id, r.street_id, r.district_id, r.lat, r.lng,
             (SELECT cc.center_id FROM center_community cc WHERE cc.community_id = r.id ORDER BY cc.center_id LIMIT 1) AS center_id,
             (SELECT u.id FROM app_user u WHERE u.role = 'STREET_ADMIN' AND u.scope_region_id = r.street_id LIMIT 1) AS admin_id
      FROM region r WHERE r.level = 'COMMUNITY' AND r.lat IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX ON bench_place (n)`);
    const [{ places }] = (await db.query(`SELECT count(*)::int AS places FROM bench_place`)).rows;
    timings.placesMs = since(t);
    t = performance.now();
    // One statement per 100,000 cases. g picks the place, category, status and times by fixed
    // arithmetic (deterministic). Unfinished cases (8 %) are recent with deadlines ahead; one in
    // 50 of them is already overdue and marked.
    const CHUNK = 100_000;
    for (let from = 1; from <= total; from += CHUNK) {
      const to = Math.min(total, from + CHUNK - 1);
      await db.query(
        `INSERT INTO resident_case (district_id, street_id, community_id, center_id, category, description, address, lat, lng,
           source, status, level, responsibility, owner_id, first_contact_id, is_public, reported_at, accepted_at,
           level_started_at, deadline_at, overdue_at, resolved_at, resolved_level, resolution, closed_at,
           follow_up_fixed, follow_up_rating, followed_up_at, version, updated_at)
         SELECT p.district_id, p.street_id, p.community_id, p.center_id, x.category,
                '楼道堆放杂物影响通行 #' || g, (g % 40 + 1) || '号楼', p.lat + ((g % 97) - 48) * 0.00002, p.lng + ((g % 89) - 44) * 0.00002,
                (ARRAY['RESIDENT_APP','PATROL','HOTLINE','VISIT'])[g % 4 + 1], x.status, x.level,
                CASE WHEN x.status IN ('ASSIGNED','IN_PROGRESS') THEN 'ASSIGNED' ELSE 'FIRST_CONTACT' END,
                p.admin_id, p.admin_id, false, x.reported, x.reported + interval '2 hours', x.reported + interval '2 hours',
                x.deadline, x.overdue, x.resolved, CASE WHEN x.resolved IS NULL THEN NULL ELSE x.level END,
                CASE WHEN x.resolved IS NULL THEN NULL ELSE '已处理' END,
                CASE WHEN x.status IN ('CLOSED','REJECTED') THEN x.reported + interval '10 days' END,
                CASE WHEN x.status = 'CLOSED' THEN g % 10 <> 0 END,
                CASE WHEN x.status = 'CLOSED' THEN 1 + (g % 5) END,
                CASE WHEN x.status = 'CLOSED' THEN x.reported + interval '9 days' END,
                3, now()
         FROM generate_series($1::int, $2::int) AS g
         JOIN bench_place p ON p.n = 1 + ((g::bigint * 7919) % $3)
         CROSS JOIN LATERAL (
           SELECT (ARRAY['ENVIRONMENT','FACILITY_REPAIR','NEIGHBOR_DISPUTE','SAFETY_HAZARD','ELDERLY_SERVICE','POLICY_CONSULTATION','OTHER'])[g % 7 + 1] AS category,
                  CASE WHEN (g::bigint * 31) % 1000 < 20 THEN 'REJECTED'
                       WHEN (g::bigint * 31) % 1000 < 100 THEN (ARRAY['REPORTED','ACCEPTED','ASSIGNED','IN_PROGRESS','ESCALATED','REOPENED','RESOLVED'])[g % 7 + 1]
                       ELSE 'CLOSED' END AS status,
                  (ARRAY['COMMUNITY','COMMUNITY','COMMUNITY','COMMUNITY','COMMUNITY','COMMUNITY','COMMUNITY','JOINT_ENFORCEMENT','JOINT_ENFORCEMENT','STREET_OPERATIONS_CENTER'])[g % 10 + 1] AS level,
                  (g::bigint * 104729) % 1000 AS r
         ) s
         CROSS JOIN LATERAL (
           SELECT s.category, s.status, s.level,
                  CASE WHEN s.status IN ('CLOSED','REJECTED') THEN now() - make_interval(mins => ((g::bigint * 104729) % (730 * 1440))::int)
                       ELSE now() - make_interval(mins => ((g::bigint * 104729) % (30 * 1440))::int) END AS reported,
                  CASE WHEN s.status IN ('CLOSED','REJECTED','RESOLVED') THEN NULL
                       WHEN s.r < 20 THEN date_trunc('milliseconds', now()) - make_interval(mins => (s.r + 1)::int)
                       ELSE date_trunc('milliseconds', now()) + make_interval(mins => (60 + s.r * 7)::int) END AS deadline,
                  CASE WHEN s.status NOT IN ('CLOSED','REJECTED','RESOLVED') AND s.r < 20 THEN now() END AS overdue,
                  CASE WHEN s.status IN ('CLOSED','RESOLVED') THEN now() - make_interval(mins => ((g::bigint * 104729) % (730 * 1440))::int) + make_interval(hours => (4 + g % 200)::int) END AS resolved
         ) x`,
        [from, to, places],
      );
      if (to % 500_000 === 0 || to === total) log(`  ${f0(to)} cases written [${secs(since(t))}]`);
    }
    timings.casesMs = since(t);
    t = performance.now();
    await db.query(`ANALYZE resident_case`);
    await db.query(`ANALYZE app_user`);
    timings.analyzeMs = since(t);
    const { rows } = await db.query(`SELECT
        count(*)::int AS cases,
        count(*) FILTER (WHERE status NOT IN ('CLOSED','REJECTED'))::int AS unfinished,
        count(*) FILTER (WHERE overdue_at IS NOT NULL AND status NOT IN ('CLOSED','REJECTED','RESOLVED'))::int AS overdue,
        count(DISTINCT street_id)::int AS streets,
        pg_size_pretty(pg_total_relation_size('resident_case')) AS size
      FROM resident_case`);
    const admins = (
      await db.query(
        `SELECT id, scope_region_id AS street FROM app_user WHERE role = 'STREET_ADMIN' AND username LIKE 'bench_street_%'`,
      )
    ).rows;
    return { counts: rows[0], timings, admins };
  } finally {
    await db.end();
  }
}

/** Makes `n` unfinished, not yet overdue cases fall due now (spread over every street). */
async function makeDue(url, n) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rowCount } = await db.query(
      `UPDATE resident_case SET deadline_at = now() - interval '1 second'
       WHERE id IN (SELECT id FROM resident_case
                    WHERE overdue_at IS NULL AND deadline_at > now() AND status IN ('REPORTED','ACCEPTED','ASSIGNED','IN_PROGRESS','ESCALATED','REOPENED')
                    ORDER BY md5(id::text) LIMIT $1)`,
      [n],
    );
    return rowCount ?? 0;
  } finally {
    await db.end();
  }
}

/** The plan of the board's statement for one street, and of the worker's queue. */
async function explain(url, streetId) {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const board = await db.query(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
       SELECT c.* FROM resident_case c WHERE c.street_id = $1 AND c.status NOT IN ('CLOSED','REJECTED')
       ORDER BY (c.overdue_at IS NULL), coalesce(c.deadline_at, 'infinity'::timestamptz), c.id LIMIT 21`,
      [streetId],
    );
    const queue = await db.query(
      `EXPLAIN (COSTS OFF) SELECT id FROM resident_case
       WHERE overdue_at IS NULL AND deadline_at <= now() AND status = ANY($1::text[]) ORDER BY deadline_at LIMIT 1000`,
      [['REPORTED', 'ACCEPTED', 'ASSIGNED', 'IN_PROGRESS', 'ESCALATED', 'REOPENED']],
    );
    const text = (r) => r.rows.map((x) => x['QUERY PLAN']).join('\n');
    return { board: text(board), queue: text(queue) };
  } finally {
    await db.end();
  }
}

/** The target process and a request/response channel to it. */
function startTarget(url, o) {
  const child = fork(path.join(__dirname, 'cases-server.js'), [], {
    execArgv: (process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=32').split(' ').filter(Boolean),
    env: {
      ...process.env,
      BENCH_DB_URL: url,
      BENCH_POOL_MAX: String(o.poolMax),
      NODE_ENV: o.nodeEnv,
      JWT_SECRET: o.jwtSecret,
      PHONE_KEY: process.env.PHONE_KEY || randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  /** @type {Map<number, (m: any) => void>} */
  const pending = new Map();
  /** @type {Promise<any>} */
  const ready = new Promise((resolve, reject) => {
    child.on('message', (/** @type {any} */ m) => {
      if (m.type === 'ready') return resolve(m);
      pending.get(m.id)?.(m);
      pending.delete(m.id);
    });
    child.on('exit', (code) => reject(new Error(`cases bench server exited (${code})`)));
  });
  ready.catch(() => undefined);
  /** @param {Record<string, unknown>} msg @returns {Promise<any>} */
  const call = (msg) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, (m) => (m.type === 'error' ? reject(new Error(m.error)) : resolve(m)));
      child.send({ ...msg, id });
    });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    await call({ type: 'stop' }).catch(() => undefined);
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  };
  return { ready, call, stop };
}

const okBoard = (/** @type {string} */ body) => body.startsWith('{"data":{"cases":{');

async function casesBench() {
  const cfg = config();
  const started = performance.now();
  /** @type {any} */
  const report = {
    benchmark: 'residents’ cases at Shanghai scale: the street board and the overdue worker',
    startedAt: new Date().toISOString(),
    config: cfg,
    machine: machineInfo(),
    query: QUERY,
  };
  warnIfBusy(log, 'quiet/working');
  const cleanups = cleanupStack('[bench:cases]');
  try {
    // ---------------------------------------------------------------- data
    const previous = process.env.BENCH_DATABASE;
    process.env.BENCH_DATABASE = cfg.database;
    const db = await openBenchDatabase();
    if (previous === undefined) delete process.env.BENCH_DATABASE;
    else process.env.BENCH_DATABASE = previous;
    cleanups.push(() => db.stop());
    log(`database ${cfg.database} recreated on ${db.where}`);
    let t = performance.now();
    const shanghai = generateShanghai();
    const loaded = await loadBenchData(db.url, shanghai);
    const places = summarize(shanghai);
    log(
      `Shanghai places loaded in ${secs(since(t))}: ${places.streets} streets, ${f0(places.communities)} communities, ${f0(places.centers)} centers`,
    );
    t = performance.now();
    const gen = await generateCases(db.url, cfg.cases);
    report.data = {
      places,
      database: loaded.counts,
      cases: gen.counts,
      timings: { ...gen.timings, loadPlacesMs: loaded.timings },
    };
    log(
      `${f0(gen.counts.cases)} cases generated in ${secs(since(t))} (${f0(gen.counts.unfinished)} unfinished, ` +
        `${f0(gen.counts.overdue)} already overdue, over ${gen.counts.streets} streets; table ${gen.counts.size})`,
    );

    // ---------------------------------------------------------------- target, tokens, payloads
    const jwtSecret = randomBytes(32).toString('hex');
    const target = startTarget(db.url, { poolMax: cfg.poolMax, nodeEnv: cfg.nodeEnv, jwtSecret });
    cleanups.push(() => target.stop());
    const ready = await target.ready;
    log(`API up on http://127.0.0.1:${ready.gqlPort}/graphql (NODE_ENV=${cfg.nodeEnv}, workers off)`);
    const rng = new Rng('cases-bench');
    const payloads = rng.sample(gen.admins, gen.admins.length).map((a) => ({
      street: a.street,
      body: Buffer.from(JSON.stringify({ query: QUERY, variables: { first: 20 } })),
      headers: {
        authorization: `Bearer ${jwt.sign({ role: 'STREET_ADMIN' }, jwtSecret, {
          subject: String(a.id),
          expiresIn: '12h',
          algorithm: 'HS256',
          issuer: 'life-circle',
        })}`,
      },
    }));
    const first = await target.call({
      type: 'count',
      body: payloads[0].body.toString('utf8'),
      headers: payloads[0].headers,
    });
    const answer = JSON.parse(first.body);
    if (!answer.data) throw new Error(`the board query failed: ${first.body.slice(0, 500)}`);
    report.statementsPerRequest = first.count;
    report.sample = {
      street: payloads[0].street,
      totalCount: answer.data.cases.totalCount,
      rows: answer.data.cases.edges.length,
    };
    log(
      `board of a street: ${answer.data.cases.totalCount} unfinished cases, first page ${answer.data.cases.edges.length} rows, ` +
        `${first.count} SQL statements per request`,
    );
    report.plans = await explain(db.url, payloads[0].street);
    log(
      `board plan: ${report.plans.board.split('\n')[0].trim()} …; worker queue: ${report.plans.queue
        .split('\n')
        .slice(0, 3)
        .map((l) => l.trim())
        .join(' / ')}`,
    );

    const cpu = async () => {
      const m = await target.call({ type: 'cpu' });
      return (m.cpu.user + m.cpu.system) / 1000;
    };
    if (cfg.warmupSeconds > 0) {
      const w = await runPaced({
        port: ready.gqlPort,
        path: '/graphql',
        bodies: payloads,
        rate: cfg.rate * 2,
        seconds: cfg.warmupSeconds,
        ok: okBoard,
      });
      log(`warm-up: ${w.ok} requests, p99 ${f1(w.latency.p99)} ms`);
    }

    // ---------------------------------------------------------------- rounds
    /** @type {any[]} */
    const rounds = [];
    /** @type {Record<string, number[]>} */
    const pooled = { quiet: [], working: [] };
    for (let r = 0; r < cfg.rounds; r++) {
      const offset = r * 37;
      let c0 = await cpu();
      const quiet = await runPaced({
        port: ready.gqlPort,
        path: '/graphql',
        bodies: payloads,
        rate: cfg.rate,
        seconds: cfg.seconds,
        offset,
        ok: okBoard,
      });
      const quietCpu = ((await cpu()) - c0) / Math.max(1, quiet.ok);
      pooled.quiet.push(...quiet.latencies);
      log(
        `round ${r + 1} quiet:   ${f1(quiet.achievedRps)} req/s, p50 ${f1(quiet.latency.p50)} ms, p99 ${f1(quiet.latency.p99)} ms, ` +
          `max ${f1(quiet.latency.max)} ms, CPU ${f1(quietCpu)} ms/req${quiet.failed + quiet.bad ? `, ${quiet.failed + quiet.bad} FAILED` : ''}`,
      );
      const due = await makeDue(db.url, cfg.overdue);
      c0 = await cpu();
      const load = runPaced({
        port: ready.gqlPort,
        path: '/graphql',
        bodies: payloads,
        rate: cfg.rate,
        seconds: cfg.seconds,
        offset: offset + 11,
        ok: okBoard,
      });
      await new Promise((res) => setTimeout(res, 2000));
      const mark = await target.call({ type: 'mark', fanOut: true });
      const working = await load;
      const workingCpu = ((await cpu()) - c0) / Math.max(1, working.ok);
      pooled.working.push(...working.latencies);
      log(
        `round ${r + 1} working: ${f0(due)} cases fell due; the worker marked ${f0(mark.marked)} in ${secs(mark.markMs)}, ` +
          `their ${f0(mark.events)} notices expanded in ${secs(mark.fanOutMs)}; board p50 ${f1(working.latency.p50)} ms, ` +
          `p99 ${f1(working.latency.p99)} ms, max ${f1(working.latency.max)} ms${working.failed + working.bad ? `, ${working.failed + working.bad} FAILED` : ''}`,
      );
      const { latencies: _q, ...quietRest } = quiet;
      const { latencies: _w, ...workingRest } = working;
      rounds.push({
        round: r + 1,
        quiet: { ...quietRest, cpuMsPerRequest: quietCpu },
        working: { ...workingRest, cpuMsPerRequest: workingCpu },
        due,
        mark,
      });
    }
    report.rounds = rounds;

    // ---------------------------------------------------------------- checks
    const db2 = new Client({ connectionString: db.url });
    await db2.connect();
    const [markedOnce] = (
      await db2.query(`SELECT count(*)::int AS cases, count(*) FILTER (WHERE n > 1)::int AS twice
                       FROM (SELECT case_id, count(*) AS n FROM case_event WHERE kind = 'OVERDUE' GROUP BY case_id) x`)
    ).rows;
    await db2.end();
    report.markedOnce = markedOnce;
    const quietStats = latencyStats(pooled.quiet);
    const workingStats = latencyStats(pooled.working);
    const worstMark = Math.max(...rounds.map((x) => x.mark.markMs));
    const slowdown = workingStats.p99 / quietStats.p99;
    const failed = rounds.reduce(
      (a, x) => a + x.quiet.failed + x.quiet.bad + x.working.failed + x.working.bad,
      0,
    );
    const checks = [
      {
        name: `board p99 at ${cfg.rate} req/s (quiet)`,
        target: `< ${TARGETS.boardP99Ms} ms`,
        value: `${f1(quietStats.p99)} ms`,
        pass: quietStats.p99 < TARGETS.boardP99Ms && failed === 0,
      },
      {
        name: `overdue worker, ${f0(cfg.overdue)} newly overdue cases (worst round)`,
        target: `< ${TARGETS.markSeconds} s`,
        value: secs(worstMark),
        pass: worstMark < TARGETS.markSeconds * 1000 && rounds.every((x) => x.mark.marked === x.due),
      },
      {
        name: 'board p99 while the worker works / quiet',
        target: `≤ ${TARGETS.slowdown}×`,
        value: `${slowdown.toFixed(2)}× (${f1(workingStats.p99)} / ${f1(quietStats.p99)} ms)`,
        pass: slowdown <= TARGETS.slowdown,
      },
      {
        name: 'cases marked overdue more than once',
        target: '0',
        value: String(markedOnce.twice),
        pass: markedOnce.twice === 0,
      },
    ];
    report.summary = { quiet: quietStats, working: workingStats, slowdown, worstMarkMs: worstMark };
    report.checks = checks;
    report.finishedAt = new Date().toISOString();
    report.machine.loadAverageAtEnd = os.loadavg().map((x) => +x.toFixed(2));
    report.totalMs = since(started);
    const verdict = (c) => (c.pass ? 'PASS' : 'MISSED');
    const md = [
      `### Residents' cases at Shanghai scale (\`BENCH_ONLY=cases pnpm bench\`)`,
      '',
      `${f0(gen.counts.cases)} cases over ${gen.counts.streets} streets/towns (${f0(gen.counts.unfinished)} unfinished), generated in ${secs(gen.timings.casesMs)}; ` +
        `a street's board (first page of 20, overdue first) reads ${report.statementsPerRequest} SQL statements.`,
      '',
      `| measure | quiet | while the worker marks ${f0(cfg.overdue)} cases |`,
      `|---|---:|---:|`,
      `| board p50 / p99 at ${cfg.rate} req/s, ms (pooled, ${cfg.rounds} × ${cfg.seconds} s) | ${f1(quietStats.p50)} / ${f1(quietStats.p99)} | ${f1(workingStats.p50)} / ${f1(workingStats.p99)} |`,
      `| worker: marking / expanding the notices, s (per round) | | ${rounds.map((x) => `${secs(x.mark.markMs)} / ${secs(x.mark.fanOutMs)}`).join('; ')} |`,
      '',
      `| target | wanted | measured | result |`,
      `|---|---|---|---|`,
      ...checks.map((c) => `| ${c.name} | ${c.target} | ${c.value} | ${verdict(c)} |`),
      '',
      `${report.machine.cpus} CPUs (${report.machine.cpuModel}), Node ${process.version}, PostgreSQL ${loaded.counts.server_version}; ` +
        `API with NODE_ENV=${cfg.nodeEnv}, pool ${cfg.poolMax}; load generator, API and PostgreSQL share the machine ` +
        `(load average ${report.machine.loadAverageAtStart[0]} at start, ${report.machine.loadAverageAtEnd[0]} at end).`,
      '',
    ].join('\n');
    report.markdown = md;
    fs.mkdirSync(cfg.outDir, { recursive: true });
    fs.writeFileSync(path.join(cfg.outDir, 'cases.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(path.join(cfg.outDir, 'cases.md'), md);
    console.log('\n' + md);
    for (const c of checks) console.log(`${verdict(c).padEnd(6)} ${c.name}: ${c.value} (target ${c.target})`);
    log(
      `results in ${path.relative(REPO_ROOT, cfg.outDir) || '.'}/cases.{json,md}; whole run ${secs(report.totalMs)}`,
    );
  } finally {
    await cleanups.done();
  }
}

module.exports = { casesBench, QUERY };

if (require.main === module) {
  casesBench().then(
    () => process.exit(process.exitCode ?? 0),
    (err) => {
      console.error('[bench:cases] crashed:', err);
      process.exit(1);
    },
  );
}
