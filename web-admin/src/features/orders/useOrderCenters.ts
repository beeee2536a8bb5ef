// The centers whose orders the viewer may pick from: center staff get their own center (the one
// they manage in their street), officials the centers of their street or district. When the
// scope holds more centers than one page, the list is searched on the server as the user types.
import { PAGE_MAX } from '@lc/domain';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { Viewer } from '../auth/AuthProvider';

const OrderCentersQuery = graphql(`
  query OrderCenters($regionId: ID, $search: String, $first: Int!) {
    centers(filter: { regionId: $regionId, search: $search }, first: $first) {
      totalCount
      edges {
        node {
          id
          name
          viewerCanEdit
          street {
            id
            name
          }
        }
      }
    }
  }
`);

export interface CenterChoice {
  id: string;
  name: string;
  street: string;
}

export function useOrderCenters(viewer: Viewer) {
  const isStaff = viewer.role === 'CENTER_STAFF';
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  // Search after a short pause.
  useEffect(() => {
    const timer = window.setTimeout(() => setSearch(typed.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const [result, reexecute] = useQuery({
    query: OrderCentersQuery,
    variables: {
      regionId: viewer.scope?.id,
      search: isStaff ? undefined : search || undefined,
      first: PAGE_MAX,
    },
  });
  const [names, setNames] = useState<Map<string, CenterChoice>>(() => new Map());
  const [serverSearch, setServerSearch] = useState(false);

  const centers = useMemo<CenterChoice[]>(() => {
    const nodes = result.data?.centers.edges.map((e) => e.node) ?? [];
    return (isStaff ? nodes.filter((n) => n.viewerCanEdit) : nodes).map((n) => ({
      id: n.id,
      name: n.name,
      street: n.street.name,
    }));
  }, [result.data, isStaff]);

  // Remember every center seen, so a picked center keeps its label after the search changes;
  // and switch to server-side search once the unfiltered list turns out to be incomplete.
  useEffect(() => {
    if (centers.length === 0) return;
    setNames((prev) => {
      if (centers.every((c) => prev.has(c.id))) return prev;
      const next = new Map(prev);
      for (const c of centers) next.set(c.id, c);
      return next;
    });
  }, [centers]);
  const totalCount = result.data?.centers.totalCount ?? 0;
  const listed = result.data?.centers.edges.length ?? 0;
  useEffect(() => {
    if (!search && result.data && totalCount > listed) setServerSearch(true);
  }, [search, result.data, totalCount, listed]);

  return {
    centers,
    /** center staff: their own center, fixed */
    fixedCenter: isStaff ? (centers[0] ?? null) : null,
    isStaff,
    nameOf: (id: string) => names.get(id)?.name,
    /** true when the options come from a server search (large scopes) */
    serverSearch,
    onSearch: setTyped,
    fetching: result.fetching,
    error: result.error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
