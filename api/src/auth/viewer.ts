import type { Role } from '@lc/domain';

/** Who is asking, resolved once per request from the bearer token. */
export interface Viewer {
  userId: number;
  role: Role;
  displayName: string;
  /** the district the user acts in (district admins, street admins, staff, evaluators) */
  districtId: number | null;
  /** the street the user acts in (street admins, center staff) */
  streetId: number | null;
  /** center staff: their center */
  centerId: number | null;
}
