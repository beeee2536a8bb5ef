import { logger } from '../logger';
import { boot, run, runMigrations, seedIfEmpty } from './bootstrap';

run(async () => {
  const { shutdown, maintenance } = await boot();
  const seeded = await maintenance(async (db) => {
    await runMigrations(db);
    return seedIfEmpty(db);
  });
  logger.info(seeded ? 'demo data seeded' : 'database already holds data: nothing seeded');
  await shutdown();
});
