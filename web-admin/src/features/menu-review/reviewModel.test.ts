import { describe, expect, it } from 'vitest';
import {
  canPromote,
  districtOf,
  formatRating,
  parseYear,
  reviewChartOption,
  reviewYears,
} from './reviewModel';

describe('years', () => {
  it('offers this year and the four before, newest first', () => {
    const years = reviewYears(new Date(2026, 10, 23));
    expect(years).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(parseYear('2024', years)).toBe(2024);
    expect(parseYear('2019', years)).toBe(2026);
    expect(parseYear(null, years)).toBe(2026);
  });
});

describe('district', () => {
  it('is the scope itself or the district above it', () => {
    const putuo = { id: '1', name: '普陀区', level: 'DISTRICT' };
    expect(districtOf(putuo)).toEqual({ id: '1', name: '普陀区' });
    expect(districtOf({ id: '9', name: '桃浦镇', level: 'STREET', parent: putuo })).toEqual({
      id: '1',
      name: '普陀区',
    });
    expect(districtOf({ id: '9', name: '桃浦镇', level: 'STREET', parent: null })).toBeNull();
    expect(districtOf(null)).toBeNull();
  });
});

describe('roles and ratings', () => {
  it('lets only the district admin promote', () => {
    expect(canPromote('DISTRICT_ADMIN')).toBe(true);
    for (const r of ['STREET_ADMIN', 'CENTER_STAFF', 'EVALUATOR']) expect(canPromote(r)).toBe(false);
  });
  it('formats the average rating', () => {
    expect(formatRating(4.456)).toBe('4.5');
    expect(formatRating(null)).toBeNull();
  });
});

describe('review chart', () => {
  const item = (rank: number, orders: number, averageRating: number | null) => ({
    rank,
    orders,
    averageRating,
    service: { id: String(rank), name: `item ${rank}` },
  });
  const labels = { orders: '点单数', rating: '平均评分' };

  it('shows the top 15 by rank as bars with the rating as a line on a second axis', () => {
    const items = Array.from({ length: 20 }, (_, i) => item(20 - i, 100 - (20 - i), i % 2 ? 4.5 : null));
    const option = reviewChartOption(items, labels);
    expect(option.xAxis.data).toHaveLength(15);
    expect(option.xAxis.data[0]).toBe('item 1');
    expect(option.series[0]).toMatchObject({ type: 'bar', name: '点单数' });
    expect(option.series[0].data[0]).toBe(99);
    expect(option.series[1]).toMatchObject({ type: 'line', name: '平均评分', yAxisIndex: 1 });
    expect(option.yAxis[1]).toMatchObject({ min: 0, max: 5 });
  });

  it('leaves gaps for unrated items', () => {
    const option = reviewChartOption([item(1, 9, null), item(2, 5, 4)], labels);
    expect(option.series[1].data).toEqual([null, 4]);
  });
});
