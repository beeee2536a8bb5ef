// Internal shapes of the hand-written geography tables. Only SeedData (../seed-types.ts)
// leaves this folder.
import type { SeedCenter, SeedRegion } from '../seed-types';

export interface DistrictDef {
  /** the real administrative division code (GB/T 2260) */
  code: string;
  name: string;
  /** code prefix of this district's centers and service items, e.g. 'PT' */
  prefix: string;
  /** approximate resident population (2020 census, rounded) */
  population: number;
  /** the district government's seat, WGS-84 */
  lat: number;
  lng: number;
}

export interface StreetDef {
  name: string;
  /** approximate centre, WGS-84 */
  lat: number;
  lng: number;
  /** radius of a disc of about the street's area, km */
  radiusKm: number;
  /** approximate resident population */
  population: number;
  /** real roads of the street, used for addresses */
  roads: string[];
  /** stems of residents' committee names (estates, roads); '<stem>居民区' */
  stems: string[];
  /** village committee names, '<x>村' */
  villages?: string[];
}

/** A hub (片区中心 / 邻里中心) and the communities it is responsible for. */
export interface HubDef {
  name: string;
  /** residents' committees it covers */
  residential: number;
  /** village committees it covers */
  villages?: number;
  /** where its cluster sits: compass bearing from the street centre and a fraction of the
   * usable radius (0 = at the centre) */
  bearing: number;
  frac: number;
  road?: string;
  address?: string;
  floorArea?: number;
  floors?: number;
  /** residents' committee names to use (in order) before generated ones */
  fixedNames?: string[];
  /** the last N communities of this hub are placed beyond 15 minutes' walk of every center,
   * so the coverage view has something to show (they stay in the hub's covered list) */
  outliers?: number;
}

export interface HubStreetDef extends StreetDef {
  hubs: HubDef[];
}

/** A street's code and approximate disc, for placement checks. */
export interface StreetGeo {
  code: string;
  name: string;
  districtCode: string;
  lat: number;
  lng: number;
  radiusM: number;
}

export interface DistrictBuild {
  district: DistrictDef;
  regions: SeedRegion[];
  centers: SeedCenter[];
  streets: StreetGeo[];
  /** community codes meant to lie beyond 15 minutes' walk of every center */
  outliers: string[];
}
