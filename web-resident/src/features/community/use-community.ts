// The signed-in resident's community (居委/村委): its projects and demands are what these pages
// show. Choosing it (setHomeCommunity) also sets the home center when none is chosen yet.
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CommunityMeQuery } from '../../gql/graphql';
import type { CommunitySelection } from '../places/CommunityPicker';
import { useSession } from '../account/session';

export const CommunityMeQueryDocument = graphql(`
  query CommunityMe {
    me {
      id
      displayName
      phoneMasked
      homeCenter {
        id
        name
        street {
          id
          parent {
            id
          }
        }
      }
      homeCommunity {
        id
        name
        parent {
          id
          name
          parent {
            id
          }
        }
      }
    }
  }
`);

export const SetHomeCommunityMutation = graphql(`
  mutation CommunitySetHome($communityId: ID!) {
    setHomeCommunity(communityId: $communityId) {
      id
      homeCenter {
        id
        name
      }
      homeCommunity {
        id
        name
      }
    }
  }
`);

export type CommunityMe = NonNullable<CommunityMeQuery['me']>;
export type HomeCommunity = NonNullable<CommunityMe['homeCommunity']>;

/** The resident with their community; the session itself is watched by use-me (AppShell pages). */
export function useCommunityMe() {
  const session = useSession();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CommunityMeQueryDocument,
    pause: !session,
    requestPolicy: 'cache-and-network',
  });
  return {
    me: data?.me ?? null,
    loading: !data && fetching,
    error: data ? undefined : error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

/** The pickers start at the resident's community, else at their home center's street. */
export function initialCommunitySelection(me: CommunityMe | null): CommunitySelection {
  const community = me?.homeCommunity;
  if (community?.parent)
    return {
      districtId: community.parent.parent?.id ?? '',
      streetId: community.parent.id,
      communityId: community.id,
    };
  const street = me?.homeCenter?.street;
  if (street) return { districtId: street.parent?.id ?? '', streetId: street.id, communityId: '' };
  return { districtId: '', streetId: '', communityId: '' };
}

/** The page choosing the community, coming back to `next` afterwards. */
export function communityPickPath(next: string): string {
  return `/community/pick?next=${encodeURIComponent(next)}`;
}
