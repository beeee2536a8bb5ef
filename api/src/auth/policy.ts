// The one scope gate. Every service that reads or changes a scoped record asks here.
//   district admin → records of their district
//   street admin   → records of their street
//   center staff   → records of their center
//   evaluators, residents, integrators → no administrative writes
import { AppError, forbidden, unauthenticated } from '../common/app-error';
import { rolesGrantableBy, type ApiPermission, type Role, type ServiceMenu } from '@lc/domain';
import type { Viewer } from './viewer';

/** Where a record lives. */
export interface ScopedRecord {
  districtId: number | null;
  streetId: number | null;
  centerId?: number | null;
}

/** The records a viewer manages, as one key and value (null: none); canManage compares a record
 * with it, and compiled reads (graphql/sql-read.ts) turn it into a condition on the same columns. */
export type ManagedScope = { key: 'districtId' | 'streetId' | 'centerId'; id: number } | null;

export function managedScope(viewer: Viewer | null): ManagedScope {
  if (!viewer) return null;
  switch (viewer.role) {
    case 'DISTRICT_ADMIN':
      return viewer.districtId !== null ? { key: 'districtId', id: viewer.districtId } : null;
    case 'STREET_ADMIN':
      return viewer.streetId !== null ? { key: 'streetId', id: viewer.streetId } : null;
    case 'CENTER_STAFF':
      return viewer.centerId !== null ? { key: 'centerId', id: viewer.centerId } : null;
    case 'EVALUATOR':
    case 'RESIDENT':
    case 'INTEGRATOR':
      return null;
  }
}

export function canManage(viewer: Viewer | null, record: ScopedRecord): boolean {
  const scope = managedScope(viewer);
  return scope !== null && record[scope.key] != null && record[scope.key] === scope.id;
}

/** The signed-in caller. An account still on its one-time password may do nothing but change it. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  if (viewer.mustChangePassword) throw passwordChangeRequired();
  return viewer;
}

export const passwordChangeRequired = () =>
  new AppError('FORBIDDEN', '请先修改初始密码 / set your own password first', undefined, {
    passwordChangeRequired: true,
  });

/** Throws UNAUTHENTICATED for anonymous callers, FORBIDDEN for callers outside the record's scope. */
export function assertCanManage(viewer: Viewer | null, record: ScopedRecord): Viewer {
  const v = requireViewer(viewer);
  if (!canManage(v, record)) throw forbidden('this record is outside your scope');
  return v;
}

/** A menu item: DISTRICT and MOBILE items belong to a district, STREET_FEATURE items to a street. */
export interface MenuItemRecord {
  menu: ServiceMenu;
  districtId: number;
  ownerRegionId: number;
}

/** The district admin keeps the district's DISTRICT and MOBILE menus; a street admin the street's
 * STREET_FEATURE menu. Nobody else edits items. */
export function canEditMenuItem(viewer: Viewer | null, item: MenuItemRecord): boolean {
  if (!viewer) return false;
  if (viewer.role === 'DISTRICT_ADMIN') {
    return (
      item.menu !== 'STREET_FEATURE' && viewer.districtId !== null && viewer.districtId === item.districtId
    );
  }
  if (viewer.role === 'STREET_ADMIN') {
    return (
      item.menu === 'STREET_FEATURE' && viewer.streetId !== null && viewer.streetId === item.ownerRegionId
    );
  }
  return false;
}

export function assertCanEditMenuItem(viewer: Viewer | null, item: MenuItemRecord): Viewer {
  const v = requireViewer(viewer);
  if (!canEditMenuItem(v, item)) throw forbidden('this menu is kept by another office');
  return v;
}

/** Offerings and schedules: the street admin for the street's centers, staff for their own center
 * (as a scope, like managedScope). */
export function offeringsScope(viewer: Viewer | null): ManagedScope {
  if (viewer?.role === 'STREET_ADMIN' && viewer.streetId !== null)
    return { key: 'streetId', id: viewer.streetId };
  if (viewer?.role === 'CENTER_STAFF' && viewer.centerId !== null)
    return { key: 'centerId', id: viewer.centerId };
  return null;
}

