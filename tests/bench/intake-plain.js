// @ts-check
// The intake bench's yardstick (loaded by server.js as its baseline): plain inserts of a survey
// response and its answers — BEGIN, two INSERTs, COMMIT — behind node:http, no checks, no rollups;
// into copies of survey_response and survey_answer (intake.js makes them).
'use strict';

const http = require('node:http');

/** The plain-insert yardstick: a response and its answers, one transaction, nothing else. */
function createBaselineServer(/** @type {import('pg').Pool} */ pool) {
  return http.createServer((req, res) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const client = await pool.connect();
      try {
        const { input } = JSON.parse(Buffer.concat(chunks).toString('utf8')).variables;
        await client.query('BEGIN');
        const scores = input.answers.filter(
          (/** @type {any} */ a) => a.score !== undefined && a.score !== null,
        );
        const { rows } = await client.query(
          `INSERT INTO bench_plain_response (survey_id, center_id, street_id, district_id, channel, entry_method, score)
           SELECT s.id, s.center_id, s.street_id, s.district_id, 'ONLINE', 'APP', $2 FROM survey s WHERE s.id = $1
           RETURNING id`,
          [Number(input.surveyId), scores.reduce((a, x) => a + x.score, 0) / scores.length],
        );
        await client.query(
          `INSERT INTO bench_plain_answer (response_id, question_id, score, text)
           SELECT $1, q, s, t FROM unnest($2::int[], $3::int[], $4::text[]) AS u(q, s, t)`,
          [
            rows[0].id,
            input.answers.map((/** @type {any} */ a) => Number(a.questionId)),
            input.answers.map((/** @type {any} */ a) => a.score ?? null),
            input.answers.map((/** @type {any} */ a) => a.text ?? null),
          ],
        );
        await client.query('COMMIT');
        const body = JSON.stringify({ id: String(rows[0].id) });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: String(err) }] }));
      } finally {
        client.release();
      }
    });
  });
}

module.exports = { createBaselineServer };
