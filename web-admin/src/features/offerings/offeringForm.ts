// Pure helpers of the offering form: values ↔ setOffering input, client-side checks with the
// shared schedule rules, and server field errors (`input.schedule.0.closes`) onto nested form
// fields (['schedule', 0, 'closes']).
import { OFFERING_CAPACITY_MAX, WEEKDAYS, checkSchedule } from '@lc/domain';
import { toFormFieldErrors, type FieldError } from '../../ui/graphqlErrors';

export interface RuleValues {
  byDay: string[];
  /** HH:MM, '' when not picked */
  opens: string;
  closes: string;
  /** [validFrom, validUntil] as YYYY-MM-DD, either may be open */
  valid: [string | null, string | null] | null;
}

export interface OfferingValues {
  serviceId?: string;
  schedule: RuleValues[];
  capacity: number | null;
  fee: string;
}

export const EMPTY_RULE: RuleValues = { byDay: [], opens: '', closes: '', valid: null };

/** Fields outside the schedule, named as SetOfferingInput names them. */
export const OFFERING_FLAT_FIELDS = ['serviceId', 'capacity', 'fee'] as const;
export type OfferingFormPath = (string | number)[];

export function offeringToValues(o: {
  service: { id: string };
  schedule: readonly {
    byDay: readonly string[];
    opens: string;
    closes: string;
    validFrom?: string | null;
    validUntil?: string | null;
  }[];
  capacity?: number | null;
  fee?: string | null;
}): OfferingValues {
  return {
    serviceId: o.service.id,
    schedule: o.schedule.map((r) => ({
      byDay: [...r.byDay],
      opens: r.opens,
      closes: r.closes,
      valid: r.validFrom || r.validUntil ? [r.validFrom ?? null, r.validUntil ?? null] : null,
    })),
    capacity: o.capacity ?? null,
    fee: o.fee ?? '',
  };
}

/** The schedule as the API takes it: weekdays in week order, open validity ends as null. */
export function toScheduleInput(rules: readonly RuleValues[]) {
  return rules.map((r) => {
    const days = new Set(r.byDay ?? []);
    return {
      byDay: WEEKDAYS.filter((d) => days.has(d)) as string[],
      opens: r.opens ?? '',
      closes: r.closes ?? '',
      validFrom: r.valid?.[0] || null,
      validUntil: r.valid?.[1] || null,
    };
  });
}

export function toSetOfferingInput(centerId: string, serviceId: string, values: OfferingValues) {
  const fee = (values.fee ?? '').trim();
  return {
    centerId,
    serviceId,
    schedule: toScheduleInput(values.schedule ?? []),
    capacity: values.capacity ?? null,
    fee: fee === '' ? null : fee,
  };
}

const RULE_FIELDS = ['byDay', 'opens', 'closes'];

/**
 * The form field of a schedule error path: `input.schedule.0.closes` (or `schedule[0].closes`)
 * → ['schedule', 0, 'closes']; both validity dates → the rule's `valid` range. Null for paths
 * outside the schedule or naming no rule field.
 */
export function scheduleErrorPath(field: string): OfferingFormPath | null {
  const parts = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '');
  if (parts.length > 1 && parts[0] === 'input') parts.shift();
  if (parts[0] !== 'schedule' || parts.length < 3 || !/^\d+$/.test(parts[1])) return null;
  const index = Number(parts[1]);
  const name = parts[2];
  if (name === 'validFrom' || name === 'validUntil') return ['schedule', index, 'valid'];
  return RULE_FIELDS.includes(name) ? ['schedule', index, name] : null;
}

export interface NestedFieldErrors {
  fields: { name: OfferingFormPath; errors: string[] }[];
  unmatched: string[];
}

/** Field errors (server or client) grouped by the form field they belong to. */
export function toOfferingFieldErrors(errors: readonly FieldError[]): NestedFieldErrors {
  const nested = new Map<string, { name: OfferingFormPath; errors: string[] }>();
  const rest: FieldError[] = [];
  for (const e of errors) {
    const path = scheduleErrorPath(e.field);
    if (!path) {
      rest.push(e);
      continue;
    }
    const key = path.join('.');
    const entry = nested.get(key) ?? { name: path, errors: [] };
    if (e.message && !entry.errors.includes(e.message)) entry.errors.push(e.message);
    nested.set(key, entry);
  }
  const flat = toFormFieldErrors(rest, OFFERING_FLAT_FIELDS);
  return {
    fields: [
      ...nested.values(),
      ...flat.fields.map((f) => ({ name: [f.name] as OfferingFormPath, errors: f.errors })),
    ],
    unmatched: flat.unmatched,
  };
}

/** Client-side checks: the shared schedule rules, plus the capacity's range. */
export function clientOfferingErrors(values: OfferingValues): FieldError[] {
  const out: FieldError[] = checkSchedule(toScheduleInput(values.schedule ?? []));
  const c = values.capacity;
  if (c !== null && c !== undefined && (!Number.isInteger(c) || c < 1 || c > OFFERING_CAPACITY_MAX))
    out.push({
      field: 'capacity',
      message: `名额应为 1–${OFFERING_CAPACITY_MAX} 的整数 / capacity must be a whole number from 1 to ${OFFERING_CAPACITY_MAX}`,
    });
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * The form fields a change touched, from antd's `changedValues`: `{ schedule: [, { opens: '09:00' }] }`
 * → [['schedule', 1, 'opens']]. Lists of values (weekdays, validity) count as one field.
 */
export function changedFieldPaths(changed: unknown, prefix: OfferingFormPath = []): OfferingFormPath[] {
  if (Array.isArray(changed) && changed.some(isPlainObject)) {
    const out: OfferingFormPath[] = [];
    changed.forEach((v, i) => {
      if (v !== undefined) out.push(...changedFieldPaths(v, [...prefix, i]));
    });
    return out;
  }
  if (isPlainObject(changed))
    return Object.entries(changed).flatMap(([k, v]) => changedFieldPaths(v, [...prefix, k]));
  return prefix.length > 0 ? [prefix] : [];
}
