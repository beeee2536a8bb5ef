#!/usr/bin/env node
// `pnpm build` (and `pnpm start`, `pnpm test` through it): builds only what changed. Each package's
// inputs — its own files (sources, configs; not node_modules, not its outputs), the shared root
// files, and the stamps of the packages it builds on — are hashed by content; a package whose hash
// equals the stamp its last successful build left in its output folder is skipped. The API compiles
// incrementally (tsc --incremental), the SPAs build in parallel with it. `--force` rebuilds all.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');

/** What to build, where its outputs go, what it reads besides its own folder. */
const PACKAGES = [
  { name: '@lc/domain', dir: 'packages/domain', out: 'dist', deps: [], extra: [] },
  { name: 'api', dir: 'api', out: 'dist', deps: ['@lc/domain'], extra: [] },
  // the SPAs generate their types from the committed SDL, not from the API's build
  {
    name: 'web-admin',
    dir: 'web-admin',
    out: 'dist',
    deps: ['@lc/domain'],
    extra: ['schema/schema.graphql', 'tools/vite-precompress.ts'],
  },
  {
    name: 'web-resident',
    dir: 'web-resident',
    out: 'dist',
    deps: ['@lc/domain'],
    extra: ['schema/schema.graphql', 'tools/vite-precompress.ts'],
  },
];
/** Read by every package's build. */
const SHARED = ['pnpm-lock.yaml', 'tsconfig.base.json', 'package.json', 'tools/build.mjs'];
/** Never inputs: dependencies, outputs, generated code, caches. */
const SKIP = new Set(['node_modules', 'dist', 'gql', '.turbo', 'coverage', '.vite']);
const STAMP = '.build-stamp';

function filesUnder(dir, list = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name) || e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) filesUnder(full, list);
    else if (e.isFile()) list.push(full);
  }
  return list;
}

function hashOf(pkg, depHashes) {
  const h = createHash('sha256');
  const files = [
    ...filesUnder(path.join(ROOT, pkg.dir)),
    ...[...SHARED, ...pkg.extra].map((f) => path.join(ROOT, f)),
  ];
  for (const f of files.sort()) {
    if (!existsSync(f)) continue;
    h.update(path.relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  for (const d of pkg.deps) h.update(`${d}=${depHashes.get(d)}\0`);
  return h.digest('hex');
}

const stampFile = (pkg) => path.join(ROOT, pkg.dir, pkg.out, STAMP);
const upToDate = (pkg, hash) =>
  !force && existsSync(stampFile(pkg)) && readFileSync(stampFile(pkg), 'utf8').trim() === hash;

function run(pkg) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn('pnpm', ['--filter', pkg.name, 'run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0
        ? resolve(Math.round(performance.now() - t))
        : reject(new Error(`${pkg.name}: build failed (exit ${code})`)),
    );
    child.on('error', reject);
  });
}

const started = performance.now();
const hashes = new Map();
const jobs = new Map();
for (const pkg of PACKAGES) {
  const hash = hashOf(pkg, hashes);
  hashes.set(pkg.name, hash);
  if (upToDate(pkg, hash)) {
    jobs.set(pkg.name, Promise.resolve('up to date'));
    continue;
  }
  // start once the packages it builds on are built; siblings run side by side
  jobs.set(
    pkg.name,
    Promise.all(pkg.deps.map((d) => jobs.get(d))).then(async () => {
      const ms = await run(pkg);
      mkdirSync(path.dirname(stampFile(pkg)), { recursive: true });
      writeFileSync(stampFile(pkg), hash + '\n');
      return `built in ${(ms / 1000).toFixed(1)} s`;
    }),
  );
}
try {
  for (const pkg of PACKAGES) console.log(`[build] ${pkg.name}: ${await jobs.get(pkg.name)}`);
  console.log(`[build] done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  console.error(`[build] ${err.message}`);
  process.exit(1);
}
