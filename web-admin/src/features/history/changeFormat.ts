// Change log values in words: audience codes as labels, schedules as weekly rules, dates as
// local date-times, whole records (a deleted item or offering) as "field: value" pairs.
import { describeRule, type RuleText } from '../offerings/scheduleText';
import type { ScheduleLabels } from '../centers/schedule';
import type { ValidityLabels } from '../offerings/scheduleText';

export const CHANGE_ACTIONS = [
  'CREATE',
  'UPDATE',
  'RETIRE',
  'REINSTATE',
  'PROMOTE',
  'DELETE',
  'IMPORT',
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

/** Fields the change log names, with their label keys (admin namespace). */
export const CHANGE_FIELD_KEYS: Record<string, string> = {
  name: 'historyFieldName',
  description: 'historyFieldDescription',
  category: 'historyFieldCategory',
  audience: 'historyFieldAudience',
  fee: 'historyFieldFee',
  provider: 'historyFieldProvider',
  department: 'historyFieldDepartment',
  retiredAt: 'historyFieldRetiredAt',
  menu: 'historyFieldMenu',
  ownerRegionId: 'historyFieldOwnerRegion',
  schedule: 'historyFieldSchedule',
  capacity: 'historyFieldCapacity',
  code: 'historyFieldCode',
  promotedFrom: 'historyFieldPromotedFrom',
};

export interface ChangeLabels extends ScheduleLabels {
  validity: ValidityLabels;
  bracket: (text: string) => string;
  /** label of a field name; unknown fields as they are */
  field: (name: string) => string;
  audience: (code: string) => string;
  category: (code: string) => string;
  menu: (code: string) => string;
  /** an ISO date-time as local date and time */
  dateTime: (iso: string) => string;
  /** no value */
  empty: string;
  /** an empty audience list: everyone */
  allAudiences: string;
  /** an empty schedule: by appointment */
  onRequest: string;
  yes: string;
  no: string;
  /** separates the parts of a record, e.g. '；' */
  pairSeparator: string;
  /** 'field: value' */
  pair: (field: string, value: string) => string;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function isRule(v: unknown): v is RuleText {
  return (
    !!v &&
    typeof v === 'object' &&
    Array.isArray((v as RuleText).byDay) &&
    typeof (v as RuleText).opens === 'string' &&
    typeof (v as RuleText).closes === 'string'
  );
}

/** A change log value in words. `field` says how to read codes (null for a whole record). */
export function formatChangeValue(
  field: string | null | undefined,
  value: unknown,
  labels: ChangeLabels,
): string {
  if (value === null || value === undefined || value === '') return labels.empty;
  if (field === 'schedule' && Array.isArray(value)) {
    if (value.length === 0) return labels.onRequest;
    return value
      .map((r) => (isRule(r) ? describeRule(r, labels) : formatChangeValue(null, r, labels)))
      .join(labels.pairSeparator);
  }
  if (field === 'audience' && Array.isArray(value)) {
    return value.length === 0
      ? labels.allAudiences
      : value.map((c) => labels.audience(String(c))).join(labels.separator);
  }
  if (field === 'category' && typeof value === 'string') return labels.category(value);
  if ((field === 'menu' || field === 'promotedFrom') && typeof value === 'string') return labels.menu(value);
  if (typeof value === 'string') return ISO_DATE_TIME.test(value) ? labels.dateTime(value) : value;
  if (typeof value === 'boolean') return value ? labels.yes : labels.no;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return labels.empty;
    if (value.every(isRule)) return formatChangeValue('schedule', value, labels);
    return value.map((v) => formatChangeValue(field, v, labels)).join(labels.separator);
  }
  if (isRule(value)) return describeRule(value, labels);
  if (typeof value === 'object') {
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .map(([k, v]) => labels.pair(labels.field(k), formatChangeValue(k, v, labels)));
    return parts.length > 0 ? parts.join(labels.pairSeparator) : labels.empty;
  }
  return String(value);
}

/** Whether the entry changes one field from a value to another (shown as old → new). */
export function isFieldChange(entry: { field?: string | null; action: string }): boolean {
  return !!entry.field && entry.action !== 'DELETE';
}

/** The roles that may read the change log (the API refuses others). */
export function canReadChangeLog(role: string | null | undefined): boolean {
  return (
    role === 'DISTRICT_ADMIN' || role === 'STREET_ADMIN' || role === 'CENTER_STAFF' || role === 'EVALUATOR'
  );
}