export function canEditOfferings(viewer: Viewer | null, center: { streetId: number; id: number }): boolean {
  const scope = offeringsScope(viewer);
  return scope !== null && (scope.key === 'centerId' ? center.id : center.streetId) === scope.id;
}

export function assertCanEditOfferings(
  viewer: Viewer | null,
  center: { streetId: number; id: number },
): Viewer {
  const v = requireViewer(viewer);
  if (!canEditOfferings(v, center))
    throw forbidden("this center's offerings are kept by its street and staff");
  return v;
}

/** Staff roles that may read the change log and order figures of their district. */
export function isOfficial(viewer: Viewer | null): boolean {
  return !!viewer && ['DISTRICT_ADMIN', 'STREET_ADMIN', 'CENTER_STAFF', 'EVALUATOR'].includes(viewer.role);
}

/** A record's change history (历史) is read where the record is kept: the district's admin and
 * evaluators; a street's admin and staff for district-wide records (streetId null) of their district
 * and for their own street's records; a center's staff for their center's. Nobody outside the district. */
export function canReadChanges(
  viewer: Viewer | null,
  record: { districtId: number; streetId: number | null; centerId?: number | null },
): boolean {
  if (!isOfficial(viewer) || viewer!.districtId === null || viewer!.districtId !== record.districtId)
    return false;
  const v = viewer!;
  switch (v.role) {
    case 'DISTRICT_ADMIN':
    case 'EVALUATOR':
      return true;
    case 'STREET_ADMIN':
      return record.streetId === null || record.streetId === v.streetId;
    case 'CENTER_STAFF':
      if (record.streetId === null) return true;
      return record.centerId != null ? record.centerId === v.centerId : record.streetId === v.streetId;
    default:
      return false;
  }
}

/** The planning lists (需求、资源、项目清单) of a street: the district admin works in every street of
 * the district; a street admin and the street's center staff in their street. */
export function canWorkInStreet(
  viewer: Viewer | null,
  record: { districtId: number; streetId: number | null },
): boolean {
  if (!viewer) return false;
  switch (viewer.role) {
    case 'DISTRICT_ADMIN':
      return viewer.districtId !== null && viewer.districtId === record.districtId;
    case 'STREET_ADMIN':
    case 'CENTER_STAFF':
      return viewer.streetId !== null && viewer.streetId === record.streetId;
    default:
      return false;
  }
}

/** Reading non-public planning records: whoever works in the street, and evaluators of the district. */
export function canReadInStreet(
  viewer: Viewer | null,
  record: { districtId: number; streetId: number | null },
): boolean {
  if (canWorkInStreet(viewer, record)) return true;
  if (viewer?.role === 'INTEGRATOR') return canKeyReadLists(viewer, record);
  return viewer?.role === 'EVALUATOR' && viewer.districtId === record.districtId;
}

/** SQL restricting planning records to what an official may read; null for residents and others
 * (their reach is per record kind). Columns are given as SQL expressions. */
export function officialScopeSql(
  viewer: Viewer,
  columns: { district: string; street: string },
  param: number,
): { sql: string; value: number } | null {
  switch (viewer.role) {
    case 'INTEGRATOR':
      if (!hasApiPermission(viewer, 'READ_LISTS')) return null;
      return viewer.streetId !== null
        ? { sql: `${columns.street} = $${param}`, value: viewer.streetId }
        : { sql: `${columns.district} = $${param}`, value: viewer.districtId ?? -1 };
    case 'DISTRICT_ADMIN':
    case 'EVALUATOR':
      return { sql: `${columns.district} = $${param}`, value: viewer.districtId ?? -1 };
    case 'STREET_ADMIN':
    case 'CENTER_STAFF':
      return { sql: `${columns.street} = $${param}`, value: viewer.streetId ?? -1 };
    default:
      return null;
  }
}

