// @ts-check
// `BENCH_ONLY=start`: how long `pnpm start` takes to be ready (API /readyz and both SPAs answering)
// on a warm checkout (nothing changed since the last build), on its own database (lc_bench_start on
// DATABASE_URL's server, or the embedded one when DATABASE_URL is unset). Run 3 times.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { REPO_ROOT } = require('./db');

const TARGET_S = 10;
// (not 4190: fetch refuses it, a WHATWG "bad port")
const PORTS = { api: 4180, admin: 5181, resident: 5182 };

async function answers(/** @type {string} */ url) {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return r.ok;
  } catch {
    return false;
  }
}

/** One `pnpm start`: seconds until ready, then stopped with SIGINT. */
async function once() {
  const env = {
    ...process.env,
    PORT: String(PORTS.api),
    ADMIN_PORT: String(PORTS.admin),
    RESIDENT_PORT: String(PORTS.resident),
    LOG_LEVEL: 'warn',
  };
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = '/lc_bench_start';
    env.DATABASE_URL = u.toString();
  } else env.EMBEDDED_PG_DIR = path.join(REPO_ROOT, '.data', 'postgres-bench-start');
  const t0 = performance.now();
  const child = spawn('pnpm', ['start'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let ready = NaN;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) break;
    const ok =
      (await answers(`http://127.0.0.1:${PORTS.api}/readyz`)) &&
      (await answers(`http://127.0.0.1:${PORTS.admin}/`)) &&
      (await answers(`http://127.0.0.1:${PORTS.resident}/`));
    if (ok) {
      ready = (performance.now() - t0) / 1000;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-(/** @type {number} */ (child.pid)), 'SIGINT');
  } catch {}
  const t = setTimeout(() => {
    try {
      process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
    } catch {}
  }, 15000);
  await exited;
  clearTimeout(t);
  return ready;
}

async function startBench() {
  const outDir = process.env.BENCH_OUT || path.join(REPO_ROOT, 'bench-results');
  /** @type {number[]} */
  const times = [];
  // the first start may build and create the database; the three after it are the warm starts
  const first = await once();
  for (let i = 0; i < 3; i++) times.push(await once());
  const worst = Math.max(...times);
  const md = [
    '### Start (`BENCH_ONLY=start`)',
    '',
    '| `pnpm start` until API /readyz and both SPAs answer | seconds | target | result |',
    '|---|---:|---:|---|',
    `| first start of this run (builds what changed, creates the database when missing) | ${first.toFixed(1)} | | |`,
    `| warm checkout, nothing changed (3 starts) | ${times.map((x) => x.toFixed(1)).join(', ')} | ≤ ${TARGET_S} | ${worst <= TARGET_S ? 'PASS' : 'MISSED'} |`,
    '',
  ].join('\n');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'start.json'), JSON.stringify({ first, warm: times }, null, 2) + '\n');
  fs.writeFileSync(path.join(outDir, 'start.md'), md);
  console.log('\n' + md);
}

module.exports = { startBench };
