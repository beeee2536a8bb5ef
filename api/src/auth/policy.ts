// The one scope gate. Every service that reads or changes a scoped record asks here.
//   district admin → records of their district
//   street admin   → records of their street
//   center staff   → records of their center
//   evaluators, residents, integrators → no administrative writes
import { forbidden, unauthenticated } from '../common/app-error';
import type { ServiceMenu } from '@lc/domain';
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

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

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
