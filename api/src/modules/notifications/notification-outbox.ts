// The outbox: every module writes what happened with notify() inside the transaction of the change
// (notification_event); the sender worker (notification-sender.ts) turns events into inbox rows and
// channel deliveries. No GraphQL here, so any module (and its pure tests) may import it.
import type { DataSource, EntityManager } from 'typeorm';
import type {
  NotificationKind,
  NotificationParams,
  NotificationSubject,
  NotificationTemplate,
} from '@lc/domain';

/** Who gets a notification: named users, the residents whose home center is a center, the
 * residents of some communities. Null and repeated ids are ignored. */
export interface NotificationAudience {
  userIds?: readonly (number | null | undefined)[];
  centerResidents?: number | null;
  communityResidents?: readonly number[];
}

export interface NotifyInput {
  kind: NotificationKind;
  template: NotificationTemplate;
  params: NotificationParams;
  subject?: { type: NotificationSubject; id: number } | null;
  to: NotificationAudience;
  /** whoever caused it is not told about their own move */
  except?: number | null;
}

type Executor = Pick<EntityManager, 'query'> | Pick<DataSource, 'query'>;

function audienceIsEmpty(n: NotifyInput): boolean {
  return (
    !(n.to.userIds ?? []).some((u) => u != null && u !== n.except) &&
    !n.to.centerResidents &&
    !(n.to.communityResidents ?? []).length
  );
}

/** Writes notifications to the outbox, in the caller's transaction: one statement for all. */
export async function notifyMany(em: Executor, list: readonly NotifyInput[]): Promise<void> {
  const real = list.filter((n) => !audienceIsEmpty(n));
  if (!real.length) return;
  const ids = (xs: readonly (number | null | undefined)[] | undefined) =>
    `{${[...new Set((xs ?? []).filter((x): x is number => x != null))].join(',')}}`;
  await em.query(
    `INSERT INTO notification_event (kind, template, params, subject_type, subject_id, audience_user_ids,
                                     audience_center_id, audience_community_ids, exclude_user_id)
     SELECT k, t, p, st, si, au::int[], ac, acm::int[], ex
     FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::int[], $6::text[], $7::int[], $8::text[], $9::int[])
       AS x(k, t, p, st, si, au, ac, acm, ex)`,
    [
      real.map((n) => n.kind),
      real.map((n) => n.template),
      real.map((n) => JSON.stringify(n.params)),
      real.map((n) => n.subject?.type ?? null),
      real.map((n) => n.subject?.id ?? null),
      real.map((n) => ids(n.to.userIds)),
      real.map((n) => n.to.centerResidents ?? null),
      real.map((n) => ids(n.to.communityResidents)),
      real.map((n) => n.except ?? null),
    ],
  );
}

/** Writes one notification to the outbox, in the caller's transaction. */
export function notify(em: Executor, n: NotifyInput): Promise<void> {
  return notifyMany(em, [n]);
}
