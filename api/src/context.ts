// Per-request context: who is asking, the data source, and fresh DataLoaders.
import type { DataSource } from 'typeorm';
import type { Viewer } from './auth/viewer';
import { createDeliveryLoaders, type DeliveryLoaders } from './modules/delivery/delivery.loaders';
import { createDemandsLoaders, type DemandsLoaders } from './modules/demands/demand.loaders';
import { createEvaluationsLoaders, type EvaluationsLoaders } from './modules/evaluations/evaluations.loaders';
import { createProjectsLoaders, type ProjectsLoaders } from './modules/projects/projects.loaders';
import { createPlacesLoaders, type PlacesLoaders } from './modules/places/places.loaders';
import { createResourcesLoaders, type ResourcesLoaders } from './modules/resources/resource.loaders';
import {
  createSatisfactionLoaders,
  type SatisfactionLoaders,
} from './modules/satisfaction/satisfaction.loaders';
import { createServicesLoaders, type ServicesLoaders } from './modules/services/services.loaders';
import { createSurveysLoaders, type SurveysLoaders } from './modules/surveys/surveys.loaders';
import { createCasesLoaders, type CasesLoaders } from './modules/cases/cases.loaders';

export interface Loaders {
  places: PlacesLoaders;
  services: ServicesLoaders;
  delivery: DeliveryLoaders;
  demands: DemandsLoaders;
  resources: ResourcesLoaders;
  projects: ProjectsLoaders;
  satisfaction: SatisfactionLoaders;
  evaluations: EvaluationsLoaders;
  surveys: SurveysLoaders;
  cases: CasesLoaders;
}

export interface Context {
  viewer: Viewer | null;
  db: DataSource;
  loaders: Loaders;
  requestId: string;
  /** the caller's address, for rate limits */
  ip: string;
  /** the document is one of the SPAs' persisted documents */
  trustedDocument?: boolean;
  /** a cost budget of the caller's own (an integrator key's), instead of the default ones */
  costBudget?: number;
  /** the operation's cost, once computed (graphql/limits.ts) */
  queryCost?: number;
}

export function createLoaders(db: DataSource): Loaders {
  return {
    places: createPlacesLoaders(db),
    services: createServicesLoaders(db),
    delivery: createDeliveryLoaders(db),
    demands: createDemandsLoaders(db),
    resources: createResourcesLoaders(db),
    projects: createProjectsLoaders(db),
    satisfaction: createSatisfactionLoaders(db),
    evaluations: createEvaluationsLoaders(db),
    surveys: createSurveysLoaders(db),
    cases: createCasesLoaders(db),
  };
}

export function createContext(
  db: DataSource,
  viewer: Viewer | null,
  requestId: string,
  ip = '',
  trustedDocument = false,
): Context {
  return { viewer, db, loaders: createLoaders(db), requestId, ip, trustedDocument };
}
