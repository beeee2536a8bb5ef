// The processes a user runs: the embedded database keeps its data across restarts, and the API
// answers its probes and drains on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';

const REPO = path.join(__dirname, '..', '..');
const API_DIST = path.join(REPO, 'api', 'dist');

function runNode(
  script: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: REPO, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

async function waitFor(url: string, ms: number): Promise<Response> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(url);
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

describe('embedded PostgreSQL', () => {
  const dir = path.join(REPO, '.data', `embedded-probe-${process.pid}`);
  const port = 54400 + (process.pid % 500);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('initialises once, survives a stop and a start, and ships cube + earthdistance', async () => {
    const script = (sql: string) => `
      const { startEmbeddedPostgres } = require(${JSON.stringify(path.join(API_DIST, 'db', 'embedded.js'))});
      const { Client } = require(${JSON.stringify(require.resolve('pg'))});
      (async () => {
        const pg = await startEmbeddedPostgres(${JSON.stringify(dir)}, ${port});
        const c = new Client({ connectionString: pg.url('postgres') });
        await c.connect();
        const r = await c.query(${JSON.stringify(sql)});
        console.log('ROWS=' + JSON.stringify(r.rows));
        await c.end();
        await pg.stop();
      })().catch((e) => { console.error(e); process.exit(1); });`;
    const first = await runNode(
      script(`CREATE EXTENSION IF NOT EXISTS earthdistance CASCADE;
              CREATE TABLE kept (v text); INSERT INTO kept VALUES ('桃浦东片区');
              SELECT round(earth_distance(ll_to_earth(31.2, 121.4), ll_to_earth(31.21, 121.4))) AS m`),
    );
    expect(first.code).toBe(0);
    const second = await runNode(script(`SELECT v FROM kept`));
    expect(second.code).toBe(0);
    expect(second.out).toContain('ROWS=[{"v":"桃浦东片区"}]');
  }, 120000);
});

describe('the API process', () => {
  let child: ChildProcess | null = null;
  afterAll(() => child?.kill('SIGKILL'));

  it('answers /healthz and /readyz, then drains and exits 0 on SIGTERM', async () => {
    const port = 45000 + (process.pid % 1000);
    child = spawn(process.execPath, [path.join(API_DIST, 'cli', 'serve.js')], {
      cwd: REPO,
      env: {
        ...process.env,
        DATABASE_URL: process.env.LC_TEST_DATABASE_URL,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: 'ignore',
    });
    const health = await waitFor(`http://127.0.0.1:${port}/healthz`, 30000);
    expect(health.status).toBe(200);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    child = null;
  }, 60000);
});
