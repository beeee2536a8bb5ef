// The urql client: same-origin /graphql, the resident's bearer token on every request, and one
// place that notices an expired or revoked session.
import { getOperationAST } from 'graphql';
import { cacheExchange, Client, type CombinedError, fetchExchange, mapExchange } from 'urql';
import { persistedExchange } from '@urql/exchange-persisted';

/** Same-origin GraphQL endpoint: the server serves the SPA and /graphql together. */
export const GRAPHQL_URL = '/graphql';

/** Operations whose UNAUTHENTICATED answer means "wrong code", not "your session ended". */
const SIGN_IN_OPERATIONS = new Set(['LoginPageLogin', 'LoginPageRequestCode']);

export interface UrqlClientOptions {
  /** the current JWT, or null when signed out */
  getToken?: () => string | null;
  /** called when the server answers UNAUTHENTICATED to a request that carried a token */
  onUnauthenticated?: () => void;
}

export function isUnauthenticated(error: Pick<CombinedError, 'graphQLErrors'>): boolean {
  return error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

export function createUrqlClient({
  getToken = () => null,
  onUnauthenticated,
}: UrqlClientOptions = {}): Client {
  return new Client({
    url: GRAPHQL_URL,
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error, operation) {
          if (!onUnauthenticated || !getToken() || !isUnauthenticated(error)) return;
          const name = getOperationAST(operation.query)?.name?.value;
          if (name && SIGN_IN_OPERATIONS.has(name)) return;
          onUnauthenticated();
        },
      }),
      cacheExchange,
      // every document of the SPA is persisted at build time: only its hash travels
      persistedExchange({
        enforcePersistedQueries: true,
        enableForMutation: true,
        preferGetForPersistedQueries: false,
        generateHash: async (_query, document) =>
          (document as { __meta__?: { hash?: string } }).__meta__?.hash,
      }),
      fetchExchange,
    ],
    fetchOptions: () => {
      const token = getToken();
      // the preflight header lets file uploads (multipart, a "simple" request) past Apollo's CSRF guard
      const headers: Record<string, string> = { 'apollo-require-preflight': 'true' };
      if (token) headers.Authorization = `Bearer ${token}`;
      return { headers };
    },
  });
}
