// Test responses written the way the surveys module stores them: the response row (with where it
// counts and its score), its answers and its row in the rollup queue, in one transaction. Figures
// count them once the rollup worker has caught up: settle() drains the queue with the worker's code.
import type { Dimension, ResponseChannel } from '@lc/domain';
import type { TestApi } from '../../../testing/harness';
import { drainRollupQueue, queueResponsesSql } from '../rollup-queue';
import { storedScore } from '../rollups';

export interface TestCenter {
  id: number;
  streetId: number;
  districtId: number;
  name: string;
}

interface TestSurvey {
  id: number;
  scoreQuestion: number;
  textQuestion: number;
  /** a SCORE question counting toward each dimension asked for so far */
  byDimension: Map<Dimension, number>;
}

const surveys = new Map<number, TestSurvey>();

export async function centersWhere(
  api: TestApi,
  where: string,
  params: unknown[] = [],
): Promise<TestCenter[]> {
  const rows: { id: number; street_id: number; district_id: number; name: string }[] = await api.db.query(
    `SELECT c.id, c.street_id, c.district_id, c.name FROM center c WHERE ${where} ORDER BY c.id`,
    params,
  );
  return rows.map((r) => ({ id: r.id, streetId: r.street_id, districtId: r.district_id, name: r.name }));
}

/** The places the satisfaction and evaluation tests use: Putuo with 桃浦镇 (桃浦东片区 and another
 * of its centers) and 长征镇 (one center), and Jiading's first centers. */
export async function figuresPlaces(api: TestApi) {
  const putuo = await api.regionId('普陀区', 'DISTRICT');
  const jiading = await api.regionId('嘉定区', 'DISTRICT');
  const taopu = await api.regionId('桃浦镇', 'STREET');
  const changzheng = await api.regionId('长征镇', 'STREET');
  const [taopudong] = await centersWhere(api, `c.name = '桃浦东片区'`);
  const [taopuOther] = await centersWhere(api, `c.street_id = $1 AND c.id <> $2`, [taopu, taopudong.id]);
  const [changzhengCenter] = await centersWhere(api, `c.street_id = $1`, [changzheng]);
  const jd = await centersWhere(api, `c.district_id = $1`, [jiading]);
  return { putuo, jiading, taopu, changzheng, taopudong, taopuOther, changzhengCenter, jd };
}

async function surveyOf(api: TestApi, center: TestCenter): Promise<TestSurvey> {
  const known = surveys.get(center.id);
  if (known) return known;
  const [s] = await api.db.query(
    `INSERT INTO survey (title, scope_kind, center_id, district_id, street_id, status, anonymous)
     VALUES ($1, 'CENTER', $2, $3, $4, 'OPEN', true) RETURNING id`,
    [`测试问卷 ${center.name}`, center.id, center.districtId, center.streetId],
  );
  const [q1] = await api.db.query(
    `INSERT INTO survey_question (survey_id, position, kind, text) VALUES ($1, 1, 'SCORE', '整体感受') RETURNING id`,
    [s.id],
  );
  const [q2] = await api.db.query(
    `INSERT INTO survey_question (survey_id, position, kind, text, required) VALUES ($1, 2, 'TEXT', '意见建议', false) RETURNING id`,
    [s.id],
  );
  const survey = { id: s.id, scoreQuestion: q1.id, textQuestion: q2.id, byDimension: new Map() };
  surveys.set(center.id, survey);
  return survey;
}

/** The survey's SCORE question counting toward `dimension` (added the first time). */
async function dimensionQuestion(api: TestApi, survey: TestSurvey, dimension: Dimension): Promise<number> {
  const known = survey.byDimension.get(dimension);
  if (known) return known;
  const [q] = await api.db.query(
    `INSERT INTO survey_question (survey_id, position, kind, text, dimension)
     VALUES ($1, $2, 'SCORE', $3, $3) RETURNING id`,
    [survey.id, 3 + survey.byDimension.size, dimension],
  );
  survey.byDimension.set(dimension, q.id);
  return q.id;
}

export interface TestResponse {
  at: Date;
  /** the response's score (mean of its score answers); null for none */
  score: number | null;
  channel?: ResponseChannel;
  text?: string;
  /** score answers counting toward a dimension */
  dimensions?: { dimension: Dimension; score: number }[];
}

/** Stores a response of a center and queues it for the rollups, as submitSurveyResponse does. */
export async function respond(api: TestApi, center: TestCenter, r: TestResponse): Promise<void> {
  const survey = await surveyOf(api, center);
  const channel = r.channel ?? 'ONLINE';
  const dimensionQuestions: number[] = [];
  for (const d of r.dimensions ?? [])
    dimensionQuestions.push(await dimensionQuestion(api, survey, d.dimension));
  await api.db.transaction(async (em) => {
    const [row] = await em.query(
      `INSERT INTO survey_response (survey_id, center_id, street_id, district_id, channel, entry_method, submitted_at, score)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        survey.id,
        center.id,
        center.streetId,
        center.districtId,
        channel,
        channel === 'ONLINE' ? 'APP' : 'FORM',
        r.at,
        storedScore(r.score),
      ],
    );
    if (r.score !== null) {
      await em.query(`INSERT INTO survey_answer (response_id, question_id, score) VALUES ($1, $2, $3)`, [
        row.id,
        survey.scoreQuestion,
        Math.round(r.score),
      ]);
    }
    if (r.text) {
      await em.query(`INSERT INTO survey_answer (response_id, question_id, text) VALUES ($1, $2, $3)`, [
        row.id,
        survey.textQuestion,
        r.text,
      ]);
    }
    for (const [i, d] of (r.dimensions ?? []).entries()) {
      await em.query(`INSERT INTO survey_answer (response_id, question_id, score) VALUES ($1, $2, $3)`, [
        row.id,
        dimensionQuestions[i],
        d.score,
      ]);
    }
    await em.query(queueResponsesSql('(SELECT $1::int AS id) x'), [row.id]);
  });
}

/** Waits until every queued response is in the rollups (the worker's own code, run here). */
export async function settle(api: TestApi): Promise<void> {
  await drainRollupQueue(api.db);
}

/** An instant in Shanghai: `shanghai('2019-03-31 23:30')`. */
export const shanghai = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+08:00`);
