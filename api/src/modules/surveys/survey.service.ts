// Building surveys (draft → open → closed) and reading them. A survey is about a center, a service,
// a project or a region; where it counts (district, street, center) is derived from that, and whoever
// manages that record manages the survey (auth/policy.canManageSurvey). OPEN surveys are public;
// officials read every survey in their scope (policy.canReadSurveyAnswers).
import type { EntityManager } from 'typeorm';
import {} from '@lc/domain';
import {
  canManageSurvey,
  canReadInStreet,
  canReadSurveyAnswers,
  requireViewer,
  surveyScopeSql,
} from '../../auth/policy';
import { AppError, FieldErrors, badInput, cleanText, conflict, forbidden } from '../../common/app-error';
import { parseId } from '../../common/connection';
import { hydrate } from '../../common/hydrate';
import type { Context } from '../../context';
import { notify, type NotificationAudience } from '../notifications/notification-outbox';
import type { SurveyInput } from './dto/survey.inputs';
import { Survey } from './survey.entity';

export const SURVEY_MAX_QUESTIONS = 50;
export const QUESTION_TEXT_MAX_LENGTH = 200;
export const OPTION_MAX_LENGTH = 100;
export const OPTIONS_MAX = 30;
export const SURVEYS_DEFAULT = 100;
export const SURVEYS_MAX = 500;
/** separates the choices of a multiple-choice answer in Excel */
export const CHOICE_SEPARATOR = '、';

interface Placement {
  centerId: number | null;
  serviceId: number | null;
  projectId: number | null;
  regionId: number | null;
  districtId: number;
  streetId: number | null;
}

/** Whether the survey takes answers now: OPEN and inside its dates. */
export function acceptsAnswers(s: Pick<Survey, 'status' | 'opensAt' | 'closesAt'>, at = new Date()): boolean {
  return (
    s.status === 'OPEN' &&
    (s.opensAt === null || s.opensAt.getTime() <= at.getTime()) &&
    (s.closesAt === null || s.closesAt.getTime() > at.getTime())
  );
}

/** Why a survey takes no answers now (bilingual), or null when it does. */
export function refusalOf(
  s: Pick<Survey, 'status' | 'opensAt' | 'closesAt'>,
  at = new Date(),
): string | null {
  if (acceptsAnswers(s, at)) return null;
  if (s.status === 'DRAFT') return '问卷尚未开放 / the survey is not open';
  if (s.status === 'OPEN' && s.opensAt !== null && s.opensAt.getTime() > at.getTime())
    return '问卷尚未开始 / the survey has not started yet';
  return '问卷已结束 / the survey is closed';
}

