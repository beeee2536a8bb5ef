import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ProjectStatus } from '@lc/domain';
import { oneLoader, rowsWhereAny } from '../../common/loader';
import { Resource } from './resource.entity';

/** Projects in these statuses keep their resources busy (count against capacity). */
export const BUSY_PROJECT_STATUSES: readonly ProjectStatus[] = [
  'PROPOSED',
  'HEARING',
  'APPROVED',
  'IN_PROGRESS',
  'REVIEW',
];

export interface RevealRow {
  id: number;
  resourceId: number;
  actorName: string;
  reason: string | null;
  at: Date;
}

export function createResourcesLoaders(db: DataSource) {
  const resources = db.getRepository(Resource);
  const revealLoaders = new Map<number, DataLoader<number, RevealRow[]>>();
  return {
    /** a resource by id, unscoped: callers check who may see it (auth/policy canReadResources) */
    resourceById: oneLoader<number, Resource>(
      (ids) => rowsWhereAny(db, resources, 'id', ids),
      (r) => r.id,
    ),
    /** how many projects in BUSY_PROJECT_STATUSES use each resource */
    activeProjects: new DataLoader<number, number>(async (ids) => {
      const rows: { resource_id: number; n: number }[] = await db.query(
        `SELECT pr.resource_id, count(*)::int AS n FROM project_resource pr
         JOIN project p ON p.id = pr.project_id
         WHERE pr.resource_id = ANY($1::int[]) AND p.status = ANY($2::text[])
         GROUP BY pr.resource_id`,
        [[...ids], BUSY_PROJECT_STATUSES],
      );
      const n = new Map(rows.map((r) => [r.resource_id, r.n]));
      return ids.map((id) => n.get(id) ?? 0);
    }),
    /** the latest `first` contact reveals of each resource, newest first */
    reveals(first: number): DataLoader<number, RevealRow[]> {
      let loader = revealLoaders.get(first);
      if (!loader) {
        loader = new DataLoader<number, RevealRow[]>(async (ids) => {
          const rows: {
            id: number;
            resource_id: number;
            actor_name: string;
            reason: string | null;
            at: Date;
          }[] = await db.query(
            `SELECT id, resource_id, actor_name, reason, at FROM (
                 SELECT v.*, row_number() OVER (PARTITION BY resource_id ORDER BY id DESC) AS n
                 FROM resource_contact_reveal v WHERE resource_id = ANY($1::int[])) x
               WHERE n <= $2 ORDER BY resource_id, id DESC`,
            [[...ids], first],
          );
          const by = new Map<number, RevealRow[]>();
          for (const r of rows) {
            const row = {
              id: r.id,
              resourceId: r.resource_id,
              actorName: r.actor_name,
              reason: r.reason,
              at: r.at,
            };
            const list = by.get(r.resource_id);
            if (list) list.push(row);
            else by.set(r.resource_id, [row]);
          }
          return ids.map((id) => by.get(id) ?? []);
        });
        revealLoaders.set(first, loader);
      }
      return loader;
    },
  };
}

export type ResourcesLoaders = ReturnType<typeof createResourcesLoaders>;
