import { boot, run, runMigrations } from './bootstrap';

run(async () => {
  const { db, shutdown } = await boot();
  await runMigrations(db);
  await shutdown();
});
