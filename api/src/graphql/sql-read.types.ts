// Every module's compiled reads (graphql/sql-read.ts). Modules add theirs here, like resolvers.ts.
import { placesSqlReads } from '../modules/places/places.sql';
import { servicesSqlReads } from '../modules/services/services.sql';
import type { SqlReadModule } from './sql-read';

export const sqlReadModules: readonly SqlReadModule[] = [placesSqlReads, servicesSqlReads];
