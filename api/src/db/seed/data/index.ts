// Deterministic demo data for the three districts (普陀, 嘉定, 浦东): regions, centers, service
// menus, offerings and demo accounts. Pure data: no database code (../seed.ts writes it).
//
// Coverage: a community is covered when a center lies within 15 minutes' walk, i.e.
// walkingRadiusMeters(15) = 1,125 m straight-line at 4.5 km/h (@lc/domain geo.ts). By
// construction every community is within ~1,010 m of a center, except a handful of outliers
// placed deliberately beyond 1,250 m of every center so the coverage view has something to show.
import { FACILITIES, haversineMeters } from '@lc/domain';
import type { SeedCenter, SeedData, SeedRegion } from '../seed-types';
import { nearestDistance, randomInDisc, round6, type LatLng } from './geometry';
import { buildJiading } from './jiading';
import { buildOfferings } from './offerings';
import { Rng } from './prng';
import { buildPudong } from './pudong';
import { buildPutuo } from './putuo';
import { PUTUO } from './districts';
import { buildDeliveryOrders } from './orders';
import { buildPlanning } from './planning';
import { buildResidents } from './residents';
import { allItems, buildServices } from './services';
import type { DistrictBuild, StreetGeo } from './types';
import { buildUsers } from './users';

/** Outliers lie at least this far from every center, metres (15 minutes is 1,125 m). */
export const OUTLIER_MIN_DISTANCE_M = 1250;

export interface DemoDataWithMeta {
  data: SeedData;
  /** approximate disc of every street */
  streets: StreetGeo[];
  /** the communities meant to be uncovered (beyond 15 minutes' walk of every center) */
  uncoveredCommunityCodes: string[];
}

export function buildDemoData(): SeedData {
  return buildDemoDataWithMeta().data;
}

export function buildDemoDataWithMeta(): DemoDataWithMeta {
  const builds: DistrictBuild[] = [buildPutuo(), buildJiading(), buildPudong()];
  const regions = builds.flatMap((b) => b.regions);
  const centers = builds.flatMap((b) => b.centers);
  for (const c of centers) c.facilities.sort((a, b) => FACILITIES.indexOf(a) - FACILITIES.indexOf(b));
  const streets = builds.flatMap((b) => b.streets);
  const outliers = builds.flatMap((b) => b.outliers);
  placeOutliers(regions, centers, streets, outliers);

  const services = builds.map((b) => buildServices(b));
  const offerings = builds.flatMap((b, i) => buildOfferings(b.centers, services[i]));
  const items = services.flatMap(allItems);
  const residents = buildResidents(regions, centers);
  const data: SeedData = {
    regions,
    centers,
    services: items,
    offerings,
    users: buildUsers(regions, centers),
    residents,
    deliveryOrders: buildDeliveryOrders(residents, centers, items, PUTUO.code),
    planning: buildPlanning(regions),
  };
  return { data, streets, uncoveredCommunityCodes: outliers };
}

/**
 * Move each outlier community to a point of its street that is at least
 * OUTLIER_MIN_DISTANCE_M from every center (of any district), choosing among candidates the
 * one nearest to that bound: a community just beyond the 15-minute walk, at the street's edge.
 */
function placeOutliers(
  regions: SeedRegion[],
  centers: readonly SeedCenter[],
  streets: readonly StreetGeo[],
  codes: readonly string[],
): void {
  for (const code of codes) {
    const community = regions.find((r) => r.code === code);
    const street = streets.find((s) => s.code === community?.parentCode);
    if (!community || !street) throw new Error(`outlier ${code}: unknown community or street`);
    const nearby = centers.filter(
      (c) => haversineMeters(c, street) < street.radiusM + 2 * OUTLIER_MIN_DISTANCE_M,
    );
    const rng = new Rng(`outlier:${code}`);
    let best: { p: LatLng; d: number } | undefined;
    let farthest: { p: LatLng; d: number } | undefined;
    for (let i = 0; i < 300; i++) {
      const p = round6(randomInDisc(rng, street, 0.95 * street.radiusM, 0.3 * street.radiusM));
      const d = nearestDistance(p, nearby);
      if (d >= OUTLIER_MIN_DISTANCE_M && (!best || d < best.d)) best = { p, d };
      if (!farthest || d > farthest.d) farthest = { p, d };
    }
    const chosen = (best ?? farthest)!.p;
    community.lat = chosen.lat;
    community.lng = chosen.lng;
  }
}

export type { DistrictBuild, StreetGeo } from './types';
