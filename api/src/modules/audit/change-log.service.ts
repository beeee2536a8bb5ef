// The change log of items and offerings: every write path calls record() in its transaction.
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuditedEntity } from '@lc/domain';
import type { Viewer } from '../../auth/viewer';
import { pageRequest, toConnection, type Connection } from '../../common/connection';
import type { Context } from '../../context';
import { ChangeLogEntry } from './change-log.entity';

export type ChangeAction = 'CREATE' | 'UPDATE' | 'RETIRE' | 'REINSTATE' | 'PROMOTE' | 'DELETE' | 'IMPORT';

export interface ChangeTarget {
  entity: AuditedEntity;
  entityId: number;
  serviceId: number | null;
  centerId?: number | null;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields whose values differ, with old and new values. */
export function diffFields<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): { field: string; oldValue: unknown; newValue: unknown }[] {
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((f) => ({ field: f, oldValue: before[f] ?? null, newValue: after[f] ?? null }));
}

export const changeLogService = {
  /** Records one row per changed field (or one row for a whole-record action) in the caller's transaction. */
  async record(
    em: EntityManager,
    actor: Viewer,
    target: ChangeTarget,
    action: ChangeAction,
    changes: { field: string | null; oldValue: unknown; newValue: unknown }[],
    importId: number | null = null,
  ): Promise<void> {
    if (!changes.length) return;
    const at = new Date();
    await em.getRepository(ChangeLogEntry).insert(
      changes.map((c) => ({
        entity: target.entity,
        entityId: target.entityId,
        serviceId: target.serviceId,
        centerId: target.centerId ?? null,
        actorId: actor.userId,
        actorName: actor.displayName,
        at,
        action,
        field: c.field,
        oldValue: c.oldValue === undefined ? null : (c.oldValue as object),
        newValue: c.newValue === undefined ? null : (c.newValue as object),
        importId,
      })) as QueryDeepPartialEntity<ChangeLogEntry>[],
    );
  },

  /** Newest first: the changes of an item (including its offerings) or of one offering. */
  async list(
    ctx: Context,
    where: { serviceId?: number; offeringId?: number },
    first?: number | null,
    after?: string | null,
  ): Promise<Connection<ChangeLogEntry>> {
    const page = pageRequest(first, after);
    const qb = ctx.db.getRepository(ChangeLogEntry).createQueryBuilder('c');
    if (where.serviceId !== undefined) qb.where('c.service_id = :sid', { sid: where.serviceId });
    else qb.where(`c.entity = 'SERVICE_OFFERING' AND c.entity_id = :oid`, { oid: where.offeringId });
    const totalCount = await qb.clone().getCount();
    if (page.afterId !== null) qb.andWhere('c.id < :afterId', { afterId: page.afterId });
    const rows =
      page.limit === 0
        ? []
        : await qb
            .orderBy('c.id', 'DESC')
            .limit(page.limit + 1)
            .getMany();
    return toConnection(rows, page, totalCount);
  },
};
