// @ts-check
/* global require, module, Buffer, setTimeout, clearTimeout */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, run by plain node against api/dist */
// Load generators: autocannon (closed loop, for saturation) and an open-loop pacer that sends
// evenly spaced requests at a fixed rate and measures latency from each request's *scheduled*
// send time (so a slow server cannot hide its queueing: no coordinated omission).
'use strict';

const http = require('node:http');
const { performance } = require('node:perf_hooks');
const autocannon = require('autocannon');

/** @param {number[]} sorted ascending @param {number} q in [0, 1] */
function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** @param {number[]} values */
function latencyStats(values) {
  const s = Float64Array.from(values).sort();
  const arr = Array.from(s);
  const mean = arr.length ? arr.reduce((a, b) => a + b, 0) / arr.length : NaN;
  return {
    n: arr.length,
    mean,
    p50: quantile(arr, 0.5),
    p90: quantile(arr, 0.9),
    p99: quantile(arr, 0.99),
    max: arr.length ? arr[arr.length - 1] : NaN,
  };
}

/** A body looks like a successful centersNear answer. */
const okBody = (/** @type {string} */ b) =>
  b.startsWith('{"data":{"centersNear":[') && !b.includes('"errors"');

/**
 * autocannon against one target, bodies rotated per request (a shared counter across connections).
 * @param {{ port: number, path: string, bodies: Buffer[], connections: number, seconds: number,
 *           overallRate?: number, offset?: number }} o
 */
function runAutocannon(o) {
  let next = o.offset ?? 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${o.port}`,
        connections: o.connections,
        duration: o.seconds,
        timeout: 10,
        ...(o.overallRate ? { overallRate: o.overallRate, ignoreCoordinatedOmission: true } : {}),
        verifyBody: okBody,
        requests: [
          {
            method: 'POST',
            path: o.path,
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => {
              req.body = o.bodies[next++ % o.bodies.length];
              return req;
            },
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err);
        const seconds = r.duration || o.seconds;
        resolve({
          rps: r['2xx'] / seconds,
          ok: r['2xx'],
          non2xx: r.non2xx,
          errors: r.errors,
          timeouts: r.timeouts,
          mismatches: r.mismatches,
          seconds,
          latency: {
            mean: r.latency.average,
            p50: r.latency.p50,
            p90: r.latency.p90,
            p99: r.latency.p99,
            max: r.latency.max,
          },
        });
      },
    );
  });
}

/**
 * Open-loop fixed rate: request i is due at t0 + i/rate; latency = response end − due time.
 * Bounded: exactly rate × seconds requests, each with a timeout.
 * @param {{ port: number, path: string, bodies: Buffer[], rate: number, seconds: number,
 *           maxSockets?: number, offset?: number, timeoutMs?: number }} o
 */
function runPaced(o) {
  const total = Math.max(1, Math.round(o.rate * o.seconds));
  const interval = 1000 / o.rate;
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.maxSockets ?? 64 });
  /** @type {number[]} */
  const latencies = [];
  let finished = 0;
  let failed = 0;
  let bad = 0;
  let maxSendLag = 0;
  let lastEnd = 0;
  return new Promise((resolve) => {
    const t0 = performance.now() + 20;
    let sent = 0;
    /** @type {ReturnType<typeof setTimeout> | null} */
    let timer = null;
    const done = () => {
      if (++finished < total) return;
      if (timer) clearTimeout(timer);
      agent.destroy();
      const elapsed = (lastEnd - t0) / 1000;
      resolve({
        sent: total,
        ok: latencies.length,
        failed,
        bad,
        achievedRps: latencies.length / Math.max(elapsed, o.seconds),
        maxSendLagMs: maxSendLag,
        latency: latencyStats(latencies),
        latencies,
      });
    };
    const send = (/** @type {number} */ i) => {
      const due = t0 + i * interval;
      maxSendLag = Math.max(maxSendLag, performance.now() - due);
      const body = o.bodies[((o.offset ?? 0) + i) % o.bodies.length];
      let settled = false;
      const settle = (/** @type {boolean} */ good, /** @type {boolean} */ transport) => {
        if (settled) return;
        settled = true;
        const end = performance.now();
        lastEnd = Math.max(lastEnd, end);
        if (good) latencies.push(end - due);
        else if (transport) failed++;
        else bad++;
        done();
      };
      const req = http.request(
        {
          host: '127.0.0.1',
          port: o.port,
          path: o.path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': body.length },
          timeout: o.timeoutMs ?? 10000,
        },
        (res) => {
          /** @type {Buffer[]} */
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            settle(res.statusCode === 200 && okBody(Buffer.concat(chunks).toString('utf8')), false),
          );
          res.on('error', () => settle(false, true));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => settle(false, true));
      req.end(body);
    };
    const tick = () => {
      timer = null;
      const now = performance.now();
      while (sent < total && t0 + sent * interval <= now) send(sent++);
      if (sent < total) timer = setTimeout(tick, Math.max(0, t0 + sent * interval - performance.now()));
    };
    timer = setTimeout(tick, 20);
  });
}

module.exports = { runAutocannon, runPaced, latencyStats, okBody };
