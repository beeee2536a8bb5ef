// The case workers, inside the API (workers.ts starts them every CASE_WORKER_INTERVAL_MS, 15 s by
// default, so a case is flagged within a minute of its deadline):
//   markOverdue        — cases past their deadline at their level get overdue_at, an OVERDUE step and
//                        a notice to whoever holds them; at community level, a case held by its first
//                        contact or an assigned worker goes to the secretary (兜底, the FALLBACK move);
//   closeUnanswered    — resolved cases the reporter did not answer within 3 days close (AUTO_CLOSE).
// Each takes its batch with FOR UPDATE SKIP LOCKED and re-checks the condition in the same statement,
// so with several API processes exactly one acts on each case.
import type { DataSource } from 'typeorm';
import {
  CASE_CLOCK_STATUSES,
  CASE_LEVEL_LABELS,
  CASE_TRANSITIONS,
  shanghaiDateTime,
  type CaseLevel,
} from '@lc/domain';
import { every } from '../../common/periodic';
import { config } from '../../config';
import type { Worker } from '../../workers';
import { notifyMany, type NotifyInput } from '../notifications/notification-outbox';
import { SECRETARY_SQL } from './case-responsibility';
import { caseNotice } from './case.service';

const BATCH = 1000;
/** The workers' moves, from the one table: where FALLBACK and AUTO_CLOSE start. */
const FALLBACK_FROM = CASE_TRANSITIONS.filter((t) => t.action === 'FALLBACK').map((t) => t.from);
const AUTO_CLOSE_FROM = CASE_TRANSITIONS.filter((t) => t.action === 'AUTO_CLOSE').map((t) => t.from);

interface MarkedRow {
  id: number;
  description: string;
  status: string;
  level: CaseLevel;
  deadline_at: Date;
  owner_id: number | null;
  secretary_id: number | null;
  fallback: boolean;
}

/** Marks one batch of newly overdue cases; answers how many it marked (0: none left). */
export async function markOverdueBatch(db: DataSource, batch = BATCH): Promise<number> {
  return db.transaction(async (em) => {
    // One statement: take the due cases nobody else holds, flag them, hand the community-level ones
    // to the secretary, and write their timeline steps.
    const rows: MarkedRow[] = await em.query(
      `WITH due AS (
         SELECT id, description, status, level, deadline_at, owner_id, responsibility, street_id
         FROM resident_case
         WHERE overdue_at IS NULL AND deadline_at <= now() AND status = ANY($1::text[])
         ORDER BY deadline_at LIMIT $2
         FOR UPDATE SKIP LOCKED
       ), plan AS (
         SELECT d.id, d.description, d.status, d.level, d.deadline_at, d.owner_id,
                ${SECRETARY_SQL('d.street_id')} AS secretary_id,
                (d.level = 'COMMUNITY' AND d.responsibility <> 'FALLBACK'
                 AND d.status = ANY($3::text[])) AS hand_over
         FROM due d
       ), marked AS (
         UPDATE resident_case c SET overdue_at = now(), version = c.version + 1, updated_at = now(),
           status = CASE WHEN p.hand_over AND p.secretary_id IS NOT NULL THEN 'ASSIGNED' ELSE c.status END,
           responsibility = CASE WHEN p.hand_over AND p.secretary_id IS NOT NULL THEN 'FALLBACK' ELSE c.responsibility END,
           owner_id = CASE WHEN p.hand_over AND p.secretary_id IS NOT NULL THEN p.secretary_id ELSE c.owner_id END
         FROM plan p WHERE c.id = p.id
         RETURNING c.id
       ), steps AS (
         -- the OVERDUE step, then (community level) the FALLBACK hand-over, in that order
         INSERT INTO case_event (case_id, kind, from_status, to_status, from_level, to_level, actor_kind,
                                 assignee_id, note, deadline_at)
         SELECT case_id, kind, from_status, to_status, level, level, 'SYSTEM', assignee_id, note, deadline_at
         FROM (
           SELECT p.id AS case_id, 1 AS step, 'OVERDUE' AS kind, p.status AS from_status, p.status AS to_status,
                  p.level, NULL::int AS assignee_id, NULL AS note, p.deadline_at
           FROM plan p JOIN marked m ON m.id = p.id
           UNION ALL
           SELECT p.id, 2, 'FALLBACK', p.status, 'ASSIGNED', p.level, p.secretary_id,
                  '超时未办结，转书记兜底 / not resolved in time: to the secretary', NULL
           FROM plan p JOIN marked m ON m.id = p.id WHERE p.hand_over AND p.secretary_id IS NOT NULL
         ) s ORDER BY case_id, step
       )
       SELECT p.id, p.description, p.status, p.level, p.deadline_at, p.owner_id, p.secretary_id,
              (p.hand_over AND p.secretary_id IS NOT NULL) AS fallback
       FROM plan p JOIN marked m ON m.id = p.id`,
      [CASE_CLOCK_STATUSES, batch, FALLBACK_FROM],
    );
    if (!rows.length) return 0;
    const notices: NotifyInput[] = [];
    for (const r of rows) {
      const params = {
        level: { label: 'caseLevel' as const, code: r.level },
        deadline: shanghaiDateTime(r.deadline_at),
      };
      notices.push(caseNotice(r, 'case.overdue', [r.owner_id ?? r.secretary_id], params));
      if (r.fallback && r.secretary_id !== r.owner_id)
        notices.push(
          caseNotice(r, 'case.handedOver', [r.secretary_id], {
            why: {
              zh: `在${CASE_LEVEL_LABELS[r.level]['zh-CN']}超过办理时限`,
              en: `is overdue at ${CASE_LEVEL_LABELS[r.level].en}`,
            },
          }),
        );
    }
    await notifyMany(em, notices);
    return rows.length;
  });
}

