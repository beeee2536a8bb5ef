// The signed-in resident as the server knows them now: masked phone and home center (我的服务中心).
// A token the server no longer accepts answers `me: null`: the session is dropped then.
import { useEffect } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { ResidentMeQuery } from '../../gql/graphql';
import { useSession } from './session';
import { sessionStore } from './session-store';

export const ResidentMeQueryDocument = graphql(`
  query ResidentMe {
    me {
      id
      displayName
      role
      phoneMasked
      homeCenter {
        id
        name
        address
        street {
          id
          name
          parent {
            id
            name
          }
        }
      }
    }
  }
`);

export type Me = NonNullable<ResidentMeQuery['me']>;
export type HomeCenter = NonNullable<Me['homeCenter']>;

export function useMe() {
  const session = useSession();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ResidentMeQueryDocument,
    pause: !session,
    requestPolicy: 'cache-and-network',
  });
  const me = data?.me ?? null;
  useEffect(() => {
    // only a definite answer ends the session, never a network failure
    if (session && data && !error && data.me === null) sessionStore.clear();
  }, [session, data, error]);
  return {
    me,
    /** true until the first answer arrives */
    loading: !data && fetching,
    error: data ? undefined : error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
