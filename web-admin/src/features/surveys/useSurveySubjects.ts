// What a survey may be about, in the viewer's scope: the regions (their scope and the regions
// under it), service items and projects (searched on the server as the user types). Centers come
// from the orders page's hook (center staff: their own center).
import { PAGE_MAX } from '@lc/domain';
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { Viewer } from '../auth/AuthProvider';

const SurveyRegionsQuery = graphql(`
  query SurveyRegions($id: ID!) {
    region(id: $id) {
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

const SurveyServicesQuery = graphql(`
  query SurveyServices($regionId: ID, $search: String, $first: Int!) {
    services(filter: { regionId: $regionId, search: $search }, first: $first) {
      edges {
        node {
          id
          name
          menu
        }
      }
    }
  }
`);

const SurveyProjectsQuery = graphql(`
  query SurveyProjects($regionId: ID, $search: String, $first: Int!) {
    projects(filter: { regionId: $regionId, search: $search }, first: $first) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

export interface SubjectOption {
  value: string;
  label: string;
}

/** A search box's text, settled after a short pause. */
function useSettled(text: string, ms = 300): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(text.trim()), ms);
    return () => window.clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

export function useSurveyRegions(viewer: Viewer): SubjectOption[] {
  const scope = viewer.scope;
  const [{ data }] = useQuery({
    query: SurveyRegionsQuery,
    variables: { id: scope?.id ?? '' },
    pause: !scope,
  });
  return useMemo(() => {
    if (!scope) return [];
    const r = data?.region;
    const own = { value: scope.id, label: scope.name };
    return [own, ...(r?.children ?? []).map((c) => ({ value: c.id, label: `\u3000${c.name}` }))];
  }, [scope, data]);
}

/** Options of a subject searched on the server; `keep` keeps the label of the current value. */
export function useSurveyServices(viewer: Viewer, active: boolean, keep?: SubjectOption) {
  const [typed, setTyped] = useState('');
  const search = useSettled(typed);
  const [{ data, fetching }] = useQuery({
    query: SurveyServicesQuery,
    variables: { regionId: viewer.scope?.id, search: search || undefined, first: PAGE_MAX },
    pause: !active,
  });
  const options = useMemo(() => {
    const list = (data?.services.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }));
    return keep && !list.some((o) => o.value === keep.value) ? [keep, ...list] : list;
  }, [data, keep]);
  return { options, fetching, onSearch: setTyped };
}

export function useSurveyProjects(viewer: Viewer, active: boolean, keep?: SubjectOption) {
  const [typed, setTyped] = useState('');
  const search = useSettled(typed);
  const [{ data, fetching }] = useQuery({
    query: SurveyProjectsQuery,
    variables: { regionId: viewer.scope?.id, search: search || undefined, first: PAGE_MAX },
    pause: !active,
  });
  const options = useMemo(() => {
    const list = (data?.projects.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.title }));
    return keep && !list.some((o) => o.value === keep.value) ? [keep, ...list] : list;
  }, [data, keep]);
  return { options, fetching, onSearch: setTyped };
}
