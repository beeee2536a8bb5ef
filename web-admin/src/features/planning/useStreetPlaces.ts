// The communities (居委/村委) and centers of one street: for the community filter, the demand
// and resource forms, and the center of a new project.
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';

const StreetPlacesQuery = graphql(`
  query StreetPlaces($id: ID!) {
    region(id: $id) {
      id
      name
      level
      parent {
        id
        name
      }
      children {
        id
        name
        level
      }
      centers {
        id
        name
      }
    }
  }
`);

export interface Place {
  id: string;
  name: string;
}

export function useStreetPlaces(streetId: string | undefined) {
  const [{ data, fetching, error }] = useQuery({
    query: StreetPlacesQuery,
    variables: { id: streetId ?? '' },
    pause: !streetId,
  });
  const region = streetId && data?.region?.id === streetId ? data.region : null;
  return useMemo(
    () => ({
      street: region ? { id: region.id, name: region.name } : null,
      district: region?.parent ? { id: region.parent.id, name: region.parent.name } : null,
      communities: (region?.children ?? [])
        .filter((c) => c.level === 'COMMUNITY')
        .map((c) => ({ id: c.id, name: c.name })) as Place[],
      centers: (region?.centers ?? []).map((c) => ({ id: c.id, name: c.name })) as Place[],
      fetching,
      error,
    }),
    [region, fetching, error],
  );
}
