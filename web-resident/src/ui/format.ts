// Pure formatting of walking time and distance (the 15-minute rule itself lives in @lc/domain).

/** Whole walking minutes to show: rounded, never below 1 (a center next door is "1 minute"). */
export function displayWalkingMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) return 0;
  return Math.max(1, Math.round(minutes));
}

export type DistanceDisplay = { unit: 'meters'; count: number } | { unit: 'kilometers'; count: number };

/** Under 1 km: metres rounded to 10 m; otherwise kilometres with one decimal. */
export function displayDistance(meters: number): DistanceDisplay {
  const m = Number.isFinite(meters) && meters > 0 ? meters : 0;
  const rounded = Math.round(m / 10) * 10;
  if (rounded < 1000) return { unit: 'meters', count: rounded };
  return { unit: 'kilometers', count: Math.round(m / 100) / 10 };
}

/** Floor area for display: whole square metres. */
export function displayArea(squareMeters: number): number {
  return Math.round(squareMeters);
}
