// Answering: the rules with named fields and nothing stored on error, closed surveys, one response
// per resident (the same key 5 times at once records one), anonymity, rollups (once the rollup
// worker has caught up), paper entry.
import { createTestResident, type TestApi } from '../../../testing/harness';
import { drainRollupQueue } from '../../satisfaction/rollup-queue';
import {
  CLOSE,
  SUBMIT,
  answersTo,
  codeOf,
  fieldsOf,
  key,
  makeSurvey,
  setUp,
  surveyInput,
  type Places,
  type SurveyOut,
  type User,
} from './survey-testing';

let api: TestApi;
let tokens: Record<User, string>;
let places: Places;

beforeAll(async () => {
  ({ api, tokens, places } = await setUp());
});
afterAll(() => api.close());

const count = async (sql: string, params: unknown[]) => (await api.db.query(sql, params))[0].n as number;
const responses = (surveyId: string) =>
  count(`SELECT count(*)::int AS n FROM survey_response WHERE survey_id = $1`, [surveyId]);

/** The month rollup of a center for this month, or zeros, once the rollup worker has caught up. */
async function monthRollup(centerId: number, channel: string) {
  await drainRollupQueue(api.db);
  const [row] = await api.db.query(
    `SELECT responses, score_sum::float AS score_sum, scored, buckets FROM satisfaction_month
     WHERE center_id = $1 AND channel = $2 AND month = date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date`,
    [centerId, channel],
  );
  return row ?? { responses: 0, score_sum: 0, scored: 0, buckets: Array(11).fill(0) };
}

