// 三个责任制 — who holds a case. Two functions decide the people, and they are the place to change
// when the centers' "3+X" teams and duty rotas exist (issue 11, built in parallel):
//   firstContactFor — 首问: "the staff member on duty from the rota when that exists, or the one
//     who entered it". Until rotas exist: the one who entered it; for a resident's or an
//     integrator's report, the center's staff (the first active account), else the street's admin.
//   SECRETARY_SQL / secretaryFor — 兜底: the community secretary (村居书记), who takes what is not
//     resolved in time or what the worker sends up. Until the team roles exist: the first active
//     admin of the case's street (the street's own people stand in for the secretary).
// Both are plain SQL on app_user, so the overdue worker uses the very same rule in bulk.
import type { EntityManager } from 'typeorm';

type Executor = Pick<EntityManager, 'query'>;

/** SQL giving the secretary's user id for a street id expression (used per row by the workers). */
export const SECRETARY_SQL = (streetIdSql: string) =>
  `(SELECT s.id FROM app_user s WHERE s.role = 'STREET_ADMIN' AND s.active AND s.scope_region_id = ${streetIdSql} ORDER BY s.id LIMIT 1)`;

/** The staff pool of a case's place, when nobody in particular received it: the center's staff,
 * else the street's admins. */
const POOL_SQL = (centerIdSql: string, streetIdSql: string) =>
  `coalesce((SELECT s.id FROM app_user s WHERE s.role = 'CENTER_STAFF' AND s.active AND s.center_id = ${centerIdSql} ORDER BY s.id LIMIT 1),
            ${SECRETARY_SQL(streetIdSql)})`;

/** 首问: who receives a new case. */
export async function firstContactFor(
  em: Executor,
  place: { enteredBy: number | null; centerId: number | null; streetId: number },
): Promise<number | null> {
  if (place.enteredBy !== null) return place.enteredBy;
  const [row]: { id: number | null }[] = await em.query(`SELECT ${POOL_SQL('$1', '$2')} AS id`, [
    place.centerId,
    place.streetId,
  ]);
  return row?.id ?? null;
}

/** 兜底: the community secretary of a case's place. */
export async function secretaryFor(em: Executor, place: { streetId: number }): Promise<number | null> {
  const [row]: { id: number | null }[] = await em.query(`SELECT ${SECRETARY_SQL('$1')} AS id`, [
    place.streetId,
  ]);
  return row?.id ?? null;
}

/** Who holds a case that reached the street operations center (城运中心): the street's admin. */
export const streetOperatorFor = secretaryFor;
