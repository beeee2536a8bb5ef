import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { manyLoader, oneLoader, rowsWhereAny } from '../../common/loader';
import { categoriesOfMany } from './case-settings';
import { duplicatesOf, type DuplicateCandidate } from './case-duplicates';
import { Case, CaseEvent, CasePhoto, type CaseCategory } from './case.entity';

export function createCasesLoaders(db: DataSource) {
  const cases = db.getRepository(Case);
  const events = db.getRepository(CaseEvent);
  const photos = db.getRepository(CasePhoto);
  return {
    caseById: oneLoader<number, Case>(
      (ids) => rowsWhereAny(db, cases, 'id', ids),
      (c) => c.id,
    ),
    eventsByCase: manyLoader<number, CaseEvent>(
      (ids) => rowsWhereAny(db, events, 'case_id', ids),
      (e) => e.caseId,
    ),
    photosByCase: manyLoader<number, CasePhoto>(
      (ids) => rowsWhereAny(db, photos, 'case_id', ids),
      (p) => p.caseId,
    ),
    /** the residents following each case (its reporter, reporters of duplicates merged into it) */
    watcherIdsByCase: new DataLoader<number, number[]>(async (ids) => {
      const rows: { case_id: number; user_id: number }[] = await db.query(
        `SELECT case_id, user_id FROM case_watcher WHERE case_id = ANY($1::int[])`,
        [ids],
      );
      return ids.map((id) => rows.filter((r) => r.case_id === id).map((r) => r.user_id));
    }),
    /** the categories in force in each district */
    categoriesByDistrict: new DataLoader<number, CaseCategory[]>((ids) => categoriesOfMany(db.manager, ids)),
    /** open cases that may be the same problem, for many cases in one statement */
    duplicatesByCase: new DataLoader<number, DuplicateCandidate[]>((ids) => duplicatesOf(db, ids)),
  };
}

export type CasesLoaders = ReturnType<typeof createCasesLoaders>;
