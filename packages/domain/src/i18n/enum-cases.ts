// Enum labels of cases (诉求) and notifications, spread into the `enum` namespace.
import {
  CASE_ACTION_LABELS,
  CASE_LEVEL_LABELS,
  CASE_RESPONSIBILITY_LABELS,
  CASE_SOURCE_LABELS,
  CASE_STATUS_LABELS,
  JOINT_FORCE_LABELS,
} from '../cases';
import type { Locale } from '../labels';
import { NOTIFICATION_CHANNEL_LABELS, NOTIFICATION_KIND_LABELS } from '../notifications';

type Labels = Record<string, { 'zh-CN': string; en: string }>;
const pick = (labels: Labels, locale: Locale): Record<string, string> =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, v[locale]]));

export function caseEnumNamespaces(locale: Locale) {
  return {
    caseStatus: pick(CASE_STATUS_LABELS, locale),
    caseLevel: pick(CASE_LEVEL_LABELS, locale),
    caseSource: pick(CASE_SOURCE_LABELS, locale),
    caseResponsibility: pick(CASE_RESPONSIBILITY_LABELS, locale),
    caseAction: pick(CASE_ACTION_LABELS, locale),
    jointForce: pick(JOINT_FORCE_LABELS, locale),
    notificationKind: pick(NOTIFICATION_KIND_LABELS, locale),
    notificationChannel: pick(NOTIFICATION_CHANNEL_LABELS, locale),
  };
}
