// 项目清单: projects made of demands and resources, moved along PROJECT_TRANSITIONS (checked in
// project-transition.ts), with a timeline of every step. Scope: officials by street (center staff:
// projects of their center), residents read the projects touching their community.
import type { EntityManager } from 'typeorm';
import { BUDGET_MAX_YUAN, type ProjectStatus } from '@lc/domain';
import { canManage, canReadInStreet, officialScopeSql, requireViewer } from '../../auth/policy';
import type { Viewer } from '../../auth/viewer';
import { AppError, FieldErrors, forbidden, notFound } from '../../common/app-error';
import { likePattern, pageRequest, parseId, toConnection, type Connection } from '../../common/connection';
import { hydrate } from '../../common/hydrate';
import { feedList, feedRequest } from '../../common/change-feed';
import type { Context } from '../../context';
import { emitEvent } from '../webhooks/outbox';
import { syncDemandStatuses } from '../demands/demand-status';
import { viewerHomeCommunityId } from '../demands/demand.service';
import type { CreateProjectInput, ProjectFilter } from './dto/project.inputs';
import { allowedProjectMoves, refuseProjectTransition } from './project-transition';
import { Project, type Meeting } from './project.entity';

/** Who may see a project: officials reading the street, residents of a community it touches. */
export async function canSeeProject(ctx: Context, viewer: Viewer, project: Project): Promise<boolean> {
  if (canReadInStreet(viewer, project)) return true;
  if (viewer.role !== 'RESIDENT') return false;
  const home = await viewerHomeCommunityId(ctx);
  if (home === null) return false;
  return (await ctx.loaders.projects.communityIdsByProject.load(project.id)).includes(home);
}

/** Who may change a project: the district admin, the street admin, staff of the project's center. */
export function canChangeProject(viewer: Viewer | null, project: Project): boolean {
  return canManage(viewer, project);
}

/** A project the viewer may see, or NOT_FOUND (the same answer for a missing one). */
export async function visibleProject(ctx: Context, id: string | number): Promise<Project> {
  const viewer = requireViewer(ctx.viewer);
  const pid = parseId(id);
  const project = pid === null ? null : await ctx.loaders.projects.projectById.load(pid);
  if (!project || !(await canSeeProject(ctx, viewer, project))) throw notFound('project');
  return project;
}

/** A project the viewer may change, loaded for update inside a transaction. */
export async function lockProjectForChange(
  ctx: Context,
  em: EntityManager,
  id: string | number,
): Promise<Project> {
  const visible = await visibleProject(ctx, id);
  if (!canChangeProject(ctx.viewer, visible)) throw forbidden('this project is kept by another office');
  return em
    .getRepository(Project)
    .findOneOrFail({ where: { id: visible.id }, lock: { mode: 'pessimistic_write' } });
}

export async function addProjectEvent(
  em: EntityManager,
  viewer: Viewer | null,
  projectId: number,
  event: {
    kind: 'CREATED' | 'TRANSITION' | 'MEETING';
    from?: ProjectStatus | null;
    to?: ProjectStatus | null;
    meetingId?: number | null;
    note?: string | null;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO project_event (project_id, kind, from_status, to_status, meeting_id, actor_id, actor_name, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      projectId,
      event.kind,
      event.from ?? null,
      event.to ?? null,
      event.meetingId ?? null,
      viewer?.userId ?? null,
      viewer?.displayName ?? null,
      event.note ?? null,
    ],
  );
}

/** Moves a project inside the caller's transaction if nobody moved it meanwhile; records the step
 * and brings its demands' statuses along. */
export async function moveProject(
  em: EntityManager,
  viewer: Viewer,
  project: Project,
  to: ProjectStatus,
  note: string | null = null,
): Promise<Project> {
  const [rows]: [Record<string, unknown>[], number] = await em.query(
    `UPDATE project SET status = $3, version = version + 1, updated_at = now(),
       next_meeting_kind = NULL, next_meeting_at = NULL, next_meeting_place = NULL
     WHERE id = $1 AND version = $2 RETURNING *`,
    [project.id, project.version, to],
  );
  if (!rows.length) {
    throw new AppError(
      'CONFLICT',
      '项目已被他人更新，请刷新 / the project was changed by someone else; reload',
    );
  }
  await addProjectEvent(em, viewer, project.id, { kind: 'TRANSITION', from: project.status, to, note });
  await emitEvent(em, {
    type: 'PROJECT_MOVED',
    recordType: 'project',
    recordId: project.id,
    districtId: project.districtId,
    streetId: project.streetId,
    data: { projectId: String(project.id), title: project.title, from: project.status, to, note },
  });
  const demandIds: { demand_id: number }[] = await em.query(
    `SELECT demand_id FROM project_demand WHERE project_id = $1`,
    [project.id],
  );
  await syncDemandStatuses(
    em,
    demandIds.map((d) => d.demand_id),
  );
  return hydrate(em.getRepository(Project), rows[0]);
}

