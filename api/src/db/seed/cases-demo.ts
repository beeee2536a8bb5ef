// Demo cases (诉求) and their notifications: about forty problems at the demo hubs of 桃浦镇 and
// 长征镇 in every state of the table — some overdue, one handed to the secretary (兜底), some at
// 联勤联动 and one at the 城运中心, resolved ones waiting for the reporter, closed ones with ratings
// over the last two months (for the figures), a duplicate pair, a public case and one from Open311 —
// plus a second worker of 桃浦东片区 to assign to. Times are relative to the moment of seeding (the
// board needs deadlines around "now"); the choices are deterministic (seeded PRNG). Notifications go
// through the outbox like every other change: the sender worker delivers them when the API runs.
import type { EntityManager } from 'typeorm';
import {
  CASE_FOLLOW_UP_DAYS,
  addWorkingHours,
  levelHours,
  type CaseLevel,
  type CaseStatus,
  type NotificationTemplate,
} from '@lc/domain';
import { calendarOf, categoriesOf } from '../../modules/cases/case-settings';
import { caseNotice } from '../../modules/cases/case.service';
import { notifyMany, type NotifyInput } from '../../modules/notifications/notification-outbox';
import { Rng } from './data/prng';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const TEXTS: Record<string, string[]> = {
  ENVIRONMENT: [
    '楼道堆放杂物，影响通行',
    '垃圾厢房异味大，清运不及时',
    '绿化带内有暴露垃圾和建筑垃圾',
    '小区门口污水外溢',
  ],
  FACILITY_REPAIR: [
    '3号楼电梯故障停运，老人下不了楼',
    '单元门门禁损坏，陌生人随意进出',
    '路灯不亮，夜间出行不便',
    '雨水井盖缺失，存在安全隐患',
  ],
  NEIGHBOR_DISPUTE: ['楼上漏水渗到我家天花板，协商未果', '邻居装修噪音扰民，晚上十点还在施工'],
  SAFETY_HAZARD: ['电动自行车在楼道内充电', '消防通道被私家车长期堵塞', '有居民飞线充电，存在火灾隐患'],
  ELDERLY_SERVICE: ['独居老人多日未出门，请社区上门看看', '希望助餐点增加送餐上门服务'],
  POLICY_CONSULTATION: ['咨询老旧小区加装电梯补贴政策', '咨询居住证办理流程和所需材料'],
  OTHER: ['小区内流浪猫较多，夜间叫声扰民', '共享单车乱停放堵塞人行道'],
};
const ADDRESSES = ['1号楼东侧', '3号楼2单元', '5号楼楼道', '小区北门', '垃圾厢房旁', '12号楼前'];
const RESOLUTIONS = [
  '已协调物业清理完毕',
  '已联系维保单位修复',
  '已上门调解，双方达成一致',
  '民警已劝离并加装隔离桩',
  '已安排社工上门走访',
];

/** What each demo case is: its status, level, whether it ran past its deadline, its age in days. */
interface Plan {
  status: CaseStatus;
  level: CaseLevel;
  overdue?: boolean;
  fallback?: boolean;
  ageDays: number;
  rating?: number;
}

const PLANS: Plan[] = [
  { status: 'REPORTED', level: 'COMMUNITY', ageDays: 0.05 },
  { status: 'REPORTED', level: 'COMMUNITY', ageDays: 0.2 },
  { status: 'REPORTED', level: 'COMMUNITY', ageDays: 3, overdue: true },
  { status: 'REPORTED', level: 'JOINT_ENFORCEMENT', ageDays: 0.1 },
  { status: 'ACCEPTED', level: 'COMMUNITY', ageDays: 0.5 },
  { status: 'ACCEPTED', level: 'COMMUNITY', ageDays: 1 },
  { status: 'ASSIGNED', level: 'COMMUNITY', ageDays: 1.5 },
  { status: 'ASSIGNED', level: 'COMMUNITY', ageDays: 2 },
  { status: 'ASSIGNED', level: 'COMMUNITY', ageDays: 9, overdue: true, fallback: true },
  { status: 'IN_PROGRESS', level: 'COMMUNITY', ageDays: 2 },
  { status: 'IN_PROGRESS', level: 'COMMUNITY', ageDays: 4 },
  { status: 'IN_PROGRESS', level: 'COMMUNITY', ageDays: 12, overdue: true },
  { status: 'ESCALATED', level: 'JOINT_ENFORCEMENT', ageDays: 3 },
  { status: 'ESCALATED', level: 'JOINT_ENFORCEMENT', ageDays: 6 },
  { status: 'ESCALATED', level: 'JOINT_ENFORCEMENT', ageDays: 14, overdue: true },
  { status: 'ESCALATED', level: 'STREET_OPERATIONS_CENTER', ageDays: 10 },
  { status: 'REOPENED', level: 'COMMUNITY', ageDays: 8 },
  { status: 'RESOLVED', level: 'COMMUNITY', ageDays: 4 },
  { status: 'RESOLVED', level: 'COMMUNITY', ageDays: 2 },
  { status: 'RESOLVED', level: 'JOINT_ENFORCEMENT', ageDays: 5 },
  { status: 'REJECTED', level: 'COMMUNITY', ageDays: 6 },
  { status: 'REJECTED', level: 'COMMUNITY', ageDays: 20 },
  ...[5, 4, 5, 3, 4, 5, 2, 5, 4, 4, 5, 3, 5, 4].map((rating, i): Plan => ({
    status: 'CLOSED',
    level: i % 4 === 3 ? 'JOINT_ENFORCEMENT' : i === 9 ? 'STREET_OPERATIONS_CENTER' : 'COMMUNITY',
    ageDays: 8 + i * 4,
    rating,
  })),
];

