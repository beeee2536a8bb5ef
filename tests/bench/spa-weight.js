// @ts-check
// `BENCH_ONLY=weight`: the SPAs' JavaScript weight, measured by the browser test
// tests/e2e/spa-weight.test.ts (Chromium, empty cache, bytes as transferred) and printed here.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { REPO_ROOT } = require('./db');

async function weightBench() {
  const outDir = process.env.BENCH_OUT || path.join(REPO_ROOT, 'bench-results');
  const r = spawnSync('npx', ['jest', '--runInBand', 'e2e/spa-weight.test.ts'], {
    cwd: path.join(REPO_ROOT, 'tests'),
    stdio: 'inherit',
    env: process.env,
  });
  const file = path.join(REPO_ROOT, 'bench-results', 'spa-weight.json');
  if (!fs.existsSync(file)) throw new Error('the SPA weight test wrote no figures');
  const { results, budgetsKb } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const names = {
    adminLogin: 'admin login page',
    adminDashboard: 'admin dashboard',
    residentHome: 'resident home page',
  };
  const kb = (/** @type {number} */ b) => (b / 1024).toFixed(0);
  const md = [
    '### SPA weight (`BENCH_ONLY=weight`, browser test `tests/e2e/spa-weight.test.ts`)',
    '',
    '| page | JavaScript transferred | decoded | scripts | encoding | budget | result |',
    '|---|---:|---:|---:|---|---:|---|',
    ...Object.entries(results).map(
      ([k, v]) =>
        `| ${names[/** @type {keyof typeof names} */ (k)]} | ${kb(v.jsBytes)} KB | ${kb(v.jsDecodedBytes)} KB | ${v.scripts} | ${v.encodings.join(', ')} | ≤ ${budgetsKb[k]} KB | ${v.jsBytes / 1024 <= budgetsKb[k] ? 'PASS' : 'MISSED'} |`,
    ),
    '',
    'Chromium (headless, Debian), empty cache, until the network is idle; bytes on the wire including headers.',
    '',
  ].join('\n');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'spa-weight.md'), md);
  console.log('\n' + md);
  if (r.status !== 0) process.exitCode = 1;
}

module.exports = { weightBench };
