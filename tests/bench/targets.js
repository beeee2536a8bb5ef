// @ts-check
// The bench's target process: server.js, forked with an IPC channel, runs the real API and a
// hand-written baseline server on loopback; the parent drives the load.
'use strict';

const path = require('node:path');
const { fork } = require('node:child_process');
const { randomBytes } = require('node:crypto');

/**
 * The target process (server.js) and a request/response channel to it.
 * @param {string} url the bench database
 * @param {{ poolMax: number, nodeEnv: string, baseline?: string, extra?: string[], jwtSecret?: string, env?: Record<string, string> }} o
 *   baseline: the module of this folder with the bench's hand-written server (default baseline.js);
 *   extra: more servers, as "module:export" (e.g. "one-statement:createOneStatementServer")
 */
function startTargets(url, o) {
  const child = fork(path.join(__dirname, 'server.js'), [], {
    // the same V8 flags as the API's start scripts (a larger young generation: fewer scavenges)
    execArgv: (process.env.BENCH_NODE_FLAGS ?? '--max-semi-space-size=32').split(' ').filter(Boolean),
    env: {
      ...process.env,
      BENCH_DB_URL: url,
      BENCH_POOL_MAX: String(o.poolMax),
      BENCH_BASELINE: o.baseline ?? 'baseline',
      BENCH_EXTRA: (o.extra ?? []).join(','),
      ...o.env,
      // the servers run as deployed: NODE_ENV=production (graphql-js drops its development checks)
      NODE_ENV: o.nodeEnv,
      JWT_SECRET: o.jwtSecret || process.env.JWT_SECRET || randomBytes(32).toString('hex'),
      // production refuses to start without a phone key (the benches read no phone numbers)
      PHONE_KEY: process.env.PHONE_KEY || randomBytes(32).toString('hex'),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  /** @type {Map<number, { resolve: (m: any) => void, reject: (e: Error) => void }>} */
  const pending = new Map();
  /** @type {Promise<any>} */
  const ready = new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('bench server did not start within 120 s')), 120000);
    child.on('message', (/** @type {any} */ m) => {
      if (m.type === 'ready') {
        clearTimeout(t);
        resolve(m);
        return;
      }
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.type === 'error') p.reject(new Error(m.error));
      else p.resolve(m);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(t);
      const err = new Error(`bench server exited (code ${code}, signal ${signal})`);
      reject(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
  });
  ready.catch(() => undefined);
  /** @param {Record<string, unknown>} msg @returns {Promise<any>} */
  const call = (msg, timeoutMs = 60000) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      const t = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`bench server: no answer to ${msg.type}`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (m) => (clearTimeout(t), resolve(m)),
        reject: (e) => (clearTimeout(t), reject(e)),
      });
      child.send({ ...msg, id });
    });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      if (child.connected) await call({ type: 'stop' }, 15000);
    } catch {}
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  };
  return { child, ready, call, stop };
}

module.exports = { startTargets };
