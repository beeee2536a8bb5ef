// Pure rules of the leadership dashboard (运营看板): the period in the address and what the API
// receives for it, number formats, the colour scale of composite scores, rank changes, and the
// ECharts options of the trend and the eight-dimension radar. Unit-tested.
import { DIMENSIONS, type Dimension } from '@lc/domain';

// ---------------------------------------------------------------------------------------------
// Period: a range of whole months, 'YYYY-MM' inclusive at both ends.

export interface MonthRange {
  /** first month counted, 'YYYY-MM' */
  from: string;
  /** last month counted, 'YYYY-MM' (inclusive) */
  to: string;
}

export const DEFAULT_PERIOD_MONTHS = 12;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' of a date, in the browser's calendar. */
export function monthKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The month `n` months after (before, when negative) a 'YYYY-MM' month. */
export function addMonths(month: string, n: number): string {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + (Number(m[2]) - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function isMonth(raw: string | null | undefined): raw is string {
  return typeof raw === 'string' && MONTH_RE.test(raw);
}

/** The last `months` months up to and including this one. */
export function defaultPeriod(now: Date, months: number = DEFAULT_PERIOD_MONTHS): MonthRange {
  const to = monthKey(now);
  return { from: addMonths(to, -(months - 1)), to };
}

/** The period in the address when it is a valid range (at most 10 years); else the default. */
export function parsePeriod(
  from: string | null | undefined,
  to: string | null | undefined,
  now: Date,
): MonthRange {
  if (isMonth(from) && isMonth(to) && from <= to && monthsIn({ from, to }) <= 120) return { from, to };
  return defaultPeriod(now);
}

/** How many months a range counts. */
export function monthsIn(range: MonthRange): number {
  const [fy, fm] = range.from.split('-').map(Number);
  const [ty, tm] = range.to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/**
 * The API's `from` / `to` arguments: the instants Shanghai's first day of `from` and of the month
 * after `to` begin (UTC+8, no daylight saving). The API counts whole Shanghai days, `to` excluded.
 */
export function periodArgs(range: MonthRange): { from: string; to: string } {
  const start = (month: string) => new Date(`${month}-01T00:00:00+08:00`).toISOString();
  return { from: start(range.from), to: start(addMonths(range.to, 1)) };
}

// ---------------------------------------------------------------------------------------------
// Number formats.

/** A 0–10 score with two decimals ("9.41"), or null. */
export function formatScore(value: number | null | undefined): string | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value.toFixed(2);
}

/** A 0–1 share as a percentage with one decimal ("87.5%"), or null. */
export function formatRate(value: number | null | undefined): string | null {
  return value === null || value === undefined || !Number.isFinite(value)
    ? null
    : `${(value * 100).toFixed(1)}%`;
}

/** A 0–100 composite score with one decimal, or null. */
export function formatComposite(value: number | null | undefined): string | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value.toFixed(1);
}

// ---------------------------------------------------------------------------------------------
// Colour scale of composite scores (0–100), for the map and the ranking.

export interface ScoreBand {
  /** lowest score of the band (inclusive) */
  min: number;
  color: string;
}

/** Highest band first. */
export const SCORE_BANDS: readonly ScoreBand[] = [
  { min: 90, color: '#237804' },
  { min: 80, color: '#52c41a' },
  { min: 70, color: '#fadb14' },
  { min: 60, color: '#fa8c16' },
  { min: 0, color: '#f5222d' },
];

export const NO_SCORE_COLOR = '#8c8c8c';

export function scoreColor(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) return NO_SCORE_COLOR;
  return (SCORE_BANDS.find((b) => score >= b.min) ?? SCORE_BANDS[SCORE_BANDS.length - 1]).color;
}

/** The legend's bands: "≥ 90", "80–90", …, "< 60". */
export function scoreBandLabels(): { color: string; label: string }[] {
  return SCORE_BANDS.map((b, i) => {
    const upper = i === 0 ? null : SCORE_BANDS[i - 1].min;
    const label = upper === null ? `≥ ${b.min}` : b.min === 0 ? `< ${upper}` : `${b.min}–${upper}`;
    return { color: b.color, label };
  });
}

// ---------------------------------------------------------------------------------------------
// Rank changes: positive = moved up.

export interface RankChange {
  arrow: '▲' | '▼' | '';
  color: string | undefined;
  /** "▲2", "▼1", "–" (no move) or "" (no previous rank) */
  text: string;
}

export function rankChange(change: number | null | undefined): RankChange {
  if (change === null || change === undefined) return { arrow: '', color: undefined, text: '' };
  if (change > 0) return { arrow: '▲', color: '#389e0d', text: `▲${change}` };
  if (change < 0) return { arrow: '▼', color: '#cf1322', text: `▼${-change}` };
  return { arrow: '', color: '#8c8c8c', text: '–' };
}

