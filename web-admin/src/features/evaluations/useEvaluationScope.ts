// Where the viewer evaluates and reads evaluations: their district (their scope, or the district
// above their street), the centers of their scope, and the district's indicators and weights.
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { Viewer } from '../auth/AuthProvider';

const EvaluationScopeQuery = graphql(`
  query EvaluationScope($regionId: ID!) {
    region(id: $regionId) {
      id
      name
      level
      parent {
        id
        name
        level
      }
      centers {
        id
        name
        street {
          id
          name
        }
      }
    }
  }
`);

const DistrictIndicatorsQuery = graphql(`
  query DistrictIndicators($districtId: ID!) {
    districtSettings(districtId: $districtId) {
      districtId
      dimensionWeights {
        dimension
        weight
      }
      indicators {
        dimension
        description
      }
    }
  }
`);

export interface ScopeCenter {
  id: string;
  name: string;
  streetName: string;
}

export function useEvaluationScope(viewer: Viewer) {
  const scope = viewer.scope;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: EvaluationScopeQuery,
    variables: { regionId: scope?.id ?? '' },
    pause: !scope,
  });
  const region = data?.region;
  const district = useMemo(() => {
    if (!scope) return null;
    if (scope.level === 'DISTRICT') return { id: scope.id, name: scope.name };
    const p = region?.parent;
    return p && p.level === 'DISTRICT' ? { id: p.id, name: p.name } : null;
  }, [scope, region]);
  const centers = useMemo<ScopeCenter[]>(
    () =>
      (region?.centers ?? [])
        .map((c) => ({ id: c.id, name: c.name, streetName: c.street.name }))
        .sort(
          (a, b) =>
            a.streetName.localeCompare(b.streetName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'),
        ),
    [region],
  );
  return {
    scope,
    district,
    centers,
    fetching: Boolean(scope) && fetching && !data,
    error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}

export function useDistrictIndicators(districtId: string | undefined) {
  const [{ data, fetching, error }] = useQuery({
    query: DistrictIndicatorsQuery,
    variables: { districtId: districtId ?? '' },
    pause: !districtId,
  });
  const settings = data?.districtSettings;
  return useMemo(
    () => ({
      weights: settings?.dimensionWeights ?? [],
      indicators: new Map(
        (settings?.indicators ?? []).map((i) => [i.dimension as string, i.description ?? null]),
      ),
      fetching,
      error,
    }),
    [settings, fetching, error],
  );
}
