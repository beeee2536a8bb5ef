// A resident's community (居委/村委): demands are raised for it and its projects are visible.
import type { EntityManager } from 'typeorm';

/**
 * Sets the resident's home community and, when they have no home center yet, the nearest center
 * covering that community (center_community). With `onlyIfUnset` the community is only filled in
 * when none is set (race-safe: a conditional UPDATE). Answers the community the resident now has.
 */
export async function assignHomeCommunity(
  em: EntityManager,
  userId: number,
  communityId: number,
  onlyIfUnset = false,
): Promise<number | null> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected]
  const [rows]: [{ home_community_id: number }[], number] = await em.query(
    `UPDATE app_user u SET home_community_id = $2,
       home_center_id = coalesce(u.home_center_id, (
         SELECT c.id FROM center_community cc
         JOIN center c ON c.id = cc.center_id
         JOIN region r ON r.id = cc.community_id
         WHERE cc.community_id = $2
         ORDER BY (c.lat - r.lat) ^ 2 + ((c.lng - r.lng) * cos(radians(r.lat))) ^ 2 NULLS LAST, c.id
         LIMIT 1))
     WHERE u.id = $1 AND u.role = 'RESIDENT' ${onlyIfUnset ? 'AND u.home_community_id IS NULL' : ''}
     RETURNING u.home_community_id`,
    [userId, communityId],
  );
  if (rows.length) return rows[0].home_community_id;
  const [row]: { home_community_id: number | null }[] = await em.query(
    `SELECT home_community_id FROM app_user WHERE id = $1`,
    [userId],
  );
  return row?.home_community_id ?? null;
}
