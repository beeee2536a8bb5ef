// Where the database is: DATABASE_URL when set, otherwise the embedded PostgreSQL.
import { Client } from 'pg';
import { config } from '../config';
import { logger } from '../logger';
import { startEmbeddedPostgres } from './embedded';

export interface DatabaseHandle {
  url: string;
  /** stops the embedded server, if this process started one */
  stop: () => Promise<void>;
  embedded: boolean;
}

export const DEFAULT_DATABASE = 'life_circle';

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL must name a database');
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({
    connectionString: admin.toString(),
    connectionTimeoutMillis: config.dbConnectTimeoutMs,
  });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" ENCODING 'UTF8' TEMPLATE template0`);
      logger.info({ database: name }, 'database created');
    }
  } finally {
    await client.end();
  }
}

export async function openDatabase(
  opts: { url?: string; dataDir?: string; port?: number; database?: string } = {},
): Promise<DatabaseHandle> {
  const url = opts.url ?? config.databaseUrl;
  if (url) {
    await ensureDatabase(url);
    return { url, stop: async () => undefined, embedded: false };
  }
  const handle = await startEmbeddedPostgres(
    opts.dataDir ?? config.embeddedDataDir,
    opts.port ?? config.embeddedPort,
  );
  const embeddedUrl = handle.url(opts.database ?? DEFAULT_DATABASE);
  await ensureDatabase(embeddedUrl);
  return { url: embeddedUrl, stop: handle.stop, embedded: true };
}
