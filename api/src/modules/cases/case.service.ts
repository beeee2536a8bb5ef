// 诉求: residents' problems. Reported by residents (web-resident 我要反映), entered by staff (patrol,
// visit, hotline, walk-in) or sent by integrators (Open311, open311.router.ts); moved along
// CASE_TRANSITIONS (judged in case-transition.ts) with a timeline of every step; deadlines in the
// district's working time (case-settings.ts); the workers mark overdue cases, hand community cases
// not resolved in time to the secretary and close unanswered follow-ups (case-workers.ts).
import type { FileUpload } from 'graphql-upload-minimal';
import type { EntityManager } from 'typeorm';
import {
  CASE_ADDRESS_MAX_LENGTH,
  CASE_DESCRIPTION_MAX_LENGTH,
  CASE_FOLLOW_UP_DAYS,
  CASE_PHOTOS_MAX,
  STAFF_CASE_SOURCES,
  shanghaiDateTime,
  type CaseActor,
  type CaseLevel,
  type CaseSource,
  type CaseStatus,
  type NotificationParams,
  type NotificationTemplate,
} from '@lc/domain';
import { encryptPersonal } from '../../auth/phone-crypto';
import { canActOnCase, canSeeCase, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { AppError, FieldErrors, cleanText, forbidden, notFound } from '../../common/app-error';
import { pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import { hydrate } from '../../common/hydrate';
import type { CheckedUpload } from '../../common/upload';
import type { Context } from '../../context';
import { notifyMany, type NotifyInput } from '../notifications/notification-outbox';
import { receiveCasePhotos, storeCasePhotos } from './case-photos';
import { firstContactFor, secretaryFor, streetOperatorFor } from './case-responsibility';
import { acceptDeadline, calendarOf, categoryOf, levelDeadline } from './case-settings';
import { allowedCaseActions, judgeCaseMove } from './case-transition';
import { Case, type CaseCategory } from './case.entity';
import type { MoveCaseInput, ReportCaseInput } from './dto/case.inputs';
import type { CaseAssignee } from './dto/case.outputs';

const DAY_MS = 24 * 3600_000;
const CONTACT_MAX_LENGTH = 100;
const IDEMPOTENCY_KEY_MAX_LENGTH = 100;
/** A GPS point further than this from every community is not in our area. */
const LOCATE_MAX_METERS = 5000;

type Executor = Pick<EntityManager, 'query' | 'getRepository'>;

export const caseRow = (em: Pick<EntityManager, 'getRepository'>, row: Record<string, unknown>): Case =>
  hydrate(em.getRepository(Case), row);

/** The case as the subject of a notification: its first words. */
export function caseSubject(c: Pick<Case, 'description'>): string {
  const s = c.description.replace(/\s+/g, ' ').trim();
  return s.length > 20 ? `${s.slice(0, 20)}…` : s;
}

/** What the viewer is for a case: its reporter, staff who may act on it, or nothing. */
export function caseActorFor(viewer: Viewer | null, c: Case): CaseActor | null {
  if (!viewer) return null;
  if (viewer.role === 'RESIDENT') return c.reporterId === viewer.userId ? 'REPORTER' : null;
  return canActOnCase(viewer, c) ? 'STAFF' : null;
}

export function viewerCaseActions(viewer: Viewer | null, c: Case) {
  return allowedCaseActions(c, caseActorFor(viewer, c));
}

/** A case the viewer may see, or NOT_FOUND (the same answer as for a missing one). */
export async function visibleCase(ctx: Context, id: string | number): Promise<Case> {
  const viewer = requireViewer(ctx.viewer);
  const cid = parseId(id);
  const c = cid === null ? null : await ctx.loaders.cases.caseById.load(cid);
  const follows =
    !!c &&
    viewer.role === 'RESIDENT' &&
    (await ctx.loaders.cases.watcherIdsByCase.load(c.id)).includes(viewer.userId);
  if (!c || !canSeeCase(viewer, c, follows)) throw notFound('case');
  return c;
}

export interface CaseEventInput {
  kind: string;
  from?: CaseStatus | null;
  to?: CaseStatus | null;
  fromLevel?: CaseLevel | null;
  toLevel?: CaseLevel | null;
  actorKind: 'STAFF' | 'REPORTER' | 'SYSTEM' | 'INTEGRATOR';
  actor?: { userId: number; displayName: string } | null;
  actorName?: string | null;
  assigneeId?: number | null;
  jointForce?: string | null;
  note?: string | null;
  rating?: number | null;
  deadlineAt?: Date | null;
}

export async function addCaseEvent(
  em: Pick<EntityManager, 'query'>,
  caseId: number,
  e: CaseEventInput,
): Promise<void> {
  await em.query(
    `INSERT INTO case_event (case_id, kind, from_status, to_status, from_level, to_level, actor_kind, actor_id,
                             actor_name, assignee_id, joint_force, note, rating, deadline_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      caseId,
      e.kind,
      e.from ?? null,
      e.to ?? null,
      e.fromLevel ?? null,
      e.toLevel ?? null,
      e.actorKind,
      e.actor?.userId ?? null,
      e.actor?.displayName ?? e.actorName ?? null,
      e.assigneeId ?? null,
      e.jointForce ?? null,
      e.note ?? null,
      e.rating ?? null,
      e.deadlineAt ?? null,
    ],
  );
}

/** The residents who follow a case (its reporter, reporters of duplicates merged into it). */
export async function watchersOf(em: Pick<EntityManager, 'query'>, caseId: number): Promise<number[]> {
  const rows: { user_id: number }[] = await em.query(`SELECT user_id FROM case_watcher WHERE case_id = $1`, [
    caseId,
  ]);
  return rows.map((r) => r.user_id);
}

const STAFF_TEMPLATES: readonly NotificationTemplate[] = [
  'case.new',
  'case.assignedToYou',
  'case.handedOver',
  'case.overdue',
  'case.notFixed',
];

/** A notification about a case: to its followers (CASE_UPDATE) or to staff (CASE_TASK). */
export function caseNotice(
  c: Pick<Case, 'id' | 'description'>,
  template: NotificationTemplate,
  to: readonly (number | null)[],
  params: NotificationParams = {},
  except: number | null = null,
): NotifyInput {
  return {
    kind: STAFF_TEMPLATES.includes(template) ? 'CASE_TASK' : 'CASE_UPDATE',
    template,
    params: { subject: caseSubject(c), caseNo: c.id, ...params },
    subject: { type: 'CASE', id: c.id },
    to: { userIds: to },
    except,
  };
}

const level = (code: CaseLevel) => ({ label: 'caseLevel' as const, code });
const categoryName = (c: CaseCategory) => ({ zh: c.name, en: c.nameEn });

export interface CasePlace {
  communityId: number | null;
  streetId: number;
  districtId: number;
  centerId: number | null;
  lat: number | null;
  lng: number | null;
}

/** The community nearest to a point (within LOCATE_MAX_METERS), with its street and district. */
export async function communityNear(
  db: Pick<EntityManager, 'query'>,
  lat: number,
  lng: number,
  districtId: number | null = null,
): Promise<{ id: number; street_id: number; district_id: number; lat: number; lng: number } | null> {
  const [nearest] = await db.query(
    `SELECT id, street_id, district_id, lat, lng, lc_distance_m($1, $2, lat, lng) AS d
     FROM region WHERE level = 'COMMUNITY' AND lat IS NOT NULL AND ($3::int IS NULL OR district_id = $3)
     ORDER BY (lat - $1) ^ 2 + ((lng - $2) * cos(radians($1))) ^ 2 LIMIT 1`,
    [lat, lng, districtId],
  );
  return nearest && nearest.d <= LOCATE_MAX_METERS ? nearest : null;
}

/** The center covering a community (the nearest of those that cover it). */
export async function centerOfCommunity(
  db: Pick<EntityManager, 'query'>,
  communityId: number,
): Promise<number | null> {
  const [center] = await db.query(
    `SELECT c.id FROM center_community cc JOIN center c ON c.id = cc.center_id JOIN region r ON r.id = cc.community_id
     WHERE cc.community_id = $1
     ORDER BY (c.lat - r.lat) ^ 2 + ((c.lng - r.lng) * cos(radians(r.lat))) ^ 2 NULLS LAST, c.id LIMIT 1`,
    [communityId],
  );
  return center?.id ?? null;
}

/** Where a report is: the community (given, or nearest to the GPS point) with its street, district
 * and point, and the center that covers it. */
async function locate(ctx: Context, input: ReportCaseInput): Promise<CasePlace> {
  const e = new FieldErrors();
  let community: {
    id: number;
    street_id: number;
    district_id: number;
    lat: number | null;
    lng: number | null;
  };
  if (input.communityId != null) {
    const id = parseId(input.communityId);
    const region = id === null ? null : await ctx.loaders.places.regionById.load(id);
    if (!region || region.level !== 'COMMUNITY' || region.streetId === null || region.districtId === null)
      e.add('input.communityId', '未知的居村委 / unknown community').throwIfAny();
    community = {
      id: region!.id,
      street_id: region!.streetId!,
      district_id: region!.districtId!,
      lat: region!.lat,
      lng: region!.lng,
    };
  } else if (input.point) {
    const near = await communityNear(ctx.db, input.point.lat, input.point.lng);
    if (!near)
      e.add(
        'input.point',
        '该位置不在服务范围内，请选择居村委 / not in our area: choose the community',
      ).throwIfAny();
    community = near!;
  } else {
    e.add('input.communityId', '请定位或选择所在居村委 / locate it or choose the community').throwIfAny();
    throw new Error('unreachable');
  }
  return {
    communityId: community.id,
    streetId: community.street_id,
    districtId: community.district_id,
    lat: input.point?.lat ?? community.lat,
    lng: input.point?.lng ?? community.lng,
    centerId: await centerOfCommunity(ctx.db, community.id),
  };
}

export interface NewCase {
  place: CasePlace;
  category: CaseCategory;
  description: string;
  address: string | null;
  source: CaseSource;
  reporterId: number | null;
  enteredBy: number | null;
  contact: string | null;
  integrator: string | null;
  idempotencyKey: string | null;
  photos: readonly CheckedUpload[];
  actorKind: 'STAFF' | 'REPORTER' | 'INTEGRATOR';
  actorName: string | null;
}

/** Stores a new case with its first event, its reporter as follower, its photos, and tells the
 * first contact (首问). The same idempotency key again answers the case made the first time. */
export async function createCase(
  em: Executor & Pick<EntityManager, 'transaction'>,
  n: NewCase,
): Promise<Case> {
  const calendar = await calendarOf(em, n.place.districtId);
  const now = new Date();
  const deadline = acceptDeadline(n.category, now, calendar);
  const firstContact = await firstContactFor(em, {
    enteredBy: n.enteredBy,
    centerId: n.place.centerId,
    streetId: n.place.streetId,
  });
  return em.transaction(async (tx) => {
    const [row] = await tx.query(
      `INSERT INTO resident_case (district_id, street_id, community_id, center_id, category, description, address,
         lat, lng, source, status, level, responsibility, reporter_id, entered_by, first_contact_id, owner_id,
         integrator, contact_enc, contact_masked, idempotency_key, reported_at, level_started_at, deadline_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'REPORTED', $11, 'FIRST_CONTACT', $12, $13, $14, $14,
               $15, $16, $17, $18, $19, $19, $20)
       ON CONFLICT (coalesce(reporter_id, 0), coalesce(integrator, ''), idempotency_key)
         WHERE idempotency_key IS NOT NULL DO NOTHING
       RETURNING *`,
      [
        n.place.districtId,
        n.place.streetId,
        n.place.communityId,
        n.place.centerId,
        n.category.code,
        n.description,
        n.address,
        n.place.lat,
        n.place.lng,
        n.source,
        n.category.startLevel,
        n.reporterId,
        n.enteredBy,
        firstContact,
        n.integrator,
        n.contact ? encryptPersonal(n.contact) : null,
        n.contact ? maskContact(n.contact) : null,
        n.idempotencyKey,
        now,
        deadline,
      ],
    );
    if (!row) {
      const [same] = await tx.query(
        `SELECT * FROM resident_case WHERE coalesce(reporter_id, 0) = $1 AND coalesce(integrator, '') = $2
           AND idempotency_key = $3`,
        [n.reporterId ?? 0, n.integrator ?? '', n.idempotencyKey],
      );
      return caseRow(tx, same);
    }
    const c = caseRow(tx, row);
    await addCaseEvent(tx, c.id, {
      kind: 'REPORT',
      to: 'REPORTED',
      toLevel: c.level,
      actorKind: n.actorKind,
      actor:
        n.actorKind === 'INTEGRATOR'
          ? null
          : n.enteredBy
            ? { userId: n.enteredBy, displayName: n.actorName ?? '' }
            : null,
      actorName: n.actorName,
      note: null,
      deadlineAt: deadline,
    });
    if (n.reporterId !== null)
      await tx.query(`INSERT INTO case_watcher (case_id, user_id) VALUES ($1, $2)`, [c.id, n.reporterId]);
    await storeCasePhotos(tx, c.id, n.photos, n.reporterId ?? n.enteredBy);
    await notifyMany(tx, [
      caseNotice(
        c,
        'case.new',
        [firstContact],
        { category: categoryName(n.category), deadline: shanghaiDateTime(deadline) },
        n.enteredBy,
      ),
    ]);
    return c;
  });
}

/** 王先生 13812345678 → 王** 138****5678: names and numbers in a contact, masked. */
function maskContact(contact: string): string {
  return contact
    .replace(/1[3-9]\d{9}/g, (p) => `${p.slice(0, 3)}****${p.slice(7)}`)
    .replace(/[\u4e00-\u9fa5]{2,4}/g, (name) => `${name[0]}${'*'.repeat(name.length - 1)}`);
}

/** Staff who may hold a case: its center's staff (not at the street operations center) and the
 * street's admins. */
const ASSIGNABLE_SQL = `u.active AND (
    (u.role = 'CENTER_STAFF' AND u.center_id = $1 AND $3 <> 'STREET_OPERATIONS_CENTER')
    OR (u.role = 'STREET_ADMIN' AND u.scope_region_id = $2))`;

function conflictMoved(c: Case): AppError {
  return new AppError(
    'CONFLICT',
    '诉求已被他人处理，请刷新 / the case was changed by someone else; reload',
    undefined,
    { id: String(c.id) },
  );
}

export const caseService = {
  /** 我要反映 (residents) or a staff entry (patrol, visit, hotline, walk-in). */
  async report(
    ctx: Context,
    input: ReportCaseInput,
    uploads: readonly (Promise<FileUpload> | FileUpload)[] = [],
  ): Promise<Case> {
    const viewer = requireViewer(ctx.viewer);
    const isResident = viewer.role === 'RESIDENT';
    const isStaff =
      viewer.role === 'CENTER_STAFF' || viewer.role === 'STREET_ADMIN' || viewer.role === 'DISTRICT_ADMIN';
    if (!isResident && !isStaff)
      throw forbidden('只有居民和工作人员可以登记诉求 / residents and staff report cases');
    const e = new FieldErrors();
    const source: CaseSource = input.source ?? (isResident ? 'RESIDENT_APP' : 'PATROL');
    if (isResident)
      e.check(
        source === 'RESIDENT_APP',
        'input.source',
        '居民反映的来源为 RESIDENT_APP / residents report through the app',
      );
    else
      e.check(
        STAFF_CASE_SOURCES.includes(source),
        'input.source',
        '工作人员登记须注明来源：巡查、走访、热线或来访 / staff give PATROL, VISIT, HOTLINE or WALK_IN',
      );
    const description = cleanText(input.description) ?? '';
    e.check(description.length > 0, 'input.description', '请描述问题 / describe the problem');
    e.check(
      description.length <= CASE_DESCRIPTION_MAX_LENGTH,
      'input.description',
      `描述不能超过${CASE_DESCRIPTION_MAX_LENGTH}个字 / at most ${CASE_DESCRIPTION_MAX_LENGTH} characters`,
    );
    const address = cleanText(input.address);
    e.check(
      (address ?? '').length <= CASE_ADDRESS_MAX_LENGTH,
      'input.address',
      '地址过长 / address too long',
    );
    const contact = cleanText(input.contact);
    e.check(!contact || !isResident, 'input.contact', '居民无需填写联系人 / residents need no contact');
    e.check((contact ?? '').length <= CONTACT_MAX_LENGTH, 'input.contact', '联系人过长 / contact too long');
    const key = cleanText(input.idempotencyKey);
    e.check((key ?? '').length <= IDEMPOTENCY_KEY_MAX_LENGTH, 'input.idempotencyKey', '过长 / too long');
    e.check(
      uploads.length <= CASE_PHOTOS_MAX,
      'photos',
      `最多${CASE_PHOTOS_MAX}张照片 / at most ${CASE_PHOTOS_MAX} photos`,
    );
    e.throwIfAny();
    const photos = await receiveCasePhotos(uploads);
    const place = await locate(ctx, input);
    if (isStaff) {
      // staff of a center record what they find in their street for their own center
      if (viewer.role === 'CENTER_STAFF' && viewer.streetId === place.streetId)
        place.centerId = viewer.centerId;
      if (!canActOnCase(viewer, { ...place, level: 'COMMUNITY' }))
        throw forbidden('该位置不在您的辖区 / this place is outside your area');
    }
    const category = await categoryOf(ctx.db.manager, place.districtId, input.category);
    if (!category || !category.active)
      new FieldErrors().add('input.category', '未知的诉求分类 / unknown category').throwIfAny();
    return createCase(ctx.db.manager, {
      place,
      category: category!,
      description,
      address,
      source,
      reporterId: isResident ? viewer.userId : null,
      enteredBy: isStaff ? viewer.userId : null,
      contact,
      integrator: null,
      // a staff member's keys live beside residents' (reporter 0): keep them apart
      idempotencyKey: key === null ? null : isResident ? key : `staff:${viewer.userId}:${key}`,
      photos,
      actorKind: isResident ? 'REPORTER' : 'STAFF',
      actorName: viewer.displayName,
    });
  },

  /** The one place cases move: judged by judgeCaseMove, then applied only if nobody moved the case
   * meanwhile (else CONFLICT), with its timeline step and notifications in the same transaction. */
  async move(ctx: Context, id: string, input: MoveCaseInput): Promise<Case> {
    const viewer = requireViewer(ctx.viewer);
    const c = await visibleCase(ctx, id);
    const actor = caseActorFor(viewer, c);
    const verdict = judgeCaseMove(c, actor, input);
    if ('refusal' in verdict)
      throw new AppError(verdict.refusal.code, verdict.refusal.message, verdict.refusal.fields);
    if (input.version != null && input.version !== c.version) throw conflictMoved(c);
    const t = verdict.transition;
    const now = new Date();
    const sets: Record<string, unknown> = { status: t.to };
    const event: CaseEventInput = {
      kind: t.action,
      from: c.status,
      to: t.to,
      fromLevel: c.level,
      toLevel: c.level,
      actorKind: actor === 'REPORTER' ? 'REPORTER' : 'STAFF',
      actor: viewer,
    };
    const reason = cleanText(input.reason);
    const note = cleanText(input.note);
    const comment = cleanText(input.comment);
    const category =
      (await categoryOf(ctx.db.manager, c.districtId, c.categoryCode)) ??
      (await categoryOf(ctx.db.manager, c.districtId, 'OTHER'))!;
    const deadlineAt = async (lvl: CaseLevel) =>
      levelDeadline(category, lvl, now, await calendarOf(ctx.db.manager, c.districtId));
    /** notices to write once the case has moved (given the followers) */
    let notices: (watchers: number[]) => NotifyInput[] = () => [];
    let afterMove: ((em: EntityManager) => Promise<void>) | null = null;

    switch (t.action) {
      case 'ACCEPT': {
        const due = await deadlineAt(c.level);
        Object.assign(sets, {
          accepted_at: now,
          first_contact_id: c.firstContactId ?? viewer.userId,
          owner_id: viewer.userId,
          responsibility: 'FIRST_CONTACT',
          level_started_at: now,
          deadline_at: due,
          overdue_at: null,
        });
        if (input.jointForce && c.level === 'JOINT_ENFORCEMENT') {
          sets.joint_force = input.jointForce;
          sets.joint_department = cleanText(input.jointDepartment);
          event.jointForce = input.jointForce;
        }
        event.deadlineAt = due;
        notices = (w) => [caseNotice(c, 'case.accepted', w)];
        break;
      }
      case 'REJECT':
        Object.assign(sets, { reject_reason: reason, closed_at: now, deadline_at: null, overdue_at: null });
        event.note = reason;
        notices = (w) => [caseNotice(c, 'case.rejected', w, { reason })];
        break;
      case 'ASSIGN': {
        const aid = parseId(input.assigneeId);
        const [assignee]: { id: number; display_name: string }[] =
          aid === null
            ? []
            : await ctx.db.query(
                `SELECT u.id, u.display_name FROM app_user u WHERE u.id = $4 AND ${ASSIGNABLE_SQL}`,
                [c.centerId, c.streetId, c.level, aid],
              );
        if (!assignee)
          new FieldErrors()
            .add(
              'input.assigneeId',
              '只能指派给本中心或本街镇的工作人员 / assign to staff of the case’s center or street',
            )
            .throwIfAny();
        const secretary = await secretaryFor(ctx.db, c);
        Object.assign(sets, {
          owner_id: assignee!.id,
          responsibility: assignee!.id === secretary && c.level === 'COMMUNITY' ? 'FALLBACK' : 'ASSIGNED',
        });
        event.assigneeId = assignee!.id;
        event.note = reason;
        notices = (w) => [
          ...(c.status === 'ACCEPTED' ? [caseNotice(c, 'case.assigned', w)] : []),
          caseNotice(
            c,
            'case.assignedToYou',
            [assignee!.id],
            {
              category: categoryName(category),
              deadline: c.deadlineAt ? shanghaiDateTime(c.deadlineAt) : '',
            },
            viewer.userId,
          ),
        ];
        break;
      }
      case 'START':
        sets.owner_id = viewer.userId;
        notices = (w) => [caseNotice(c, 'case.started', w)];
        break;
      case 'HAND_OVER': {
        const secretary = await secretaryFor(ctx.db, c);
        if (secretary === null)
          new FieldErrors()
            .add('input.action', '本街镇尚无书记账号 / the street has no secretary account')
            .throwIfAny();
        Object.assign(sets, { owner_id: secretary, responsibility: 'FALLBACK', status: 'ASSIGNED' });
        event.assigneeId = secretary;
        event.note = reason;
        notices = () => [
          caseNotice(
            c,
            'case.handedOver',
            [secretary],
            { why: { zh: `（${reason}）`, en: `(${reason})` } },
            viewer.userId,
          ),
        ];
        break;
      }
      case 'ESCALATE': {
        const to = input.level!;
        const due = await deadlineAt(to);
        const owner =
          to === 'STREET_OPERATIONS_CENTER' ? ((await streetOperatorFor(ctx.db, c)) ?? c.ownerId) : c.ownerId;
        Object.assign(sets, {
          level: to,
          level_started_at: now,
          deadline_at: due,
          overdue_at: null,
          owner_id: owner,
        });
        if (to === 'JOINT_ENFORCEMENT') {
          sets.joint_force = input.jointForce;
          sets.joint_department =
            input.jointForce === 'OTHER_DEPARTMENT' ? cleanText(input.jointDepartment) : null;
          event.jointForce = input.jointForce;
        }
        Object.assign(event, {
          toLevel: to,
          note: reason,
          deadlineAt: due,
          assigneeId: owner !== c.ownerId ? owner : null,
        });
        notices = (w) => [
          caseNotice(c, 'case.escalated', w, { level: level(to) }),
          ...(owner !== c.ownerId
            ? [
                caseNotice(
                  c,
                  'case.assignedToYou',
                  [owner],
                  { category: categoryName(category), deadline: shanghaiDateTime(due) },
                  viewer.userId,
                ),
              ]
            : []),
        ];
        break;
      }
      case 'RESOLVE':
        Object.assign(sets, {
          resolved_at: now,
          resolved_level: c.level,
          resolution: note,
          deadline_at: null,
          overdue_at: null,
          follow_up_due_at: new Date(now.getTime() + CASE_FOLLOW_UP_DAYS * DAY_MS),
        });
        event.note = note;
        notices = (w) => [caseNotice(c, 'case.resolved', w, { note })];
        break;
      case 'CONFIRM_FIXED':
        Object.assign(sets, {
          closed_at: now,
          follow_up_fixed: true,
          follow_up_rating: input.rating,
          follow_up_comment: comment,
          followed_up_at: now,
          follow_up_due_at: null,
        });
        Object.assign(event, { rating: input.rating, note: comment });
        notices = (w) => [caseNotice(c, 'case.closed', w, {}, viewer.userId)];
        break;
      case 'NOT_FIXED': {
        const due = await deadlineAt(c.level);
        Object.assign(sets, {
          follow_up_fixed: false,
          follow_up_rating: input.rating,
          follow_up_comment: comment,
          followed_up_at: now,
          follow_up_due_at: null,
          resolved_at: null,
          resolved_level: null,
          level_started_at: now,
          deadline_at: due,
          overdue_at: null,
        });
        Object.assign(event, { rating: input.rating, note: comment, deadlineAt: due });
        notices = (w) => [
          caseNotice(c, 'case.notFixed', [c.ownerId], { rating: input.rating ?? null }),
          caseNotice(c, 'case.reopened', w, { level: level(c.level) }, viewer.userId),
        ];
        break;
      }
      case 'CLOSE':
        Object.assign(sets, { closed_at: now, follow_up_due_at: null });
        break;
      case 'MERGE': {
        const target = await visibleCase(ctx, input.targetCaseId!).catch(() => null);
        const e = new FieldErrors();
        if (!target || !canActOnCase(viewer, target))
          e.add('input.targetCaseId', '未知的诉求 / unknown case');
        else if (target.id === c.id) e.add('input.targetCaseId', '不能合并到自身 / not into itself');
        else if (['CLOSED', 'REJECTED'].includes(target.status) || target.mergedIntoId !== null)
          e.add('input.targetCaseId', '只能合并到未办结的诉求 / only into an unfinished case');
        e.throwIfAny();
        Object.assign(sets, {
          closed_at: now,
          merged_into_id: target!.id,
          deadline_at: null,
          overdue_at: null,
        });
        event.note = `#${target!.id}`;
        afterMove = async (em) => {
          // the duplicate's followers follow the case it duplicates
          await em.query(
            `INSERT INTO case_watcher (case_id, user_id) SELECT $1, user_id FROM case_watcher WHERE case_id = $2
             ON CONFLICT DO NOTHING`,
            [target!.id, c.id],
          );
          await addCaseEvent(em, target!.id, {
            kind: 'MERGED_IN',
            actorKind: 'STAFF',
            actor: viewer,
            note: `#${c.id} ${caseSubject(c)}`,
          });
        };
        notices = (w) => [caseNotice(c, 'case.merged', w, { target: target!.id })];
        break;
      }
      case 'FALLBACK':
      case 'AUTO_CLOSE':
        // SYSTEM moves: judgeCaseMove refuses them to every caller
        throw forbidden();
    }

    return ctx.db.transaction(async (em) => {
      const cols = Object.keys(sets);
      const [rows]: [Record<string, unknown>[], number] = await em.query(
        `UPDATE resident_case SET ${cols.map((k, i) => `${k} = $${i + 3}`).join(', ')},
           version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING *`,
        [c.id, c.version, ...cols.map((k) => sets[k])],
      );
      if (!rows.length) throw conflictMoved(c);
      await addCaseEvent(em, c.id, event);
      if (afterMove) await afterMove(em);
      await notifyMany(em, notices(await watchersOf(em, c.id)));
      return caseRow(em, rows[0]);
    });
  },

  async byId(ctx: Context, id: string): Promise<Case | null> {
    try {
      return await visibleCase(ctx, id);
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
      throw e;
    }
  },

  /** 我的反映: the cases a resident reported or follows, newest first. */
  async mine(ctx: Context, first?: number | null, after?: string | null): Promise<Connection<Case>> {
    const viewer = requireViewer(ctx.viewer);
    if (viewer.role !== 'RESIDENT') throw forbidden('我的反映 is for residents');
    const page = pageRequest(first, after);
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM case_watcher WHERE user_id = $1`,
      [viewer.userId],
    );
    const rows: Record<string, unknown>[] =
      page.limit === 0
        ? []
        : await ctx.db.query(
            `SELECT c.* FROM case_watcher w JOIN resident_case c ON c.id = w.case_id
             WHERE w.user_id = $1 AND ($2::int IS NULL OR w.case_id < $2)
             ORDER BY w.case_id DESC LIMIT $3`,
            [viewer.userId, page.afterId, page.limit + 1],
          );
    const cases = rows.map((r) => caseRow(ctx.db, r));
    for (const c of cases) {
      ctx.loaders.cases.caseById.prime(c.id, c);
      ctx.loaders.cases.watcherIdsByCase.prime(c.id, [viewer.userId]);
    }
    return toConnection(cases, page, count);
  },

  /** Staff a case may be assigned to, the secretary marked, with how many unfinished cases each holds. */
  async assignees(ctx: Context, id: string): Promise<CaseAssignee[]> {
    const viewer = requireViewer(ctx.viewer);
    const c = await visibleCase(ctx, id);
    if (!canActOnCase(viewer, c)) return [];
    const secretary = await secretaryFor(ctx.db, c);
    const rows: { id: number; display_name: string; role: string; open: number }[] = await ctx.db.query(
      `SELECT u.id, u.display_name, u.role,
              (SELECT count(*)::int FROM resident_case o WHERE o.owner_id = u.id AND o.status NOT IN ('CLOSED','REJECTED','RESOLVED')) AS open
       FROM app_user u WHERE ${ASSIGNABLE_SQL}
       ORDER BY u.role, u.id`,
      [c.centerId, c.streetId, c.level],
    );
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      role: r.role,
      secretary: r.id === secretary,
      openCases: r.open,
    }));
  },

  /** Staff make a case public (it then shows through Open311, without personal data) or private. */
  async setPublic(ctx: Context, id: string, isPublic: boolean): Promise<Case> {
    const viewer = requireViewer(ctx.viewer);
    const c = await visibleCase(ctx, id);
    if (!canActOnCase(viewer, c)) throw forbidden();
    const [[row]]: [Record<string, unknown>[], number] = await ctx.db.query(
      `UPDATE resident_case SET is_public = $2, updated_at = now() WHERE id = $1 RETURNING *`,
      [c.id, isPublic],
    );
    return caseRow(ctx.db, row);
  },
};
