import { DIMENSIONS } from '@lc/domain';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  defaultPeriod,
  formatChange,
  formatComposite,
  formatRate,
  formatScore,
  landingPath,
  monthsIn,
  NO_SCORE_COLOR,
  parsePeriod,
  periodArgs,
  radarChartOption,
  radarValues,
  rankChange,
  readDashboardParams,
  residentScores,
  scoreBandLabels,
  scoreColor,
  trendChartOption,
  writeDashboardParams,
} from './dashboardModel';

const NOW = new Date(2026, 4, 17); // 17 May 2026, browser time

describe('period', () => {
  it('adds months across years', () => {
    expect(addMonths('2026-05', -11)).toBe('2025-06');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-01', -25)).toBe('2023-12');
  });

  it('defaults to the last twelve months, this one included', () => {
    expect(defaultPeriod(NOW)).toEqual({ from: '2025-06', to: '2026-05' });
    expect(monthsIn(defaultPeriod(NOW))).toBe(12);
  });

  it('keeps a valid range from the address and falls back otherwise', () => {
    expect(parsePeriod('2025-01', '2025-03', NOW)).toEqual({ from: '2025-01', to: '2025-03' });
    expect(parsePeriod('2025-03', '2025-03', NOW)).toEqual({ from: '2025-03', to: '2025-03' });
    expect(parsePeriod('2025-04', '2025-03', NOW)).toEqual(defaultPeriod(NOW));
    expect(parsePeriod('2025-13', '2026-01', NOW)).toEqual(defaultPeriod(NOW));
    expect(parsePeriod(null, '2026-01', NOW)).toEqual(defaultPeriod(NOW));
    expect(parsePeriod('2000-01', '2026-01', NOW)).toEqual(defaultPeriod(NOW));
  });

  it('sends the instants Shanghai’s first days begin, the month after the range excluded', () => {
    expect(periodArgs({ from: '2025-06', to: '2026-05' })).toEqual({
      from: '2025-05-31T16:00:00.000Z',
      to: '2026-05-31T16:00:00.000Z',
    });
    expect(periodArgs({ from: '2025-12', to: '2025-12' })).toEqual({
      from: '2025-11-30T16:00:00.000Z',
      to: '2025-12-31T16:00:00.000Z',
    });
  });

  it('keeps region, center and a non-default period in the address', () => {
    const p = writeDashboardParams(
      { regionId: '7', centerId: '12', period: { from: '2025-01', to: '2025-06' } },
      NOW,
    );
    expect(p.toString()).toBe('region=7&from=2025-01&to=2025-06&center=12');
    expect(readDashboardParams(p, NOW)).toEqual({
      regionId: '7',
      centerId: '12',
      period: { from: '2025-01', to: '2025-06' },
    });
    const d = writeDashboardParams(
      { regionId: undefined, centerId: undefined, period: defaultPeriod(NOW) },
      NOW,
    );
    expect(d.toString()).toBe('');
  });
});

describe('formats', () => {
  it('formats scores, rates, composites and changes', () => {
    expect(formatScore(9.4123)).toBe('9.41');
    expect(formatScore(null)).toBeNull();
    expect(formatRate(0.875)).toBe('87.5%');
    expect(formatRate(undefined)).toBeNull();
    expect(formatComposite(84.25)).toBe('84.3');
    expect(formatChange(2.46)).toBe('+2.5');
    expect(formatChange(-1)).toBe('-1.0');
    expect(formatChange(0)).toBe('0.0');
    expect(formatChange(null)).toBeNull();
  });

  it('shows rank moves with arrows', () => {
    expect(rankChange(2)).toMatchObject({ arrow: '▲', text: '▲2' });
    expect(rankChange(-3)).toMatchObject({ arrow: '▼', text: '▼3' });
    expect(rankChange(0).text).toBe('–');
    expect(rankChange(null).text).toBe('');
  });
});

