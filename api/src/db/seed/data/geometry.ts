// Small planar helpers for placing demo points. Distances are checked with the domain's
// haversine; here an equirectangular approximation is enough (errors well under 1 m at the
// few-kilometre scale of a street).
import { EARTH_RADIUS_M, haversineMeters } from '@lc/domain';
import type { Rng } from './prng';

export interface LatLng {
  lat: number;
  lng: number;
}

const METERS_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_M;

/** Move a point `northM` metres north and `eastM` metres east. */
export function offsetMeters(p: LatLng, northM: number, eastM: number): LatLng {
  return {
    lat: p.lat + northM / METERS_PER_DEGREE,
    lng: p.lng + eastM / (METERS_PER_DEGREE * Math.cos((p.lat * Math.PI) / 180)),
  };
}

/** The point `distanceM` metres from `p` on a compass bearing (0 = north, 90 = east). */
export function atBearing(p: LatLng, distanceM: number, bearingDeg: number): LatLng {
  const b = (bearingDeg * Math.PI) / 180;
  return offsetMeters(p, distanceM * Math.cos(b), distanceM * Math.sin(b));
}

/** A point uniformly distributed (by area) in the ring minM..maxM around `p`. */
export function randomInDisc(rng: Rng, p: LatLng, maxM: number, minM = 0): LatLng {
  const r = Math.sqrt(rng.float() * (maxM * maxM - minM * minM) + minM * minM);
  return atBearing(p, r, rng.range(0, 360));
}

/** Round to 6 decimals (about 0.1 m), so the data prints and compares cleanly. */
export function round6(p: LatLng): LatLng {
  return { lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 };
}

export function centroid(points: readonly LatLng[]): LatLng {
  const n = points.length;
  return {
    lat: points.reduce((s, p) => s + p.lat, 0) / n,
    lng: points.reduce((s, p) => s + p.lng, 0) / n,
  };
}

export function nearestDistance(p: LatLng, others: readonly LatLng[]): number {
  let best = Infinity;
  for (const o of others) {
    const d = haversineMeters(p, o);
    if (d < best) best = d;
  }
  return best;
}
