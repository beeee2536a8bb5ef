import { describe, expect, it } from 'vitest';
import { currentAfter, initialPager, pageCount, pageNumber, pagerReducer, rowRange } from './cursorPager';

describe('cursor pager', () => {
  it('starts on the first page with no cursor', () => {
    const s = initialPager(20);
    expect(currentAfter(s)).toBeNull();
    expect(pageNumber(s)).toBe(1);
  });

  it('pushes endCursors going forward and pops them going back', () => {
    let s = initialPager(10);
    s = pagerReducer(s, { type: 'next', endCursor: 'c10' });
    s = pagerReducer(s, { type: 'next', endCursor: 'c20' });
    expect(pageNumber(s)).toBe(3);
    expect(currentAfter(s)).toBe('c20');
    s = pagerReducer(s, { type: 'prev' });
    expect(currentAfter(s)).toBe('c10');
    s = pagerReducer(s, { type: 'prev' });
    expect(currentAfter(s)).toBeNull();
    expect(pagerReducer(s, { type: 'prev' })).toBe(s);
  });

  it('ignores next without a cursor', () => {
    const s = initialPager();
    expect(pagerReducer(s, { type: 'next', endCursor: null })).toBe(s);
  });

  it('starts over when the page size changes or on first', () => {
    let s = pagerReducer(initialPager(10), { type: 'next', endCursor: 'x' });
    expect(pagerReducer(s, { type: 'first' }).afters).toEqual([null]);
    s = pagerReducer(s, { type: 'pageSize', pageSize: 50 });
    expect(s).toEqual({ pageSize: 50, afters: [null] });
  });

  it('computes page count and row range', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageCount(41, 20)).toBe(3);
    const s = pagerReducer(initialPager(20), { type: 'next', endCursor: 'a' });
    expect(rowRange(s, 20)).toEqual([21, 40]);
    expect(rowRange(s, 0)).toEqual([0, 0]);
  });
});
