import type { ObjectLiteral, Repository } from 'typeorm';

/** Per entity: its class and its columns as [database name, property name]. Built once; TypeORM's
 * `repository.create()` walks the metadata on every call, which shows on lists of a thousand rows. */
const shapes = new WeakMap<object, { make: () => ObjectLiteral; columns: [string, string][] }>();

function shapeOf(repo: Repository<ObjectLiteral>) {
  let shape = shapes.get(repo.metadata);
  if (!shape) {
    const target = repo.metadata.target;
    const make =
      typeof target === 'function'
        ? () => new (target as new () => ObjectLiteral)()
        : () => repo.create() as ObjectLiteral;
    shape = { make, columns: repo.metadata.columns.map((c) => [c.databaseName, c.propertyName]) };
    shapes.set(repo.metadata, shape);
  }
  return shape;
}

/** Maps a raw row (database column names) onto a new entity of the repository's type. */
export function hydrate<T extends ObjectLiteral>(repo: Repository<T>, row: Record<string, unknown>): T {
  const { make, columns } = shapeOf(repo as unknown as Repository<ObjectLiteral>);
  const entity = make() as Record<string, unknown>;
  for (const [db, prop] of columns) {
    if (db in row) entity[prop] = row[db];
  }
  return entity as T;
}
