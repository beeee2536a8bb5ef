import { boot, run, runMigrations } from './bootstrap';

run(async () => {
  const { shutdown, maintenance } = await boot();
  await maintenance(runMigrations);
  await shutdown();
});