/** A composite change with its sign and one decimal ("+2.5", "-1.0"), or null. */
export function formatChange(change: number | null | undefined): string | null {
  if (change === null || change === undefined || !Number.isFinite(change)) return null;
  const rounded = Math.round(change * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${rounded.toFixed(1)}`;
}

// ---------------------------------------------------------------------------------------------
// Trend by month: responses as bars, average score (0–10) as a line.

export interface MonthFigure {
  month: string;
  responses: number;
  averageScore?: number | null;
  satisfiedRate?: number | null;
}

export function trendChartOption(
  months: readonly MonthFigure[],
  labels: { responses: string; average: string; satisfied: string },
) {
  const rate = (r: number | null | undefined) =>
    r === null || r === undefined ? null : Math.round(r * 1000) / 100;
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { data: [labels.responses, labels.average, labels.satisfied], top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: [
      { type: 'value', name: labels.responses, minInterval: 1 },
      { type: 'value', name: '0–10', min: 0, max: 10, interval: 2, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: labels.responses,
        barMaxWidth: 28,
        itemStyle: { color: '#91caff' },
        data: months.map((m) => m.responses),
      },
      {
        type: 'line',
        name: labels.average,
        yAxisIndex: 1,
        connectNulls: false,
        symbolSize: 7,
        itemStyle: { color: '#1677ff' },
        data: months.map((m) =>
          m.averageScore === null || m.averageScore === undefined
            ? null
            : Math.round(m.averageScore * 100) / 100,
        ),
      },
      {
        // satisfied rate on the same 0–10 axis: 87% → 8.7
        type: 'line',
        name: labels.satisfied,
        yAxisIndex: 1,
        connectNulls: false,
        symbolSize: 5,
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#52c41a' },
        data: months.map((m) => rate(m.satisfiedRate)),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The eight-dimension radar: a center against its street's average (and residents' answers).

export interface DimensionFigure {
  dimension: Dimension | string;
  evaluationScore?: number | null;
  streetAverage?: number | null;
  residentScore?: number | null;
}

type RadarKey = 'evaluationScore' | 'streetAverage' | 'residentScore';

/** One value per dimension, in the domain's order; null where the API has none. */
export function radarValues(dims: readonly DimensionFigure[], key: RadarKey): (number | null)[] {
  const byDim = new Map(dims.map((d) => [d.dimension, d[key] ?? null]));
  return DIMENSIONS.map((d) => {
    const v = byDim.get(d);
    return v === null || v === undefined ? null : Math.round(v * 100) / 100;
  });
}

/**
 * The radar: the center's evaluation scores against its street's average. Residents' answers per
 * dimension are listed under the chart instead (see residentScores): surveys ask about a few
 * dimensions only, and a polygon would dip to the centre at every one left unasked.
 */
export function radarChartOption(
  dims: readonly DimensionFigure[],
  labels: { center: string; street: string; dimension: (d: Dimension) => string },
) {
  const series = (
    [
      { key: 'evaluationScore', name: labels.center, color: '#1677ff', area: 0.15 },
      { key: 'streetAverage', name: labels.street, color: '#fa8c16', area: 0.05 },
    ] as const
  )
    .map((s) => ({ ...s, values: radarValues(dims, s.key) }))
    // A series with no value at all is left out rather than drawn as a dot in the middle.
    .filter((s) => s.values.some((v) => v !== null));
  return {
    legend: { data: series.map((s) => s.name), bottom: 0 },
    tooltip: {},
    radar: {
      indicator: DIMENSIONS.map((d) => ({ name: labels.dimension(d), max: 10, min: 0 })),
      radius: '62%',
      center: ['50%', '48%'],
      splitNumber: 5,
    },
    series: [
      {
        type: 'radar',
        symbolSize: 6,
        data: series.map((s) => ({
          name: s.name,
          // '-' is ECharts' "no value" (evaluations score all eight, so it is rare)
          value: s.values.map((v) => (v === null ? '-' : v)),
          itemStyle: { color: s.color },
          lineStyle: { color: s.color },
          areaStyle: { color: s.color, opacity: s.area },
        })),
      },
    ],
  };
}

/** Residents' average per dimension, for the dimensions their surveys asked about, in order. */
export function residentScores(dims: readonly DimensionFigure[]): { dimension: Dimension; score: number }[] {
  const byDim = new Map(dims.map((d) => [d.dimension, d.residentScore ?? null]));
  return DIMENSIONS.flatMap((d) => {
    const v = byDim.get(d);
    return v === null || v === undefined ? [] : [{ dimension: d, score: Math.round(v * 100) / 100 }];
  });
}

// ---------------------------------------------------------------------------------------------
// Address state of the page.

export interface DashboardParams {
  regionId: string | undefined;
  centerId: string | undefined;
  period: MonthRange;
}

export function readDashboardParams(params: URLSearchParams, now: Date): DashboardParams {
  return {
    regionId: params.get('region') || undefined,
    centerId: params.get('center') || undefined,
    period: parsePeriod(params.get('from'), params.get('to'), now),
  };
}

export function writeDashboardParams(state: DashboardParams, now: Date): URLSearchParams {
  const out = new URLSearchParams();
  if (state.regionId) out.set('region', state.regionId);
  const d = defaultPeriod(now);
  if (state.period.from !== d.from || state.period.to !== d.to) {
    out.set('from', state.period.from);
    out.set('to', state.period.to);
  }
  if (state.centerId) out.set('center', state.centerId);
  return out;
}

/** Where a signed-in user lands: the dashboard for street and district leaders. */
export function landingPath(role: string): string {
  return role === 'DISTRICT_ADMIN' || role === 'STREET_ADMIN' ? '/dashboard' : '/centers';
}