/** Marks every newly overdue case; answers how many. */
export async function markOverdue(db: DataSource): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await markOverdueBatch(db);
    total += n;
    if (n < BATCH) return total;
  }
}

/** Closes one batch of resolved cases whose follow-up time passed without an answer. */
export async function closeUnansweredBatch(db: DataSource, batch = BATCH): Promise<number> {
  return db.transaction(async (em) => {
    const rows: { id: number; description: string; watchers: number[] }[] = await em.query(
      `WITH due AS (
         SELECT id FROM resident_case
         WHERE status = ANY($2::text[]) AND follow_up_due_at <= now()
         ORDER BY follow_up_due_at LIMIT $1
         FOR UPDATE SKIP LOCKED
       ), closed AS (
         UPDATE resident_case c SET status = 'CLOSED', closed_at = now(), follow_up_due_at = NULL,
           version = c.version + 1, updated_at = now()
         FROM due WHERE c.id = due.id
         RETURNING c.id, c.description, c.level
       ), events AS (
         INSERT INTO case_event (case_id, kind, from_status, to_status, from_level, to_level, actor_kind, note)
         SELECT id, 'AUTO_CLOSE', 'RESOLVED', 'CLOSED', level, level, 'SYSTEM',
                '3天内未确认，自动办结 / no answer in 3 days: closed'
         FROM closed
       )
       SELECT c.id, c.description,
              coalesce((SELECT array_agg(w.user_id) FROM case_watcher w WHERE w.case_id = c.id), '{}') AS watchers
       FROM closed c`,
      [batch, AUTO_CLOSE_FROM],
    );
    await notifyMany(
      em,
      rows.map((r) => caseNotice(r, 'case.closed', r.watchers)),
    );
    return rows.length;
  });
}

export async function closeUnanswered(db: DataSource): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await closeUnansweredBatch(db);
    total += n;
    if (n < BATCH) return total;
  }
}

export const caseWorkers: Worker[] = [
  {
    name: 'case-overdue',
    start: (db) => every('case-overdue', config.caseWorkerIntervalMs, () => markOverdue(db)),
  },
  {
    name: 'case-follow-up',
    start: (db) => every('case-follow-up', config.caseWorkerIntervalMs, () => closeUnanswered(db)),
  },
];
