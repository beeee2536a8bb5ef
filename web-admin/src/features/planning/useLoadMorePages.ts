// The pages of a "load more" list, by cursor: one component per loaded page, each running the
// list's query with its own `after` (urql's recommended paging with the document cache). A list
// for new filters is a new mount (give it a key), so it starts from page one again.
import { useCallback, useState } from 'react';

export interface LoadedPage {
  /** the `after` variable of this page's query; null for the first page */
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  /** appends the page after `cursor` (once) */
  loadMore: (cursor: string) => void;
}

export function useLoadMorePages(): LoadedPage[] {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const loadMore = useCallback(
    (cursor: string) => setCursors((list) => (list.includes(cursor) ? list : [...list, cursor])),
    [],
  );
  return cursors.map((after, index) => ({
    after,
    isFirst: index === 0,
    isLast: index === cursors.length - 1,
    loadMore,
  }));
}