export const projectService = {
  async create(ctx: Context, input: CreateProjectInput): Promise<Project> {
    const viewer = requireViewer(ctx.viewer);
    const errors = new FieldErrors();
    const title = input.title.trim();
    errors.titled(title, input.description ?? null, '项目名称');
    const budget = input.budgetYuan ?? null;
    errors.check(
      budget === null || (Number.isFinite(budget) && budget >= 0 && budget <= BUDGET_MAX_YUAN),
      'input.budgetYuan',
      '预算须为0到1亿元之间 / budget must be between 0 and 100,000,000 yuan',
    );
    const demandIds = [...new Set(input.demandIds.map(parseId))];
    const resourceIds = [...new Set(input.resourceIds.map(parseId))];
    errors.check(demandIds.length > 0, 'input.demandIds', '至少选择一条需求 / pick at least one demand');
    errors.check(!demandIds.includes(null), 'input.demandIds', '未知需求 / unknown demand');
    errors.check(!resourceIds.includes(null), 'input.resourceIds', '未知资源 / unknown resource');
    errors.throwIfAny();

    const demands: { id: number; street_id: number; district_id: number; status: string }[] =
      await ctx.db.query(`SELECT id, street_id, district_id, status FROM demand WHERE id = ANY($1::int[])`, [
        demandIds,
      ]);
    const readable = demands.filter((d) =>
      canReadInStreet(viewer, { districtId: d.district_id, streetId: d.street_id }),
    );
    if (readable.length !== demandIds.length) errors.add('input.demandIds', '未知需求 / unknown demand');
    else if (new Set(readable.map((d) => d.street_id)).size > 1)
      errors.add('input.demandIds', '一个项目的需求须来自同一街镇 / the demands must be of one street');
    else if (readable.some((d) => d.status === 'CLOSED'))
      errors.add('input.demandIds', '已办结的需求不能再立项 / a closed demand cannot start a project');
    const resources: { id: number; district_id: number; active: boolean }[] = await ctx.db.query(
      `SELECT id, district_id, active FROM resource WHERE id = ANY($1::int[])`,
      [resourceIds],
    );
    const districtId = readable[0]?.district_id;
    if (
      resources.length !== resourceIds.length ||
      resources.some((r) => r.district_id !== districtId || !r.active)
    )
      errors.add(
        'input.resourceIds',
        '资源须是本区在用的资源 / resources must be active resources of the district',
      );
    errors.throwIfAny();

    const streetId = readable[0].street_id;
    let centerId: number | null = viewer.role === 'CENTER_STAFF' ? viewer.centerId : null;
    if (input.centerId !== null && input.centerId !== undefined) {
      const cid = parseId(input.centerId);
      const center = cid === null ? null : await ctx.loaders.places.centerById.load(cid);
      if (!center || center.streetId !== streetId) {
        errors
          .add('input.centerId', '服务中心须在需求所在街镇 / the center must be in the demands’ street')
          .throwIfAny();
      }
      centerId = center!.id;
    }
    const record = { districtId: districtId as number, streetId, centerId };
    if (!canManage(viewer, record)) throw forbidden('this street is kept by another office');

    return ctx.db.transaction(async (em) => {
      const [row] = await em.query(
        `INSERT INTO project (title, description, status, publicly_funded, budget_yuan, center_id, street_id, district_id, owner_id)
         VALUES ($1, $2, 'PROPOSED', $3, $4, $5, $6, $7, $8) RETURNING *`,
        [
          title,
          input.description?.trim() || null,
          input.publiclyFunded,
          budget,
          centerId,
          streetId,
          districtId,
          viewer.userId,
        ],
      );
      const project = hydrate(em.getRepository(Project), row);
      await em.query(`INSERT INTO project_demand (project_id, demand_id) SELECT $1, unnest($2::int[])`, [
        project.id,
        demandIds,
      ]);
      await em.query(`INSERT INTO project_resource (project_id, resource_id) SELECT $1, unnest($2::int[])`, [
        project.id,
        resourceIds,
      ]);
      await addProjectEvent(em, viewer, project.id, { kind: 'CREATED', to: 'PROPOSED' });
      await syncDemandStatuses(em, demandIds as number[]);
      return project;
    });
  },

  async transition(ctx: Context, id: string, to: ProjectStatus): Promise<Project> {
    const viewer = requireViewer(ctx.viewer);
    const project = await visibleProject(ctx, id);
    if (!canChangeProject(viewer, project)) throw forbidden('this project is kept by another office');
    const meetings = await ctx.loaders.projects.meetingsByProject.load(project.id);
    const refusal = refuseProjectTransition(project, to, meetings);
    if (refusal) {
      throw new AppError(
        refusal.code,
        refusal.message,
        refusal.code === 'BAD_USER_INPUT' ? [{ field: 'to', message: refusal.message }] : undefined,
        refusal.missingMeeting ? { missingMeeting: refusal.missingMeeting } : undefined,
      );
    }
    return ctx.db.transaction((em) => moveProject(em, viewer, project, to));
  },

  async list(
    ctx: Context,
    filter: ProjectFilter | null | undefined,
    first?: number | null,
    after?: string | null,
    updatedSince?: Date | null,
  ): Promise<Connection<Project>> {
    const viewer = requireViewer(ctx.viewer);
    const feed = feedRequest(updatedSince, first, after);
    const page = feed ? { limit: 0, afterId: null } : pageRequest(first, after);
    const params: unknown[] = [];
    const parts: string[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      parts.push(sql.replaceAll('?', `$${params.length}`));
    };
    const scope = officialScopeSql(viewer, { district: 'p.district_id', street: 'p.street_id' }, 1);
    if (scope) add(scope.sql.replace('$1', '?'), scope.value);
    else if (viewer.role === 'RESIDENT') {
      const home = await viewerHomeCommunityId(ctx);
      add(
        `EXISTS (SELECT 1 FROM project_demand pd JOIN demand d ON d.id = pd.demand_id
                 WHERE pd.project_id = p.id AND d.community_id = ?)`,
        home ?? -1,
      );
    } else throw forbidden('projects are for officials and the residents concerned');
    if (filter?.status) add('p.status = ?', filter.status);
    const search = filter?.search?.trim();
    if (search) add('p.title ILIKE ?', likePattern(search));
    if (filter?.regionId != null) {
      const rid = parseId(filter.regionId);
      const region = rid === null ? null : await ctx.loaders.places.regionById.load(rid);
      if (!region) add('p.id = ?', -1);
      else if (region.level === 'DISTRICT') add('p.district_id = ?', region.id);
      else if (region.level === 'STREET') add('p.street_id = ?', region.id);
      else
        add(
          `EXISTS (SELECT 1 FROM project_demand pd JOIN demand d ON d.id = pd.demand_id
                   WHERE pd.project_id = p.id AND d.community_id = ?)`,
          region.id,
        );
    }
    const where = parts.join(' AND ');
    if (feed) {
      const repo = ctx.db.getRepository(Project);
      return feedList(ctx.db, {
        from: 'project p',
        alias: 'p',
        where,
        params,
        feed,
        map: (r) => hydrate(repo, r),
      });
    }
    const [{ count }] = await ctx.db.query(
      `SELECT count(*)::int AS count FROM project p WHERE ${where}`,
      params,
    );
    let rows: Project[] = [];
    if (page.limit > 0) {
      const q = [...params];
      let sql = `SELECT p.* FROM project p WHERE ${where}`;
      if (page.afterId !== null) {
        q.push(page.afterId);
        sql += ` AND p.id < $${q.length}`;
      }
      q.push(page.limit + 1);
      sql += ` ORDER BY p.id DESC LIMIT $${q.length}`;
      const repo = ctx.db.getRepository(Project);
      rows = ((await ctx.db.query(sql, q)) as Record<string, unknown>[]).map((r) => hydrate(repo, r));
      for (const p of rows) ctx.loaders.projects.projectById.prime(p.id, p);
    }
    return toConnection(rows, page, count);
  },

  async byId(ctx: Context, id: string): Promise<Project | null> {
    try {
      return await visibleProject(ctx, id);
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
      throw e;
    }
  },

  async viewerMoves(ctx: Context, project: Project): Promise<ProjectStatus[]> {
    if (!canChangeProject(ctx.viewer, project)) return [];
    const meetings: Meeting[] = await ctx.loaders.projects.meetingsByProject.load(project.id);
    return allowedProjectMoves(project, meetings);
  },
};
