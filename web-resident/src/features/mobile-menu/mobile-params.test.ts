import { describe, expect, it } from 'vitest';
import { mobilePath, parseMobileParams, toMobileParams } from './mobile-params';

describe('mobile menu URL state', () => {
  it('defaults to the mobile menu with no filter', () => {
    expect(parseMobileParams(new URLSearchParams())).toEqual({
      menu: 'MOBILE',
      category: null,
      audience: null,
      item: null,
    });
  });
  it('reads known values and ignores unknown ones', () => {
    expect(
      parseMobileParams(new URLSearchParams('menu=STREET_FEATURE&category=HEALTH&audience=CHILDREN&item=12')),
    ).toEqual({ menu: 'STREET_FEATURE', category: 'HEALTH', audience: 'CHILDREN', item: '12' });
    expect(parseMobileParams(new URLSearchParams('menu=DISTRICT&category=FOOD&audience=ALL'))).toEqual({
      menu: 'MOBILE',
      category: null,
      audience: null,
      item: null,
    });
  });
  it('round-trips and builds the path to come back to', () => {
    const state = { menu: 'STREET_FEATURE', category: 'CULTURE', audience: null, item: '5' } as const;
    expect(parseMobileParams(toMobileParams(state))).toEqual(state);
    expect(mobilePath(state)).toBe('/mobile?menu=STREET_FEATURE&category=CULTURE&item=5');
    expect(mobilePath({ menu: 'MOBILE', category: null, audience: null, item: null })).toBe('/mobile');
  });
});
