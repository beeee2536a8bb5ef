// The districts and streets whose menus the viewer may look at: their district (the parent of
// a street scope) and its streets; every district when the viewer has no scope.
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { Viewer } from '../auth/AuthProvider';

const MenuRegionsQuery = graphql(`
  query MenuRegions($scopeId: ID!, $byScope: Boolean!) {
    scopeRegion: region(id: $scopeId) @include(if: $byScope) {
      id
      name
      level
      children {
        id
        name
        level
      }
      parent {
        id
        name
        level
        children {
          id
          name
          level
        }
      }
    }
    districts: regions(level: DISTRICT) @skip(if: $byScope) {
      id
      name
      level
      children {
        id
        name
        level
      }
    }
  }
`);

export interface MenuRegion {
  id: string;
  name: string;
  /** the district of a street (for grouping) */
  districtId: string;
}

export interface MenuRegions {
  districts: MenuRegion[];
  streets: MenuRegion[];
  /** the viewer's own district / street, when they have one */
  ownDistrictId: string | null;
  ownStreetId: string | null;
}

type RegionNode = {
  id: string;
  name: string;
  level: string;
  children: readonly { id: string; name: string; level: string }[];
};

function streetsOf(d: RegionNode): MenuRegion[] {
  return d.children
    .filter((c) => c.level === 'STREET')
    .map((c) => ({ id: c.id, name: c.name, districtId: d.id }));
}

export function useMenuRegions(viewer: Viewer) {
  const scope = viewer.scope;
  const [result, reexecute] = useQuery({
    query: MenuRegionsQuery,
    variables: { scopeId: scope?.id ?? '', byScope: Boolean(scope) },
  });

  const regions = useMemo<MenuRegions>(() => {
    const data = result.data;
    if (!data) return { districts: [], streets: [], ownDistrictId: null, ownStreetId: null };
    const s = data.scopeRegion;
    if (s) {
      const district: RegionNode | null =
        s.level === 'DISTRICT' ? s : s.parent?.level === 'DISTRICT' ? s.parent : null;
      if (!district) return { districts: [], streets: [], ownDistrictId: null, ownStreetId: null };
      return {
        districts: [{ id: district.id, name: district.name, districtId: district.id }],
        streets: streetsOf(district),
        ownDistrictId: district.id,
        ownStreetId: s.level === 'STREET' ? s.id : null,
      };
    }
    const districts = data.districts ?? [];
    return {
      districts: districts.map((d) => ({ id: d.id, name: d.name, districtId: d.id })),
      streets: districts.flatMap(streetsOf),
      ownDistrictId: null,
      ownStreetId: null,
    };
  }, [result.data]);

  return {
    regions,
    fetching: result.fetching && !result.data,
    error: result.error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
