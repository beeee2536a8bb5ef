// Centers list: filters in the URL, cursor paging (a stack of `after` cursors kept in the
// history entry so "back" from a detail page returns to the same page).
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CenterKind } from '../../gql/graphql';
import { CursorPagination } from '../../ui/CursorPagination';
import {
  PAGE_SIZES,
  currentAfter,
  pageCount,
  pageNumber,
  pagerReducer,
  rowRange,
  type CursorPagerAction,
  type CursorPagerState,
} from '../../ui/cursorPager';
import { Page } from '../../ui/Page';
import { ErrorAlert, ErrorState } from '../../ui/states';
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

function parsePageSize(raw: string | null): number {
  const n = Number(raw);
  return (PAGE_SIZES as readonly number[]).includes(n) ? n : PAGE_SIZES[1];
}

export default function CentersPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const regionOptions = useRegionOptions(viewer);

  const filters: CenterFilterValues = useMemo(
    () => ({
      street: params.get('street') ?? undefined,
      kind: params.get('kind') ?? undefined,
      search: params.get('q') ?? undefined,
    }),
    [params],
  );
  const pager: CursorPagerState = useMemo(() => {
    const afters = (location.state as { afters?: (string | null)[] } | null)?.afters;
    return {
      pageSize: parsePageSize(params.get('size')),
      afters: afters && afters.length > 0 ? afters : [null],
    };
  }, [params, location.state]);

  const writeState = useCallback(
    (nextFilters: CenterFilterValues, nextPager: CursorPagerState) => {
      const next = new URLSearchParams();
      if (nextFilters.street) next.set('street', nextFilters.street);
      if (nextFilters.kind) next.set('kind', nextFilters.kind);
      if (nextFilters.search) next.set('q', nextFilters.search);
      if (nextPager.pageSize !== PAGE_SIZES[1]) next.set('size', String(nextPager.pageSize));
      setParams(next, { replace: true, state: { afters: nextPager.afters } });
    },
    [setParams],
  );
  const dispatch = (action: CursorPagerAction) => writeState(filters, pagerReducer(pager, action));
  const onFiltersChange = useCallback(
    // New filters: back to the first page.
    (next: CenterFilterValues) => writeState(next, pagerReducer(pager, { type: 'first' })),
    [writeState, pager],
  );

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
  const total = connection?.totalCount ?? 0;

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
            page={pageNumber(pager)}
            pageCount={pageCount(total, pager.pageSize)}
            totalCount={total}
            range={rowRange(pager, rows.length)}
            pageSize={pager.pageSize}
            hasPrev={pageNumber(pager) > 1}
            hasNext={Boolean(connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor)}
            disabled={fetching}
            onPrev={() => dispatch({ type: 'prev' })}
            onNext={() => dispatch({ type: 'next', endCursor: connection?.pageInfo.endCursor })}
            onPageSize={(size) => dispatch({ type: 'pageSize', pageSize: size })}
          />
        </>
      )}
    </Page>
  );
}
