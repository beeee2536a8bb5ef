// The one place errors become what clients see: a contract code, field errors for bad input,
// nothing internal (no stack, no SQL, no driver message).
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../common/app-error';
import { config } from '../config';
import { logger } from '../logger';

const TOO_COMPLEX = /limit of \d+ exceeded|Document contains more tha[nt] \d+ tokens/i;
/** graphql-js's "Did you mean …?" hints name fields and enum values; off unless introspection is on. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (config.introspection || !formatted.message.includes('Did you mean')) return formatted;
  return { ...formatted, message: formatted.message.replace(SUGGESTION, '') };
}

export function formatError(raw: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const formatted = withoutSuggestions(raw);
  const unwrapped = unwrapResolverError(error);
  // request errors (graphql/limits.ts) carry their AppError as originalError
  const original =
    unwrapped instanceof GraphQLError && unwrapped.originalError instanceof AppError
      ? unwrapped.originalError
      : unwrapped;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof AppError) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        ...(original.fields ? { fields: original.fields } : {}),
        ...(original.extra ?? {}),
      },
    };
  }

  const code = formatted.extensions?.code;
  if (TOO_COMPLEX.test(formatted.message)) {
    return { ...base, extensions: { code: 'QUERY_TOO_COMPLEX' } };
  }
  switch (code) {
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'BAD_USER_INPUT':
    case 'BAD_REQUEST':
    case 'OPERATION_RESOLUTION_FAILURE': {
      // Variables of the wrong type, unknown fields, syntax errors: name the variable where we can.
      const variable = /Variable "\$([^"]+)"/.exec(formatted.message)?.[1];
      const argument = /Argument "([^"]+)"|argument "([^"]+)"/.exec(formatted.message);
      const field = variable ?? argument?.[1] ?? argument?.[2];
      return {
        ...base,
        extensions: { code: 'BAD_USER_INPUT', fields: field ? [{ field, message: formatted.message }] : [] },
      };
    }
    case 'PERSISTED_QUERY_NOT_FOUND':
    case 'PERSISTED_QUERY_NOT_SUPPORTED':
      return { ...base, extensions: { code: 'BAD_USER_INPUT', fields: [] } };
  }
  if (original instanceof GraphQLError && !original.originalError && code === undefined) {
    // GraphQL execution errors such as a non-null violation in input coercion.
    return { ...base, extensions: { code: 'BAD_USER_INPUT', fields: [] } };
  }

  logger.error({ err: original, path: formatted.path }, 'internal error');
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
