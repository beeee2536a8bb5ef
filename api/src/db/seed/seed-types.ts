// The shape of demo data, independent of the database. `buildDemoData()` (data/index.ts)
// produces it deterministically; `seed.ts` writes it. Keys are stable codes, not database ids.
import type {
  Audience,
  CenterKind,
  CommunityKind,
  Facility,
  RegionLevel,
  Role,
  ServiceCategory,
  ServiceMenu,
  Weekday,
  Zone,
} from '@lc/domain';

export interface SeedRegion {
  /** unique code: district e.g. '310107' (Putuo), street '310107xxx', community '310107xxxyyy' */
  code: string;
  name: string;
  level: RegionLevel;
  /** parent region code; null for districts */
  parentCode: string | null;
  communityKind?: CommunityKind;
  population?: number;
  /** representative point (WGS-84); required for communities, optional otherwise */
  lat?: number;
  lng?: number;
}

export interface SeedScheduleRule {
  byDay: Weekday[];
  /** 'HH:MM' 24h */
  opens: string;
  closes: string;
}

export interface SeedCenter {
  /** unique code, e.g. 'PT-HUB-01' */
  code: string;
  name: string;
  kind: CenterKind;
  brand?: string;
  /** street/town region code the center lies in */
  streetCode: string;
  address: string;
  lat: number;
  lng: number;
  floorArea?: number;
  floors?: number;
  openingHours?: string;
  phone?: string;
  facilities: Facility[];
  zones: Zone[];
  /** community codes the center is responsible for (服务覆盖) */
  coveredCommunityCodes: string[];
}

export interface SeedServiceItem {
  /** unique code, e.g. 'PT-D-001' */
  code: string;
  name: string;
  description?: string;
  category: ServiceCategory;
  menu: ServiceMenu;
  /** district code for DISTRICT and MOBILE menus, street code for STREET_FEATURE */
  ownerRegionCode: string;
  provider?: string;
  /** the department the item was sunk from (下沉部门), e.g. '区卫健委' */
  department?: string;
  audience: Audience[];
  /** display text, e.g. '免费' or '10元/次' */
  fee?: string;
}

export interface SeedOffering {
  centerCode: string;
  serviceCode: string;
  schedule: SeedScheduleRule[];
  fee?: string;
}

export interface SeedUser {
  username: string;
  displayName: string;
  role: Role;
  /** district or street code the user may act in (null for evaluators scoped nowhere) */
  scopeRegionCode: string | null;
  /** for CENTER_STAFF */
  centerCode?: string;
}

export interface SeedData {
  regions: SeedRegion[];
  centers: SeedCenter[];
  services: SeedServiceItem[];
  offerings: SeedOffering[];
  users: SeedUser[];
}

/** The one password of every demo account (refused when NODE_ENV=production). */
export const DEMO_PASSWORD = 'Demo@2026';
