// @ts-check
// The cases bench's target process (forked by cases.js with an IPC channel): the real API
// (createApiServer) with its workers off, so that the bench decides when the overdue worker runs —
// in this very process, beside the requests, as it runs when deployed. Messages:
//   count → statements of one GraphQL request; cpu → process CPU time;
//   mark  → markOverdue() then the notification sender's fan-out of what it wrote, timed;
//   stop  → closes everything.
'use strict';

process.env.LOG_LEVEL = process.env.BENCH_LOG_LEVEL || 'warn';
process.env.WORKERS = 'off';

const { performance } = require('node:perf_hooks');
const { connect } = require('api/dist/db/data-source');
const { createApiServer } = require('api/dist/server');
const { queryCounter } = require('api/dist/db/query-counter');
const { markOverdue } = require('api/dist/modules/cases/case-workers');
const { runNotificationSender } = require('api/dist/modules/notifications/notification-sender');
const { post } = require('./http');

const url = /** @type {string} */ (process.env.BENCH_DB_URL);
const poolMax = Number(process.env.BENCH_POOL_MAX || 10);

async function main() {
  const ds = await connect(url, { poolMax });
  const api = await createApiServer(ds, { workers: false });
  const gqlPort = await api.listen(0, '127.0.0.1');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    api.httpServer.closeAllConnections?.();
    await api.close();
    await ds.destroy();
  };
  process.on('message', async (/** @type {any} */ msg) => {
    try {
      if (msg.type === 'count') {
        queryCounter.reset();
        const r = await post(gqlPort, '/graphql', msg.body, msg.headers);
        process.send?.({
          type: 'count',
          id: msg.id,
          count: queryCounter.count,
          status: r.status,
          body: r.body,
        });
      } else if (msg.type === 'cpu') {
        process.send?.({ type: 'cpu', id: msg.id, cpu: process.cpuUsage(), mem: process.memoryUsage().rss });
      } else if (msg.type === 'mark') {
        const t0 = performance.now();
        const marked = await markOverdue(ds);
        const markMs = performance.now() - t0;
        const t1 = performance.now();
        // the notices the worker wrote, expanded into inboxes (no SMS channel: bench users have no phone)
        const sent = msg.fanOut ? await runNotificationSender(ds) : { events: 0, sent: 0 };
        const fanOutMs = performance.now() - t1;
        process.send?.({ type: 'marked', id: msg.id, marked, markMs, fanOutMs, events: sent.events });
      } else if (msg.type === 'stop') {
        await stop();
        process.send?.({ type: 'stopped', id: msg.id });
        process.disconnect?.();
      }
    } catch (err) {
      process.send?.({ type: 'error', id: msg.id, error: String(err && /** @type {Error} */ (err).stack) });
    }
  });
  process.on('disconnect', () => {
    stop().finally(() => process.exit(0));
  });
  process.send?.({ type: 'ready', gqlPort, pid: process.pid });
}

main().catch((err) => {
  console.error('cases bench server failed:', err);
  process.exit(1);
});
