// The request limits that keep one caller from stalling the API, checked before anything executes:
// the multiplying query cost against the caller's budget, the cap on every input string, and the
// nesting of the raw request. Refusals are 400s with a contract code, never 500s.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AppError, badInput } from '../common/app-error';
import { config } from '../config';
import type { Context } from '../context';
import { checkInputStrings } from './input-limits';
import { operationCost } from './query-cost';

/** A request error with its HTTP status: Apollo answers it without executing. */
export function requestError(error: AppError, status = 400): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { http: { status } } });
}

export const tooComplex = (message: string, extra?: Record<string, unknown>): AppError =>
  new AppError('QUERY_TOO_COMPLEX', message, undefined, extra);

/** The cost budget of a request: a key's own; the SPAs' persisted documents the signed-in budget
 * (all of them fit it: a test checks); other documents the signed-in budget for signed-in callers in
 * development, and in production the anonymous budget whoever sends them. */
export function costBudget(ctx: Context): number {
  if (ctx.costBudget !== undefined) return ctx.costBudget;
  if (ctx.trustedDocument) return config.costBudgetSignedIn;
  if (ctx.viewer && !config.isProduction) return config.costBudgetSignedIn;
  return config.costBudgetAnonymous;
}

export function limitsPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const variables = request.variables ?? undefined;
          const fields = checkInputStrings(schema, document, operation, variables);
          if (fields.length) throw requestError(badInput(fields));
          const cost = operationCost({ schema, document, operation, variables });
          const budget = costBudget(contextValue);
          contextValue.queryCost = cost;
          if (cost > budget) {
            throw requestError(
              tooComplex(
                `查询代价 ${cost} 超出上限 ${budget}，请减小分页或嵌套 / query cost ${cost} exceeds the budget of ${budget}; ask for smaller pages or less nesting`,
                { cost, budget },
              ),
            );
          }
        },
      };
    },
  };
}

/** The deepest nesting of brackets ({ [ ( ) in a request's text, strings skipped; stops counting
 * past `limit`. Guards the parser, the validator and variable coercion, which all recurse. */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91 || c === 40) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 125 || c === 93 || c === 41) depth--;
  }
  return max;
}

/** The deepest nesting of a JSON value (variables), iteratively; stops counting past `limit`. */
export function valueDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** Whether a parsed request body nests deeper than allowed (query text or variables). */
export function tooDeep(body: unknown, limit: number): boolean {
  const bodies = Array.isArray(body) ? body : [body];
  return bodies.some((b) => {
    if (!b || typeof b !== 'object') return false;
    const { query, variables } = b as { query?: unknown; variables?: unknown };
    return (
      (typeof query === 'string' && nestingDepth(query, limit) > limit) ||
      valueDepth(variables, limit) > limit
    );
  });
}
