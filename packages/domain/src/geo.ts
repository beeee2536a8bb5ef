// The 15-minute rule, stated once. Walking speed from DOMAIN.md; distances are straight-line
// (great-circle) metres multiplied by a detour factor for street layout.

/** Walking speed of a resident, km/h. */
export const WALKING_SPEED_KMH = 4.5;
/** Street detour factor applied to straight-line distance. 1.0: straight line, as DOMAIN.md's
 * "≈1.1 km straight-line in 15 min". */
export const DETOUR_FACTOR = 1.0;
/** The life-circle radius in minutes. */
export const LIFE_CIRCLE_MINUTES = 15;
/** Mean Earth radius (IUGG), metres: used for every distance in the system. */
export const EARTH_RADIUS_M = 6371008.8;

export const WALKING_METERS_PER_MINUTE = (WALKING_SPEED_KMH * 1000) / 60;

/** Straight-line metres reachable on foot in `minutes`. */
export function walkingRadiusMeters(minutes: number): number {
  return (minutes * WALKING_METERS_PER_MINUTE) / DETOUR_FACTOR;
}

/** Walking minutes for a straight-line distance. */
export function walkingMinutes(distanceMeters: number): number {
  return (distanceMeters * DETOUR_FACTOR) / WALKING_METERS_PER_MINUTE;
}

/** Great-circle distance in metres (haversine). */
export function haversineMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function isValidLatitude(lat: number): boolean {
  return Number.isFinite(lat) && lat >= -90 && lat <= 90;
}
export function isValidLongitude(lng: number): boolean {
  return Number.isFinite(lng) && lng >= -180 && lng <= 180;
}
