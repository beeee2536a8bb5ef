/** Covered share in percent (0–100), or null when there is nothing to cover. */
export function coveredRate(covered: number, communities: number): number | null {
  if (!Number.isFinite(communities) || communities <= 0) return null;
  return Math.min(100, Math.max(0, (covered / communities) * 100));
}

/** Gauge colour band of a rate: red below 60%, amber below 90%, green otherwise. */
export function rateBand(rate: number | null): 'none' | 'low' | 'mid' | 'high' {
  if (rate === null) return 'none';
  if (rate < 60) return 'low';
  if (rate < 90) return 'mid';
  return 'high';
}