/** Demands: officials who read in the demand's street; a resident those of their home community and
 * the ones they raised. `homeCommunityId` is the resident's (null for others or when not chosen). */
export function canSeeDemand(
  viewer: Viewer | null,
  demand: { districtId: number; streetId: number; communityId: number; raisedBy: number | null },
  homeCommunityId: number | null,
): boolean {
  if (!viewer) return false;
  if (viewer.role === 'RESIDENT') {
    return (
      demand.raisedBy === viewer.userId ||
      (homeCommunityId !== null && homeCommunityId === demand.communityId)
    );
  }
  return canReadInStreet(viewer, demand);
}

/** Resources are shared across the district so that matching can use them: every official of the
 * district (staff, street and district admins, evaluators) reads the resource list. */
export function canReadResources(viewer: Viewer | null, districtId: number): boolean {
  return isOfficial(viewer) && viewer!.districtId !== null && viewer!.districtId === districtId;
}

/** Keeping a resource (create, edit, deactivate): whoever works in its owning street; a district-wide
 * resource (no owning street) only the district admin. */
export function canManageResource(
  viewer: Viewer | null,
  resource: { districtId: number; streetId: number | null },
): boolean {
  if (resource.streetId === null) {
    return viewer?.role === 'DISTRICT_ADMIN' && viewer.districtId === resource.districtId;
  }
  return canWorkInStreet(viewer, resource);
}

/** A resource's contact person (personal data) is revealed only to the owning street's staff: its
 * street admin and the staff of centers in that street; a district-wide resource's to the district
 * admin. Every reveal is recorded. */
export function canRevealResourceContact(
  viewer: Viewer | null,
  resource: { districtId: number; streetId: number | null },
): boolean {
  if (!viewer) return false;
  if (resource.streetId === null) {
    return viewer.role === 'DISTRICT_ADMIN' && viewer.districtId === resource.districtId;
  }
  return (
    (viewer.role === 'STREET_ADMIN' || viewer.role === 'CENTER_STAFF') &&
    viewer.streetId !== null &&
    viewer.streetId === resource.streetId
  );
}

/** Reading the planning lists of a region as a whole (export): a district only at district level
 * (its admin and evaluators); a street or community by whoever reads in that street. */
export function canReadRegionLists(
  viewer: Viewer | null,
  region: { level: string; districtId: number | null; streetId: number | null },
): boolean {
  if (!viewer || region.districtId === null) return false;
  if (region.level === 'DISTRICT') {
    return (
      (viewer.role === 'DISTRICT_ADMIN' || viewer.role === 'EVALUATOR') &&
      viewer.districtId === region.districtId
    );
  }
  return canReadInStreet(viewer, { districtId: region.districtId, streetId: region.streetId });
}

/** Satisfaction figures (report, ranking, dashboard, complaints) and evaluations of a region: a
 * district as a whole by its admin and its evaluators; a street, community or center by whoever
 * reads in that street (its admin and its centers' staff; center staff may read the whole street's
 * figures, which are not personal) and by the district's admin and evaluators. */
export function canReadRegionFigures(
  viewer: Viewer | null,
  region: { level: string; districtId: number | null; streetId: number | null },
): boolean {
  return canReadRegionLists(viewer, region);
}

/** Recording evaluations (八度空间) of a district's centers: its evaluators and its admin. */
export function canEvaluate(viewer: Viewer | null, districtId: number): boolean {
  return (
    !!viewer &&
    (viewer.role === 'EVALUATOR' || viewer.role === 'DISTRICT_ADMIN') &&
    viewer.districtId !== null &&
    viewer.districtId === districtId
  );
}

/** District settings (thresholds, weights, indicators): every official of the district reads them
 * (evaluators score against the indicators); only the district admin changes them. */
export function canReadDistrictSettings(viewer: Viewer | null, districtId: number): boolean {
  return isOfficial(viewer) && viewer!.districtId !== null && viewer!.districtId === districtId;
}

