// The one scope gate. Every service that reads or changes a scoped record asks here.
//   district admin → records of their district
//   street admin   → records of their street
//   center staff   → records of their center
//   evaluators, residents, integrators → no administrative writes
import { forbidden, unauthenticated } from '../common/app-error';
import type { Viewer } from './viewer';

/** Where a record lives. */
export interface ScopedRecord {
  districtId: number | null;
  streetId: number | null;
  centerId?: number | null;
}

export function canManage(viewer: Viewer | null, record: ScopedRecord): boolean {
  if (!viewer) return false;
  switch (viewer.role) {
    case 'DISTRICT_ADMIN':
      return viewer.districtId !== null && viewer.districtId === record.districtId;
    case 'STREET_ADMIN':
      return viewer.streetId !== null && viewer.streetId === record.streetId;
    case 'CENTER_STAFF':
      return viewer.centerId !== null && record.centerId != null && viewer.centerId === record.centerId;
    case 'EVALUATOR':
    case 'RESIDENT':
    case 'INTEGRATOR':
      return false;
  }
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
