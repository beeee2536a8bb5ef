// @ts-check
// The peer: PostGraphile 4 over the bench database (the team's alternative to writing resolvers:
// one SQL statement per GraphQL request, JSON built inside PostgreSQL). near-postgraphile.sql (a
// copy of shared/bench's) gives it the same nearby question as SQL functions; started as its CLI
// with the same pool size as the API.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { Client } = require('pg');

const QUERY = `query($lat: Float!, $lng: Float!) { centersNear(lat: $lat, lng: $lng) { nodes { name distance(lat: $lat, lng: $lng)
  serviceOfferingsByCenterId { nodes { serviceItemByServiceId { name } } } } } }`;

/** A body looks like a successful PostGraphile centersNear answer. */
const okBody = (/** @type {string} */ b) =>
  b.startsWith('{"data":{"centersNear":{"nodes":[') && !b.includes('"errors"');

/** Its request bodies for the bench's points. @param {{ lat: number, lng: number }[]} points */
const bodiesFor = (points) =>
  points.map((p) => Buffer.from(JSON.stringify({ query: QUERY, variables: { lat: p.lat, lng: p.lng } })));

/** PostGraphile's answer in the API's shape ({ centersNear: [{ distanceMeters, center: { name, offerings } }] }). */
function asApiShape(/** @type {any} */ data) {
  return {
    centersNear: data.centersNear.nodes.map((/** @type {any} */ n) => ({
      distanceMeters: n.distance,
      center: {
        name: n.name,
        offerings: n.serviceOfferingsByCenterId.nodes.map((/** @type {any} */ o) => ({
          service: { name: o.serviceItemByServiceId.name },
        })),
      },
    })),
  };
}

/**
 * Installs the SQL functions and starts `postgraphile` on a free port; resolves when it answers.
 * @param {string} url @param {{ poolMax: number, port: number }} o
 */
async function startPostGraphile(url, o) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(fs.readFileSync(path.join(__dirname, 'near-postgraphile.sql'), 'utf8'));
  } finally {
    await client.end();
  }
  const cli = path.join(path.dirname(require.resolve('postgraphile/package.json')), 'cli.js');
  const child = spawn(
    process.execPath,
    [
      cli,
      '-c',
      url,
      '--schema',
      'pgl,public',
      '--simple-collections',
      'both',
      '--max-pool-size',
      String(o.poolMax),
      '--disable-query-log',
      '--host',
      '127.0.0.1',
      '-p',
      String(o.port),
    ],
    { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgraphile exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${o.port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query":"{ __typename }"}',
      });
      if (r.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('postgraphile did not start within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
  };
  return { child, port: o.port, pid: child.pid, stop };
}

module.exports = { startPostGraphile, bodiesFor, okBody, asApiShape, QUERY };
