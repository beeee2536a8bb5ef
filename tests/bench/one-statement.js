// @ts-check
// The limit of the work: one SQL statement in which PostgreSQL builds the whole centersNear answer
// (the same near query, offerings and service names, nested as JSON); node only passes the text on.
'use strict';

const http = require('node:http');
const { walkingRadiusMeters } = require('@lc/domain');
const { BOX_MARGIN } = require('./baseline');

const ONE_SQL = `SELECT '{"data":{"centersNear":' || coalesce((
    SELECT json_agg(json_build_object(
             'distanceMeters', n.lc_distance,
             'center', json_build_object('name', n.name, 'offerings', coalesce((
               SELECT json_agg(json_build_object('service', json_build_object('name', s.name)) ORDER BY o.id)
               FROM service_offering o JOIN service_item s ON s.id = o.service_id
               WHERE o.center_id = n.id), '[]'::json)))
           ORDER BY n.lc_distance, n.id)
    FROM (SELECT c.id, c.name, lc_distance_m($1, $2, c.lat, c.lng) AS lc_distance
          FROM center c
          WHERE earth_box(ll_to_earth($1, $2), $3) @> ll_to_earth(c.lat, c.lng)
            AND lc_distance_m($1, $2, c.lat, c.lng) <= $4
          ORDER BY lc_distance, c.id LIMIT $5) n), '[]'::json)::text || '}}' AS body`;

/**
 * An HTTP server answering POST bodies of the GraphQL request shape ({ variables: { p } }) with the
 * text PostgreSQL built.
 * @param {import('pg').Pool} pool
 */
function createOneStatementServer(pool) {
  const radius = walkingRadiusMeters(15);
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
        const { rows } = await pool.query({
          name: 'one-statement-near',
          text: ONE_SQL,
          values: [p.lat, p.lng, radius * BOX_MARGIN, radius, 20],
        });
        const body = rows[0].body;
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

module.exports = { createOneStatementServer, ONE_SQL };
