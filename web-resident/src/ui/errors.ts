import type { CombinedError } from 'urql';
import { ERROR_CODES } from '@lc/domain';

/** Codes the API puts in `extensions.code` (the contract's list plus the server fallback). */
const KNOWN_CODES = new Set<string>(ERROR_CODES);

export type ErrorMessageKey = `enum:error.${string}` | 'networkError' | 'common:error';

/** The i18n key of the message to show for a failed query: the first GraphQL error with a
 * known `extensions.code` wins; then network failures; anything else is a server error. */
export function errorMessageKey(
  error: Pick<CombinedError, 'graphQLErrors' | 'networkError'>,
): ErrorMessageKey {
  for (const gqlError of error.graphQLErrors) {
    const code = gqlError.extensions?.code;
    if (typeof code === 'string' && KNOWN_CODES.has(code)) return `enum:error.${code}`;
  }
  if (error.networkError) return 'networkError';
  if (error.graphQLErrors.length > 0) return 'enum:error.INTERNAL_SERVER_ERROR';
  return 'common:error';
}

/** True when the error means "no such record" (the API answers NOT_FOUND for out-of-scope too). */
export function isNotFound(error: Pick<CombinedError, 'graphQLErrors'> | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND');
}
