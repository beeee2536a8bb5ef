// @ts-check
// The benchmark's own database: `lc_bench` (BENCH_DATABASE) on the server of DATABASE_URL, or on
// an embedded PostgreSQL in .data/postgres-bench (port 54349) when DATABASE_URL is unset. Dropped
// and recreated on every run, then migrated, loaded with writeSeed() and analysed.
'use strict';

const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** @param {string} url @param {string} database */
function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

const since = (/** @type {number} */ t) => Math.round(performance.now() - t);

/**
 * Starts (when needed) the server and recreates the bench database (with `reuse`, keeps it when it
 * exists: `reused` tells).
 * @returns {Promise<{ url: string, embedded: boolean, stop: () => Promise<void>, timings: Record<string, number>, where: string, reused: boolean }>}
 */
async function openBenchDatabase({ reuse = false } = {}) {
  const name = process.env.BENCH_DATABASE || 'lc_bench';
  if (!/bench/i.test(name))
    throw new Error(`BENCH_DATABASE must contain "bench" (it is dropped every run): ${name}`);
  /** @type {Record<string, number>} */
  const timings = {};
  let url;
  let stop = async () => undefined;
  let embedded = false;
  let reused = false;
  let where;
  if (process.env.DATABASE_URL) {
    url = withDatabase(process.env.DATABASE_URL, name);
    where = `${new URL(url).host} (DATABASE_URL's server)`;
  } else {
    const dataDir = process.env.BENCH_PG_DIR || path.join(REPO_ROOT, '.data', 'postgres-bench');
    const port = Number(process.env.BENCH_PG_PORT || 54349);
    const t = performance.now();
    const { startEmbeddedPostgres } = require('api/dist/db/embedded');
    const handle = await startEmbeddedPostgres(dataDir, port);
    timings.startEmbeddedMs = since(t);
    url = handle.url(name);
    stop = handle.stop;
    embedded = true;
    where = `embedded PostgreSQL 127.0.0.1:${port} (${path.relative(REPO_ROOT, dataDir)})`;
  }
  try {
    const t = performance.now();
    const admin = new Client({
      connectionString: withDatabase(url, 'postgres'),
      connectionTimeoutMillis: 10000,
    });
    await admin.connect();
    try {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      if (reuse) {
        const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
        reused = (rowCount ?? 0) > 0;
      }
      if (!reused) {
        await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${quoted} ENCODING 'UTF8' TEMPLATE template0`);
      }
    } finally {
      await admin.end();
    }
    timings.recreateMs = since(t);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, embedded, stop, timings, where, reused };
}

/**
 * Migrations, writeSeed(data), ANALYZE; returns timings and the row counts found afterwards.
 * @param {string} url
 * @param {import('api/dist/db/seed/seed-types').SeedData} data
 */
async function loadBenchData(url, data) {
  const { connect, migrate } = require('api/dist/db/data-source');
  const { writeSeed } = require('api/dist/db/seed/seed');
  /** @type {Record<string, number>} */
  const timings = {};
  const ds = await connect(url, { poolMax: 2 });
  try {
    let t = performance.now();
    await migrate(ds);
    timings.migrateMs = since(t);
    t = performance.now();
    await writeSeed(ds, data);
    timings.writeMs = since(t);
    t = performance.now();
    await ds.query('ANALYZE');
    timings.analyzeMs = since(t);
    const [counts] = await ds.query(`SELECT
        (SELECT count(*)::int FROM region) AS regions,
        (SELECT count(*)::int FROM center) AS centers,
        (SELECT count(*)::int FROM center_community) AS center_communities,
        (SELECT count(*)::int FROM service_item) AS services,
        (SELECT count(*)::int FROM service_offering) AS offerings,
        pg_size_pretty(pg_database_size(current_database())) AS size,
        current_setting('server_version') AS server_version`);
    return { timings, counts };
  } finally {
    await ds.destroy();
  }
}

module.exports = { openBenchDatabase, loadBenchData, REPO_ROOT };
