// The list items of one loaded page of a "load more" list: its loading or error state until
// the page arrives, then its rows; the first page adds the total (or the empty state), the
// last one the "load more" button (or "no more").
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError, UseQueryExecute } from 'urql';
import { NAMESPACES } from '../i18n';
import type { CursorPage } from './use-cursor-pages';
import { ErrorView, InlineLoading, LoadingView } from './StateViews';

/** What a page reads of its connection. */
export interface LoadedConnection<N extends { id: string }> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { node: N }[];
}

export function CursorPageItems<N extends { id: string }>({
  page,
  query: [{ fetching, error }, reexecute],
  connection,
  loadingTestId,
  totalTestId,
  totalText,
  empty,
  renderItem,
}: {
  page: CursorPage;
  /** the page's useQuery answer */
  query: readonly [{ fetching: boolean; error?: CombinedError }, UseQueryExecute];
  /** the connection in the answer; undefined until it arrives */
  connection: LoadedConnection<N> | undefined;
  loadingTestId: string;
  totalTestId: string;
  totalText: (count: number) => string;
  /** shown on the first page when there is nothing at all */
  empty: ReactNode;
  renderItem: (node: N) => ReactNode;
}) {
  const { t } = useTranslation(NAMESPACES);

  if (fetching && !connection)
    return (
      <li className="list-state">
        {page.isFirst ? <LoadingView lines={4} testId={loadingTestId} /> : <InlineLoading />}
      </li>
    );
  if (error && !connection)
    return (
      <li className="list-state">
        <ErrorView error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </li>
    );
  if (!connection) return null;

  const { edges, pageInfo, totalCount } = connection;
  return (
    <>
      {page.isFirst && edges.length > 0 && (
        <li className="list-summary" data-testid={totalTestId}>
          {totalText(totalCount)}
        </li>
      )}
      {page.isFirst && edges.length === 0 && <li className="list-state">{empty}</li>}
      {edges.map((edge) => (
        <Fragment key={edge.node.id}>{renderItem(edge.node)}</Fragment>
      ))}
      {page.isLast && edges.length > 0 && (
        <li className="list-more">
          {pageInfo.hasNextPage && pageInfo.endCursor ? (
            <button
              type="button"
              className="big-button"
              data-testid="load-more"
              onClick={() => pageInfo.endCursor && page.loadMore(pageInfo.endCursor)}
            >
              {t('loadMore')}
            </button>
          ) : (
            <p className="muted" data-testid="no-more">
              {t('noMore')}
            </p>
          )}
        </li>
      )}
    </>
  );
}
