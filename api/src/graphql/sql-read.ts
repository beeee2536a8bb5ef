// Compiled reads: a query whose every root field a module knows how to answer in SQL is compiled,
// look-ahead selection and all, into ONE statement whose JSON PostgreSQL builds (the directory's
// read paths: centersNear, centers, center(id) with nested offerings → service). Anything the
// compiler does not know — a field, an argument value it would have to refuse, a directive, a
// fragment on another type — makes it decline, and the query runs through the ordinary resolvers;
// the answer is the same JSON either way (tests run documents both ways and compare).
//
// Modules describe their types: per GraphQL type, per field, a function that returns the field's
// SQL expression over a row alias (or null: "not compilable here"), and per root field the
// statement part. Registered in sql-read.types.ts, like resolvers.ts.
import {
  Kind,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Context } from '../context';
import { queryCounter } from '../db/query-counter';
import { collectSelection, type SelectedField } from './selection';

/** What a field's compiler gets: parameters, fresh aliases, the viewer and nested objects. */
export interface SqlBuilder {
  readonly ctx: Context;
  /** a positional parameter ($n) holding `value` */
  param(value: unknown, cast?: string): string;
  /** a fresh table alias */
  alias(prefix: string): string;
  /** the JSON object of `type` built from the row `row` for `selection`; null when not compilable */
  object(type: string, row: string, selection: readonly SelectedField[]): string | null;
}

/** A field's SQL expression over the row alias `row`; null declines. */
export type FieldSql = (b: SqlBuilder, row: string, field: SelectedField) => string | null;
/** A root field's SQL expression (a scalar subquery yielding json); null declines. */
export type RootSql = (b: SqlBuilder, field: SelectedField) => string | null;

export interface SqlReadModule {
  types?: Record<string, Record<string, FieldSql>>;
  roots?: Record<string, RootSql>;
}

/** At most 50 keys per json_build_object (PostgreSQL functions take at most 100 arguments). */
const MAX_KEYS = 50;

const quoteKey = (key: string) => `'${key.replace(/'/g, "''")}'`;

/** Prepared-statement names by SQL text (a few shapes per client document; bounded all the same). */
const names = new Map<string, string>();
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    if (names.size >= 2000) names.clear();
    name = `lc_read_${createHash('sha1').update(sql).digest('base64url')}`;
    names.set(sql, name);
  }
  return name;
}

/** Turned off by tests that compare both paths. */
export const compiledReads = { enabled: true };

export function createSqlReader(schema: GraphQLSchema, modules: readonly SqlReadModule[]) {
  const types = new Map<string, Record<string, FieldSql>>();
  const roots: Record<string, RootSql> = {};
  for (const m of modules) {
    for (const [t, fields] of Object.entries(m.types ?? {})) types.set(t, { ...types.get(t), ...fields });
    Object.assign(roots, m.roots);
  }
  const queryType = schema.getQueryType() as GraphQLObjectType;

  /** The statement and its parameters for the operation; null when any part declines. */
  function compile(
    ctx: Context,
    operation: OperationDefinitionNode,
    fragments: Record<string, FragmentDefinitionNode>,
    variables: Record<string, unknown>,
  ): { sql: string; params: unknown[] } | null {
    if (operation.operation !== 'query') return null;
    const selection = collectSelection(schema, fragments, variables, queryType, [operation.selectionSet]);
    if (!selection || selection.length === 0 || selection.length > MAX_KEYS) return null;
    if (!selection.some((f) => roots[f.name])) return null;
    const params: unknown[] = [];
    let aliases = 0;
    const b: SqlBuilder = {
      ctx,
      param(value, cast) {
        params.push(value);
        return cast ? `$${params.length}::${cast}` : `$${params.length}`;
      },
      alias: (prefix) => `${prefix}${++aliases}`,
      object(type, row, sel) {
        if (sel.length === 0 || sel.length > MAX_KEYS) return null;
        const fields = types.get(type);
        if (!fields) return null;
        const parts: string[] = [];
        for (const f of sel) {
          const expr =
            f.name === '__typename' ? `${quoteKey(type)}::text` : (fields[f.name]?.(b, row, f) ?? null);
          if (expr === null) return null;
          parts.push(`${quoteKey(f.key)}, ${expr}`);
        }
        return `json_build_object(${parts.join(', ')})`;
      },
    };
    const parts: string[] = [];
    for (const f of selection) {
      const expr = f.name === '__typename' ? `'Query'::text` : (roots[f.name]?.(b, f) ?? null);
      if (expr === null) return null;
      parts.push(`${quoteKey(f.key)}, ${expr}`);
    }
    return { sql: `SELECT json_build_object(${parts.join(', ')}) AS data`, params };
  }

  /** The operation's answer from one statement, or null: run it through the resolvers. */
  async function execute(
    ctx: Context,
    document: { definitions: readonly { kind: string }[] },
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
  ): Promise<ExecutionResult | null> {
    if (!compiledReads.enabled) return null;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions)
      if (d.kind === Kind.FRAGMENT_DEFINITION) {
        const f = d as FragmentDefinitionNode;
        fragments[f.name.value] = f;
      }
    const compiled = compile(ctx, operation, fragments, variables);
    if (!compiled) return null;
    // a named (prepared) statement: PostgreSQL parses and plans each shape once per connection
    const pool = (ctx.db.driver as PostgresDriver).master as Pool;
    queryCounter.increment();
    // only the parameters the statement uses: a selection that needs none of them (totalCount alone)
    // would otherwise bind more values than the prepared statement takes
    const used = Math.max(0, ...[...compiled.sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    const { rows } = await pool.query<{ data: Record<string, unknown> }>({
      name: statementName(compiled.sql),
      text: compiled.sql,
      values: compiled.params.slice(0, used),
    });
    return { data: rows[0].data };
  }

  return { compile, execute };
}

export type SqlReader = ReturnType<typeof createSqlReader>;

// ---- helpers the modules' field compilers share -------------------------------------------------

/** A column as GraphQL serializes it: ID → text, DateTime → ISO-8601 with milliseconds (UTC). */
export const sqlId = (expr: string) => `(${expr})::text`;
export const sqlDateTime = (expr: string) =>
  `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A field with neither arguments nor a selection, answered by `expr(row)`. */
export const scalar =
  (expr: (row: string) => string): FieldSql =>
  (_b, row, f) =>
    Object.keys(f.args).length || f.selection.length ? null : expr(row);

/** A field of type `type` answered by one related row found with `from(row, alias)` (a FROM … WHERE
 * clause); null JSON when there is none. */
export const related =
  (type: string, prefix: string, from: (row: string, alias: string) => string): FieldSql =>
  (b, row, f) => {
    if (Object.keys(f.args).length) return null;
    const a = b.alias(prefix);
    const obj = b.object(type, a, f.selection);
    return obj === null ? null : `(SELECT ${obj} FROM ${from(row, a)})`;
  };

/** A list field of `type`: rows found with `from(row, alias)`, ordered by `order(alias)`; [] when none. */
export const relatedList =
  (
    type: string,
    prefix: string,
    from: (row: string, alias: string) => string,
    order: (alias: string) => string,
  ): FieldSql =>
  (b, row, f) => {
    if (Object.keys(f.args).length) return null;
    const a = b.alias(prefix);
    const obj = b.object(type, a, f.selection);
    return obj === null
      ? null
      : `coalesce((SELECT json_agg(${obj} ORDER BY ${order(a)}) FROM ${from(row, a)}), '[]'::json)`;
  };
