import type { AuthChecker } from 'type-graphql';
import { forbidden, unauthenticated } from '../common/app-error';
import type { Context } from '../context';

/** `@Authorized()` needs a signed-in user; `@Authorized('DISTRICT_ADMIN', ...)` one of those roles.
 * Record scope is checked in services through auth/policy.ts. */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (!context.viewer) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.viewer.role)) throw forbidden('your role may not do this');
  return true;
};
