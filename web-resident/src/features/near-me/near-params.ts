// The near-me page keeps its whole state in the URL, so "back" from a center restores the
// list and a link can be shared: ?d=&s=&c= (picker), lat=&lng= (point), src=, within=.
import { isValidLatitude, isValidLongitude, LIFE_CIRCLE_MINUTES } from '@lc/domain';
import type { CommunitySelection } from '../places/CommunityPicker';

/** The walking ranges a resident can choose: the life circle, and the widened one. */
export const WIDENED_MINUTES = 30;
export const WITHIN_CHOICES = [LIFE_CIRCLE_MINUTES, WIDENED_MINUTES] as const;

export type PointSource = 'geo' | 'community';

export interface NearState {
  selection: CommunitySelection;
  point: { lat: number; lng: number } | null;
  source: PointSource | null;
  within: number;
}

export function parseNearParams(params: URLSearchParams): NearState {
  const selection = {
    districtId: params.get('d') ?? '',
    streetId: params.get('s') ?? '',
    communityId: params.get('c') ?? '',
  };
  const lat = Number(params.get('lat'));
  const lng = Number(params.get('lng'));
  const hasPoint = params.has('lat') && params.has('lng') && isValidLatitude(lat) && isValidLongitude(lng);
  const src = params.get('src');
  const source: PointSource | null = src === 'geo' || src === 'community' ? src : null;
  const withinRaw = Number(params.get('within'));
  const within = (WITHIN_CHOICES as readonly number[]).includes(withinRaw) ? withinRaw : LIFE_CIRCLE_MINUTES;
  return {
    selection,
    point: hasPoint ? { lat, lng } : null,
    source: hasPoint ? (source ?? 'community') : null,
    within,
  };
}

/** Points are kept to 6 decimals (about 0.1 m): enough, and short URLs. */
function coord(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

export function toNearParams(state: NearState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.selection.districtId) params.set('d', state.selection.districtId);
  if (state.selection.streetId) params.set('s', state.selection.streetId);
  if (state.selection.communityId) params.set('c', state.selection.communityId);
  if (state.point) {
    params.set('lat', coord(state.point.lat));
    params.set('lng', coord(state.point.lng));
    params.set('src', state.source ?? 'community');
  }
  if (state.within !== LIFE_CIRCLE_MINUTES) params.set('within', String(state.within));
  return params;
}