export function canManageDistrictSettings(viewer: Viewer | null, districtId: number): boolean {
  return viewer?.role === 'DISTRICT_ADMIN' && viewer.districtId !== null && viewer.districtId === districtId;
}

/** Surveys (满意度调查): built, opened, closed and given paper responses by whoever manages the
 * record the survey is about — the district admin for the district, the street admin for the
 * street, center staff for surveys of their center. */
export function canManageSurvey(
  viewer: Viewer | null,
  survey: { districtId: number; streetId: number | null; centerId: number | null },
): boolean {
  return canManage(viewer, survey);
}

/** Reading surveys of any status, their responses' free text (never who wrote it) and turning it
 * into demands: the district admin and the district's evaluators for the district, the street admin
 * for the street, center staff for their center. */
export function canReadSurveyAnswers(
  viewer: Viewer | null,
  record: { districtId: number; streetId: number | null; centerId: number | null },
): boolean {
  if (!viewer) return false;
  if (viewer.role === 'EVALUATOR')
    return viewer.districtId !== null && viewer.districtId === record.districtId;
  return canManage(viewer, record);
}

/** SQL restricting surveys or responses to what canReadSurveyAnswers allows; null for residents
 * and others (they see the public part only). Columns are given as SQL expressions. */
export function surveyScopeSql(
  viewer: Viewer,
  columns: { district: string; street: string; center: string },
  param: number,
): { sql: string; value: number } | null {
  switch (viewer.role) {
    case 'DISTRICT_ADMIN':
    case 'EVALUATOR':
      return { sql: `${columns.district} = $${param}`, value: viewer.districtId ?? -1 };
    case 'STREET_ADMIN':
      return { sql: `${columns.street} = $${param}`, value: viewer.streetId ?? -1 };
    case 'CENTER_STAFF':
      return { sql: `${columns.center} = $${param}`, value: viewer.centerId ?? -1 };
    default:
      return null;
  }
}

/** Where a case (诉求) lives, and at which level of the ladder it is. */
export interface CaseRecord {
  districtId: number;
  streetId: number;
  centerId: number | null;
  level: string;
}

/** Cases carry residents' personal data. Officials: the district admin reads the district's cases, a
 * street admin the street's, center staff their center's (a case of a community no center covers
 * belongs to the street admin). Evaluators and integrators read none here (integrators use Open311,
 * which never shows personal data). A resident sees the cases they reported or follow (a duplicate
 * of theirs was merged into it): `follows` says whether the viewer is one of them. */
export function canSeeCase(viewer: Viewer | null, record: CaseRecord, follows = false): boolean {
  if (!viewer) return false;
  if (viewer.role === 'RESIDENT') return follows;
  return canManage(viewer, record);
}

/** Acting on a case (accept, assign, escalate, resolve, …): whoever reads it as an official, except
 * that at the street operations center (街镇城运中心) only the street's and the district's admins act;
 * center staff follow it there. Residents act on their own case through the follow-up only (the
 * transition table's REPORTER moves). */
export function canActOnCase(viewer: Viewer | null, record: CaseRecord): boolean {
  if (!viewer || viewer.role === 'RESIDENT' || !canManage(viewer, record)) return false;
  return !(viewer.role === 'CENTER_STAFF' && record.level === 'STREET_OPERATIONS_CENTER');
}

/** SQL restricting cases to the officials' reach of canSeeCase (the reach of surveyScopeSql without
 * the evaluators); null for everyone else (residents see their own through the watchers). */
export function caseScopeSql(
  viewer: Viewer,
  columns: { district: string; street: string; center: string },
  param: number,
): { sql: string; value: number } | null {
  return viewer.role === 'EVALUATOR' ? null : surveyScopeSql(viewer, columns, param);
}

/** Case categories, time limits and the working calendar of a district: every official of the
 * district reads them (residents read the active categories when they report); only the district
 * admin changes them. */
export function canKeepCaseSettings(viewer: Viewer | null, districtId: number): boolean {
  return canManageDistrictSettings(viewer, districtId);
}

