// People and integrators (issue 11): staff accounts, the 3+X team and its AB rota, the audit log,
// API key permissions and webhook event types. Shared by the API and web-admin.
import type { Role } from './enums';

type Labels<K extends string> = Record<K, { 'zh-CN': string; en: string }>;

/** Roles an office can create accounts for (district admins and integrators are not made here). */
export const STAFF_ROLES = ['STREET_ADMIN', 'CENTER_STAFF', 'EVALUATOR'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Which roles a creator may give: a district admin the district's street admins, center staff
 * and evaluators; a street admin the center staff of the street's centers; nobody else anyone. */
export function rolesGrantableBy(role: Role): readonly StaffRole[] {
  if (role === 'DISTRICT_ADMIN') return STAFF_ROLES;
  if (role === 'STREET_ADMIN') return ['CENTER_STAFF'];
  return [];
}

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,39}$/;
export const DISPLAY_NAME_MAX_LENGTH = 40;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Passwords refused whatever their length: the demo password and the commonest ones. Compared
 * case-insensitively, also with digits and punctuation stripped from the ends. */
export const COMMON_PASSWORDS = [
  'demo@2026',
  'demo2026',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'qwerty',
  'qwertyuiop',
  'qwerty123',
  '1qaz2wsx',
  '1q2w3e4r',
  'abc123',
  'abcd1234',
  'admin',
  'admin123',
  'admin@123',
  'administrator',
  'welcome',
  'welcome1',
  'iloveyou',
  'letmein',
  'a123456',
  'aa123456',
  '123456',
  '1234567',
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '11111111',
  '00000000',
  '88888888',
  '66666666',
  'woaini',
  'woaini1314',
  'shanghai',
  'changeme',
  'zaq12wsx',
] as const;

