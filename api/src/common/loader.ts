import DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral, Repository } from 'typeorm';
import { hydrate } from './hydrate';

/** A loader of one record per key: rows come back in any order and are matched by `keyOf`. */
export function oneLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** A loader of many records per key (a one-to-many relation). */
export function manyLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, V[]>();
    for (const r of rows) {
      const k = keyOf(r);
      const list = byKey.get(k);
      if (list) list.push(r);
      else byKey.set(k, [r]);
    }
    return keys.map((k) => byKey.get(k) ?? []);
  });
}

/** Entities whose `column` is any of `keys`, in id order: one statement with a single array
 * parameter (`= ANY($1)`), however many keys — cheaper to build than an IN list. */
export async function rowsWhereAny<T extends ObjectLiteral>(
  db: DataSource,
  repo: Repository<T>,
  column: string,
  keys: readonly number[],
): Promise<T[]> {
  const table = repo.metadata.tableName;
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT * FROM "${table}" WHERE "${column}" = ANY($1::int[]) ORDER BY id`,
    [keys],
  );
  return rows.map((row) => hydrate(repo, row));
}