describe('score colour scale', () => {
  it('colours composites by band, grey without a score', () => {
    expect(scoreColor(95)).toBe('#237804');
    expect(scoreColor(90)).toBe('#237804');
    expect(scoreColor(89.9)).toBe('#52c41a');
    expect(scoreColor(75)).toBe('#fadb14');
    expect(scoreColor(60)).toBe('#fa8c16');
    expect(scoreColor(12)).toBe('#f5222d');
    expect(scoreColor(0)).toBe('#f5222d');
    expect(scoreColor(null)).toBe(NO_SCORE_COLOR);
    expect(scoreColor(Number.NaN)).toBe(NO_SCORE_COLOR);
  });

  it('labels the bands for the legend', () => {
    expect(scoreBandLabels().map((b) => b.label)).toEqual(['≥ 90', '80–90', '70–80', '60–70', '< 60']);
  });
});

describe('trend chart', () => {
  it('draws responses as bars and scores on the 0–10 axis', () => {
    const option = trendChartOption(
      [
        { month: '2026-03', responses: 12, averageScore: 8.456, satisfiedRate: 0.75 },
        { month: '2026-04', responses: 0, averageScore: null, satisfiedRate: null },
      ],
      { responses: 'R', average: 'A', satisfied: 'S' },
    );
    expect(option.xAxis.data).toEqual(['2026-03', '2026-04']);
    expect(option.series[0]).toMatchObject({ type: 'bar', data: [12, 0] });
    expect(option.series[1]).toMatchObject({ type: 'line', yAxisIndex: 1, data: [8.46, null] });
    expect(option.series[2]).toMatchObject({ type: 'line', yAxisIndex: 1, data: [7.5, null] });
    expect(option.yAxis[1]).toMatchObject({ min: 0, max: 10 });
  });
});

describe('radar', () => {
  const dims = [
    { dimension: 'SITE_RECOGNITION', evaluationScore: 7.25, streetAverage: 8, residentScore: null },
    { dimension: 'PARTY_LEADERSHIP', evaluationScore: 9, streetAverage: 8.5, residentScore: null },
  ];

  it('orders values by the eight dimensions, null where missing', () => {
    const v = radarValues(dims, 'evaluationScore');
    expect(v).toHaveLength(8);
    expect(v.slice(0, 3)).toEqual([9, 7.25, null]);
  });

  it('draws the center against the street, leaving out a series without values', () => {
    const option = radarChartOption(dims, { center: 'C', street: 'S', dimension: (d) => `dim:${d}` });
    expect(option.radar.indicator).toHaveLength(DIMENSIONS.length);
    expect(option.radar.indicator[0]).toEqual({ name: 'dim:PARTY_LEADERSHIP', max: 10, min: 0 });
    expect(option.legend.data).toEqual(['C', 'S']);
    const data = option.series[0].data;
    expect(data[0].value.slice(0, 3)).toEqual([9, 7.25, '-']);
    expect(data[1].value.slice(0, 2)).toEqual([8.5, 8]);
    const streetOnly = radarChartOption(
      [{ dimension: 'PARTY_LEADERSHIP', evaluationScore: null, streetAverage: 8 }],
      { center: 'C', street: 'S', dimension: (d) => d },
    );
    expect(streetOnly.legend.data).toEqual(['S']);
  });

  it('lists residents’ scores for the dimensions asked about', () => {
    expect(
      residentScores([
        { dimension: 'RESIDENT_PERCEPTION', residentScore: 7.856 },
        { dimension: 'SITE_RECOGNITION', residentScore: null },
        { dimension: 'PARTY_LEADERSHIP', residentScore: 9 },
      ]),
    ).toEqual([
      { dimension: 'PARTY_LEADERSHIP', score: 9 },
      { dimension: 'RESIDENT_PERCEPTION', score: 7.86 },
    ]);
  });
});

describe('landing page', () => {
  it('sends street and district leaders to the dashboard', () => {
    expect(landingPath('STREET_ADMIN')).toBe('/dashboard');
    expect(landingPath('DISTRICT_ADMIN')).toBe('/dashboard');
    expect(landingPath('CENTER_STAFF')).toBe('/centers');
    expect(landingPath('EVALUATOR')).toBe('/centers');
  });
});
