// Every resolver of the schema. Modules add theirs here.
import { CenterResolver } from '../modules/places/center.resolver';
import { RegionResolver } from '../modules/places/region.resolver';
import { ServiceItemResolver } from '../modules/services/service-item.resolver';
import {
  CenterOfferingsResolver,
  ServiceOfferingResolver,
} from '../modules/services/service-offering.resolver';
import { UserResolver } from '../modules/users/user.resolver';

export const resolvers = [
  RegionResolver,
  CenterResolver,
  ServiceItemResolver,
  ServiceOfferingResolver,
  CenterOfferingsResolver,
  UserResolver,
] as const;
