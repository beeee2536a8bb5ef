// The districts and streets a viewer may pick from: their scope, or every district when the
// viewer has none. Used by the centers street filter and the coverage region picker.
import type { RegionLevel } from '@lc/domain';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { Viewer } from '../auth/AuthProvider';

const RegionOptionsQuery = graphql(`
  query RegionOptions($parentId: ID, $withDistricts: Boolean!, $withStreets: Boolean!) {
    districts: regions(level: DISTRICT) @include(if: $withDistricts) {
      id
      name
      level
    }
    streets: regions(level: STREET, parentId: $parentId) @include(if: $withStreets) {
      id
      name
      level
      parent {
        id
      }
    }
  }
`);

export interface RegionOption {
  id: string;
  name: string;
  level: RegionLevel;
}

export interface RegionOptionGroup {
  /** null when the viewer's scope is a single street */
  district: RegionOption | null;
  streets: RegionOption[];
}

export function useRegionOptions(viewer: Viewer) {
  const scope = viewer.scope;
  const scopeIsDistrict = scope?.level === 'DISTRICT';
  const scopeIsNarrow = Boolean(scope) && !scopeIsDistrict;
  const [result, reexecute] = useQuery({
    query: RegionOptionsQuery,
    variables: {
      parentId: scopeIsDistrict ? scope?.id : undefined,
      withDistricts: !scope,
      withStreets: !scopeIsNarrow,
    },
    pause: scopeIsNarrow,
  });

  const groups = useMemo<RegionOptionGroup[]>(() => {
    if (scope && scopeIsNarrow)
      return [{ district: null, streets: [{ id: scope.id, name: scope.name, level: scope.level }] }];
    const districts: RegionOption[] = scope
      ? [{ id: scope.id, name: scope.name, level: scope.level }]
      : (result.data?.districts ?? []);
    const streets = result.data?.streets ?? [];
    const groupsOut: RegionOptionGroup[] = districts.map((d) => ({
      district: d,
      streets: streets
        .filter((s) => s.parent?.id === d.id)
        .map(({ id, name, level }) => ({ id, name, level })),
    }));
    // Streets whose district isn't listed (e.g. the server scoped the list differently).
    const listed = new Set(districts.map((d) => d.id));
    const orphans = streets.filter((s) => !s.parent || !listed.has(s.parent.id));
    if (orphans.length > 0) {
      groupsOut.push({
        district: null,
        streets: orphans.map(({ id, name, level }) => ({ id, name, level })),
      });
    }
    return groupsOut;
  }, [scope, scopeIsNarrow, result.data]);

  return {
    groups,
    fetching: !scopeIsNarrow && result.fetching && !result.data,
    error: scopeIsNarrow ? undefined : result.error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
