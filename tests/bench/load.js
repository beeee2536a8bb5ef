// @ts-check
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

/** @typedef {Buffer | { body: Buffer, headers: Record<string, string> }} Payload a body, or a body with its own headers */
/** @param {Payload} p */
const bodyOf = (p) => (Buffer.isBuffer(p) ? p : p.body);
/** @param {Payload} p @returns {Record<string, string>} */
const headersOf = (p) => (Buffer.isBuffer(p) ? {} : p.headers);

/**
 * autocannon against one target, bodies rotated per request (a shared counter across connections).
 * `ok` tells a good answer (default: a centersNear answer).
 * @param {{ port: number, path: string, bodies: Payload[], connections: number, seconds: number,
 *           overallRate?: number, offset?: number, ok?: (body: string) => boolean }} o
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
        verifyBody: o.ok ?? okBody,
        requests: [
          {
            method: 'POST',
            path: o.path,
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => {
              const p = o.bodies[next++ % o.bodies.length];
              req.body = bodyOf(p);
              if (!Buffer.isBuffer(p)) req.headers = { ...req.headers, ...p.headers };
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
 * Bounded: rate × seconds requests, and `graceMs` after the last one is due every request still
 * open is abandoned and counted with its age at that moment (so percentiles become lower bounds).
 * @param {{ port: number, path: string, bodies: Payload[], rate: number, seconds: number,
 *           maxSockets?: number, offset?: number, graceMs?: number, ok?: (body: string) => boolean }} o
 */
function runPaced(o) {
  const total = Math.max(1, Math.round(o.rate * o.seconds));
  const interval = 1000 / o.rate;
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.maxSockets ?? 64 });
  /** @type {number[]} latencies of good answers */
  const good = [];
  /** @type {number[]} latencies of every request, abandoned ones at their age when abandoned */
  const all = [];
  /** @type {Set<() => void>} */
  const open = new Set();
  let failed = 0;
  /** @type {Record<string, number>} why requests failed (error codes) */
  const failures = {};
  const fail = (/** @type {any} */ err) => {
    const code = err?.code || err?.message || 'error';
    failures[code] = (failures[code] ?? 0) + 1;
  };
  let bad = 0;
  let unfinished = 0;
  let maxSendLag = 0;
  let lastEnd = 0;
  return new Promise((resolve) => {
    const t0 = performance.now() + 20;
    let sent = 0;
    let finished = 0;
    /** @type {ReturnType<typeof setTimeout> | null} */
    let timer = null;
    const deadline = setTimeout(
      () => {
        sent = total; // stop sending
        for (const abandon of [...open]) abandon();
        finish();
      },
      20 + o.seconds * 1000 + (o.graceMs ?? 3000),
    );
    let resolved = false;
    const finish = () => {
      if (resolved) return;
      resolved = true;
      clearTimeout(deadline);
      if (timer) clearTimeout(timer);
      agent.destroy();
      const elapsed = Math.max((lastEnd - t0) / 1000, o.seconds);
      resolve({
        sent: finished,
        ok: good.length,
        failed,
        failures,
        bad,
        unfinished,
        achievedRps: good.length / elapsed,
        maxSendLagMs: maxSendLag,
        latency: { ...latencyStats(all), lowerBound: unfinished > 0 },
        latencies: all,
      });
    };
    const send = (/** @type {number} */ i) => {
      const due = t0 + i * interval;
      maxSendLag = Math.max(maxSendLag, performance.now() - due);
      const payload = o.bodies[((o.offset ?? 0) + i) % o.bodies.length];
      const body = bodyOf(payload);
      const ok = o.ok ?? okBody;
      let settled = false;
      /** @param {'good' | 'bad' | 'failed' | 'unfinished'} how */
      const settle = (how) => {
        if (settled) return;
        settled = true;
        open.delete(abandon);
        const end = performance.now();
        all.push(end - due);
        if (how === 'good') {
          lastEnd = Math.max(lastEnd, end);
          good.push(end - due);
        } else if (how === 'bad') bad++;
        else if (how === 'failed') failed++;
        else unfinished++;
        if (++finished === total) finish();
      };
      const req = http.request(
        {
          host: '127.0.0.1',
          port: o.port,
          path: o.path,
          method: 'POST',
          agent,
          headers: {
            ...headersOf(payload),
            'content-type': 'application/json',
            'content-length': body.length,
          },
        },
        (res) => {
          /** @type {Buffer[]} */
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            settle(res.statusCode === 200 && ok(Buffer.concat(chunks).toString('utf8')) ? 'good' : 'bad'),
          );
          res.on('error', (err) => (fail(err), settle('failed')));
        },
      );
      const abandon = () => {
        settle('unfinished');
        req.destroy();
      };
      open.add(abandon);
      req.on('error', (err) => (fail(err), settle('failed')));
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
