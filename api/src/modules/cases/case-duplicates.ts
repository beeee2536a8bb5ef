// Duplicates: an open case near another (same category, within 200 m, reported within 14 days of
// each other, similar text by the bigram Dice coefficient of @lc/domain) is offered to staff, who
// merge them (caseService.move MERGE); the reporters of both then follow the remaining case.
import type { DataSource } from 'typeorm';
import {
  CASE_DUPLICATE_DAYS,
  CASE_DUPLICATE_RADIUS_M,
  CASE_DUPLICATE_THRESHOLD,
  textSimilarity,
} from '@lc/domain';

export interface DuplicateCandidate {
  caseId: number;
  similarity: number;
  distanceMeters: number;
}

/** For each case id, the open cases that may be the same problem, most similar first: one
 * statement for all ids (the GiST index on open cases' points finds the neighbours). */
export async function duplicatesOf(
  db: Pick<DataSource, 'query'>,
  ids: readonly number[],
): Promise<DuplicateCandidate[][]> {
  const rows: { for_id: number; for_text: string; id: number; text: string; d: number }[] = await db.query(
    `SELECT c.id AS for_id, c.description AS for_text, o.id, o.description AS text,
            lc_distance_m(c.lat, c.lng, o.lat, o.lng) AS d
     FROM resident_case c
     JOIN resident_case o
       ON earth_box(ll_to_earth(c.lat, c.lng), $2 * 1.01) @> ll_to_earth(o.lat, o.lng)
      AND o.lat IS NOT NULL AND o.status NOT IN ('CLOSED','REJECTED')
      AND o.id <> c.id AND o.merged_into_id IS NULL
      AND o.district_id = c.district_id AND o.category = c.category
      AND o.reported_at > c.reported_at - make_interval(days => $3)
      AND o.reported_at < c.reported_at + make_interval(days => $3)
     WHERE c.id = ANY($1::int[]) AND c.lat IS NOT NULL AND c.status NOT IN ('CLOSED','REJECTED')
       AND lc_distance_m(c.lat, c.lng, o.lat, o.lng) <= $2`,
    [ids, CASE_DUPLICATE_RADIUS_M, CASE_DUPLICATE_DAYS],
  );
  const by = new Map<number, DuplicateCandidate[]>();
  for (const r of rows) {
    const similarity = textSimilarity(r.for_text, r.text);
    if (similarity < CASE_DUPLICATE_THRESHOLD) continue;
    const list = by.get(r.for_id) ?? by.set(r.for_id, []).get(r.for_id)!;
    list.push({
      caseId: r.id,
      similarity: Math.round(similarity * 100) / 100,
      distanceMeters: Math.round(r.d),
    });
  }
  return ids.map((id) =>
    (by.get(id) ?? []).sort((a, b) => b.similarity - a.similarity || a.distanceMeters - b.distanceMeters),
  );
}
