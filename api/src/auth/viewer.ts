import type { ApiPermission, Role } from '@lc/domain';

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
  /** an account with a one-time password: may only change it (and read `me`) */
  mustChangePassword?: boolean;
  /** set when the caller authenticated with an API key (role INTEGRATOR) */
  apiKey?: ApiKeyGrant | null;
}

/** What an API key allows: its region (districtId/streetId of the viewer), permissions and limits. */
export interface ApiKeyGrant {
  id: number;
  name: string;
  permissions: readonly ApiPermission[];
  rateLimitPerMinute: number;
  costBudgetPerMinute: number;
}
