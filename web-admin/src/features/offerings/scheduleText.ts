// Offering schedules in words: weekly rules with their validity dates, e.g.
// "周一、周三 09:00–11:00（2026-03-01 至 2026-06-30）".
import { formatRule, type ScheduleLabels } from '../centers/schedule';

export interface ValidityLabels {
  /** both dates, e.g. '2026-03-01 至 2026-06-30' */
  between: (from: string, until: string) => string;
  /** only a first day, e.g. '2026-03-01 起' */
  from: (from: string) => string;
  /** only a last day, e.g. '至 2026-06-30' */
  until: (until: string) => string;
}

export interface RuleText {
  byDay: readonly string[];
  opens: string;
  closes: string;
  validFrom?: string | null;
  validUntil?: string | null;
}

/** The validity of a rule in words, or '' when it always applies. */
export function validityText(
  validFrom: string | null | undefined,
  validUntil: string | null | undefined,
  labels: ValidityLabels,
): string {
  if (validFrom && validUntil) return labels.between(validFrom, validUntil);
  if (validFrom) return labels.from(validFrom);
  if (validUntil) return labels.until(validUntil);
  return '';
}

/** One rule in words, with its validity in brackets when it has one. */
export function describeRule(
  rule: RuleText,
  labels: ScheduleLabels & { validity: ValidityLabels; bracket: (text: string) => string },
): string {
  const base = formatRule(rule, labels);
  const validity = validityText(rule.validFrom, rule.validUntil, labels.validity);
  return validity ? `${base}${labels.bracket(validity)}` : base;
}
