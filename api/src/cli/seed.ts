import { logger } from '../logger';
import { boot, run, runMigrations, seedIfEmpty } from './bootstrap';

run(async () => {
  const { db, shutdown } = await boot();
  await runMigrations(db);
  const seeded = await seedIfEmpty(db);
  logger.info(seeded ? 'demo data seeded' : 'database already holds data: nothing seeded');
  await shutdown();
});