/** The notice a reporter got for a step. */
const NOTICE_OF: Record<string, NotificationTemplate> = {
  ACCEPT: 'case.accepted',
  ASSIGN: 'case.assigned',
  START: 'case.started',
  ESCALATE: 'case.escalated',
  RESOLVE: 'case.resolved',
  REJECT: 'case.rejected',
  AUTO_CLOSE: 'case.closed',
};

type Step = {
  kind: string;
  from: CaseStatus | null;
  to: CaseStatus;
  fromLevel?: CaseLevel | null;
  toLevel: CaseLevel;
  actorKind: 'STAFF' | 'REPORTER' | 'SYSTEM' | 'INTEGRATOR';
  actorId: number | null;
  actorName: string | null;
  assigneeId?: number | null;
  jointForce?: string | null;
  note?: string | null;
  rating?: number | null;
  at: Date;
};

export async function writeCasesDemo(em: EntityManager): Promise<void> {
  const centers: { id: number; name: string; street_id: number; district_id: number }[] = await em.query(
    `SELECT c.id, c.name, c.street_id, c.district_id FROM center c JOIN region s ON s.id = c.street_id
     WHERE c.name = '桃浦东片区' OR (s.name = '长征镇' AND c.kind = 'HUB') ORDER BY (c.name = '桃浦东片区') DESC, c.id LIMIT 3`,
  );
  const staff: {
    id: number;
    username: string;
    display_name: string;
    role: string;
    center_id: number | null;
    scope_region_id: number | null;
    password_hash: string;
  }[] =
    await em.query(`SELECT id, username, display_name, role, center_id, scope_region_id, password_hash FROM app_user
                    WHERE username IN ('taopudong_staff', 'taopu_admin', 'changzheng_admin')`);
  const taopudong = centers.find((c) => c.name === '桃浦东片区');
  const staffOf = (u: string) => staff.find((s) => s.username === u);
  if (!taopudong || !staffOf('taopudong_staff') || !staffOf('taopu_admin')) return; // not the Putuo demo
  // a second worker of 桃浦东片区, so cases can be assigned to someone
  const [worker] = await em.query(
    `INSERT INTO app_user (username, display_name, role, password_hash, center_id, is_demo)
     VALUES ('taopudong_worker', '李社工', 'CENTER_STAFF', $1, $2, true) RETURNING id, display_name`,
    [staffOf('taopudong_staff')!.password_hash, taopudong.id],
  );
  const residents: { id: number }[] = await em.query(
    `SELECT id FROM app_user WHERE role = 'RESIDENT' AND is_demo ORDER BY id LIMIT 20`,
  );
  if (!residents.length) return;
  const rng = new Rng('cases-demo');
  const now = Date.now();
  const categories = await categoriesOf(em, taopudong.district_id);
  const calendar = await calendarOf(em, taopudong.district_id);

  const cases: Record<string, unknown>[] = [];
  const steps: Step[][] = [];
  const notices: NotifyInput[] = [];
  const [{ firstId }] = await em.query(`SELECT nextval('resident_case_id_seq') AS "firstId"`);
  let nextId = Number(firstId);
  for (const [i, plan] of PLANS.entries()) {
    // a quarter at the 长征镇 hubs (overdue ones included), the rest at 桃浦东片区
    const center = i % 4 === 3 && centers.length > 1 ? centers[1 + (i % (centers.length - 1))] : taopudong;
    const atTaopu = center.id === taopudong.id;
    const admin = atTaopu
      ? staffOf('taopu_admin')!
      : (staffOf('changzheng_admin') ?? staffOf('taopu_admin')!);
    const first = atTaopu ? staffOf('taopudong_staff')! : admin;
    const assignee = atTaopu
      ? { id: worker.id as number, display_name: worker.display_name as string }
      : admin;
    const [community] = await em.query(
      `SELECT r.id, r.lat, r.lng FROM center_community cc JOIN region r ON r.id = cc.community_id
       WHERE cc.center_id = $1 AND r.lat IS NOT NULL ORDER BY r.id OFFSET $2 LIMIT 1`,
      [center.id, i % 4],
    );
    if (!community) continue;
    const category =
      plan.level === 'JOINT_ENFORCEMENT' && i % 2 === 0
        ? categories.find((c) => c.code === 'SAFETY_HAZARD')!
        : rng.pick(categories.filter((c) => c.code !== 'SAFETY_HAZARD'));
    const reporter = i % 7 === 6 ? null : residents[i % residents.length];
    const reportedAt = new Date(now - plan.ageDays * DAY);
    const id = nextId++;
    const t = (share: number) => new Date(reportedAt.getTime() + (now - reportedAt.getTime()) * share);
    const timeline: Step[] = [];
    const step = (s: Omit<Step, 'toLevel'> & { toLevel?: CaseLevel }) =>
      timeline.push({ toLevel: plan.level, fromLevel: timeline.at(-1)?.toLevel ?? null, ...s });
    const staffStep = (who: { id: number; display_name: string }) => ({
      actorKind: 'STAFF' as const,
      actorId: who.id,
      actorName: who.display_name,
    });
    step({
      kind: 'REPORT',
      from: null,
      to: 'REPORTED',
      toLevel:
        plan.level === 'STREET_OPERATIONS_CENTER'
          ? 'COMMUNITY'
          : plan.status === 'REPORTED'
            ? plan.level
            : 'COMMUNITY',
      ...(reporter ? { actorKind: 'REPORTER', actorId: reporter.id, actorName: null } : staffStep(first)),
      at: reportedAt,
    });
    const reached = (s: CaseStatus) =>
      plan.status !== 'REPORTED' && !(plan.status === 'REJECTED' && s !== 'REJECTED');
    let accepted: Date | null = null;
    let resolvedAt: Date | null = null;
    let closedAt: Date | null = null;
    let levelStarted = reportedAt;
    let owner: { id: number } = first;
    let responsibility = 'FIRST_CONTACT';
    if (plan.status === 'REJECTED') {
      closedAt = t(0.2);
      step({
        kind: 'REJECT',
        from: 'REPORTED',
        to: 'REJECTED',
        ...staffStep(first),
        note: '属于物业合同纠纷，请通过法律途径解决',
        at: closedAt,
      });
    } else if (reached('ACCEPTED')) {
      accepted = t(0.1);
      levelStarted = accepted;
      step({
        kind: 'ACCEPT',
        from: 'REPORTED',
        to: 'ACCEPTED',
        toLevel: 'COMMUNITY',
        ...staffStep(first),
        at: accepted,
      });
      if (plan.status !== 'ACCEPTED') {
        step({
          kind: 'ASSIGN',
          from: 'ACCEPTED',
          to: 'ASSIGNED',
          toLevel: 'COMMUNITY',
          ...staffStep(first),
          assigneeId: assignee.id,
          at: t(0.2),
        });
        owner = assignee;
        responsibility = 'ASSIGNED';
      }
      if (!['ACCEPTED', 'ASSIGNED'].includes(plan.status)) {
        step({
          kind: 'START',
          from: 'ASSIGNED',
          to: 'IN_PROGRESS',
          toLevel: 'COMMUNITY',
          ...staffStep(assignee),
          at: t(0.3),
        });
      }
      if (plan.level !== 'COMMUNITY' && plan.status !== 'ACCEPTED') {
        levelStarted = t(0.4);
        step({
          kind: 'ESCALATE',
          from: 'IN_PROGRESS',
          to: 'ESCALATED',
          fromLevel: 'COMMUNITY',
          toLevel: 'JOINT_ENFORCEMENT',
          ...staffStep(assignee),
          jointForce: category.code === 'SAFETY_HAZARD' ? 'POLICE' : 'CITY_MANAGEMENT',
          note: '需执法力量介入',
          at: levelStarted,
        });
        if (plan.level === 'STREET_OPERATIONS_CENTER') {
          levelStarted = t(0.55);
          step({
            kind: 'ESCALATE',
            from: 'ESCALATED',
            to: 'ESCALATED',
            fromLevel: 'JOINT_ENFORCEMENT',
            toLevel: 'STREET_OPERATIONS_CENTER',
            ...staffStep(assignee),
            note: '涉及多部门，提交城运中心会商',
            at: levelStarted,
          });
          owner = admin;
        }
      }
      if (['RESOLVED', 'CLOSED', 'REOPENED'].includes(plan.status)) {
        resolvedAt = t(plan.status === 'REOPENED' ? 0.5 : 0.7);
        step({
          kind: 'RESOLVE',
          from: plan.level === 'COMMUNITY' ? 'IN_PROGRESS' : 'ESCALATED',
          to: 'RESOLVED',
          ...staffStep(assignee),
          note: rng.pick(RESOLUTIONS),
          at: resolvedAt,
        });
      }
      if (plan.status === 'REOPENED') {
        levelStarted = t(0.8);
        step({
          kind: 'NOT_FIXED',
          from: 'RESOLVED',
          to: 'REOPENED',
          actorKind: 'REPORTER',
          actorId: reporter?.id ?? null,
          actorName: null,
          rating: 2,
          note: '问题又出现了',
          at: levelStarted,
        });
        resolvedAt = null;
      }
      if (plan.status === 'CLOSED') {
        closedAt = t(0.85);
        if (reporter)
          step({
            kind: 'CONFIRM_FIXED',
            from: 'RESOLVED',
            to: 'CLOSED',
            actorKind: 'REPORTER',
            actorId: reporter.id,
            actorName: null,
            rating: plan.rating,
            at: closedAt,
          });
        else
          step({
            kind: 'AUTO_CLOSE',
            from: 'RESOLVED',
            to: 'CLOSED',
            actorKind: 'SYSTEM',
            actorId: null,
            actorName: null,
            note: '3天内未确认，自动办结',
            at: closedAt,
          });
      }
    }
    const clock = ['REPORTED', 'ACCEPTED', 'ASSIGNED', 'IN_PROGRESS', 'ESCALATED', 'REOPENED'].includes(
      plan.status,
    );
    let deadline: Date | null = null;
    if (clock) {
      deadline =
        plan.status === 'REPORTED'
          ? addWorkingHours(reportedAt, category.acceptHours, calendar)
          : addWorkingHours(levelStarted, levelHours(category, plan.level), calendar);
      if (plan.overdue && deadline.getTime() > now) deadline = new Date(now - (2 + (i % 5)) * HOUR);
      if (!plan.overdue && deadline.getTime() <= now) deadline = new Date(now + (4 + (i % 9)) * HOUR);
    }
    const overdueAt = plan.overdue && deadline ? new Date(deadline.getTime() + 60_000) : null;
    if (overdueAt) {
      step({
        kind: 'OVERDUE',
        from: plan.status,
        to: plan.status,
        actorKind: 'SYSTEM',
        actorId: null,
        actorName: null,
        at: overdueAt,
      });
      if (plan.fallback) {
        owner = admin;
        responsibility = 'FALLBACK';
        step({
          kind: 'FALLBACK',
          from: plan.status,
          to: 'ASSIGNED',
          actorKind: 'SYSTEM',
          actorId: null,
          actorName: null,
          assigneeId: admin.id,
          note: '超时未办结，转书记兜底',
          at: overdueAt,
        });
      }
    }
    const lastRating = timeline.findLast((s) => s.rating != null);
    cases.push({
      id,
      district_id: center.district_id,
      street_id: center.street_id,
      community_id: community.id,
      center_id: center.id,
      category: category.code,
      description: rng.pick(TEXTS[category.code] ?? TEXTS.OTHER),
      address: rng.pick(ADDRESSES),
      lat: community.lat + rng.range(-0.0015, 0.0015),
      lng: community.lng + rng.range(-0.0015, 0.0015),
      source: reporter ? 'RESIDENT_APP' : rng.pick(['PATROL', 'VISIT', 'HOTLINE', 'WALK_IN']),
      status: plan.status,
      level: plan.level,
      responsibility,
      joint_force: timeline.find((s) => s.jointForce)?.jointForce ?? null,
      reporter_id: reporter?.id ?? null,
      entered_by: reporter ? null : first.id,
      first_contact_id: first.id,
      owner_id: owner.id,
      is_public: i === 13,
      reported_at: reportedAt.toISOString(),
      accepted_at: accepted?.toISOString() ?? null,
      level_started_at: levelStarted.toISOString(),
      deadline_at: deadline?.toISOString() ?? null,
      overdue_at: overdueAt?.toISOString() ?? null,
      resolved_at:
        (plan.status === 'CLOSED' || plan.status === 'RESOLVED' ? resolvedAt : null)?.toISOString() ?? null,
      resolved_level: plan.status === 'CLOSED' || plan.status === 'RESOLVED' ? plan.level : null,
      resolution: resolvedAt ? (timeline.find((s) => s.kind === 'RESOLVE')?.note ?? null) : null,
      reject_reason: plan.status === 'REJECTED' ? timeline.at(-1)!.note : null,
      closed_at: closedAt?.toISOString() ?? null,
      follow_up_due_at:
        plan.status === 'RESOLVED' && resolvedAt
          ? new Date(resolvedAt.getTime() + CASE_FOLLOW_UP_DAYS * DAY).toISOString()
          : null,
      follow_up_fixed: lastRating ? lastRating.kind === 'CONFIRM_FIXED' : null,
      follow_up_rating: lastRating?.rating ?? null,
      followed_up_at: lastRating?.at.toISOString() ?? null,
      version: timeline.length,
      updated_at: timeline.at(-1)!.at.toISOString(),
    });
    steps.push(timeline);
    // the reporter's latest news about their case, through the outbox
    const last = timeline.filter((s) => s.actorKind !== 'REPORTER').at(-1);
    const template = last ? NOTICE_OF[last.kind] : undefined;
    if (reporter && last && template)
      notices.push(
        caseNotice({ id, description: cases.at(-1)!.description as string }, template, [reporter.id], {
          level: { label: 'caseLevel', code: last.toLevel },
          note: last.note ?? '',
          reason: last.note ?? '',
        }),
      );
  }
  // the Open311 case (an integrator's hotline) and a duplicate pair of the lift that broke down
  const open311 = cases[1];
  Object.assign(open311, {
    source: 'OPEN311',
    reporter_id: null,
    integrator: 'city-hotline',
    contact_masked: '李* 139****1111',
  });
  const dup: Record<string, unknown> = {
    ...cases[0],
    id: nextId++,
    description: '3号楼电梯又坏了，老人下不了楼',
    category: 'FACILITY_REPAIR',
    reporter_id: residents[1 % residents.length].id,
    lat: (cases[0].lat as number) + 0.0003,
  };
  Object.assign(cases[0], { category: 'FACILITY_REPAIR', description: '3号楼电梯故障停运，老人下不了楼' });
  cases.push(dup);
  steps.push([
    {
      ...steps[0][0],
      actorId: dup.reporter_id as number,
      at: new Date(Date.parse(dup.reported_at as string)),
    },
  ]);

  await em.query(
    `INSERT INTO resident_case SELECT * FROM json_populate_recordset(NULL::resident_case, $1::json)`,
    [JSON.stringify(cases.map((c) => ({ integrator: null, contact_masked: null, ...c })))],
  );
  await em.query(`SELECT setval('resident_case_id_seq', $1)`, [nextId - 1]);
  const events = cases.flatMap((c, i) =>
    steps[i].map((s) => ({
      case_id: c.id,
      kind: s.kind,
      from_status: s.from,
      to_status: s.to,
      from_level: s.fromLevel ?? null,
      to_level: s.toLevel,
      actor_kind: s.actorKind,
      actor_id: s.actorId,
      actor_name: s.actorName,
      assignee_id: s.assigneeId ?? null,
      joint_force: s.jointForce ?? null,
      note: s.note ?? null,
      rating: s.rating ?? null,
      at: s.at.toISOString(),
    })),
  );
  await em.query(
    `INSERT INTO case_event (case_id, kind, from_status, to_status, from_level, to_level, actor_kind, actor_id,
                             actor_name, assignee_id, joint_force, note, rating, at)
     SELECT case_id, kind, from_status, to_status, from_level, to_level, actor_kind, actor_id, actor_name,
            assignee_id, joint_force, note, rating, at
     FROM json_populate_recordset(NULL::case_event, $1::json) ORDER BY at, case_id`,
    [JSON.stringify(events)],
  );
  await em.query(
    `INSERT INTO case_watcher (case_id, user_id)
     SELECT id, reporter_id FROM resident_case WHERE reporter_id IS NOT NULL AND id = ANY($1::int[])`,
    [cases.map((c) => c.id)],
  );
  await notifyMany(em, notices);
}
