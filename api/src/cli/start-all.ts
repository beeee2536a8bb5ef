// `pnpm start`: database (embedded unless DATABASE_URL), migrations, demo data when empty, the API
// and both SPAs' production builds, each SPA on its own port with /graphql on the same origin.
import type http from 'node:http';
import { config } from '../config';
import { logger } from '../logger';
import { createApiServer } from '../server';
import { serveSpa } from '../spa-server';
import { DEMO_PASSWORD } from '../db/seed/seed-types';
import { boot, run, runMigrations, seedIfEmpty } from './bootstrap';
import { onShutdown } from './shutdown';

run(async () => {
  const { db, shutdown, database, maintenance } = await boot();
  await maintenance(async (m) => {
    await runMigrations(m);
    if (await seedIfEmpty(m)) logger.info('demo data seeded');
  });
  const api = await createApiServer(db);
  await api.listen(config.port);
  const spas: http.Server[] = [];
  spas.push((await serveSpa('web-admin', api.graphqlHandler, config.adminPort)).server);
  spas.push((await serveSpa('web-resident', api.graphqlHandler, config.residentPort)).server);
  const lines = [
    '',
    '15分钟社区生活圈 / 15-minute community life circle is running:',
    `  GraphQL API          http://localhost:${config.port}/graphql`,
    `  管理端 web-admin      http://localhost:${config.adminPort}/`,
    `  居民端 web-resident   http://localhost:${config.residentPort}/`,
    `  database             ${database.embedded ? `embedded PostgreSQL (${config.embeddedDataDir})` : 'DATABASE_URL'}`,
    '',
    `Demo accounts (password ${DEMO_PASSWORD}):`,
    '  putuo_admin       区级管理员 普陀区 / district admin, Putuo',
    '  changzheng_admin  街镇管理员 长征镇 / street admin, Changzheng',
    '  taopu_admin       街镇管理员 桃浦镇 / street admin, Taopu',
    '  taopudong_staff   中心工作人员 桃浦东片区 / center staff, Taopu East hub',
    '  evaluator         评估专家 / evaluator',
    '',
    'Ctrl-C stops everything, the database included.',
  ];
  console.log(lines.join('\n'));
  onShutdown(async () => {
    await Promise.all(spas.map((s) => new Promise<void>((r) => s.close(() => r()))));
    await api.close();
    await shutdown();
  });
});
