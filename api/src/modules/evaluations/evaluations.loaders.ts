import type { DataSource, EntityManager } from 'typeorm';
import { hydrate } from '../../common/hydrate';
import { manyLoader, oneLoader, rowsWhereAny } from '../../common/loader';
import { Evaluation, EvaluationFinding, EvaluationPhoto } from './evaluation.entity';

/** Columns of an evaluation as the entity wants them (the day as text, the total as a number). */
export const EVALUATION_COLUMNS =
  'e.id, e.center_id, e.street_id, e.district_id, e.evaluator_id, e.evaluator_name, e.evaluator_kind, e.phase, ' +
  'e.evaluated_on::text AS evaluated_on, e.scores, e.total::float8 AS total, e.suggestions, e.created_at';

export function toEvaluations(db: DataSource | EntityManager, rows: Record<string, unknown>[]): Evaluation[] {
  const repo = db.getRepository(Evaluation);
  return rows.map((r) => hydrate(repo, r));
}

export function createEvaluationsLoaders(db: DataSource) {
  const findings = db.getRepository(EvaluationFinding);
  const photos = db.getRepository(EvaluationPhoto);
  return {
    evaluationById: oneLoader<number, Evaluation>(
      async (ids) =>
        toEvaluations(
          db,
          await db.query(`SELECT ${EVALUATION_COLUMNS} FROM evaluation e WHERE e.id = ANY($1::int[])`, [ids]),
        ),
      (e) => e.id,
    ),
    findingsByEvaluation: manyLoader<number, EvaluationFinding>(
      (ids) => rowsWhereAny(db, findings, 'evaluation_id', ids),
      (f) => f.evaluationId,
    ),
    photosByEvaluation: manyLoader<number, EvaluationPhoto>(
      (ids) => rowsWhereAny(db, photos, 'evaluation_id', ids),
      (p) => p.evaluationId,
    ),
  };
}

export type EvaluationsLoaders = ReturnType<typeof createEvaluationsLoaders>;
