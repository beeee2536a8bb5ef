import { describe, expect, it } from 'vitest';
import { displayArea, displayDistance, displayWalkingMinutes } from './format';

describe('displayWalkingMinutes', () => {
  it('rounds to whole minutes', () => {
    expect(displayWalkingMinutes(4.4)).toBe(4);
    expect(displayWalkingMinutes(4.5)).toBe(5);
    expect(displayWalkingMinutes(14.99)).toBe(15);
  });
  it('never shows less than one minute for a center next door', () => {
    expect(displayWalkingMinutes(0)).toBe(1);
    expect(displayWalkingMinutes(0.2)).toBe(1);
  });
  it('shows 0 for nonsense input', () => {
    expect(displayWalkingMinutes(Number.NaN)).toBe(0);
    expect(displayWalkingMinutes(-3)).toBe(0);
  });
});

describe('displayDistance', () => {
  it('uses metres rounded to 10 m under 1 km', () => {
    expect(displayDistance(853)).toEqual({ unit: 'meters', count: 850 });
    expect(displayDistance(4)).toEqual({ unit: 'meters', count: 0 });
    expect(displayDistance(994)).toEqual({ unit: 'meters', count: 990 });
  });
  it('uses kilometres with one decimal from 1 km', () => {
    expect(displayDistance(996)).toEqual({ unit: 'kilometers', count: 1 });
    expect(displayDistance(1125)).toEqual({ unit: 'kilometers', count: 1.1 });
    expect(displayDistance(2260)).toEqual({ unit: 'kilometers', count: 2.3 });
  });
  it('treats bad input as zero', () => {
    expect(displayDistance(Number.NaN)).toEqual({ unit: 'meters', count: 0 });
  });
});

describe('displayArea', () => {
  it('rounds square metres', () => {
    expect(displayArea(5204.4)).toBe(5204);
  });
});