// ---- people and integrators (issue 11)

/** A staff account as the scope gate sees it: its role and where it acts. */
export interface AccountRecord {
  id?: number;
  role: Role;
  districtId: number | null;
  streetId: number | null;
  centerId: number | null;
}

/** Whether the viewer may give an account this role and scope (create it so, or change it to
 * this): a district admin street admins, center staff and evaluators of the district; a street
 * admin the center staff of the street's centers. Nobody acts on their own account here, above
 * their level or outside their scope; API keys never manage accounts. */
export function canManageAccount(viewer: Viewer | null, account: AccountRecord): boolean {
  if (!viewer || viewer.apiKey || viewer.mustChangePassword) return false;
  if (account.id !== undefined && account.id === viewer.userId) return false;
  if (!rolesGrantableBy(viewer.role).includes(account.role as never)) return false;
  if (account.role === 'CENTER_STAFF' && account.centerId === null) return false;
  if (account.role === 'STREET_ADMIN' && account.streetId === null) return false;
  switch (viewer.role) {
    case 'DISTRICT_ADMIN':
      return viewer.districtId !== null && viewer.districtId === account.districtId;
    case 'STREET_ADMIN':
      return viewer.streetId !== null && viewer.streetId === account.streetId;
    default:
      return false;
  }
}

/** Reading accounts: whoever may manage some accounts reads those they may manage. */
export function canListAccounts(viewer: Viewer | null): boolean {
  return !!viewer && !viewer.apiKey && rolesGrantableBy(viewer.role).length > 0;
}

/** The audit log, API keys and the district's webhooks: the district admin of the district. */
export function canReadAuditLog(viewer: Viewer | null): boolean {
  return !!viewer && !viewer.apiKey && viewer.role === 'DISTRICT_ADMIN' && viewer.districtId !== null;
}

export function canManageApiKeys(viewer: Viewer | null, districtId: number): boolean {
  return canReadAuditLog(viewer) && viewer!.districtId === districtId;
}

export function hasApiPermission(viewer: Viewer | null, permission: ApiPermission): boolean {
  return !!viewer?.apiKey && viewer.apiKey.permissions.includes(permission);
}

/** An API key with READ_LISTS reads the lists of its region (a district or one street). */
export function canKeyReadLists(
  viewer: Viewer | null,
  record: { districtId: number | null; streetId: number | null },
): boolean {
  if (!viewer || viewer.role !== 'INTEGRATOR' || !hasApiPermission(viewer, 'READ_LISTS')) return false;
  if (viewer.streetId !== null) return viewer.streetId === record.streetId;
  return viewer.districtId !== null && viewer.districtId === record.districtId;
}

/** Whether a key may write in a place: WRITE_DEMANDS and the place inside its region. */
export function canKeyWriteDemands(
  viewer: Viewer | null,
  record: { districtId: number | null; streetId: number | null },
): boolean {
  if (!hasApiPermission(viewer, 'WRITE_DEMANDS')) return false;
  if (viewer!.streetId !== null) return viewer!.streetId === record.streetId;
  return viewer!.districtId !== null && viewer!.districtId === record.districtId;
}

/** Webhook subscriptions: the district admin for the district's; a key with MANAGE_WEBHOOKS its own. */
export function canManageWebhook(
  viewer: Viewer | null,
  subscription: { districtId: number; apiKeyId: number | null },
): boolean {
  if (!viewer) return false;
  if (viewer.apiKey) {
    return hasApiPermission(viewer, 'MANAGE_WEBHOOKS') && subscription.apiKeyId === viewer.apiKey.id;
  }
  return canManageApiKeys(viewer, subscription.districtId);
}

/** A center's 3+X team and rota: whoever manages the center (its district, street and staff). */
export function canManageTeam(
  viewer: Viewer | null,
  center: { districtId: number; streetId: number; id: number },
): boolean {
  if (viewer?.apiKey) return false;
  return canManage(viewer, { districtId: center.districtId, streetId: center.streetId, centerId: center.id });
}
