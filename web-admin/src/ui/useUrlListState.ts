// A paged list's state kept in the address: the page's own fields as search params (through a
// codec), the page size as `size`, and the stack of `after` cursors in the history entry, so
// "back" from a detail page returns to the same page of the same list.
import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { PAGE_SIZES, pagerReducer, type CursorPagerAction, type CursorPagerState } from './cursorPager';

/** How a page's own state maps to search params; give a module-level constant. */
export interface SearchParamsCodec<S> {
  read: (params: URLSearchParams) => S;
  /** Sets the params that differ from their defaults. */
  write: (state: S, out: URLSearchParams) => void;
}

function parsePageSize(raw: string | null): number {
  const n = Number(raw);
  return (PAGE_SIZES as readonly number[]).includes(n) ? n : PAGE_SIZES[1];
}

export function useUrlListState<S>(codec: SearchParamsCodec<S>) {
  const location = useLocation();
  const [params, setParams] = useSearchParams();

  const state = useMemo(() => codec.read(params), [codec, params]);
  const pager: CursorPagerState = useMemo(() => {
    const afters = (location.state as { afters?: (string | null)[] } | null)?.afters;
    return {
      pageSize: parsePageSize(params.get('size')),
      afters: afters && afters.length > 0 ? afters : [null],
    };
  }, [params, location.state]);

  const write = useCallback(
    (next: S, nextPager: CursorPagerState) => {
      const out = new URLSearchParams();
      codec.write(next, out);
      if (nextPager.pageSize !== PAGE_SIZES[1]) out.set('size', String(nextPager.pageSize));
      setParams(out, { replace: true, state: { afters: nextPager.afters } });
    },
    [codec, setParams],
  );
  const dispatch = (action: CursorPagerAction) => write(state, pagerReducer(pager, action));
  // Anything but paging changes: back to the first page.
  const setState = useCallback(
    (next: S) => write(next, pagerReducer(pager, { type: 'first' })),
    [write, pager],
  );

  return { state, pager, dispatch, setState };
}
