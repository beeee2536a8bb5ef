// The urql client: same-origin /graphql, the session's bearer token on every request, and one
// place that notices an expired or missing session.
import { Client, cacheExchange, fetchExchange, mapExchange } from 'urql';
import { persistedExchange } from '@urql/exchange-persisted';
import { isUnauthenticated } from './ui/graphqlErrors';

export const GRAPHQL_URL = '/graphql';

export interface UrqlClientOptions {
  /** the current JWT, or null when signed out */
  getToken: () => string | null;
  /** called when the server answers UNAUTHENTICATED while a token is held */
  onUnauthenticated: () => void;
}

export function createUrqlClient({ getToken, onUnauthenticated }: UrqlClientOptions): Client {
  return new Client({
    url: GRAPHQL_URL,
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          // Without a token (e.g. a failed login) there is no session to end.
          if (getToken() && isUnauthenticated(error)) onUnauthenticated();
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
