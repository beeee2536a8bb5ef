// Per-request context: who is asking, the data source, and fresh DataLoaders.
import type { DataSource } from 'typeorm';
import type { Viewer } from './auth/viewer';
import { createPlacesLoaders, type PlacesLoaders } from './modules/places/places.loaders';
import { createServicesLoaders, type ServicesLoaders } from './modules/services/services.loaders';

export interface Loaders {
  places: PlacesLoaders;
  services: ServicesLoaders;
}

export interface Context {
  viewer: Viewer | null;
  db: DataSource;
  loaders: Loaders;
  requestId: string;
  /** the caller's address, for rate limits */
  ip: string;
}

export function createLoaders(db: DataSource): Loaders {
  return { places: createPlacesLoaders(db), services: createServicesLoaders(db) };
}

export function createContext(db: DataSource, viewer: Viewer | null, requestId: string, ip = ''): Context {
  return { viewer, db, loaders: createLoaders(db), requestId, ip };
}
