// Builds a district whose centers are hubs (片区中心 / 邻里中心) that each answer for a cluster of
// communities: Putuo's 邻聚里 and Jiading's 我嘉·邻里中心.
//
// Placement rule that keeps the 15-minute rule true by construction: each hub has an anchor
// inside its street; its communities lie in a disc of at most 950 m around the anchor and the
// hub itself within 60 m of it, so every community is at most ~1,010 m from its hub, inside the
// 1,125 m a resident walks in 15 minutes (4.5 km/h). Outliers are moved later (index.ts).
import type { Facility, Zone } from '@lc/domain';
import type { SeedCenter, SeedRegion } from '../seed-types';
import { atBearing, randomInDisc, round6, type LatLng } from './geometry';
import { CommunityNamer, pad } from './naming';
import { Rng } from './prng';
import type { DistrictBuild, DistrictDef, HubDef, HubStreetDef, StreetGeo } from './types';

/** Largest distance of a community from its hub's anchor, metres. */
export const CLUSTER_RADIUS_M = 950;
/** Largest distance of a hub from its anchor, metres. */
const HUB_JITTER_M = 60;

export interface HubDistrictOptions {
  brand: string;
  /** the hub's display name */
  hubName: (street: HubStreetDef, hub: HubDef, indexInStreet: number) => string;
  /** '021-6' → '021-6xxxxxxx' */
  phonePrefix: string;
  openingHours: readonly string[];
  /** 'share': communities split the street population; 'sample': each gets a plausible size */
  population: 'share' | 'sample';
  zones: readonly Zone[];
}

/**
 * Street codes follow the statistical convention: 街道 0xx, 镇 1xx, functional areas
 * (菊园新区, 嘉定工业区) 4xx, numbered in list order. They are demo codes, not the official ones.
 */
export function streetCodes(district: DistrictDef, names: readonly string[]): string[] {
  const seq = { street: 0, town: 100, area: 400 };
  return names.map((name) => {
    const kind = name.endsWith('街道') ? 'street' : name.endsWith('镇') ? 'town' : 'area';
    return `${district.code}${pad(++seq[kind], 3)}`;
  });
}

export function districtRegion(d: DistrictDef): SeedRegion {
  return {
    code: d.code,
    name: d.name,
    level: 'DISTRICT',
    parentCode: null,
    population: d.population,
    lat: d.lat,
    lng: d.lng,
  };
}

export function streetRegion(
  d: DistrictDef,
  s: { name: string; population: number; lat: number; lng: number },
  code: string,
): SeedRegion {
  return {
    code,
    name: s.name,
    level: 'STREET',
    parentCode: d.code,
    population: s.population,
    lat: s.lat,
    lng: s.lng,
  };
}

export function streetGeo(
  d: DistrictDef,
  s: { name: string; lat: number; lng: number; radiusKm: number },
  code: string,
): StreetGeo {
  return { code, name: s.name, districtCode: d.code, lat: s.lat, lng: s.lng, radiusM: s.radiusKm * 1000 };
}

export function roundTo(n: number, step: number): number {
  return Math.round(n / step) * step;
}

