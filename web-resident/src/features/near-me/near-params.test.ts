import { describe, expect, it } from 'vitest';
import { parseNearParams, toNearParams } from './near-params';

describe('near-me URL state', () => {
  it('round-trips a community choice', () => {
    const state = {
      selection: { districtId: 'd1', streetId: 's1', communityId: 'c1' },
      point: { lat: 31.2654321987, lng: 121.3912345678 },
      source: 'community' as const,
      within: 15,
    };
    const params = toNearParams(state);
    expect(params.get('lat')).toBe('31.265432');
    expect(params.has('within')).toBe(false);
    expect(parseNearParams(params)).toEqual({ ...state, point: { lat: 31.265432, lng: 121.391235 } });
  });
  it('keeps a widened range and the geolocation source', () => {
    const parsed = parseNearParams(new URLSearchParams('lat=31.2&lng=121.4&src=geo&within=30'));
    expect(parsed.source).toBe('geo');
    expect(parsed.within).toBe(30);
  });
  it('rejects bad points and odd ranges', () => {
    const parsed = parseNearParams(new URLSearchParams('lat=200&lng=121.4&within=17'));
    expect(parsed.point).toBeNull();
    expect(parsed.source).toBeNull();
    expect(parsed.within).toBe(15);
  });
  it('starts empty', () => {
    expect(parseNearParams(new URLSearchParams())).toEqual({
      selection: { districtId: '', streetId: '', communityId: '' },
      point: null,
      source: null,
      within: 15,
    });
  });
});
