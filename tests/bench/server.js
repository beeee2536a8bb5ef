// @ts-check
// The benchmark's target process (started by run.js with an IPC channel): the real GraphQL API
// (createApiServer on a TypeORM pool) and the raw-SQL baseline (node:http on a pg.Pool of the same
// size), both on 127.0.0.1, random ports. Load generation stays in the parent process.
'use strict';

process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL || 'warn';

const { Pool } = require('pg');
const { connect } = require('api/dist/db/data-source');
const { createApiServer } = require('api/dist/server');
const { queryCounter } = require('api/dist/db/query-counter');
// the baseline of the bench being run (BENCH_BASELINE: a module of this folder exporting
// createBaselineServer(pool)); centersNear's by default
const { createBaselineServer } = require(`./${process.env.BENCH_BASELINE || 'baseline'}`);
const { post } = require('./http');

const url = /** @type {string} */ (process.env.BENCH_DB_URL);
const poolMax = Number(process.env.BENCH_POOL_MAX || 10);

/** @param {import('node:http').Server} server */
const listen = (server) =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });

async function main() {
  const ds = await connect(url, { poolMax });
  const api = await createApiServer(ds);
  const gqlPort = await api.listen(0, '127.0.0.1');
  const pool = new Pool({
    connectionString: url,
    max: poolMax,
    application_name: 'life-circle-bench-baseline',
  });
  // an idle connection closed by the server (e.g. PostgreSQL stopping on Ctrl-C) must not crash us
  pool.on('error', (err) => console.error(`[bench] baseline pool: ${err.message}`));
  const baseline = createBaselineServer(pool);
  const basePort = await listen(baseline);
  // more hand-written servers of the same bench (BENCH_EXTRA: module:export,…), each on its own pool
  /** @type {Record<string, number>} */
  const extraPorts = {};
  /** @type {{ server: import('node:http').Server, pool: import('pg').Pool }[]} */
  const extras = [];
  for (const spec of (process.env.BENCH_EXTRA || '').split(',').filter(Boolean)) {
    const [mod, fn] = spec.split(':');
    const xpool = new Pool({
      connectionString: url,
      max: poolMax,
      application_name: `life-circle-bench-${mod}`,
    });
    xpool.on('error', (err) => console.error(`[bench] ${mod} pool: ${err.message}`));
    const server = require(`./${mod}`)[fn](xpool);
    extraPorts[mod] = await listen(server);
    extras.push({ server, pool: xpool });
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    baseline.closeAllConnections?.();
    await new Promise((r) => baseline.close(() => r(undefined)));
    for (const x of extras) {
      x.server.closeAllConnections?.();
      await new Promise((r) => x.server.close(() => r(undefined)));
      await x.pool.end();
    }
    api.httpServer.closeAllConnections?.();
    await api.close();
    await pool.end();
    await ds.destroy();
  };

  process.on('message', async (/** @type {any} */ msg) => {
    try {
      if (msg.type === 'count') {
        // statements of exactly one GraphQL request (nothing else runs in this process meanwhile)
        queryCounter.reset();
        const r = await post(gqlPort, '/graphql', msg.body, msg.headers);
        const count = queryCounter.count;
        process.send?.({ type: 'count', id: msg.id, count, status: r.status, body: r.body });
      } else if (msg.type === 'cpu') {
        process.send?.({ type: 'cpu', id: msg.id, cpu: process.cpuUsage(), mem: process.memoryUsage().rss });
      } else if (msg.type === 'stop') {
        await stop();
        process.send?.({ type: 'stopped', id: msg.id });
        process.disconnect?.();
      }
    } catch (err) {
      process.send?.({ type: 'error', id: msg.id, error: String(err && /** @type {Error} */ (err).stack) });
    }
  });
  // the parent went away: do not linger
  process.on('disconnect', () => {
    stop().finally(() => process.exit(0));
  });
  process.send?.({ type: 'ready', gqlPort, basePort, extraPorts, pid: process.pid });
}

main().catch((err) => {
  console.error('bench server failed:', err);
  process.exit(1);
});