/** Where a survey counts, from what it is about; field errors name the ids. */
async function placementOf(ctx: Context, input: SurveyInput, errors: FieldErrors): Promise<Placement | null> {
  const viewer = requireViewer(ctx.viewer);
  const given = {
    centerId: input.centerId ?? null,
    serviceId: input.serviceId ?? null,
    projectId: input.projectId ?? null,
    regionId: input.regionId ?? null,
  };
  const own = {
    CENTER: 'centerId',
    SERVICE: 'serviceId',
    PROJECT: 'projectId',
    REGION: 'regionId',
  }[input.scopeKind] as keyof typeof given;
  for (const k of Object.keys(given) as (keyof typeof given)[]) {
    if (k === own || given[k] === null) continue;
    if (input.scopeKind === 'SERVICE' && k === 'centerId') continue;
    errors.add(`input.${k}`, `问卷对象为${own}时不填此项 / leave this out: the survey is about its ${own}`);
  }
  if (given[own] === null) {
    errors.add(`input.${own}`, '请选择问卷对象 / choose what the survey is about');
    return null;
  }
  const id = parseId(given[own]);
  const unknown = () => {
    errors.add(`input.${own}`, '未知的问卷对象 / unknown record');
    return null;
  };
  if (id === null) return unknown();
  const base = { centerId: null, serviceId: null, projectId: null, regionId: null };
  switch (input.scopeKind) {
    case 'CENTER': {
      const c = await ctx.loaders.places.centerById.load(id);
      if (!c) return unknown();
      return { ...base, centerId: c.id, districtId: c.districtId, streetId: c.streetId };
    }
    case 'SERVICE': {
      const item = await ctx.loaders.services.serviceById.load(id);
      if (!item) return unknown();
      const streetOfItem = item.menu === 'STREET_FEATURE' ? item.ownerRegionId : null;
      if (given.centerId === null)
        return { ...base, serviceId: item.id, districtId: item.districtId, streetId: streetOfItem };
      const cid = parseId(given.centerId);
      const c = cid === null ? null : await ctx.loaders.places.centerById.load(cid);
      if (!c || c.districtId !== item.districtId || (streetOfItem !== null && c.streetId !== streetOfItem)) {
        errors.add(
          'input.centerId',
          '服务中心须在这项服务所属的区或街镇 / the center must be in the district or street of this service',
        );
        return null;
      }
      return { ...base, serviceId: item.id, centerId: c.id, districtId: c.districtId, streetId: c.streetId };
    }
    case 'PROJECT': {
      const p = await ctx.loaders.projects.projectById.load(id);
      if (!p || !canReadInStreet(viewer, p)) return unknown();
      return {
        ...base,
        projectId: p.id,
        centerId: p.centerId,
        districtId: p.districtId,
        streetId: p.streetId,
      };
    }
    case 'REGION': {
      const r = await ctx.loaders.places.regionById.load(id);
      if (!r) return unknown();
      if (r.level === 'DISTRICT') return { ...base, regionId: r.id, districtId: r.id, streetId: null };
      return { ...base, regionId: r.id, districtId: r.districtId as number, streetId: r.streetId };
    }
  }
}

interface CleanQuestion {
  kind: string;
  text: string;
  required: boolean;
  options: string[] | null;
  dimension: string | null;
}

