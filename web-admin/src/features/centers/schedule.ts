// Offering schedules (RFC 5545 weekday codes + opening times) as readable text.
import { WEEKDAYS } from '@lc/domain';

/**
 * Groups weekday codes into runs in week order: ['MO','TU','WE','FR'] → [['MO','WE'], ['FR','FR']]
 * (each run as [first, last]). Unknown codes are dropped; duplicates are merged.
 */
export function weekdayRuns(days: readonly string[]): [string, string][] {
  const idx = [
    ...new Set(days.map((d) => (WEEKDAYS as readonly string[]).indexOf(d)).filter((i) => i >= 0)),
  ].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of idx) {
    const last = runs[runs.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else runs.push([i, i]);
  }
  return runs.map(([a, b]) => [WEEKDAYS[a], WEEKDAYS[b]]);
}

export interface ScheduleLabels {
  /** label of a weekday code, e.g. '周一' */
  day: (code: string) => string;
  /** joins a run of 3+ days, e.g. '周一至周五' */
  range: (from: string, to: string) => string;
  /** separates runs / rules, e.g. '、' */
  separator: string;
}

/** 'MO..FR' → '周一至周五'; runs of two days are listed ('周六、周日'). */
export function formatDays(days: readonly string[], labels: ScheduleLabels): string {
  const parts: string[] = [];
  for (const [a, b] of weekdayRuns(days)) {
    const from = WEEKDAYS.indexOf(a as (typeof WEEKDAYS)[number]);
    const to = WEEKDAYS.indexOf(b as (typeof WEEKDAYS)[number]);
    if (to - from >= 2) parts.push(labels.range(labels.day(a), labels.day(b)));
    else for (let i = from; i <= to; i++) parts.push(labels.day(WEEKDAYS[i]));
  }
  return parts.join(labels.separator);
}

export function formatRule(
  rule: { byDay: readonly string[]; opens: string; closes: string },
  labels: ScheduleLabels,
): string {
  const days = formatDays(rule.byDay, labels);
  return `${days} ${rule.opens}–${rule.closes}`.trim();
}
