process.env.JWT_SECRET = 'x'.repeat(40);
process.env.NODE_ENV = 'production';
process.env.PHONE_KEY = 'p'.repeat(40);
process.env.LOG_LEVEL = 'warn';
process.env.WORKERS = 'off';
const { connect } = require('api/dist/db/data-source');
const { createApiServer } = require('api/dist/server');
const { post } = require('./http');
const jwt = require(
  require.resolve('jsonwebtoken', { paths: [require('path').dirname(require.resolve('api/package.json'))] }),
);
(async () => {
  const ds = await connect('postgres://postgres@127.0.0.1:5432/lc_bench', { poolMax: 10 });
  const api = await createApiServer(ds);
  const port = await api.listen(0, '127.0.0.1');
  const us = await ds.query(`SELECT id FROM app_user WHERE username LIKE 'bench_resident_%' ORDER BY id`);
  const ss = await ds.query(`SELECT id FROM survey WHERE title LIKE '压测问卷 分散%' ORDER BY id`);
  const qs = new Map();
  for (const s of ss)
    qs.set(
      s.id,
      await ds.query(`SELECT id, kind FROM survey_question WHERE survey_id = $1 ORDER BY position`, [s.id]),
    );
  const bodies = [];
  for (const u of us)
    for (const s of ss.slice(0, 3)) {
      const t = jwt.sign({ role: 'RESIDENT' }, process.env.JWT_SECRET, {
        subject: String(u.id),
        expiresIn: '12h',
        algorithm: 'HS256',
        issuer: 'life-circle',
      });
      bodies.push([
        JSON.stringify({
          query:
            'mutation($input: SurveyResponseInput!) { submitSurveyResponse(input: $input) { id submittedAt score } }',
          variables: {
            input: {
              surveyId: String(s.id),
              idempotencyKey: 'prof-' + Date.now() + '-' + u.id + '-' + s.id,
              answers: qs
                .get(s.id)
                .map((q, i) =>
                  q.kind === 'SCORE'
                    ? { questionId: String(q.id), score: (i + u.id) % 11 }
                    : { questionId: String(q.id), text: null },
                ),
            },
          },
        }),
        t,
      ]);
    }
  let i = 0;
  const c0 = process.cpuUsage();
  const t0 = Date.now();
  let bad = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (i < 1200) {
        const [b, t] = bodies[i++];
        const r = await post(port, '/graphql', b, { authorization: 'Bearer ' + t });
        if (!r.body.includes('"id"')) bad++;
      }
    }),
  );
  const c = process.cpuUsage(c0);
  console.log(
    'cpu ms/req',
    (c.user + c.system) / 1000 / 1200,
    'req/s',
    1200 / ((Date.now() - t0) / 1000),
    'bad',
    bad,
  );
  process.exit(0);
})();
