// The shape of demo data, independent of the database. `buildDemoData()` (data/index.ts)
// produces it deterministically; `seed.ts` writes it. Keys are stable codes, not database ids.
import type {
  Audience,
  CenterKind,
  CommunityKind,
  DeliveryStatus,
  ProjectStatus,
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

/** A demo resident (居民): signs in with a one-time code; no password. */
export interface SeedResident {
  /** normalized 11-digit mobile number (stored encrypted, hashed and masked) */
  phone: string;
  displayName: string;
  /** the center they order for (我的中心) */
  homeCenterCode: string;
}

/** A demo mobile-delivery order (流动配送点单); its event history is derived from the status. */
export interface SeedDeliveryOrder {
  residentPhone: string;
  serviceCode: string;
  centerCode: string;
  note: string | null;
  status: DeliveryStatus;
  /** epoch milliseconds */
  requestedAt: number;
  scheduledFor: number | null;
  deliveredAt: number | null;
  reason: string | null;
  rating: number | null;
  comment: string | null;
}

/** Demo 三张清单: demands, resources and projects (meetings are derived from each project's status). */
export interface SeedPlanning {
  demands: {
    key: string;
    title: string;
    description: string;
    category: ServiceCategory;
    communityCode: string;
    source: 'RESIDENT_APP' | 'VISIT' | 'SURVEY_COMMENT' | 'HOTLINE' | 'OTHER';
    seconds: number;
    daysAgo: number;
  }[];
  resources: {
    key: string;
    name: string;
    kind: 'GOVERNMENT' | 'ENTERPRISE' | 'SOCIAL_ORGANIZATION' | 'PARTNER_UNIT' | 'TALENT' | 'VOLUNTEER';
    category: ServiceCategory;
    regionCode: string;
    /** owning street; null for district-wide */
    streetCode: string | null;
    capacity: number | null;
    availability: string;
    contactName: string;
    contactPhone: string;
  }[];
  projects: {
    key: string;
    title: string;
    streetCode: string;
    demandKeys: string[];
    resourceKeys: string[];
    status: ProjectStatus;
    publiclyFunded: boolean;
    budgetYuan: number | null;
    daysAgo: number;
  }[];
}

export interface SeedData {
  regions: SeedRegion[];
  centers: SeedCenter[];
  services: SeedServiceItem[];
  offerings: SeedOffering[];
  users: SeedUser[];
  /** demo residents (role RESIDENT, is_demo); never written when NODE_ENV=production. Optional:
   * generated data sets (the benchmark's Shanghai) have none. */
  residents?: SeedResident[];
  /** demo orders of the demo residents */
  deliveryOrders?: SeedDeliveryOrder[];
  /** demo demand, resource and project lists */
  planning?: SeedPlanning;
}

/** The one password of every demo account (refused when NODE_ENV=production). */
export const DEMO_PASSWORD = 'Demo@2026';