export function buildHubDistrict(
  district: DistrictDef,
  streets: readonly HubStreetDef[],
  opts: HubDistrictOptions,
): DistrictBuild {
  const regions: SeedRegion[] = [districtRegion(district)];
  const communities: SeedRegion[] = [];
  const centers: SeedCenter[] = [];
  const geos: StreetGeo[] = [];
  const outliers: string[] = [];
  let hubSeq = 0;
  const codes = streetCodes(
    district,
    streets.map((s) => s.name),
  );

  streets.forEach((street, si) => {
    const code = codes[si];
    regions.push(streetRegion(district, street, code));
    geos.push(streetGeo(district, street, code));
    const rng = new Rng(`${district.code}:${street.name}`);
    const namer = new CommunityNamer(street);
    const radiusM = street.radiusKm * 1000;
    const clusterM = Math.min(CLUSTER_RADIUS_M, 0.6 * radiusM);
    const usableM = Math.max(0, radiusM - clusterM);
    const centre: LatLng = { lat: street.lat, lng: street.lng };
    let residentialSeq = 0;
    let villageSeq = 0;
    const streetCommunities: SeedRegion[] = [];

    street.hubs.forEach((hub, hi) => {
      const anchor = atBearing(centre, hub.frac * usableM, hub.bearing);
      const hubPoint = round6(randomInDisc(rng, anchor, HUB_JITTER_M));
      const covered: string[] = [];
      const kinds: ('RESIDENTIAL' | 'VILLAGE')[] = [
        ...Array<'RESIDENTIAL'>(hub.residential).fill('RESIDENTIAL'),
        ...Array<'VILLAGE'>(hub.villages ?? 0).fill('VILLAGE'),
      ];
      kinds.forEach((kind, ci) => {
        const cCode =
          kind === 'RESIDENTIAL'
            ? `${code}${pad(++residentialSeq, 3)}`
            : `${code}${pad(200 + ++villageSeq, 3)}`;
        const name = kind === 'RESIDENTIAL' ? namer.residential(hub.fixedNames?.[ci]) : namer.village();
        const p = round6(randomInDisc(rng, anchor, clusterM, 80));
        const community: SeedRegion = {
          code: cCode,
          name,
          level: 'COMMUNITY',
          parentCode: code,
          communityKind: kind,
          lat: p.lat,
          lng: p.lng,
        };
        if (opts.population === 'sample') {
          community.population =
            kind === 'RESIDENTIAL' ? roundTo(rng.int(2600, 7800), 10) : roundTo(rng.int(1600, 4600), 10);
        }
        streetCommunities.push(community);
        covered.push(cCode);
        if (ci >= kinds.length - (hub.outliers ?? 0)) outliers.push(cCode);
      });

      hubSeq++;
      const road = hub.road ?? rng.pick(street.roads);
      centers.push({
        code: `${district.prefix}-HUB-${pad(hubSeq, 2)}`,
        name: opts.hubName(street, hub, hi),
        kind: 'HUB',
        brand: opts.brand,
        streetCode: code,
        address: hub.address ?? `${district.name}${road}${rng.int(20, 1680)}号`,
        lat: hubPoint.lat,
        lng: hubPoint.lng,
        floorArea: hub.floorArea ?? roundTo(rng.range(900, 4300), 10),
        floors: hub.floors ?? rng.int(1, 3),
        openingHours: rng.pick(opts.openingHours),
        phone: `${opts.phonePrefix}${rng.digits(7)}`,
        facilities: [] as Facility[],
        zones: [...opts.zones],
        coveredCommunityCodes: covered,
      });
    });

    if (opts.population === 'share') {
      // split the street's population among its communities (villages are smaller)
      const weights = streetCommunities.map(
        (c) => (c.communityKind === 'VILLAGE' ? 0.6 : 1) * rng.range(0.7, 1.3),
      );
      const total = weights.reduce((a, b) => a + b, 0);
      streetCommunities.forEach((c, i) => {
        c.population = roundTo((street.population * weights[i]) / total, 10);
      });
    }
    // residents' committees first, then villages, each in code order
    streetCommunities.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    communities.push(...streetCommunities);
  });

  return { district, regions: [...regions, ...communities], centers, streets: geos, outliers };
}

/**
 * Give exactly `count` of `centers` the facility: the `must` ones (by name) first, then others
 * drawn with `rng` from those passing `eligible`.
 */
export function assignFacility(
  centers: SeedCenter[],
  facility: Facility,
  count: number,
  rng: Rng,
  must: readonly string[] = [],
  eligible: (c: SeedCenter) => boolean = () => true,
): void {
  const chosen = new Set<SeedCenter>();
  for (const name of must) {
    const c = centers.find((x) => x.name === name);
    if (!c) throw new Error(`assignFacility: no center named ${name}`);
    chosen.add(c);
  }
  const pool = rng.shuffle(centers.filter((c) => !chosen.has(c) && eligible(c)));
  for (const c of pool) {
    if (chosen.size >= count) break;
    chosen.add(c);
  }
  if (chosen.size !== count)
    throw new Error(`assignFacility: cannot give ${facility} to exactly ${count} centers`);
  for (const c of chosen) c.facilities.push(facility);
}

/** Give each center the facility with probability p (plus the `must` ones). */
export function maybeFacility(
  centers: SeedCenter[],
  facility: Facility,
  p: number,
  rng: Rng,
  must: readonly string[] = [],
): void {
  for (const c of centers) {
    if (must.includes(c.name) || rng.chance(p)) c.facilities.push(facility);
  }
}
