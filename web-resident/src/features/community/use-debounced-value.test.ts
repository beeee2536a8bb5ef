import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SIMILAR_DEBOUNCE_MS, useDebouncedValue } from './use-debounced-value';

afterEach(() => {
  vi.useRealTimers();
});

describe('useDebouncedValue', () => {
  it('follows the input only after it has paused for the delay', () => {
    vi.useFakeTimers();
    const { result, rerender } = renderHook(({ value }) => useDebouncedValue(value, SIMILAR_DEBOUNCE_MS), {
      initialProps: { value: '' },
    });
    expect(result.current).toBe('');

    // typing: each key restarts the wait
    rerender({ value: '加' });
    act(() => {
      vi.advanceTimersByTime(300);
    });
    rerender({ value: '加装' });
    act(() => {
      vi.advanceTimersByTime(300);
    });
    rerender({ value: '加装座椅' });
    act(() => {
      vi.advanceTimersByTime(SIMILAR_DEBOUNCE_MS - 1);
    });
    expect(result.current).toBe('');

    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(result.current).toBe('加装座椅');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('waits 400 ms for the similar-demand lookup', () => {
    expect(SIMILAR_DEBOUNCE_MS).toBe(400);
  });
});
