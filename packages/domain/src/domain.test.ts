import { i18nResources } from './i18n';
import { haversineMeters, walkingMinutes, walkingRadiusMeters } from './geo';

function keysDeep(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keysDeep(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('i18n resources', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(keysDeep(i18nResources.en).sort()).toEqual(keysDeep(i18nResources['zh-CN']).sort());
  });
});

describe('walking geometry', () => {
  it('15 minutes at 4.5 km/h is 1125 m', () => {
    expect(walkingRadiusMeters(15)).toBeCloseTo(1125, 6);
    expect(walkingMinutes(1125)).toBeCloseTo(15, 6);
  });
  it('haversine: one degree of latitude is about 111.2 km', () => {
    expect(haversineMeters({ lat: 31, lng: 121 }, { lat: 32, lng: 121 })).toBeCloseTo(111195, -1);
  });
});
