// A demand's status follows its projects (OPEN → MATCHED → IN_PROJECT → CLOSED). The rule is
// @lc/domain's demandStatusFrom; the projects module calls syncDemandStatuses after every change
// of a project's demands or status, inside its transaction.
import type { EntityManager } from 'typeorm';
import {
  DEMAND_STATUSES,
  PROJECT_STATUSES,
  demandStatusFrom,
  type DemandStatus,
  type ProjectStatus,
} from '@lc/domain';
import { notifyMany } from '../notifications/notification-outbox';

/** Each project status's rank in DEMAND_STATUSES: the demand status a project alone gives. */
export const PROJECT_STATUS_RANK: Record<ProjectStatus, number> = Object.fromEntries(
  PROJECT_STATUSES.map((s) => [s, DEMAND_STATUSES.indexOf(demandStatusFrom([s]))]),
) as Record<ProjectStatus, number>;

/** Rank of a demand without projects. */
const NO_PROJECT_RANK = DEMAND_STATUSES.indexOf(demandStatusFrom([]));

/** The status demandStatusFrom gives, computed as SQL does below: the highest rank of any project.
 * (demandStatusFrom is monotone in DEMAND_STATUSES order; the unit test checks every combination.) */
export function demandStatusByRank(statuses: readonly ProjectStatus[]): (typeof DEMAND_STATUSES)[number] {
  return DEMAND_STATUSES[Math.max(NO_PROJECT_RANK, ...statuses.map((s) => PROJECT_STATUS_RANK[s]))];
}

/** Sets each demand's status from the statuses of the projects it is in: one statement however
 * many demands. Demands without projects become OPEN. Only changed rows are written. */
export async function syncDemandStatuses(em: EntityManager, demandIds: readonly number[]): Promise<void> {
  if (!demandIds.length) return;
  const [changed]: [{ id: number; title: string; status: DemandStatus; raised_by: number | null }[], number] =
    await em.query(
      `UPDATE demand d SET status = ($4::text[])[s.rank + 1], updated_at = now()
     FROM (
       SELECT d2.id, coalesce(max(m.rank), $5) AS rank
       FROM demand d2
       LEFT JOIN project_demand pd ON pd.demand_id = d2.id
       LEFT JOIN project p ON p.id = pd.project_id
       LEFT JOIN unnest($2::text[], $3::int[]) AS m(status, rank) ON m.status = p.status
       WHERE d2.id = ANY($1::int[])
       GROUP BY d2.id
     ) s
     WHERE d.id = s.id AND d.status <> ($4::text[])[s.rank + 1]
     RETURNING d.id, d.title, d.status, d.raised_by`,
      [
        [...new Set(demandIds)],
        PROJECT_STATUSES,
        PROJECT_STATUSES.map((s) => PROJECT_STATUS_RANK[s]),
        DEMAND_STATUSES,
        NO_PROJECT_RANK,
      ],
    );
  if (!changed.length) return;
  // whoever raised or seconded a demand hears that its status changed
  const seconds: { demand_id: number; resident_id: number }[] = await em.query(
    `SELECT demand_id, resident_id FROM demand_second WHERE demand_id = ANY($1::int[])`,
    [changed.map((d) => d.id)],
  );
  await notifyMany(
    em,
    changed.map((d) => ({
      kind: 'DEMAND_STATUS' as const,
      template: 'demand.status' as const,
      params: { title: d.title, status: { label: 'demandStatus' as const, code: d.status } },
      subject: { type: 'DEMAND' as const, id: d.id },
      to: {
        userIds: [d.raised_by, ...seconds.filter((s) => s.demand_id === d.id).map((s) => s.resident_id)],
      },
    })),
  );
}
