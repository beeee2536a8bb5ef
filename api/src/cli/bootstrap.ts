// Shared start-up steps of the command-line entry points.
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { config } from '../config';
import { connect, migrate } from '../db/data-source';
import { openDatabase, type DatabaseHandle } from '../db/database';
import { buildDemoData } from '../db/seed/data';
import { isEmpty, writeSeed } from '../db/seed/seed';
import { logger } from '../logger';

export interface Booted {
  /** the API's pool, with DB_STATEMENT_TIMEOUT_MS on every statement */
  db: DataSource;
  database: DatabaseHandle;
  /** runs long work (migrations, demo data) on a connection of its own without the statement timeout */
  maintenance: <T>(work: (db: DataSource) => Promise<T>) => Promise<T>;
  shutdown: () => Promise<void>;
}

/** Opens the database (embedded unless DATABASE_URL is set) and connects. */
export async function boot(): Promise<Booted> {
  const database = await openDatabase();
  const db = await connect(database.url, { statementTimeoutMs: config.statementTimeoutMs });
  return {
    db,
    database,
    maintenance: async (work) => {
      const own = await connect(database.url, { poolMax: 2 });
      try {
        return await work(own);
      } finally {
        await own.destroy();
      }
    },
    shutdown: async () => {
      await db.destroy().catch(() => undefined);
      await database.stop();
    },
  };
}

export async function runMigrations(db: DataSource): Promise<void> {
  const done = await migrate(db);
  logger.info({ migrations: done }, done.length ? 'migrations applied' : 'schema up to date');
}

/** Seeds the demo data when the database holds no regions yet. */
export async function seedIfEmpty(db: DataSource): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const data = buildDemoData();
  if (config.isProduction) {
    logger.warn('NODE_ENV=production: demo accounts are not created');
    data.users = [];
  }
  await writeSeed(db, data);
  return true;
}

/** Runs `main`, stopping cleanly on SIGINT/SIGTERM and on failure. */
export function run(main: () => Promise<void>): void {
  main().catch((err) => {
    logger.fatal({ err }, 'failed');
    process.exit(1);
  });
}
