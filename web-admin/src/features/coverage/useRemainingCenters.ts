// The map needs every center of the region: after the page query's first page, fetch the
// remaining pages (PAGE_MAX each) one after another.
import { PAGE_MAX } from '@lc/domain';
import { useEffect, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import { graphql, type FragmentType } from '../../gql';
import type { CoverageMap_CenterFragment } from './CoverageMap';

const CoverageMoreCentersQuery = graphql(`
  query CoverageMoreCenters($regionId: ID!, $first: Int!, $after: String!) {
    centers(filter: { regionId: $regionId }, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...CoverageMap_CenterFragment
        }
      }
    }
  }
`);

/** A safety stop: 50 pages of 100 is far above the largest district (Pudong, ~1,350 centers). */
const MAX_PAGES = 50;

type CenterRef = FragmentType<typeof CoverageMap_CenterFragment>;

export function useRemainingCenters(regionId: string | undefined, after: string | null | undefined) {
  const client = useClient();
  const [state, setState] = useState<{
    key: string;
    centers: CenterRef[];
    loading: boolean;
    error: CombinedError | null;
  }>({
    key: '',
    centers: [],
    loading: false,
    error: null,
  });
  const key = `${regionId ?? ''}|${after ?? ''}`;

  useEffect(() => {
    if (!regionId || !after) {
      setState({ key, centers: [], loading: false, error: null });
      return;
    }
    let cancelled = false;
    setState({ key, centers: [], loading: true, error: null });
    (async () => {
      const acc: CenterRef[] = [];
      let cursor: string | null = after;
      for (let page = 0; cursor && page < MAX_PAGES; page++) {
        const res = await client
          .query(CoverageMoreCentersQuery, { regionId, first: PAGE_MAX, after: cursor })
          .toPromise();
        if (cancelled) return;
        if (res.error || !res.data) {
          setState({ key, centers: acc, loading: false, error: res.error ?? null });
          return;
        }
        acc.push(...res.data.centers.edges.map((e) => e.node));
        cursor = res.data.centers.pageInfo.hasNextPage ? (res.data.centers.pageInfo.endCursor ?? null) : null;
        setState({ key, centers: [...acc], loading: Boolean(cursor), error: null });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, regionId, after, key]);

  // Ignore results of a previous region while the new one loads.
  return state.key === key
    ? state
    : { centers: [] as CenterRef[], loading: Boolean(regionId && after), error: null };
}
