// Notifications (消息): one inbox per user, fed by every module through one outbox. The kinds a
// user can switch channels for, the channels, and the texts (zh-CN first, English second) that the
// API renders for SMS and both SPAs render in the inbox.
import { CASE_LEVEL_LABELS, CASE_STATUS_LABELS } from './cases';
import { DELIVERY_STATUS_LABELS, DEMAND_STATUS_LABELS, MEETING_KIND_LABELS } from './labels';

/** What a notification is about; preferences are kept per kind. */
export const NOTIFICATION_KINDS = [
  /** the resident's own problem (诉求) moved: accepted, escalated, resolved, … */
  'CASE_UPDATE',
  /** staff: a case waits for you (new, assigned to you, handed over to you, overdue, reopened) */
  'CASE_TASK',
  /** a mobile-delivery order moved (接单, 排期, 配送, 未受理) */
  'DELIVERY_ORDER',
  /** a project meeting (三会) announced for the resident's community */
  'MEETING_ANNOUNCED',
  /** the status of a demand the resident raised or seconded changed */
  'DEMAND_STATUS',
  /** a satisfaction survey opened for the resident's center or community */
  'SURVEY_OPENED',
  /** a reply to the resident's activity sign-up (activities module) */
  'ACTIVITY_SIGNUP',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Channels: in-app (the inbox) always; SMS for the kinds the resident has not turned off. */
export const NOTIFICATION_CHANNELS = ['IN_APP', 'SMS'] as const;
export type NotificationChannelName = (typeof NOTIFICATION_CHANNELS)[number];

/** Whether a kind goes out by SMS when the user has not said otherwise: personal matters yes,
 * announcements to a whole community no. */
export const SMS_DEFAULT: Record<NotificationKind, boolean> = {
  CASE_UPDATE: true,
  CASE_TASK: false,
  DELIVERY_ORDER: true,
  MEETING_ANNOUNCED: false,
  DEMAND_STATUS: true,
  SURVEY_OPENED: false,
  ACTIVITY_SIGNUP: true,
};

/** Kinds residents receive (and may set preferences for); CASE_TASK is for staff. */
export const RESIDENT_NOTIFICATION_KINDS: readonly NotificationKind[] = NOTIFICATION_KINDS.filter(
  (k) => k !== 'CASE_TASK',
);

/** What a notification links to, so a tap opens it. */
export const NOTIFICATION_SUBJECTS = [
  'CASE',
  'DELIVERY_ORDER',
  'PROJECT',
  'DEMAND',
  'SURVEY',
  'ACTIVITY',
  'BOOKING',
] as const;
export type NotificationSubject = (typeof NOTIFICATION_SUBJECTS)[number];

type Bilingual = { 'zh-CN': string; en: string };
type Labels<K extends string> = Record<K, Bilingual>;

export const NOTIFICATION_KIND_LABELS: Labels<NotificationKind> = {
  CASE_UPDATE: { 'zh-CN': '我的反映', en: 'My reports' },
  CASE_TASK: { 'zh-CN': '诉求待办', en: 'Case tasks' },
  DELIVERY_ORDER: { 'zh-CN': '流动点单', en: 'Mobile-service orders' },
  MEETING_ANNOUNCED: { 'zh-CN': '社区会议预告', en: 'Community meetings' },
  DEMAND_STATUS: { 'zh-CN': '我的需求', en: 'My demands' },
  SURVEY_OPENED: { 'zh-CN': '满意度调查', en: 'Satisfaction surveys' },
  ACTIVITY_SIGNUP: { 'zh-CN': '活动报名', en: 'Activity sign-ups' },
};

export const NOTIFICATION_CHANNEL_LABELS: Labels<NotificationChannelName> = {
  IN_APP: { 'zh-CN': '站内消息', en: 'In-app' },
  SMS: { 'zh-CN': '短信', en: 'SMS' },
};

/** Parameters of a notification text: plain values, a text in both languages, or an enum code with
 * the label table it is shown through (`{ label: 'caseStatus', code: 'RESOLVED' }`), so each reader
 * sees their own language. */
export type NotificationParam =
  string | number | null | { label: NotificationLabelTable; code: string } | { zh: string; en: string };
export type NotificationParams = Record<string, NotificationParam>;

const LABEL_TABLES = {
  caseStatus: CASE_STATUS_LABELS,
  caseLevel: CASE_LEVEL_LABELS,
  deliveryStatus: DELIVERY_STATUS_LABELS,
  demandStatus: DEMAND_STATUS_LABELS,
  meetingKind: MEETING_KIND_LABELS,
} as const;
export type NotificationLabelTable = keyof typeof LABEL_TABLES;

/** The texts, by template. `{{name}}` takes a param; a missing param is left empty. */
export const NOTIFICATION_TEMPLATES = {
  // cases (诉求), for the reporter
  'case.accepted': {
    title: { 'zh-CN': '您的反映已受理', en: 'Your report was accepted' },
    body: {
      'zh-CN': '您反映的“{{subject}}”已由社区受理，编号 {{caseNo}}。',
      en: 'Your report "{{subject}}" (no. {{caseNo}}) was accepted.',
    },
  },
  'case.assigned': {
    title: { 'zh-CN': '已指定专人处理', en: 'Someone is in charge' },
    body: {
      'zh-CN': '您反映的“{{subject}}”已指定社区工作者负责处理。',
      en: 'A community worker is now in charge of "{{subject}}".',
    },
  },
  'case.started': {
    title: { 'zh-CN': '正在处理', en: 'Being handled' },
    body: { 'zh-CN': '您反映的“{{subject}}”正在处理中。', en: '"{{subject}}" is being handled.' },
  },
  'case.escalated': {
    title: { 'zh-CN': '已提交{{level}}处理', en: 'Passed to {{level}}' },
    body: {
      'zh-CN': '您反映的“{{subject}}”已提交{{level}}协调处理。',
      en: '"{{subject}}" was passed to {{level}}.',
    },
  },
  'case.resolved': {
    title: { 'zh-CN': '问题已处理，请确认', en: 'Resolved — please confirm' },
    body: {
      'zh-CN': '您反映的“{{subject}}”已处理：{{note}}。请在3天内确认是否解决并评价。',
      en: '"{{subject}}" was resolved: {{note}}. Please say within 3 days whether it is fixed, and rate it.',
    },
  },
  'case.rejected': {
    title: { 'zh-CN': '反映未受理', en: 'Report not taken up' },
    body: {
      'zh-CN': '您反映的“{{subject}}”未受理，原因：{{reason}}',
      en: '"{{subject}}" was not taken up: {{reason}}',
    },
  },
  'case.reopened': {
    title: { 'zh-CN': '已重新办理', en: 'Reopened' },
    body: {
      'zh-CN': '“{{subject}}”居民反馈未解决，已在{{level}}重新办理。',
      en: '"{{subject}}" was reported not fixed and reopened at {{level}}.',
    },
  },
  'case.closed': {
    title: { 'zh-CN': '反映已办结', en: 'Report closed' },
    body: { 'zh-CN': '“{{subject}}”已办结，感谢您的反映。', en: '"{{subject}}" is closed. Thank you.' },
  },
  'case.merged': {
    title: { 'zh-CN': '已与相同问题合并办理', en: 'Merged with the same problem' },
    body: {
      'zh-CN': '您反映的“{{subject}}”与编号 {{target}} 的问题相同，将一并办理并通知您进展。',
      en: '"{{subject}}" is the same problem as no. {{target}}; you will get its updates.',
    },
  },
  // cases, for staff
  'case.new': {
    title: { 'zh-CN': '新诉求待受理', en: 'New case to accept' },
    body: {
      'zh-CN': '{{category}}：“{{subject}}”，请在{{deadline}}前受理。',
      en: '{{category}}: "{{subject}}" — accept by {{deadline}}.',
    },
  },
  'case.assignedToYou': {
    title: { 'zh-CN': '诉求指派给您', en: 'A case was assigned to you' },
    body: {
      'zh-CN': '{{category}}：“{{subject}}”，办理时限 {{deadline}}。',
      en: '{{category}}: "{{subject}}", due {{deadline}}.',
    },
  },
  'case.handedOver': {
    title: { 'zh-CN': '兜底：请认领或指派', en: 'Fallback: take it or name someone' },
    body: {
      'zh-CN': '“{{subject}}”{{why}}，按兜底责任制交由您认领或指定专人。',
      en: '"{{subject}}" {{why}}; under the fallback rule it is yours to take or assign.',
    },
  },
  'case.overdue': {
    title: { 'zh-CN': '诉求已超时', en: 'Case overdue' },
    body: {
      'zh-CN': '“{{subject}}”在{{level}}已超过办理时限（{{deadline}}）。',
      en: '"{{subject}}" is overdue at {{level}} (due {{deadline}}).',
    },
  },
  'case.notFixed': {
    title: { 'zh-CN': '居民反馈未解决', en: 'Resident says not fixed' },
    body: {
      'zh-CN': '“{{subject}}”居民反馈未解决（{{rating}}星），已重新打开。',
      en: '"{{subject}}" was reported not fixed ({{rating}} stars) and reopened.',
    },
  },
  // other modules
  'delivery.status': {
    title: { 'zh-CN': '点单{{status}}', en: 'Order {{status}}' },
    body: {
      'zh-CN': '您在{{center}}点单的“{{service}}”{{status}}。{{detail}}',
      en: 'Your order of "{{service}}" at {{center}}: {{status}}. {{detail}}',
    },
  },
  'meeting.announced': {
    title: { 'zh-CN': '{{meetingKind}}预告', en: '{{meetingKind}} announced' },
    body: {
      'zh-CN': '项目“{{project}}”将于{{at}}在{{place}}召开{{meetingKind}}，欢迎参加。',
      en: 'Project "{{project}}": {{meetingKind}} on {{at}} at {{place}}. All welcome.',
    },
  },
  'demand.status': {
    title: { 'zh-CN': '需求进展：{{status}}', en: 'Demand: {{status}}' },
    body: {
      'zh-CN': '您提出或附议的需求“{{title}}”现为“{{status}}”。',
      en: 'The demand "{{title}}" you raised or seconded is now "{{status}}".',
    },
  },
  'survey.opened': {
    title: { 'zh-CN': '满意度调查已开放', en: 'A survey is open' },
    body: {
      'zh-CN': '{{place}}的调查“{{title}}”已开放，欢迎参与评价。',
      en: 'The survey "{{title}}" for {{place}} is open. Tell us what you think.',
    },
  },
  /** free texts given by the sender in both languages (title_zh, title_en, body_zh, body_en) */
  text: {
    title: { 'zh-CN': '{{title_zh}}', en: '{{title_en}}' },
    body: { 'zh-CN': '{{body_zh}}', en: '{{body_en}}' },
  },
} as const satisfies Record<string, { title: Bilingual; body: Bilingual }>;
export type NotificationTemplate = keyof typeof NOTIFICATION_TEMPLATES;

export function isNotificationTemplate(t: string): t is NotificationTemplate {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_TEMPLATES, t);
}

function paramText(p: NotificationParam | undefined, locale: 'zh-CN' | 'en'): string {
  if (p === null || p === undefined) return '';
  if (typeof p !== 'object') return String(p);
  if ('label' in p) {
    const table = LABEL_TABLES[p.label] as Record<string, Bilingual> | undefined;
    return table?.[p.code]?.[locale] ?? p.code;
  }
  return locale === 'en' ? p.en : p.zh;
}

function fill(text: string, params: NotificationParams, locale: 'zh-CN' | 'en'): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => paramText(params[name], locale)).trim();
}

/** A notification's title and body in a locale; an unknown template shows its name. */
export function renderNotification(
  template: string,
  params: NotificationParams,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): { title: string; body: string } {
  if (!isNotificationTemplate(template)) return { title: template, body: '' };
  const t = NOTIFICATION_TEMPLATES[template];
  return { title: fill(t.title[locale], params, locale), body: fill(t.body[locale], params, locale) };
}

/** The SMS text: 【生活圈】 title: body (Chinese only). */
export function smsText(template: string, params: NotificationParams): string {
  const { title, body } = renderNotification(template, params, 'zh-CN');
  return `【社区生活圈】${title}：${body}`;
}