/** Problems with a new password, in `中文 / English`; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.push(
      `密码至少${PASSWORD_MIN_LENGTH}位 / the password needs at least ${PASSWORD_MIN_LENGTH} characters`,
    );
  if (password.length > PASSWORD_MAX_LENGTH)
    problems.push(`密码不能超过${PASSWORD_MAX_LENGTH}位 / the password is too long`);
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password))
    problems.push('密码须同时包含字母和数字 / the password needs letters and digits');
  const lower = password.toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  const common = COMMON_PASSWORDS as readonly string[];
  if (common.includes(lower) || (core.length > 0 && common.includes(core)))
    problems.push('密码过于常见（或为演示密码） / the password is too common (or the demo password)');
  const user = username.trim().toLowerCase();
  if (user.length >= 3 && lower.includes(user))
    problems.push('密码不能包含用户名 / the password must not contain the username');
  return problems;
}

/** The 3+X team: roles of a center's operations team (运营专班). */
export const TEAM_ROLES = ['FULL_TIME', 'SOCIAL_WORKER', 'VOLUNTEER', 'RESIDENT_OFFICER', 'OTHER'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const TEAM_ROLE_LABELS: Labels<TeamRole> = {
  FULL_TIME: { 'zh-CN': '专职人员', en: 'Full-time staff' },
  SOCIAL_WORKER: { 'zh-CN': '社工', en: 'Social worker' },
  VOLUNTEER: { 'zh-CN': '志愿者', en: 'Volunteer' },
  RESIDENT_OFFICER: { 'zh-CN': '驻点人员', en: 'Resident officer' },
  OTHER: { 'zh-CN': '其他', en: 'Other' },
};

/** Shifts of the weekly rota. */
export const DUTY_SHIFTS = ['MORNING', 'AFTERNOON', 'EVENING'] as const;
export type DutyShift = (typeof DUTY_SHIFTS)[number];

export const DUTY_SHIFT_LABELS: Labels<DutyShift> = {
  MORNING: { 'zh-CN': '上午', en: 'Morning' },
  AFTERNOON: { 'zh-CN': '下午', en: 'Afternoon' },
  EVENING: { 'zh-CN': '晚上', en: 'Evening' },
};

/** Shanghai hours of each shift [from, to), for "who is on duty now". */
export const DUTY_SHIFT_HOURS: Record<DutyShift, [number, number]> = {
  MORNING: [0, 12],
  AFTERNOON: [12, 18],
  EVENING: [18, 24],
};

/** The shift a Shanghai hour of day falls in. */
export function shiftAt(hour: number): DutyShift {
  return (Object.keys(DUTY_SHIFT_HOURS) as DutyShift[]).find(
    (s) => hour >= DUTY_SHIFT_HOURS[s][0] && hour < DUTY_SHIFT_HOURS[s][1],
  ) as DutyShift;
}

/** AB roles: A is on duty unless marked absent, then B. */
export function onDuty<T>(entry: {
  a: T;
  b: T | null;
  aAbsent: boolean;
}): { person: T; isBackup: boolean } | null {
  if (!entry.aAbsent) return { person: entry.a, isBackup: false };
  return entry.b === null ? null : { person: entry.b, isBackup: true };
}

/** Administrative acts recorded in the insert-only audit log. */
export const AUDIT_ACTIONS = [
  'ACCOUNT_CREATED',
  'ACCOUNT_UPDATED',
  'ACCOUNT_DISABLED',
  'ACCOUNT_ENABLED',
  'PASSWORD_RESET',
  'PASSWORD_CHANGED',
  'ROLE_CHANGED',
  'ACCOUNTS_IMPORTED',
  'CONTACT_REVEALED',
  'PERSONAL_DATA_EXPORTED',
  'API_KEY_ISSUED',
  'API_KEY_REVOKED',
  'WEBHOOK_CREATED',
  'WEBHOOK_CHANGED',
  'WEBHOOK_DELETED',
  'WEBHOOK_REPLAYED',
  'SETTINGS_CHANGED',
  'TEAM_CHANGED',
  'ROTA_CHANGED',
  'API_WRITE',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_LABELS: Labels<AuditAction> = {
  ACCOUNT_CREATED: { 'zh-CN': '创建账号', en: 'Account created' },
  ACCOUNT_UPDATED: { 'zh-CN': '修改账号', en: 'Account changed' },
  ACCOUNT_DISABLED: { 'zh-CN': '停用账号', en: 'Account disabled' },
  ACCOUNT_ENABLED: { 'zh-CN': '启用账号', en: 'Account enabled' },
  PASSWORD_RESET: { 'zh-CN': '重置密码', en: 'Password reset' },
  PASSWORD_CHANGED: { 'zh-CN': '修改密码', en: 'Password changed' },
  ROLE_CHANGED: { 'zh-CN': '变更角色或范围', en: 'Role or scope changed' },
  ACCOUNTS_IMPORTED: { 'zh-CN': '导入账号', en: 'Accounts imported' },
  CONTACT_REVEALED: { 'zh-CN': '查看联系人', en: 'Contact revealed' },
  PERSONAL_DATA_EXPORTED: { 'zh-CN': '导出个人信息', en: 'Personal data exported' },
  API_KEY_ISSUED: { 'zh-CN': '签发接口密钥', en: 'API key issued' },
  API_KEY_REVOKED: { 'zh-CN': '吊销接口密钥', en: 'API key revoked' },
  WEBHOOK_CREATED: { 'zh-CN': '新建推送订阅', en: 'Webhook created' },
  WEBHOOK_CHANGED: { 'zh-CN': '修改推送订阅', en: 'Webhook changed' },
  WEBHOOK_DELETED: { 'zh-CN': '删除推送订阅', en: 'Webhook deleted' },
  WEBHOOK_REPLAYED: { 'zh-CN': '重新推送', en: 'Delivery replayed' },
  SETTINGS_CHANGED: { 'zh-CN': '修改设置', en: 'Settings changed' },
  TEAM_CHANGED: { 'zh-CN': '修改运营专班', en: 'Team changed' },
  ROTA_CHANGED: { 'zh-CN': '修改排班', en: 'Rota changed' },
  API_WRITE: { 'zh-CN': '接口写入', en: 'Write through an API key' },
};

/** What an API key may do. Keys also carry a region: they read and write only inside it. */
export const API_PERMISSIONS = ['READ_DIRECTORY', 'READ_LISTS', 'WRITE_DEMANDS', 'MANAGE_WEBHOOKS'] as const;
export type ApiPermission = (typeof API_PERMISSIONS)[number];

export const API_PERMISSION_LABELS: Labels<ApiPermission> = {
  READ_DIRECTORY: { 'zh-CN': '读取服务目录', en: 'Read the directory' },
  READ_LISTS: { 'zh-CN': '读取清单（需求、项目、订单）', en: 'Read lists (demands, projects, orders)' },
  WRITE_DEMANDS: { 'zh-CN': '写入需求', en: 'Write demands' },
  MANAGE_WEBHOOKS: { 'zh-CN': '管理推送订阅', en: 'Manage webhooks' },
};

/** Events a webhook subscription can receive. TEST is sent by the "send a test event" button. */
export const WEBHOOK_EVENT_TYPES = [
  'DELIVERY_ORDER_STATUS_CHANGED',
  'DEMAND_CREATED',
  'DEMAND_SECONDED',
  'PROJECT_MOVED',
  'MEETING_RECORDED',
  'CENTER_SATISFACTION_UPDATED',
  'CENTER_CHANGED',
  'TEST',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Labels<WebhookEventType> = {
  DELIVERY_ORDER_STATUS_CHANGED: { 'zh-CN': '配送订单状态变更', en: 'Delivery order status changed' },
  DEMAND_CREATED: { 'zh-CN': '新需求', en: 'Demand created' },
  DEMAND_SECONDED: { 'zh-CN': '需求被附议', en: 'Demand seconded' },
  PROJECT_MOVED: { 'zh-CN': '项目状态变更', en: 'Project moved' },
  MEETING_RECORDED: { 'zh-CN': '会议已记录', en: 'Meeting recorded' },
  CENTER_SATISFACTION_UPDATED: { 'zh-CN': '中心满意度（每日）', en: 'Center satisfaction (daily)' },
  CENTER_CHANGED: { 'zh-CN': '中心信息变更', en: 'Center changed' },
  TEST: { 'zh-CN': '测试事件', en: 'Test event' },
};

/** The permission a key-owned subscription needs for an event type. */
export const WEBHOOK_EVENT_PERMISSION: Record<WebhookEventType, ApiPermission> = {
  DELIVERY_ORDER_STATUS_CHANGED: 'READ_LISTS',
  DEMAND_CREATED: 'READ_LISTS',
  DEMAND_SECONDED: 'READ_LISTS',
  PROJECT_MOVED: 'READ_LISTS',
  MEETING_RECORDED: 'READ_LISTS',
  CENTER_SATISFACTION_UPDATED: 'READ_DIRECTORY',
  CENTER_CHANGED: 'READ_DIRECTORY',
  TEST: 'MANAGE_WEBHOOKS',
};

export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WEBHOOK_DELIVERY_STATUS_LABELS: Labels<WebhookDeliveryStatus> = {
  PENDING: { 'zh-CN': '待推送', en: 'Pending' },
  DELIVERED: { 'zh-CN': '已送达', en: 'Delivered' },
  FAILED: { 'zh-CN': '已放弃', en: 'Gave up' },
};

/** Retries: exponential backoff from `baseMs`, doubling, capped at `capMs`, for `windowMs` after the
 * event; returns null once the window is over (the delivery gives up). */
export function nextRetryDelay(
  attempts: number,
  ageMs: number,
  opts: { baseMs: number; capMs: number; windowMs: number },
): number | null {
  const delay = Math.min(opts.capMs, opts.baseMs * 2 ** Math.max(0, attempts - 1));
  return ageMs + delay > opts.windowMs ? null : delay;
}
