// `pnpm --filter api start`: the API alone on PORT, against DATABASE_URL (or the embedded database).
import { config } from '../config';
import { logger } from '../logger';
import { createApiServer } from '../server';
import { boot, run, runMigrations } from './bootstrap';
import { onShutdown } from './shutdown';

run(async () => {
  const { db, shutdown, maintenance } = await boot();
  if (process.env.MIGRATE_ON_START !== 'false') await maintenance(runMigrations);
  const api = await createApiServer(db);
  const port = await api.listen(config.port);
  logger.info(`API on http://localhost:${port}/graphql`);
  onShutdown(async () => {
    await api.close();
    await shutdown();
  });
});
