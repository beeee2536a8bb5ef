// Centers list: filters in the URL, cursor paging (a stack of `after` cursors kept in the
// history entry so "back" from a detail page returns to the same page).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CenterKind } from '../../gql/graphql';
import { CursorPagination } from '../../ui/CursorPagination';
import { currentAfter } from '../../ui/cursorPager';
import { Page } from '../../ui/Page';
import { ErrorAlert, ErrorState } from '../../ui/states';
import { useUrlListState, type SearchParamsCodec } from '../../ui/useUrlListState';
import { useViewer } from '../auth/AuthProvider';
import { useRegionOptions } from '../regions/useRegionOptions';
import { CentersFilters, type CenterFilterValues } from './CentersFilters';
import { CentersTable } from './CentersTable';

const CentersPageQuery = graphql(`
  query CentersPage($filter: CenterFilter!, $first: Int!, $after: String) {
    centers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...CentersTable_CenterFragment
        }
      }
    }
  }
`);

const FILTERS_IN_URL: SearchParamsCodec<CenterFilterValues> = {
  read: (params) => ({
    street: params.get('street') ?? undefined,
    kind: params.get('kind') ?? undefined,
    search: params.get('q') ?? undefined,
  }),
  write: (filters, out) => {
    if (filters.street) out.set('street', filters.street);
    if (filters.kind) out.set('kind', filters.kind);
    if (filters.search) out.set('q', filters.search);
  },
};

export default function CentersPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const regionOptions = useRegionOptions(viewer);
  // New filters: back to the first page.
  const { state: filters, pager, dispatch, setState: onFiltersChange } = useUrlListState(FILTERS_IN_URL);

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CentersPageQuery,
    variables: {
      filter: {
        regionId: filters.street,
        kind: filters.kind as CenterKind | undefined,
        search: filters.search,
      },
      first: pager.pageSize,
      after: currentAfter(pager),
    },
  });

  const connection = data?.centers;
  const rows = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);

  return (
    <Page title={t('admin:navCenters')}>
      <CentersFilters
        values={filters}
        streetGroups={regionOptions.groups}
        streetsLoading={regionOptions.fetching}
        onChange={onFiltersChange}
      />
      {regionOptions.error ? <ErrorAlert error={regionOptions.error} /> : null}
      {error && !connection ? (
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        <>
          {error ? <ErrorAlert error={error} /> : null}
          <CentersTable
            centers={rows}
            loading={fetching}
            onOpen={(id) => navigate(`/centers/${encodeURIComponent(id)}`)}
          />
          <CursorPagination
            testIdPrefix="centers-pager"
            pager={pager}
            dispatch={dispatch}
            connection={connection}
            rowCount={rows.length}
            disabled={fetching}
          />
        </>
      )}
    </Page>
  );
}
