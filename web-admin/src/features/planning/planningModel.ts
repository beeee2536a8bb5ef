// Pure rules of the three lists page (三张清单): the page state in the address, who may work in
// which street, the filters each list gets, the match score bars, and the client-side checks of
// the demand and resource forms (the same rules the API applies). No React here.
import {
  DEMAND_SOURCES,
  DEMAND_STATUSES,
  LONG_TEXT_MAX_LENGTH,
  PROJECT_STATUSES,
  SERVICE_CATEGORIES,
  SERVICE_SHORT_TEXT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  normalizePhone,
  type DemandSource,
  type DemandStatus,
  type ProjectStatus,
  type ServiceCategory,
} from '@lc/domain';
import type { SearchParamsCodec } from '../../ui/useUrlListState';

export interface PlanningState {
  street?: string;
  community?: string;
  category?: ServiceCategory;
  demandStatus?: DemandStatus;
  projectStatus?: ProjectStatus;
  search?: string;
  /** the demand whose drawer is open */
  demand?: string;
}

function oneOf<T extends string>(list: readonly T[], raw: string | null): T | undefined {
  return raw && (list as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

export const PLANNING_STATE_IN_URL: SearchParamsCodec<PlanningState> = {
  read: (params) => ({
    street: params.get('street') || undefined,
    community: params.get('community') || undefined,
    category: oneOf(SERVICE_CATEGORIES, params.get('category')),
    demandStatus: oneOf(DEMAND_STATUSES, params.get('dstatus')),
    projectStatus: oneOf(PROJECT_STATUSES, params.get('pstatus')),
    search: params.get('q') || undefined,
    demand: params.get('demand') || undefined,
  }),
  write: (s, out) => {
    if (s.street) out.set('street', s.street);
    if (s.community) out.set('community', s.community);
    if (s.category) out.set('category', s.category);
    if (s.demandStatus) out.set('dstatus', s.demandStatus);
    if (s.projectStatus) out.set('pstatus', s.projectStatus);
    if (s.search) out.set('q', s.search);
    if (s.demand) out.set('demand', s.demand);
  },
};

/** The sources staff record a demand with (RESIDENT_APP is the residents' own). */
export const STAFF_DEMAND_SOURCES: readonly DemandSource[] = DEMAND_SOURCES.filter(
  (s) => s !== 'RESIDENT_APP',
);

export interface ViewerLike {
  role: string;
  scope?: { id: string; level: string } | null;
}

/** Street admins and center staff work in their own street only; the street select is fixed. */
export function isStreetBound(viewer: ViewerLike): boolean {
  return viewer.role === 'STREET_ADMIN' || viewer.role === 'CENTER_STAFF';
}

/**
 * Whether the viewer keeps the lists of this street (enters demands and resources, makes
 * projects): the district admin in every street of the district, a street admin and the
 * street's center staff in their own street. Evaluators only read. The API decides; this only
 * hides buttons.
 */
export function canWorkInStreet(viewer: ViewerLike, streetId: string | null | undefined): boolean {
  if (!streetId || !viewer.scope) return false;
  if (viewer.role === 'DISTRICT_ADMIN') return viewer.scope.level === 'DISTRICT';
  if (isStreetBound(viewer)) return viewer.scope.level === 'STREET' && viewer.scope.id === streetId;
  return false;
}

/** The street to show: the viewer's own when bound to one, else the picked one if offered, else the first. */
export function pickStreet(
  viewer: ViewerLike,
  streets: readonly { id: string }[],
  picked: string | undefined,
): string | undefined {
  if (isStreetBound(viewer)) return viewer.scope?.level === 'STREET' ? viewer.scope.id : undefined;
  if (picked && streets.some((s) => s.id === picked)) return picked;
  return streets[0]?.id;
}

/** The region the lists are narrowed to: the community when one is picked, else the street. */
export function listRegion(state: Pick<PlanningState, 'community'>, streetId: string): string {
  return state.community || streetId;
}

export function demandFilter(state: PlanningState, streetId: string) {
  return {
    regionId: listRegion(state, streetId),
    ...(state.category ? { category: state.category } : {}),
    ...(state.demandStatus ? { status: state.demandStatus } : {}),
    ...(state.search ? { search: state.search } : {}),
  };
}

export function resourceFilter(state: PlanningState, streetId: string) {
  return {
    regionId: listRegion(state, streetId),
    ...(state.category ? { category: state.category } : {}),
    ...(state.search ? { search: state.search } : {}),
  };
}

export function projectFilter(state: PlanningState, streetId: string) {
  return {
    regionId: listRegion(state, streetId),
    ...(state.projectStatus ? { status: state.projectStatus } : {}),
    ...(state.search ? { search: state.search } : {}),
  };
}

/** A stable key of a filter: a list is remounted (back to page one) when it changes. */
export function filterKey(filter: object): string {
  return JSON.stringify(filter);
}

// ---- matching --------------------------------------------------------------------------------

export const MATCH_FACTORS = ['CATEGORY', 'AREA', 'CAPACITY', 'REVIEWS'] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

/** The most points each factor gives (the API's weights: 40 + 30 + 15 + 15 = 100). */
export const MATCH_FACTOR_MAX: Record<MatchFactor, number> = {
  CATEGORY: 40,
  AREA: 30,
  CAPACITY: 15,
  REVIEWS: 15,
};
export const MATCH_SCORE_MAX = 100;

export const MATCH_FACTOR_COLORS: Record<MatchFactor, string> = {
  CATEGORY: '#1677ff',
  AREA: '#52c41a',
  CAPACITY: '#faad14',
  REVIEWS: '#722ed1',
};

function clampPercent(n: number): number {
  if (!Number.isFinite(n)) return 0;
  return Math.max(0, Math.min(100, Math.round(n * 10) / 10));
}

/** Width of a score bar, percent of the largest possible score. */
export function scoreBarWidth(score: number, max: number = MATCH_SCORE_MAX): number {
  return max > 0 ? clampPercent((score / max) * 100) : 0;
}

export interface ScoreSegment {
  factor: string;
  points: number;
  /** percent of the whole bar */
  width: number;
  color: string;
}

/**
 * The bar of one match split by factor: each reason's points as a share of the largest possible
 * score, in the factors' order (unknown factors last, grey); zero-point reasons take no room.
 * The widths never add up to more than 100.
 */
export function scoreSegments(
  reasons: readonly { factor: string; points: number }[],
  max: number = MATCH_SCORE_MAX,
): ScoreSegment[] {
  const order = (f: string) => {
    const i = (MATCH_FACTORS as readonly string[]).indexOf(f);
    return i < 0 ? MATCH_FACTORS.length : i;
  };
  let used = 0;
  const out: ScoreSegment[] = [];
  for (const r of [...reasons].sort((a, b) => order(a.factor) - order(b.factor))) {
    if (!(r.points > 0)) continue;
    const width = Math.min(scoreBarWidth(r.points, max), Math.max(0, 100 - used));
    if (width <= 0) continue;
    used += width;
    out.push({
      factor: r.factor,
      points: r.points,
      width,
      color: MATCH_FACTOR_COLORS[r.factor as MatchFactor] ?? '#bfbfbf',
    });
  }
  return out;
}

/** The most points a factor can give, or null for a factor this client does not know. */
export function factorMax(factor: string): number | null {
  return MATCH_FACTOR_MAX[factor as MatchFactor] ?? null;
}

/** Points as shown: whole numbers without decimals, others with one. */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

// ---- forms -----------------------------------------------------------------------------------

export type FormProblem<F extends string> = { name: F; errors: string[] };

/** Localized messages of the client checks; the caller passes them translated. */
export interface FormMessages {
  required: string;
  tooLong: (max: number) => string;
  phone: string;
  capacity: (max: number) => string;
}

function add<F extends string>(map: Map<F, string[]>, name: F, message: string) {
  const list = map.get(name) ?? [];
  list.push(message);
  map.set(name, list);
}

function done<F extends string>(map: Map<F, string[]>): FormProblem<F>[] {
  return [...map].map(([name, errors]) => ({ name, errors }));
}

export interface DemandFormValues {
  title: string;
  description?: string;
  category?: ServiceCategory;
  communityId?: string;
  source?: DemandSource;
}

export const DEMAND_FORM_FIELDS = ['title', 'description', 'category', 'communityId', 'source'] as const;
export type DemandFormField = (typeof DEMAND_FORM_FIELDS)[number];

export function checkDemandForm(v: DemandFormValues, m: FormMessages): FormProblem<DemandFormField>[] {
  const errors = new Map<DemandFormField, string[]>();
  const title = (v.title ?? '').trim();
  if (!title) add(errors, 'title', m.required);
  else if (title.length > TITLE_MAX_LENGTH) add(errors, 'title', m.tooLong(TITLE_MAX_LENGTH));
  if ((v.description ?? '').trim().length > LONG_TEXT_MAX_LENGTH)
    add(errors, 'description', m.tooLong(LONG_TEXT_MAX_LENGTH));
  if (!v.category) add(errors, 'category', m.required);
  if (!v.communityId) add(errors, 'communityId', m.required);
  if (!v.source) add(errors, 'source', m.required);
  return done(errors);
}

export function toCreateDemandInput(v: DemandFormValues) {
  return {
    title: v.title.trim(),
    description: v.description?.trim() || null,
    category: v.category as ServiceCategory,
    communityId: v.communityId as string,
    source: v.source as DemandSource,
  };
}

export interface ResourceFormValues {
  name: string;
  kind?: string;
  category?: ServiceCategory;
  regionId?: string;
  capacity?: number | null;
  availability?: string;
  description?: string;
  contactName?: string;
  contactPhone?: string;
}

export const RESOURCE_FORM_FIELDS = [
  'name',
  'kind',
  'category',
  'regionId',
  'capacity',
  'availability',
  'description',
  'contactName',
  'contactPhone',
] as const;
export type ResourceFormField = (typeof RESOURCE_FORM_FIELDS)[number];

/** The API's limit of a resource's capacity (projects served at once). */
export const RESOURCE_CAPACITY_MAX = 1000;

export function checkResourceForm(v: ResourceFormValues, m: FormMessages): FormProblem<ResourceFormField>[] {
  const errors = new Map<ResourceFormField, string[]>();
  const name = (v.name ?? '').trim();
  if (!name) add(errors, 'name', m.required);
  else if (name.length > TITLE_MAX_LENGTH) add(errors, 'name', m.tooLong(TITLE_MAX_LENGTH));
  if (!v.kind) add(errors, 'kind', m.required);
  if (!v.category) add(errors, 'category', m.required);
  if (!v.regionId) add(errors, 'regionId', m.required);
  const c = v.capacity;
  if (c !== null && c !== undefined && !(Number.isInteger(c) && c >= 0 && c <= RESOURCE_CAPACITY_MAX))
    add(errors, 'capacity', m.capacity(RESOURCE_CAPACITY_MAX));
  if ((v.availability ?? '').trim().length > SERVICE_SHORT_TEXT_MAX_LENGTH)
    add(errors, 'availability', m.tooLong(SERVICE_SHORT_TEXT_MAX_LENGTH));
  if ((v.description ?? '').trim().length > LONG_TEXT_MAX_LENGTH)
    add(errors, 'description', m.tooLong(LONG_TEXT_MAX_LENGTH));
  if ((v.contactName ?? '').trim().length > SERVICE_SHORT_TEXT_MAX_LENGTH)
    add(errors, 'contactName', m.tooLong(SERVICE_SHORT_TEXT_MAX_LENGTH));
  const phone = (v.contactPhone ?? '').trim();
  if (phone && !normalizePhone(phone)) add(errors, 'contactPhone', m.phone);
  return done(errors);
}

export function toCreateResourceInput(v: ResourceFormValues) {
  const phone = (v.contactPhone ?? '').trim();
  return {
    name: v.name.trim(),
    kind: v.kind as string,
    category: v.category as ServiceCategory,
    regionId: v.regionId as string,
    capacity: v.capacity ?? null,
    availability: v.availability?.trim() || null,
    description: v.description?.trim() || null,
    contactName: v.contactName?.trim() || null,
    contactPhone: phone ? (normalizePhone(phone) ?? phone) : null,
  };
}

// ---- display ---------------------------------------------------------------------------------

export const DEMAND_STATUS_COLORS: Record<DemandStatus, string> = {
  OPEN: 'gold',
  MATCHED: 'blue',
  IN_PROJECT: 'cyan',
  CLOSED: 'green',
};

export const CATEGORY_COLORS: Record<ServiceCategory, string> = {
  PARTY_MASS: 'red',
  GOVERNMENT_AFFAIRS: 'geekblue',
  DAILY_LIFE: 'orange',
  LEGAL: 'purple',
  HEALTH: 'green',
  CULTURE: 'magenta',
  COMMUNITY_MANAGEMENT: 'cyan',
};
