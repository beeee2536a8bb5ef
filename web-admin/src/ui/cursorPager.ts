// Cursor pagination as a stack: `afters[i]` is the `after` cursor that loads page i (null for
// the first page). Going forward pushes the current page's endCursor; going back pops.

export interface CursorPagerState {
  pageSize: number;
  afters: (string | null)[];
}

export type CursorPagerAction =
  | { type: 'next'; endCursor: string | null | undefined }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'pageSize'; pageSize: number };

export const PAGE_SIZES = [10, 20, 50] as const;

export function initialPager(pageSize: number = PAGE_SIZES[1]): CursorPagerState {
  return { pageSize, afters: [null] };
}

export function pagerReducer(state: CursorPagerState, action: CursorPagerAction): CursorPagerState {
  switch (action.type) {
    case 'next':
      // No cursor: there is no next page to go to.
      if (!action.endCursor) return state;
      return { ...state, afters: [...state.afters, action.endCursor] };
    case 'prev':
      if (state.afters.length <= 1) return state;
      return { ...state, afters: state.afters.slice(0, -1) };
    case 'first':
      return state.afters.length === 1 ? state : { ...state, afters: [null] };
    case 'pageSize':
      // Cursors of the old page size don't line up with the new one: start over.
      return action.pageSize === state.pageSize && state.afters.length === 1
        ? state
        : { pageSize: action.pageSize, afters: [null] };
  }
}

/** The `after` variable for the current page. */
export function currentAfter(state: CursorPagerState): string | null {
  return state.afters[state.afters.length - 1] ?? null;
}

/** 1-based number of the current page. */
export function pageNumber(state: CursorPagerState): number {
  return state.afters.length;
}

export function pageCount(totalCount: number, pageSize: number): number {
  return Math.max(1, Math.ceil(totalCount / pageSize));
}

/** Row range shown on the current page, 1-based inclusive; [0, 0] when empty. */
export function rowRange(state: CursorPagerState, rowsOnPage: number): [number, number] {
  if (rowsOnPage <= 0) return [0, 0];
  const start = (pageNumber(state) - 1) * state.pageSize + 1;
  return [start, start + rowsOnPage - 1];
}
