import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { hydrate } from '../../common/hydrate';
import { manyLoader, oneLoader, rowsWhereAny } from '../../common/loader';
import { Demand } from '../demands/demand.entity';
import { Survey, SurveyQuestion } from './survey.entity';

/** How a demand made from a survey comment names it, at the end of its description. */
export const COMMENT_MARKER = '来自问卷意见 #';

/** Key of viewerHasAnswered: `<surveyId>:<residentId>`. */
export const respondentKey = (surveyId: number, residentId: number): string => `${surveyId}:${residentId}`;

export function createSurveysLoaders(db: DataSource) {
  const surveys = db.getRepository(Survey);
  const questions = db.getRepository(SurveyQuestion);
  const demands = db.getRepository(Demand);
  return {
    surveyById: oneLoader<number, Survey>(
      (ids) => rowsWhereAny(db, surveys, 'id', ids),
      (s) => s.id,
    ),
    /** questions of a survey in their order */
    questionsBySurvey: manyLoader<number, SurveyQuestion>(
      async (ids) => {
        const rows: Record<string, unknown>[] = await db.query(
          `SELECT * FROM survey_question WHERE survey_id = ANY($1::int[]) ORDER BY survey_id, position`,
          [ids],
        );
        return rows.map((r) => hydrate(questions, r));
      },
      (q) => q.surveyId,
    ),
    responseCount: new DataLoader<number, number>(async (ids) => {
      const rows: { survey_id: number; n: number }[] = await db.query(
        `SELECT survey_id, count(*)::int AS n FROM survey_response WHERE survey_id = ANY($1::int[]) GROUP BY survey_id`,
        [ids],
      );
      const by = new Map(rows.map((r) => [r.survey_id, r.n]));
      return ids.map((id) => by.get(id) ?? 0);
    }),
    /** whether a resident answered a survey (survey_respondent; says nothing of the answers) */
    answered: new DataLoader<string, boolean>(async (keys) => {
      const pairs = keys.map((k) => k.split(':').map(Number));
      const rows: { survey_id: number; resident_id: number }[] = await db.query(
        `SELECT survey_id, resident_id FROM survey_respondent
         WHERE (survey_id, resident_id) IN (SELECT * FROM unnest($1::int[], $2::int[]))`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      const found = new Set(rows.map((r) => respondentKey(r.survey_id, r.resident_id)));
      return keys.map((k) => found.has(k));
    }),
    /** the demand a survey comment (answer id) was turned into, first made */
    demandByComment: oneLoader<number, { answerId: number; demand: Demand }>(
      async (answerIds) => {
        const rows: Record<string, unknown>[] = await db.query(
          `SELECT * FROM (
             SELECT (regexp_match(d.description, $2 || '(\\d{1,18})$'))[1]::bigint AS lc_answer_id, d.*
             FROM demand d WHERE d.source = 'SURVEY_COMMENT') x
           WHERE lc_answer_id = ANY($1::bigint[]) ORDER BY id`,
          [answerIds, COMMENT_MARKER],
        );
        const first = new Map<number, { answerId: number; demand: Demand }>();
        for (const r of rows) {
          const answerId = Number(r.lc_answer_id);
          if (!first.has(answerId)) first.set(answerId, { answerId, demand: hydrate(demands, r) });
        }
        return [...first.values()];
      },
      (x) => x.answerId,
    ),
  };
}

export type SurveysLoaders = ReturnType<typeof createSurveysLoaders>;