/** Checks a survey's fields and questions, naming each offending field by its path. */
async function checkedSurvey(ctx: Context, input: SurveyInput) {
  const errors = new FieldErrors();
  const title = input.title.trim();
  const description = cleanText(input.description);
  errors.titled(title, description, '问卷标题');
  const opensAt = input.opensAt ?? null;
  const closesAt = input.closesAt ?? null;
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime())
    errors.add('input.closesAt', '截止时间须晚于开始时间 / closesAt must be after opensAt');
  if (!input.questions.length) errors.add('input.questions', '至少需要一道题 / add at least one question');
  if (input.questions.length > SURVEY_MAX_QUESTIONS)
    errors.add(
      'input.questions',
      `最多${SURVEY_MAX_QUESTIONS}道题 / at most ${SURVEY_MAX_QUESTIONS} questions`,
    );
  const texts = new Map<string, number>();
  const questions: CleanQuestion[] = input.questions.map((q, i) => {
    const at = `input.questions.${i}`;
    const text = q.text.trim();
    errors
      .check(text.length > 0, `${at}.text`, '请填写题目 / the question text is required')
      .check(
        text.length <= QUESTION_TEXT_MAX_LENGTH,
        `${at}.text`,
        `题目不能超过${QUESTION_TEXT_MAX_LENGTH}个字 / at most ${QUESTION_TEXT_MAX_LENGTH} characters`,
      );
    if (text && texts.has(text))
      errors.add(
        `${at}.text`,
        `与第${(texts.get(text) as number) + 1}题重复 / the same text as question ${(texts.get(text) as number) + 1}`,
      );
    else texts.set(text, i);
    const isChoice = q.kind === 'SINGLE_CHOICE' || q.kind === 'MULTIPLE_CHOICE';
    let options: string[] | null = null;
    if (isChoice) {
      options = (q.options ?? []).map((o) => o.trim());
      if (options.some((o) => !o)) errors.add(`${at}.options`, '选项不能为空 / an option is empty');
      else if (new Set(options).size !== options.length)
        errors.add(`${at}.options`, '选项不能重复 / options must be distinct');
      else if (options.length < 2)
        errors.add(
          `${at}.options`,
          '选择题至少需要两个不同的选项 / a choice question needs at least 2 options',
        );
      else if (options.length > OPTIONS_MAX)
        errors.add(`${at}.options`, `最多${OPTIONS_MAX}个选项 / at most ${OPTIONS_MAX} options`);
      else if (options.some((o) => o.length > OPTION_MAX_LENGTH))
        errors.add(
          `${at}.options`,
          `选项不能超过${OPTION_MAX_LENGTH}个字 / an option must be at most ${OPTION_MAX_LENGTH} characters`,
        );
      else if (q.kind === 'MULTIPLE_CHOICE' && options.some((o) => o.includes(CHOICE_SEPARATOR)))
        errors.add(
          `${at}.options`,
          `多选题的选项不能含“${CHOICE_SEPARATOR}” / multiple-choice options may not contain ${CHOICE_SEPARATOR}`,
        );
    } else if (q.options?.length) {
      errors.add(`${at}.options`, '只有选择题有选项 / only choice questions have options');
    }
    if (q.dimension && q.kind !== 'SCORE')
      errors.add(`${at}.dimension`, '只有打分题可以计入维度 / only score questions count toward a dimension');
    return { kind: q.kind, text, required: q.required ?? true, options, dimension: q.dimension ?? null };
  });
  const placement = await placementOf(ctx, input, errors);
  errors.throwIfAny();
  const where = placement as Placement;
  if (!canManageSurvey(ctx.viewer, where))
    throw forbidden('这个问卷对象不在您的工作范围内 / this survey is outside your scope');
  return {
    title,
    description,
    anonymous: input.anonymous ?? false,
    opensAt,
    closesAt,
    placement: where,
    questions,
  };
}

async function insertQuestions(
  em: EntityManager,
  surveyId: number,
  questions: CleanQuestion[],
): Promise<void> {
  await em.query(
    `INSERT INTO survey_question (survey_id, position, kind, text, required, options, dimension)
     SELECT $1, x.position, x.kind, x.text, x.required, x.options, x.dimension
     FROM jsonb_to_recordset($2::jsonb) AS x(position int, kind text, text text, required boolean, options text[], dimension text)`,
    [surveyId, JSON.stringify(questions.map((q, i) => ({ ...q, position: i + 1 })))],
  );
}

/** A survey the viewer may read (any status in scope; OPEN ones publicly), else null. */
export function canReadSurvey(ctx: Context, s: Survey): boolean {
  return s.status === 'OPEN' || canReadSurveyAnswers(ctx.viewer, s);
}

/** A survey the viewer manages: NOT_FOUND when they cannot even read it, FORBIDDEN otherwise. */
export async function manageableSurvey(ctx: Context, id: string | number, field = 'id'): Promise<Survey> {
  const viewer = requireViewer(ctx.viewer);
  const sid = parseId(id);
  const s = sid === null ? null : await ctx.loaders.surveys.surveyById.load(sid);
  if (!s || !canReadSurvey(ctx, s)) {
    throw new AppError('NOT_FOUND', '未知问卷 / unknown survey', [
      { field, message: '未知问卷 / unknown survey' },
    ]);
  }
  if (!canManageSurvey(viewer, s))
    throw forbidden('这份问卷由其他部门管理 / this survey is kept by another office');
  return s;
}

const row = (ctx: Context | EntityManager, r: Record<string, unknown>): Survey =>
  hydrate(('db' in ctx ? ctx.db : ctx).getRepository(Survey), r);

/** Tells the residents a survey is for that it opened: a center's survey its residents (home
 * center), a region's the residents of its communities, a project's those of its demands'
 * communities. Service surveys have no resident audience of their own. */