describe('answering online', () => {
  let survey: SurveyOut;
  beforeAll(async () => {
    survey = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.taopudongCenter));
  });

  it('stores a response with its answers and score', async () => {
    const resident = await createTestResident(api);
    const r = await api.gql(
      SUBMIT,
      {
        input: {
          surveyId: survey.id,
          answers: answersTo(survey, 8, '希望增加助餐点'),
          idempotencyKey: key(),
        },
      },
      resident.token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.submitSurveyResponse).toMatchObject({ channel: 'ONLINE', score: 8 });
    const answers = await api.db.query(
      `SELECT question_id, score, choices, text FROM survey_answer WHERE response_id = $1 ORDER BY question_id`,
      [r.data!.submitSurveyResponse.id],
    );
    expect(answers).toEqual([
      { question_id: Number(survey.questions[0].id), score: 8, choices: null, text: null },
      { question_id: Number(survey.questions[1].id), score: null, choices: ['每周'], text: null },
      { question_id: Number(survey.questions[2].id), score: null, choices: ['助餐', '文体活动'], text: null },
      { question_id: Number(survey.questions[3].id), score: null, choices: null, text: '希望增加助餐点' },
    ]);
    // a named survey keeps who answered on the response
    const [row] = await api.db.query(`SELECT resident_id, entry_method FROM survey_response WHERE id = $1`, [
      r.data!.submitSurveyResponse.id,
    ]);
    expect(row).toEqual({ resident_id: resident.id, entry_method: 'APP' });
    const seen = await api.gql(
      `query($id: ID!) { survey(id: $id) { viewerHasAnswered responseCount } }`,
      { id: survey.id },
      resident.token,
    );
    expect(seen.data!.survey.viewerHasAnswered).toBe(true);
  });

  it('names every bad answer and stores nothing', async () => {
    const resident = await createTestResident(api);
    const before = await responses(survey.id);
    const [q1, q2, q3, q4] = survey.questions;
    const r = await api.gql(
      SUBMIT,
      {
        input: {
          surveyId: survey.id,
          answers: [
            { questionId: q1.id, score: 11 },
            { questionId: q3.id, choice: ['助餐', '理发'] },
            { questionId: q4.id, text: '长'.repeat(1001) },
            { questionId: '999999999', score: 5 },
          ],
          idempotencyKey: key(),
        },
      },
      resident.token,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(r)).toEqual(
      [
        'input.answers',
        'input.answers.0.score',
        'input.answers.1.choice',
        'input.answers.2.text',
        'input.answers.3.questionId',
      ].sort(),
    );
    const missing = r.errors![0].extensions!.fields!.find((f) => f.field === 'input.answers')!;
    expect(missing.message).toContain(`#${q2.id}`);
    expect(await responses(survey.id)).toBe(before);
    expect(
      await count(`SELECT count(*)::int AS n FROM survey_respondent WHERE resident_id = $1`, [resident.id]),
    ).toBe(0);

    const single = await api.gql(
      SUBMIT,
      {
        input: {
          surveyId: survey.id,
          answers: [
            { questionId: q1.id, score: 5, text: '多余' },
            { questionId: q2.id, choice: ['每天', '每周'] },
          ],
          idempotencyKey: key(),
        },
      },
      resident.token,
    );
    expect(fieldsOf(single)).toEqual(['input.answers.0.text', 'input.answers.1.choice']);
    const notOffered = await api.gql(
      SUBMIT,
      {
        input: {
          surveyId: survey.id,
          answers: [
            { questionId: q1.id, score: 5 },
            { questionId: q2.id, choice: ['每年'] },
          ],
          idempotencyKey: key(),
        },
      },
      resident.token,
    );
    expect(fieldsOf(notOffered)).toEqual(['input.answers.1.choice']);
    // a question of another survey
    const other = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.taopudongCenter));
    const foreign = await api.gql(
      SUBMIT,
      {
        input: {
          surveyId: survey.id,
          answers: [
            ...answersTo(survey).slice(0, 2),
            { questionId: other.questions[3].id, text: '别的问卷' },
          ],
          idempotencyKey: key(),
        },
      },
      resident.token,
    );
    expect(fieldsOf(foreign)).toEqual(['input.answers.2.questionId']);
    expect(await responses(survey.id)).toBe(before);
  });

  it('is for signed-in residents', async () => {
    const input = { surveyId: survey.id, answers: answersTo(survey), idempotencyKey: key() };
    expect(codeOf(await api.gql(SUBMIT, { input }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(SUBMIT, { input }, tokens.taopu_admin))).toBe('FORBIDDEN');
  });

  it('records one response for the same key sent 5 times at once', async () => {
    const resident = await createTestResident(api);
    const k = key();
    const before = await monthRollup(places.taopudongCenter, 'ONLINE');
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.gql(
          SUBMIT,
          { input: { surveyId: survey.id, answers: answersTo(survey, 7), idempotencyKey: k } },
          resident.token,
        ),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const ids = new Set(results.map((r) => r.data!.submitSurveyResponse.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(
      await count(
        `SELECT count(*)::int AS n FROM survey_response WHERE survey_id = $1 AND resident_id = $2`,
        [survey.id, resident.id],
      ),
    ).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM survey_answer WHERE response_id = $1`, [id])).toBe(3);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM survey_respondent WHERE survey_id = $1 AND resident_id = $2`,
        [survey.id, resident.id],
      ),
    ).toBe(1);
    // added to the rollups once (other tests of this file may add to the same center meanwhile, so
    // the exact change is checked on a center of this file's own below)
    expect((await monthRollup(places.taopudongCenter, 'ONLINE')).responses).toBeGreaterThanOrEqual(
      before.responses + 1,
    );

    // the same key again later: the first response, nothing new
    const again = await api.gql(
      SUBMIT,
      { input: { surveyId: survey.id, answers: answersTo(survey, 2), idempotencyKey: k } },
      resident.token,
    );
    expect(again.data!.submitSurveyResponse.id).toBe(id);
    // another key from the same resident: CONFLICT
    const second = await api.gql(
      SUBMIT,
      { input: { surveyId: survey.id, answers: answersTo(survey, 2), idempotencyKey: key() } },
      resident.token,
    );
    expect(codeOf(second)).toBe('CONFLICT');
    expect(
      await count(
        `SELECT count(*)::int AS n FROM survey_response WHERE survey_id = $1 AND resident_id = $2`,
        [survey.id, resident.id],
      ),
    ).toBe(1);
  });

  it('refuses another resident’s key on the same survey', async () => {
    const k = key();
    const a = await createTestResident(api);
    const b = await createTestResident(api);
    const input = { surveyId: survey.id, answers: answersTo(survey), idempotencyKey: k };
    expect((await api.gql(SUBMIT, { input }, a.token)).errors).toBeUndefined();
    expect(codeOf(await api.gql(SUBMIT, { input }, b.token))).toBe('CONFLICT');
    expect(
      await count(`SELECT count(*)::int AS n FROM survey_respondent WHERE resident_id = $1`, [b.id]),
    ).toBe(0);
  });
});

