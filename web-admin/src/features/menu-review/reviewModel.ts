// Pure rules of the yearly review page: which years and district to offer, who may promote, and
// the chart of the most ordered items. Unit-tested.
import type { Role } from '@lc/domain';

/** The years offered: this year first, then the `count - 1` before it. */
export function reviewYears(now: Date, count = 5): number[] {
  const year = now.getFullYear();
  return Array.from({ length: count }, (_, i) => year - i);
}

/** The year in the URL when it is one of the offered years; else the first (current) one. */
export function parseYear(raw: string | null | undefined, years: readonly number[]): number {
  const n = Number(raw);
  return raw && years.includes(n) ? n : years[0];
}

export interface RegionUp {
  id: string;
  name: string;
  level: string;
  parent?: RegionUp | null;
}

/** The district a region lies in (the region itself when it is one); null when none is known. */
export function districtOf(region: RegionUp | null | undefined): { id: string; name: string } | null {
  for (let r = region; r; r = r.parent) {
    if (r.level === 'DISTRICT') return { id: r.id, name: r.name };
  }
  return null;
}

/** Only the district office promotes items into the district menu (the server checks too). */
export function canPromote(role: Role | string): boolean {
  return role === 'DISTRICT_ADMIN';
}

/** Average rating with one decimal, or null when nobody rated. */
export function formatRating(value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : value.toFixed(1);
}

export interface ReviewChartRow {
  rank: number;
  orders: number;
  averageRating?: number | null;
  service: { id: string; name: string };
}

export const REVIEW_CHART_TOP = 15;

/**
 * ECharts option: the top `top` items by orders as bars, with their average rating (1–5) as a
 * line on a second axis; unrated items leave a gap in the line.
 */
export function reviewChartOption(
  items: readonly ReviewChartRow[],
  labels: { orders: string; rating: string },
  top: number = REVIEW_CHART_TOP,
) {
  const picked = [...items].sort((a, b) => a.rank - b.rank).slice(0, top);
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { data: [labels.orders, labels.rating], top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category',
      data: picked.map((r) => r.service.name),
      axisLabel: { interval: 0, rotate: picked.length > 6 ? 35 : 0, width: 96, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', name: labels.orders, minInterval: 1 },
      { type: 'value', name: labels.rating, min: 0, max: 5, interval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar',
        name: labels.orders,
        barMaxWidth: 28,
        itemStyle: { color: '#1677ff' },
        data: picked.map((r) => r.orders),
      },
      {
        type: 'line',
        name: labels.rating,
        yAxisIndex: 1,
        connectNulls: false,
        symbolSize: 8,
        itemStyle: { color: '#fa8c16' },
        data: picked.map((r) =>
          r.averageRating === null || r.averageRating === undefined ? null : r.averageRating,
        ),
      },
    ],
  };
}