async function announceSurvey(ctx: Context, em: EntityManager, survey: Survey): Promise<void> {
  let to: NotificationAudience | null = null;
  let place = '';
  if (survey.scopeKind === 'CENTER' && survey.centerId !== null) {
    to = { centerResidents: survey.centerId };
    place = (await ctx.loaders.places.centerById.load(survey.centerId))?.name ?? '';
  } else if (survey.scopeKind === 'REGION' && survey.regionId !== null) {
    const communities: { id: number }[] = await em.query(
      `SELECT id FROM region WHERE level = 'COMMUNITY' AND (id = $1 OR street_id = $1 OR district_id = $1)`,
      [survey.regionId],
    );
    to = { communityResidents: communities.map((c) => c.id) };
    place = (await ctx.loaders.places.regionById.load(survey.regionId))?.name ?? '';
  } else if (survey.scopeKind === 'PROJECT' && survey.projectId !== null) {
    const communities: { community_id: number }[] = await em.query(
      `SELECT DISTINCT d.community_id FROM project_demand pd JOIN demand d ON d.id = pd.demand_id WHERE pd.project_id = $1`,
      [survey.projectId],
    );
    to = { communityResidents: communities.map((c) => c.community_id) };
    place = (await ctx.loaders.projects.projectById.load(survey.projectId))?.title ?? '';
  }
  if (!to) return;
  await notify(em, {
    kind: 'SURVEY_OPENED',
    template: 'survey.opened',
    params: { title: survey.title, place },
    subject: { type: 'SURVEY', id: survey.id },
    to,
  });
}

