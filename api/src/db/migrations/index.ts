// Every migration, in order. Add one file per change and list it here.
import { PlacesAndServices1732300000000 } from './1732300000000-places-and-services';
import { MenusResidentsOrders1732400000000 } from './1732400000000-menus-residents-orders';
import { DemandsResourcesProjects1732500000000 } from './1732500000000-demands-resources-projects';
import { SurveysEvaluations1732600000000 } from './1732600000000-surveys-evaluations';
import { SatisfactionScale1732700000000 } from './1732700000000-satisfaction-scale';
import { Hardening1732800000000 } from './1732800000000-hardening';
import { RollupQueue1732900000000 } from './1732900000000-rollup-queue';
import { PeopleAndIntegrators1733000000000 } from './1733000000000-people-and-integrators';
import { NotificationsAndCases1733100000000 } from './1733100000000-notifications-and-cases';

export const migrations = [
  PlacesAndServices1732300000000,
  MenusResidentsOrders1732400000000,
  DemandsResourcesProjects1732500000000,
  SurveysEvaluations1732600000000,
  SatisfactionScale1732700000000,
  Hardening1732800000000,
  RollupQueue1732900000000,
  PeopleAndIntegrators1733000000000,
  NotificationsAndCases1733100000000,
];