describe('closed surveys', () => {
  it('refuse answers, naming the survey; a retry of an earlier answer still gets it', async () => {
    const s = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.taopudongCenter));
    const resident = await createTestResident(api);
    const k = key();
    const first = await api.gql(
      SUBMIT,
      { input: { surveyId: s.id, answers: answersTo(s), idempotencyKey: k } },
      resident.token,
    );
    await api.gql(CLOSE, { id: s.id }, tokens.taopu_admin);
    const late = await createTestResident(api);
    const r = await api.gql(
      SUBMIT,
      { input: { surveyId: s.id, answers: answersTo(s), idempotencyKey: key() } },
      late.token,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.fields).toEqual([
      { field: 'input.surveyId', message: '问卷已结束 / the survey is closed' },
    ]);
    expect(await responses(s.id)).toBe(1);
    const retry = await api.gql(
      SUBMIT,
      { input: { surveyId: s.id, answers: answersTo(s), idempotencyKey: k } },
      resident.token,
    );
    expect(retry.data!.submitSurveyResponse.id).toBe(first.data!.submitSurveyResponse.id);
  });

  it('refuse answers after closesAt and before opensAt, and drafts are unknown', async () => {
    const s = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.taopudongCenter));
    const resident = await createTestResident(api);
    await api.db.query(`UPDATE survey SET closes_at = now() - interval '1 second' WHERE id = $1`, [s.id]);
    const after = await api.gql(
      SUBMIT,
      { input: { surveyId: s.id, answers: answersTo(s), idempotencyKey: key() } },
      resident.token,
    );
    expect(fieldsOf(after)).toEqual(['input.surveyId']);
    await api.db.query(
      `UPDATE survey SET closes_at = NULL, opens_at = now() + interval '1 day' WHERE id = $1`,
      [s.id],
    );
    const before = await api.gql(
      SUBMIT,
      { input: { surveyId: s.id, answers: answersTo(s), idempotencyKey: key() } },
      resident.token,
    );
    expect(fieldsOf(before)).toEqual(['input.surveyId']);
    const draft = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.taopudongCenter), false);
    const d = await api.gql(
      SUBMIT,
      { input: { surveyId: draft.id, answers: answersTo(draft), idempotencyKey: key() } },
      resident.token,
    );
    expect(fieldsOf(d)).toEqual(['input.surveyId']);
    expect(await responses(s.id)).toBe(0);
  });
});

