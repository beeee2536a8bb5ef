// A real API server on the run's test database, spoken to with GraphQL over HTTP.
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { config } from '../config';
import { connect } from '../db/data-source';
import { DEMO_PASSWORD } from '../db/seed/seed-types';
import { createApiServer, type ApiServer } from '../server';
import { signToken } from '../auth/token';

export interface GqlResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; fields?: { field: string; message: string }[] } & Record<string, unknown>;
  }[];
}

/** The demo officials most tests sign in as: two district admins, two street admins, a center's
 * staff and an evaluator (see the demo accounts in the README). */
export const DEMO_OFFICIALS = [
  'putuo_admin',
  'jiading_admin',
  'changzheng_admin',
  'taopu_admin',
  'taopudong_staff',
  'evaluator',
] as const;

export interface TestApi {
  url: string;
  db: DataSource;
  server: ApiServer;
  gql: <T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) => Promise<GqlResponse<T>>;
  /** a GraphQL multipart request (graphql-multipart-request spec) carrying one file in `file.variable` */
  upload: <T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown>,
    file: { variable: string; name: string; data: Buffer; type?: string },
    token?: string,
  ) => Promise<GqlResponse<T>>;
  login: (username: string, password?: string) => Promise<string>;
  /** demo users signed in at once: username → token */
  loginAll: (usernames: readonly string[]) => Promise<Record<string, string>>;
  /** the id of a demo region by its name (and level, when names repeat) */
  regionId: (name: string, level?: 'DISTRICT' | 'STREET' | 'COMMUNITY') => Promise<number>;
  close: () => Promise<void>;
}

export async function startTestApi(): Promise<TestApi> {
  const dbUrl = process.env.LC_TEST_DATABASE_URL;
  if (!dbUrl) throw new Error('LC_TEST_DATABASE_URL is not set: run through jest (globalSetup)');
  const db = await connect(dbUrl, { poolMax: 5, statementTimeoutMs: config.statementTimeoutMs });
  // no background workers: tests count statements per request and drain queues themselves
  // (e.g. drainRollupQueue), so what they read is decided, not raced
  process.env.WORKERS ??= 'off';
  const server = await createApiServer(db);
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const gql: TestApi['gql'] = async (query, variables, token) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GqlResponse<any>;
  };
  const upload: TestApi['upload'] = async (query, variables, file, token) => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query, variables: { ...variables, [file.variable]: null } }));
    form.append('map', JSON.stringify({ 0: [`variables.${file.variable}`] }));
    form.append('0', new Blob([file.data], { type: file.type ?? 'application/octet-stream' }), file.name);
    const res = await fetch(url, {
      method: 'POST',
      // multipart is a "simple" request: Apollo's CSRF prevention wants this header
      headers: { 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: form,
    });
    return (await res.json()) as GqlResponse<any>;
  };
  const login = async (username: string, password = DEMO_PASSWORD) => {
    const r = await gql<{ login: { token: string } }>(
      `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`,
      { u: username, p: password },
    );
    if (!r.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(r.errors)}`);
    return r.data.login.token;
  };
  const loginAll = async (usernames: readonly string[]) =>
    Object.fromEntries(await Promise.all(usernames.map(async (u) => [u, await login(u)] as const)));
  const regionId = async (name: string, level?: string) => {
    const rows: { id: number }[] = await db.query(
      `SELECT id FROM region WHERE name = $1 AND ($2::text IS NULL OR level = $2) ORDER BY id`,
      [name, level ?? null],
    );
    if (rows.length !== 1) throw new Error(`region ${name} ${level ?? ''}: ${rows.length} found`);
    return rows[0].id;
  };
  return {
    url,
    db,
    server,
    gql,
    upload,
    login,
    loginAll,
    regionId,
    close: async () => {
      await server.close();
      await db.destroy();
    },
  };
}

let residentSeq = 0;

/** A fresh resident account of the test database with a signed token (no phone needed here). */
export async function createTestResident(
  api: TestApi,
  homeCenterId: number | null = null,
): Promise<{ id: number; token: string }> {
  residentSeq += 1;
  const username = `test-resident-${process.pid}-${Date.now()}-${residentSeq}`;
  const [row] = await api.db.query(
    `INSERT INTO app_user (username, display_name, role, home_center_id) VALUES ($1, $2, 'RESIDENT', $3) RETURNING id`,
    [username, `测试居民${residentSeq}`, homeCenterId],
  );
  return { id: row.id, token: signToken(row.id, 'RESIDENT') };
}
