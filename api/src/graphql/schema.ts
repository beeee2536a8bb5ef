import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { resolvers } from './resolvers';
import { validateArgument } from './validate';

/** The SDL file the API emits (committed; clients generate their types from it). */
export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', '..', 'schema', 'schema.graphql');

export async function createSchema(options: { emit?: boolean } = {}): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validateFn: validateArgument,
    // TypeGraphQL 2 names its date scalar DateTimeISO; the contract says DateTime.
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    emitSchemaFile: options.emit ? { path: SCHEMA_FILE, sortedSchema: false } : false,
  });
}