export const surveyService = {
  async create(ctx: Context, input: SurveyInput): Promise<Survey> {
    const viewer = requireViewer(ctx.viewer);
    const s = await checkedSurvey(ctx, input);
    const p = s.placement;
    return ctx.db.transaction(async (em) => {
      const [created]: Record<string, unknown>[] = await em.query(
        `INSERT INTO survey (title, description, scope_kind, center_id, service_id, project_id, region_id,
                             district_id, street_id, status, anonymous, opens_at, closes_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'DRAFT', $10, $11, $12, $13) RETURNING *`,
        [
          s.title,
          s.description,
          input.scopeKind,
          p.centerId,
          p.serviceId,
          p.projectId,
          p.regionId,
          p.districtId,
          p.streetId,
          s.anonymous,
          s.opensAt,
          s.closesAt,
          viewer.userId,
        ],
      );
      await insertQuestions(em, created.id as number, s.questions);
      return row(em, created);
    });
  },

  /** Replaces a draft's fields and questions (the questions get new ids). */
  async update(ctx: Context, id: string, input: SurveyInput): Promise<Survey> {
    const current = await manageableSurvey(ctx, id);
    const s = await checkedSurvey(ctx, input);
    const p = s.placement;
    return ctx.db.transaction(async (em) => {
      const [rows]: [Record<string, unknown>[], number] = await em.query(
        `UPDATE survey SET title = $2, description = $3, scope_kind = $4, center_id = $5, service_id = $6,
           project_id = $7, region_id = $8, district_id = $9, street_id = $10, anonymous = $11,
           opens_at = $12, closes_at = $13, updated_at = now()
         WHERE id = $1 AND status = 'DRAFT' RETURNING *`,
        [
          current.id,
          s.title,
          s.description,
          input.scopeKind,
          p.centerId,
          p.serviceId,
          p.projectId,
          p.regionId,
          p.districtId,
          p.streetId,
          s.anonymous,
          s.opensAt,
          s.closesAt,
        ],
      );
      if (!rows.length)
        throw conflict(
          '只有草稿可以修改，问卷已开放或结束 / only a draft can be changed: the survey is open or closed',
        );
      await em.query(`DELETE FROM survey_question WHERE survey_id = $1`, [current.id]);
      await insertQuestions(em, current.id, s.questions);
      return row(em, rows[0]);
    });
  },

  /** DRAFT → OPEN (opening an open survey changes nothing). */
  async open(ctx: Context, id: string): Promise<Survey> {
    const s = await manageableSurvey(ctx, id);
    if (s.closesAt && s.closesAt.getTime() <= Date.now())
      throw badInput([
        { field: 'id', message: '截止时间已过，请先修改截止时间 / closesAt has passed: change it first' },
      ]);
    const opened = await ctx.db.transaction(async (em) => {
      const [rows]: [Record<string, unknown>[], number] = await em.query(
        `UPDATE survey SET status = 'OPEN', updated_at = now() WHERE id = $1 AND status = 'DRAFT' RETURNING *`,
        [s.id],
      );
      if (!rows.length) return null;
      const survey = row(em, rows[0]);
      await announceSurvey(ctx, em, survey);
      return survey;
    });
    if (opened) return opened;
    const [now] = await ctx.db.query(`SELECT * FROM survey WHERE id = $1`, [s.id]);
    if (now.status === 'OPEN') return row(ctx, now);
    throw conflict('问卷已结束，不能重新开放 / a closed survey cannot be reopened');
  },

  /** OPEN → CLOSED (closing a closed survey changes nothing). Waits for answers being stored. */
  async close(ctx: Context, id: string): Promise<Survey> {
    const s = await manageableSurvey(ctx, id);
    const [rows]: [Record<string, unknown>[], number] = await ctx.db.query(
      `UPDATE survey SET status = 'CLOSED', updated_at = now() WHERE id = $1 AND status = 'OPEN' RETURNING *`,
      [s.id],
    );
    if (rows.length) return row(ctx, rows[0]);
    const [now] = await ctx.db.query(`SELECT * FROM survey WHERE id = $1`, [s.id]);
    if (now.status === 'CLOSED') return row(ctx, now);
    throw conflict('草稿尚未开放，不能结束 / a draft cannot be closed: open it first');
  },

  /** Residents and anonymous callers: the surveys taking answers now; officials: those in their
   * scope, any status. Newest first. */
  async list(
    ctx: Context,
    centerId: string | null | undefined,
    status: Survey['status'] | null | undefined,
    first: number | null | undefined,
  ): Promise<Survey[]> {
    const limit = first ?? SURVEYS_DEFAULT;
    new FieldErrors()
      .check(
        Number.isInteger(limit) && limit >= 0 && limit <= SURVEYS_MAX,
        'first',
        `first 须在 0–${SURVEYS_MAX} 之间 / first must be 0–${SURVEYS_MAX}`,
      )
      .throwIfAny();
    const parts: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      parts.push(sql.replace('?', `$${params.length}`));
    };
    const columns = { district: 'district_id', street: 'street_id', center: 'center_id' };
    const scope = ctx.viewer ? surveyScopeSql(ctx.viewer, columns, 1) : null;
    if (scope) {
      params.push(scope.value);
      parts.push(scope.sql);
      if (status) add('status = ?', status);
    } else {
      if (status && status !== 'OPEN') return [];
      parts.push(
        `status = 'OPEN' AND (opens_at IS NULL OR opens_at <= now()) AND (closes_at IS NULL OR closes_at > now())`,
      );
    }
    if (centerId !== null && centerId !== undefined) add('center_id = ?', parseId(centerId) ?? -1);
    params.push(limit);
    const rows: Record<string, unknown>[] = await ctx.db.query(
      `SELECT * FROM survey WHERE ${parts.join(' AND ')} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => row(ctx, r));
  },

  async byId(ctx: Context, id: string): Promise<Survey | null> {
    const sid = parseId(id);
    const s = sid === null ? null : await ctx.loaders.surveys.surveyById.load(sid);
    return s && canReadSurvey(ctx, s) ? s : null;
  },
};
