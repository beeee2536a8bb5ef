import type { ObjectLiteral, Repository } from 'typeorm';

/** Maps a raw row (database column names) onto a new entity of the repository's type. */
export function hydrate<T extends ObjectLiteral>(repo: Repository<T>, row: Record<string, unknown>): T {
  const entity = repo.create();
  for (const col of repo.metadata.columns) {
    if (col.databaseName in row) {
      (entity as Record<string, unknown>)[col.propertyName] = row[col.databaseName];
    }
  }
  return entity;
}
