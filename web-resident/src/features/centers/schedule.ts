// Pure formatting of an offering's schedule rules (byDay: iCal weekday codes MO..SU).
import { WEEKDAYS } from '@lc/domain';

export interface ScheduleRuleLike {
  byDay: ReadonlyArray<string>;
  opens: string;
  closes: string;
}

/** Groups of consecutive weekdays, in week order: ['MO','TU','WE','FR'] → [['MO','WE'],['FR','FR']]. */
export function weekdayRuns(byDay: ReadonlyArray<string>): Array<[string, string]> {
  const order = WEEKDAYS as readonly string[];
  const idx = [...new Set(byDay)]
    .map((d) => order.indexOf(d))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b);
  const runs: Array<[string, string]> = [];
  for (const i of idx) {
    const last = runs[runs.length - 1];
    if (last && order.indexOf(last[1]) === i - 1) last[1] = order[i];
    else runs.push([order[i], order[i]]);
  }
  return runs;
}

export interface ScheduleWords {
  day: (code: string) => string;
  everyDay: string;
  range: (from: string, to: string) => string;
  separator: string;
  time: (opens: string, closes: string) => string;
}

/** Days and time of a rule, apart (so the time can be kept on one line). Runs of three or more
 * days become a range, shorter runs a list; the whole week is "every day". */
export function scheduleParts(rule: ScheduleRuleLike, words: ScheduleWords): { days: string; time: string } {
  const runs = weekdayRuns(rule.byDay);
  const order = WEEKDAYS as readonly string[];
  let days: string;
  if (runs.length === 1 && runs[0][0] === order[0] && runs[0][1] === order[order.length - 1]) {
    days = words.everyDay;
  } else {
    days = runs
      .flatMap(([from, to]) => {
        const span = order.indexOf(to) - order.indexOf(from);
        if (span >= 2) return [words.range(words.day(from), words.day(to))];
        return span === 1 ? [words.day(from), words.day(to)] : [words.day(from)];
      })
      .join(words.separator);
  }
  return { days, time: words.time(rule.opens, rule.closes) };
}

/** "周一至周五 09:00–17:00" */
export function formatScheduleRule(rule: ScheduleRuleLike, words: ScheduleWords): string {
  const { days, time } = scheduleParts(rule, words);
  return days ? `${days} ${time}` : time;
}
