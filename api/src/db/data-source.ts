import { DataSource } from 'typeorm';
import { config } from '../config';
import { logger } from '../logger';
import { entities } from './entities';
import { migrations } from './migrations';
import { CountingLogger } from './query-counter';

/** A TypeORM data source on PostgreSQL. Migrations only: synchronize is always off. */
export interface ConnectOptions {
  poolMax?: number;
  /** PostgreSQL's statement_timeout for every connection of the pool (the API's; 0 or unset: none) */
  statementTimeoutMs?: number;
}

export function createDataSource(url: string, options: ConnectOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['query', 'error', 'warn', 'migration'],
    logger: new CountingLogger(),
    maxQueryExecutionTime: 1000,
    extra: {
      max: options.poolMax ?? config.dbPoolMax,
      connectionTimeoutMillis: config.dbConnectTimeoutMs,
      idleTimeoutMillis: 30000,
      application_name: 'life-circle-api',
      ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
    },
  });
}

/** Initialise and attach a pool error handler, so a dropped idle connection never kills the process. */
export async function connect(url: string, options: ConnectOptions = {}): Promise<DataSource> {
  const ds = createDataSource(url, options);
  await ds.initialize();
  const driver = ds.driver as unknown as { master?: { on(ev: string, fn: (e: Error) => void): void } };
  driver.master?.on('error', (err: Error & { code?: string }) =>
    logger.warn({ code: err.code, message: err.message }, 'idle database connection error'),
  );
  return ds;
}

export async function migrate(ds: DataSource): Promise<string[]> {
  const done = await ds.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}
