import path from 'node:path';
import { printSchema, type GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { authChecker } from '../auth/auth-checker';
import { resolvers } from './resolvers';
import { validateArgument } from './validate';

/** The SDL file the API emits (committed; clients generate their types from it). */
export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', '..', 'schema', 'schema.graphql');

export async function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validateFn: validateArgument,
    // TypeGraphQL 2 names its date scalar DateTimeISO; the contract says DateTime.
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
  });
}

/** The SDL as committed in schema/schema.graphql. */
export function schemaSdl(schema: GraphQLSchema): string {
  return `# Emitted by \`pnpm schema:emit\` from the API's resolvers. Do not edit by hand.\n\n${printSchema(schema)}\n`;
}