describe('anonymous surveys', () => {
  it('keep who answered apart from the answers', async () => {
    const s = await makeSurvey(
      api,
      tokens.taopu_admin,
      surveyInput(places.taopudongCenter, { anonymous: true }),
    );
    const resident = await createTestResident(api);
    const k = key();
    const r = await api.gql(
      SUBMIT,
      { input: { surveyId: s.id, answers: answersTo(s, 6, '匿名意见'), idempotencyKey: k } },
      resident.token,
    );
    expect(r.errors).toBeUndefined();
    const [response] = await api.db.query(`SELECT * FROM survey_response WHERE id = $1`, [
      r.data!.submitSurveyResponse.id,
    ]);
    expect(response.resident_id).toBeNull();
    expect(response.entered_by).toBeNull();
    const respondents = await api.db.query(`SELECT * FROM survey_respondent WHERE survey_id = $1`, [s.id]);
    expect(respondents).toEqual([
      { survey_id: Number(s.id), resident_id: resident.id, key_hash: expect.any(String) },
    ]);
    // neither the key nor a hash is shared, and the respondent row has no time
    expect(respondents[0].key_hash).not.toBe(response.idempotency_hash);
    expect(JSON.stringify(response)).not.toContain(k);
    expect(
      await count(`SELECT count(*)::int AS n FROM survey_response WHERE resident_id = $1`, [resident.id]),
    ).toBe(0);
    const columns = async (table: string) =>
      (
        await api.db.query(
          `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
          [table],
        )
      ).map((c: { column_name: string; data_type: string }) => c);
    const respondentCols = await columns('survey_respondent');
    const responseCols = await columns('survey_response');
    const shared = respondentCols
      .map((c: { column_name: string }) => c.column_name)
      .filter((n: string) => responseCols.some((c: { column_name: string }) => c.column_name === n))
      .sort();
    // survey_id is common to every response of the survey; resident_id is NULL on anonymous ones
    expect(shared).toEqual(['resident_id', 'survey_id']);
    expect(respondentCols.filter((c: { data_type: string }) => /time|date/.test(c.data_type))).toEqual([]);
    // the resident is still told they answered, and cannot answer twice
    const seen = await api.gql(
      `query($id: ID!) { survey(id: $id) { viewerHasAnswered } }`,
      { id: s.id },
      resident.token,
    );
    expect(seen.data!.survey.viewerHasAnswered).toBe(true);
    const again = await api.gql(
      SUBMIT,
      { input: { surveyId: s.id, answers: answersTo(s), idempotencyKey: key() } },
      resident.token,
    );
    expect(codeOf(again)).toBe('CONFLICT');
    const retry = await api.gql(
      SUBMIT,
      { input: { surveyId: s.id, answers: answersTo(s), idempotencyKey: k } },
      resident.token,
    );
    expect(retry.data!.submitSurveyResponse.id).toBe(r.data!.submitSurveyResponse.id);
  });
});

describe('rollups', () => {
  it('change by exactly the response stored, per channel and dimension', async () => {
    const s = await makeSurvey(
      api,
      tokens.taopu_admin,
      surveyInput(places.ownCenter, {
        questions: [
          { kind: 'SCORE', text: '服务态度', dimension: 'SERVICE_PROFESSIONALISM' },
          { kind: 'SCORE', text: '环境卫生', dimension: 'SITE_RECOGNITION' },
          { kind: 'SCORE', text: '总体' },
          { kind: 'TEXT', text: '意见', required: false },
        ],
      }),
    );
    const online = await monthRollup(places.ownCenter, 'ONLINE');
    const dims = async () =>
      (
        await api.db.query(
          `SELECT dimension, answers, score_sum::float AS score_sum FROM dimension_month
           WHERE center_id = $1 AND month = date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date ORDER BY dimension`,
          [places.ownCenter],
        )
      ).reduce((m: Record<string, unknown>, d: { dimension: string }) => ({ ...m, [d.dimension]: d }), {});
    const dimsBefore = await dims();
    const resident = await createTestResident(api);
    const [q1, q2, q3] = s.questions;
    const r = await api.gql(
      SUBMIT,
      {
        input: {
          surveyId: s.id,
          answers: [
            { questionId: q1.id, score: 9 },
            { questionId: q2.id, score: 6 },
            { questionId: q3.id, score: 8 },
          ],
          idempotencyKey: key(),
        },
      },
      resident.token,
    );
    expect(r.data!.submitSurveyResponse.score).toBeCloseTo(7.67, 2);
    const after = await monthRollup(places.ownCenter, 'ONLINE');
    expect(after.responses).toBe(online.responses + 1);
    expect(after.scored).toBe(online.scored + 1);
    expect(after.score_sum).toBeCloseTo(online.score_sum + 7.67, 5);
    const buckets = [...online.buckets];
    buckets[7] += 1;
    expect(after.buckets).toEqual(buckets);
    const d = await dims();
    const grew = (dim: string, n: number, sum: number) => {
      const b = (dimsBefore[dim] as { answers: number; score_sum: number }) ?? { answers: 0, score_sum: 0 };
      expect(d[dim]).toEqual({ dimension: dim, answers: b.answers + n, score_sum: b.score_sum + sum });
    };
    grew('SERVICE_PROFESSIONALISM', 1, 9);
    grew('SITE_RECOGNITION', 1, 6);
    // the raw responses agree with the rollup
    const [raw] = await api.db.query(
      `SELECT count(*)::int AS n, sum(score)::float AS s FROM survey_response
       WHERE center_id = $1 AND channel = 'ONLINE' AND date_trunc('month', submitted_at AT TIME ZONE 'Asia/Shanghai') = date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')`,
      [places.ownCenter],
    );
    expect(after.responses).toBe(raw.n);
    expect(after.score_sum).toBeCloseTo(raw.s, 5);
  });
});

const PAPER = `mutation($s: ID!, $r: [PaperResponseInput!]!) { enterPaperResponses(surveyId: $s, responses: $r) { id channel score } }`;

describe('paper responses', () => {
  it('are entered by whoever manages the survey, all or none, once per key', async () => {
    const s = await makeSurvey(api, tokens.taopu_admin, surveyInput(places.ownCenter));
    const offline = await monthRollup(places.ownCenter, 'OFFLINE');
    const batch = [
      { answers: answersTo(s, 10, '纸质意见一'), idempotencyKey: key() },
      { answers: answersTo(s, 4), idempotencyKey: key() },
    ];
    const r = await api.gql(PAPER, { s: s.id, r: batch }, tokens.taopudong_staff);
    expect(codeOf(r)).toBe('FORBIDDEN'); // not their center
    const ok = await api.gql(PAPER, { s: s.id, r: batch }, tokens.taopu_admin);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.enterPaperResponses).toEqual([
      { id: expect.any(String), channel: 'OFFLINE', score: 10 },
      { id: expect.any(String), channel: 'OFFLINE', score: 4 },
    ]);
    const rows = await api.db.query(
      `SELECT channel, entry_method, entered_by IS NOT NULL AS entered, resident_id FROM survey_response WHERE survey_id = $1`,
      [s.id],
    );
    expect(rows).toEqual([
      { channel: 'OFFLINE', entry_method: 'FORM', entered: true, resident_id: null },
      { channel: 'OFFLINE', entry_method: 'FORM', entered: true, resident_id: null },
    ]);
    const after = await monthRollup(places.ownCenter, 'OFFLINE');
    expect(after.responses).toBe(offline.responses + 2);
    expect(after.score_sum).toBeCloseTo(offline.score_sum + 14, 5);

    // a retried batch (with one new form) records only the new one
    const retry = await api.gql(
      PAPER,
      { s: s.id, r: [...batch, { answers: answersTo(s, 8), idempotencyKey: key() }] },
      tokens.taopu_admin,
    );
    expect(retry.data!.enterPaperResponses.slice(0, 2)).toEqual(ok.data!.enterPaperResponses);
    expect(await responses(s.id)).toBe(3);
    expect((await monthRollup(places.ownCenter, 'OFFLINE')).responses).toBe(offline.responses + 3);

    // one bad form: nothing of the batch is stored, the bad fields are named
    const bad = await api.gql(
      PAPER,
      {
        s: s.id,
        r: [
          { answers: answersTo(s, 5), idempotencyKey: key() },
          { answers: [{ questionId: s.questions[0].id, score: 11 }], idempotencyKey: '' },
        ],
      },
      tokens.taopu_admin,
    );
    expect(fieldsOf(bad)).toEqual([
      'responses.1.answers',
      'responses.1.answers.0.score',
      'responses.1.idempotencyKey',
    ]);
    expect(await responses(s.id)).toBe(3);

    await api.gql(CLOSE, { id: s.id }, tokens.taopu_admin);
    const closed = await api.gql(
      PAPER,
      { s: s.id, r: [{ answers: answersTo(s), idempotencyKey: key() }] },
      tokens.taopu_admin,
    );
    expect(fieldsOf(closed)).toEqual(['surveyId']);
  });
});
