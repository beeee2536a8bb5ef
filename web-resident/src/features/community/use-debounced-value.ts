// A value that follows its input only once the input has stayed the same for `delayMs`: the
// similar-demand lookup runs when the resident pauses typing, not on every key.
import { useEffect, useState } from 'react';

/** Delay before looking up similar demands while the resident types. */
export const SIMILAR_DEBOUNCE_MS = 400;

export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
