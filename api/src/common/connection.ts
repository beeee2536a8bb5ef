// Cursor pagination shared by every list: keyset on id, opaque cursors, `first` checked once.
import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { PAGE_DEFAULT, PAGE_MAX } from '@lc/domain';
import { badInput } from './app-error';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds the `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function connectionTypes<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return { EdgeType, ConnectionType };
}

const CURSOR_PREFIX = 'v1:';

export function encodeCursor(id: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  const id = Number(text.slice(CURSOR_PREFIX.length));
  return Number.isSafeInteger(id) && id >= 0 && encodeCursor(id) === cursor ? id : null;
}

export interface PageRequest {
  /** rows wanted */
  limit: number;
  /** keyset: only ids greater than this */
  afterId: number | null;
}

/** Checks `first` and `after`. `first` above PAGE_MAX is refused (not capped), naming the maximum. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const fields: { field: string; message: string }[] = [];
  const limit = first ?? PAGE_DEFAULT;
  if (!Number.isInteger(limit) || limit < 0)
    fields.push({ field: 'first', message: 'first 不能为负数 / first must be 0 or more' });
  else if (limit > PAGE_MAX)
    fields.push({ field: 'first', message: `每页最多 ${PAGE_MAX} 条 / first must be at most ${PAGE_MAX}` });
  let afterId: number | null = null;
  if (after !== null && after !== undefined) {
    afterId = decodeCursor(after);
    if (afterId === null) fields.push({ field: 'after', message: '无效的分页游标 / unknown cursor' });
  }
  if (fields.length) throw badInput(fields);
  return { limit, afterId };
}

/** Turns `limit + 1` rows fetched in id order into a connection. */
export function toConnection<T extends { id: number }>(
  rows: T[],
  page: PageRequest,
  totalCount: number,
): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}

/** Parses a GraphQL ID into a database id; null when it cannot be one. */
export function parseId(id: string | number | null | undefined): number | null {
  if (id === null || id === undefined) return null;
  const s = String(id).trim();
  if (!/^\d{1,15}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 && n <= 2147483647 ? n : null;
}

/** Escapes LIKE wildcards in user search text. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
