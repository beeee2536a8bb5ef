// @ts-check
// The hand-written reference for centersNear: a plain node:http handler doing the same work as
// the GraphQL API with three SQL statements (the near query, offerings of those centers,
// services of those offerings) and answering the same JSON shape.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const { walkingRadiusMeters } = require('@lc/domain');

/** center.service.ts's BOX_MARGIN */
const BOX_MARGIN = 1.01;

/** A copy of the SQL of centerService.near (api/src/modules/places/center.service.ts). */
const NEAR_SQL_COPY = `SELECT c.*, lc_distance_m($1, $2, c.lat, c.lng) AS lc_distance
       FROM center c
       WHERE earth_box(ll_to_earth($1, $2), $3) @> ll_to_earth(c.lat, c.lng)
         AND lc_distance_m($1, $2, c.lat, c.lng) <= $4
       ORDER BY lc_distance, c.id
       LIMIT $5`;

/**
 * The near query as the built API runs it (read from api/dist so the two cannot drift apart);
 * falls back to the copy above when the built file cannot be read.
 * @returns {{ sql: string, source: 'api/dist' | 'copy' }}
 */
function nearSql() {
  try {
    const file = require.resolve('api/dist/modules/places/center.service.js');
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/`([^`]*)`/g)) {
      if (m[1].includes('AS lc_distance') && m[1].includes('FROM center c') && m[1].includes('LIMIT $5')) {
        return { sql: m[1], source: 'api/dist' };
      }
    }
  } catch {}
  return { sql: NEAR_SQL_COPY, source: 'copy' };
}

const OFFERINGS_SQL = `SELECT id, center_id, service_id, schedule, fee
  FROM service_offering WHERE center_id = ANY($1::int[]) ORDER BY id`;
const SERVICES_SQL = `SELECT id, code, name, description, category, menu, owner_region_id, district_id, provider,
         department, audience, fee, retired_at, created_at, updated_at
  FROM service_item WHERE id = ANY($1::int[])`;

/**
 * The three statements for one point; returns the response's `data`.
 * @param {{ query: (sql: string, params: unknown[]) => Promise<{ rows: any[] }> }} db
 * @param {string} sql the near query
 * @param {{ lat: number, lng: number }} p
 */
async function centersNear(db, sql, p, withinMinutes = 15, first = 20) {
  const radius = walkingRadiusMeters(withinMinutes);
  const { rows } = await db.query(sql, [p.lat, p.lng, radius * BOX_MARGIN, radius, first]);
  if (rows.length === 0) return { centersNear: [] };
  const { rows: offerings } = await db.query(OFFERINGS_SQL, [rows.map((r) => r.id)]);
  const serviceIds = [...new Set(offerings.map((o) => o.service_id))];
  const { rows: services } = serviceIds.length ? await db.query(SERVICES_SQL, [serviceIds]) : { rows: [] };
  const serviceById = new Map(services.map((s) => [s.id, s]));
  /** @type {Map<number, any[]>} */
  const byCenter = new Map();
  for (const o of offerings) {
    const list = byCenter.get(o.center_id);
    if (list) list.push(o);
    else byCenter.set(o.center_id, [o]);
  }
  return {
    centersNear: rows.map((r) => ({
      distanceMeters: Number(r.lc_distance),
      center: {
        name: r.name,
        offerings: (byCenter.get(r.id) ?? []).map((o) => ({
          service: { name: serviceById.get(o.service_id).name },
        })),
      },
    })),
  };
}

/**
 * An HTTP server answering POST bodies of the GraphQL request shape ({ variables: { p } }).
 * @param {import('pg').Pool} pool
 */
function createBaselineServer(pool) {
  const { sql } = nearSql();
  return http.createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      let p;
      try {
        p = JSON.parse(Buffer.concat(chunks).toString('utf8')).variables.p;
        if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng)) throw new Error('bad point');
      } catch {
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
        res.end('{"errors":[{"message":"bad request"}]}');
        return;
      }
      try {
        const body = JSON.stringify({ data: await centersNear(pool, sql, p) });
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      } catch (err) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ errors: [{ message: String(err) }] }));
      }
    });
  });
}

module.exports = { createBaselineServer, centersNear, nearSql, OFFERINGS_SQL, SERVICES_SQL, BOX_MARGIN };
