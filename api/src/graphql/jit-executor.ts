// Query execution by graphql-jit: each operation is compiled once into JavaScript that walks the
// result without graphql-js's per-field bookkeeping (a district's ranking is ~20,000 fields; the
// compiled code answers it in a fraction of the time, same JSON). Apollo Server 5 has no executor
// option; its gateway interface is the documented way to hand execution over, so this is a
// "gateway" over our own schema. Parsing, validation (incl. graphql-armor's limits), plugins and
// error formatting stay Apollo's. Compiled operations are cached per parsed document (Apollo's
// document store hands the same DocumentNode back for the same query text).
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import {
  GraphQLError,
  getVariableValues,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { config } from '../config';
import { tooComplex } from './limits';
import type { Context } from '../context';
import { createSqlReader } from './sql-read';
import { sqlReadModules } from './sql-read.types';

type Compiled = CompiledQuery | ExecutionResult;

/** graphql-jit's errors as graphql-js's own class (their read-only fields trip plugins that
 * rewrite messages), keeping the path, the locations and the error a resolver threw. */
function plainError(e: GraphQLError, code?: string): GraphQLError {
  const plain = new GraphQLError(e.message, {
    path: e.path,
    originalError: e.originalError ?? undefined,
    extensions: code ? { ...e.extensions, code } : e.extensions,
  });
  (plain as { locations?: GraphQLError['locations'] }).locations = e.locations;
  return plain;
}

/** The operation's answer, or QUERY_TOO_COMPLEX once GRAPHQL_TIMEOUT_MS has passed (the database's
 * statement_timeout ends its statements; what is left of the resolvers finishes unseen). */
async function withDeadline(run: Promise<ExecutionResult> | ExecutionResult): Promise<ExecutionResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ExecutionResult>((resolve) => {
    timer = setTimeout(() => {
      const error = tooComplex(
        `查询超时（上限 ${config.requestTimeoutMs} 毫秒）/ the query ran longer than ${config.requestTimeoutMs} ms`,
      );
      resolve({ errors: [new GraphQLError(error.message, { originalError: error })] });
    }, config.requestTimeoutMs);
  });
  try {
    return await Promise.race([run, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const cache = new WeakMap<DocumentNode, Map<string, Compiled>>();
  const sqlReader = createSqlReader(schema, sqlReadModules);
  const compiledFor = (document: DocumentNode, operationName: string | undefined): Compiled => {
    let byName = cache.get(document);
    if (!byName) cache.set(document, (byName = new Map()));
    const key = operationName ?? '';
    let compiled = byName.get(key);
    if (!compiled) {
      compiled = compileQuery(schema, document, operationName);
      byName.set(key, compiled);
    }
    return compiled;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return {
        executor: async (rc) => {
          const compiled = compiledFor(rc.document, rc.operationName ?? undefined);
          if (!isCompiledQuery(compiled)) return compiled;
          // variables coerced by graphql-js first, so a bad one is refused in its words (naming the
          // variable and the path inside it) and as the client's error, as Apollo does
          const variables = rc.request.variables ?? {};
          const coerced = getVariableValues(schema, rc.operation.variableDefinitions ?? [], variables);
          if (coerced.errors) return { errors: coerced.errors.map((e) => plainError(e, 'BAD_USER_INPUT')) };
          // the directory's reads: one statement, JSON built by PostgreSQL (declines → resolvers)
          const result = await withDeadline(
            sqlReader
              .execute(rc.context as unknown as Context, rc.document, rc.operation, coerced.coerced)
              .then((read) => read ?? compiled.query(undefined, rc.context, variables)),
          );
          return result.errors ? { ...result, errors: result.errors.map((e) => plainError(e)) } : result;
        },
      };
    },
    async stop() {},
  };
}
