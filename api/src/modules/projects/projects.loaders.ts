import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { manyLoader, oneLoader, rowsWhereAny } from '../../common/loader';
import { Meeting, MeetingAttachment, Project, ProjectEvent } from './project.entity';

/** Rows of a link table: (left id, right id) pairs for the given left ids, one statement. */
function links(db: DataSource, table: string, left: string, right: string) {
  return (ids: readonly number[]) =>
    db.query(
      `SELECT ${left} AS l, ${right} AS r FROM ${table} WHERE ${left} = ANY($1::int[]) ORDER BY ${right}`,
      [ids],
    ) as Promise<{ l: number; r: number }[]>;
}

function groupIds(rows: { l: number; r: number }[], keys: readonly number[]): number[][] {
  const by = new Map<number, number[]>();
  for (const { l, r } of rows) (by.get(l) ?? by.set(l, []).get(l)!).push(r);
  return keys.map((k) => by.get(k) ?? []);
}

export function createProjectsLoaders(db: DataSource) {
  const projects = db.getRepository(Project);
  const meetings = db.getRepository(Meeting);
  const events = db.getRepository(ProjectEvent);
  const attachments = db.getRepository(MeetingAttachment);
  const idsOf = (table: string, left: string, right: string) => {
    const fetch = links(db, table, left, right);
    return new DataLoader<number, number[]>(async (keys) => groupIds(await fetch(keys), keys));
  };
  return {
    projectById: oneLoader<number, Project>(
      (ids) => rowsWhereAny(db, projects, 'id', ids),
      (p) => p.id,
    ),
    meetingsByProject: manyLoader<number, Meeting>(
      (ids) => rowsWhereAny(db, meetings, 'project_id', ids),
      (m) => m.projectId,
    ),
    eventsByProject: manyLoader<number, ProjectEvent>(
      (ids) => rowsWhereAny(db, events, 'project_id', ids),
      (e) => e.projectId,
    ),
    attachmentsByMeeting: manyLoader<number, MeetingAttachment>(
      (ids) => rowsWhereAny(db, attachments, 'meeting_id', ids),
      (a) => a.meetingId,
    ),
    meetingById: oneLoader<number, Meeting>(
      (ids) => rowsWhereAny(db, meetings, 'id', ids),
      (m) => m.id,
    ),
    demandIdsByProject: idsOf('project_demand', 'project_id', 'demand_id'),
    resourceIdsByProject: idsOf('project_resource', 'project_id', 'resource_id'),
    projectIdsByDemand: idsOf('project_demand', 'demand_id', 'project_id'),
    /** communities of a project's demands (for residents' visibility) */
    communityIdsByProject: idsOf(
      'project_demand pd JOIN demand d ON d.id = pd.demand_id',
      'pd.project_id',
      'd.community_id',
    ),
  };
}

export type ProjectsLoaders = ReturnType<typeof createProjectsLoaders>;
