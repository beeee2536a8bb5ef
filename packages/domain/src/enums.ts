// Domain vocabulary shared by the API and both SPAs (see shared/DOMAIN.md).

export const REGION_LEVELS = ['DISTRICT', 'STREET', 'COMMUNITY'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const COMMUNITY_KINDS = ['RESIDENTIAL', 'VILLAGE'] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

export const CENTER_KINDS = ['HUB', 'VILLAGE_CENTER', 'COMMUNITY_STATION'] as const;
export type CenterKind = (typeof CENTER_KINDS)[number];

export const SERVICE_CATEGORIES = [
  'PARTY_MASS',
  'GOVERNMENT_AFFAIRS',
  'DAILY_LIFE',
  'LEGAL',
  'HEALTH',
  'CULTURE',
  'COMMUNITY_MANAGEMENT',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_MENUS = ['DISTRICT', 'MOBILE', 'STREET_FEATURE'] as const;
export type ServiceMenu = (typeof SERVICE_MENUS)[number];

export const ROLES = [
  'DISTRICT_ADMIN',
  'STREET_ADMIN',
  'CENTER_STAFF',
  'EVALUATOR',
  'RESIDENT',
  'INTEGRATOR',
] as const;
export type Role = (typeof ROLES)[number];

/** Facilities a center may house (Center.facilities holds these codes). */
export const FACILITIES = [
  'HEALTH_STATION',
  'CANTEEN',
  'ELDERLY_MEAL_POINT',
  'ELDERLY_SERVICE_CENTER',
  'DAY_CARE',
  'ELDERLY_CARE_HOME',
  'BARBER',
  'READING_ROOM',
  'CHILDREN_AREA',
  'FITNESS',
  'SHARED_KITCHEN',
  'ACCESSIBLE_ENTRANCE',
] as const;
export type Facility = (typeof FACILITIES)[number];

/** Zones of a center (Center.zones holds these codes): the five zones of a community station,
 * the "四站一室" of a village center. */
export const ZONES = [
  'RECEPTION',
  'SERVICE',
  'DELIBERATION',
  'ACTIVITY',
  'OFFICE',
  'PARTY_BUILDING_STATION',
  'CIVIC_AFFAIRS_STATION',
  'CULTURE_STATION',
  'JOINT_ENFORCEMENT_STATION',
  'VILLAGE_CLINIC',
] as const;
export type Zone = (typeof ZONES)[number];

/** Zones each kind of center must have. */
export const REQUIRED_ZONES: Record<CenterKind, readonly Zone[]> = {
  HUB: [],
  COMMUNITY_STATION: ['RECEPTION', 'SERVICE', 'DELIBERATION', 'ACTIVITY', 'OFFICE'],
  VILLAGE_CENTER: [
    'PARTY_BUILDING_STATION',
    'CIVIC_AFFAIRS_STATION',
    'CULTURE_STATION',
    'JOINT_ENFORCEMENT_STATION',
    'VILLAGE_CLINIC',
  ],
};

/** Who a service item is meant for (ServiceItem.audience holds these codes). */
export const AUDIENCES = ['ELDERLY_80_PLUS', 'CHILDREN', 'YOUTH_WHITE_COLLAR', 'DISABLED'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** RFC 5545 weekday codes used in offering schedules. */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
