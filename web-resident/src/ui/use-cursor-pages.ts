// The pages of a "load more" list, by cursor: urql's recommended paging with the document
// cache renders one component per loaded page, each running the list's query with its own
// `after`. A list for new filters is a new mount (give it a key), so it starts from page one.
import { useCallback, useState } from 'react';

export interface CursorPage {
  /** the `after` variable of this page's query; null for the first page */
  after: string | null;
  isFirst: boolean;
  isLast: boolean;
  /** appends the page after `cursor` (once) */
  loadMore: (cursor: string) => void;
}

export function useCursorPages() {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const loadMore = useCallback(
    (cursor: string) => setCursors((list) => (list.includes(cursor) ? list : [...list, cursor])),
    [],
  );
  /** back to the first page alone */
  const reset = useCallback(() => setCursors([null]), []);
  const pages: CursorPage[] = cursors.map((after, index) => ({
    after,
    isFirst: index === 0,
    isLast: index === cursors.length - 1,
    loadMore,
  }));
  return { pages, reset };
}
