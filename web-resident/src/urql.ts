import { cacheExchange, Client, fetchExchange } from 'urql';

/** Same-origin GraphQL endpoint: the server serves the SPA and /graphql together. */
export const GRAPHQL_URL = '/graphql';

export function createUrqlClient(): Client {
  return new Client({
    url: GRAPHQL_URL,
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
  });
}
