// Every environment variable the API reads, parsed once. README.md lists them.
import { randomBytes } from 'node:crypto';
import path from 'node:path';

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

const isProduction = process.env.NODE_ENV === 'production';
/** Repository root (api/dist/config.js or api/src/config.ts → ../..). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

function jwtSecret(): string {
  const s = process.env.JWT_SECRET;
  if (s) return s;
  if (isProduction) throw new Error('JWT_SECRET must be set when NODE_ENV=production');
  // Development: a per-process secret unless one is given; tokens die with the process.
  return process.env.JWT_DEV_SECRET ?? randomBytes(32).toString('hex');
}

/** Development only: fixed, so phone numbers in an embedded dev database stay readable across restarts. */
const DEV_PHONE_KEY = 'life-circle-development-phone-key-not-for-production';

function phoneKey(): string {
  const k = process.env.PHONE_KEY;
  if (k) {
    if (k.length < 32)
      throw new Error('PHONE_KEY must be at least 32 characters (e.g. `openssl rand -hex 32`)');
    return k;
  }
  if (isProduction) throw new Error('PHONE_KEY must be set when NODE_ENV=production');
  return DEV_PHONE_KEY;
}

/** Who delivers login codes: `dev` logs them and keeps them for devLoginCodes; `none` refuses to send.
 * `dev` is refused at start-up in production (it would write codes to the log). */
function smsSender(): 'dev' | 'none' {
  const s = process.env.SMS_SENDER || (isProduction ? 'none' : 'dev');
  if (s !== 'dev' && s !== 'none') throw new Error(`SMS_SENDER must be "dev" or "none", got "${s}"`);
  if (s === 'dev' && isProduction) throw new Error('SMS_SENDER=dev is not allowed when NODE_ENV=production');
  return s;
}

export const config = {
  isProduction,
  port: int('PORT', 4000),
  adminPort: int('ADMIN_PORT', 5173),
  residentPort: int('RESIDENT_PORT', 5174),
  host: process.env.HOST ?? '0.0.0.0',
  databaseUrl: process.env.DATABASE_URL || undefined,
  embeddedDataDir: process.env.EMBEDDED_PG_DIR ?? path.join(REPO_ROOT, '.data', 'postgres'),
  embeddedPort: int('EMBEDDED_PG_PORT', 54329),
  /** where meeting attachments are kept (LocalFileStorage) */
  fileStorageDir: process.env.FILE_STORAGE_DIR ?? path.join(REPO_ROOT, '.data', 'files'),
  jwtSecret: jwtSecret(),
  jwtTtl: process.env.JWT_TTL ?? '12h',
  /** the secret both phone-number keys (encryption, lookup hash) are derived from */
  phoneKey: phoneKey(),
  smsSender: smsSender(),
  dbPoolMax: int('DB_POOL_MAX', 10),
  dbConnectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', 5000),
  logLevel: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  maxQueryDepth: int('GRAPHQL_MAX_DEPTH', 10),
  /** query cost budgets (fields resolved, lists multiplied out; see graphql/query-cost.ts) */
  costBudgetAnonymous: int('GRAPHQL_COST_ANONYMOUS', 60_000),
  costBudgetSignedIn: int('GRAPHQL_COST_SIGNED_IN', 300_000),
  /** introspection and "did you mean" suggestions: on in development, off in production unless true */
  introspection: process.env.GRAPHQL_INTROSPECTION
    ? process.env.GRAPHQL_INTROSPECTION === 'true'
    : !isProduction,
  /** largest request body (JSON) and largest response, bytes */
  maxBodyBytes: int('GRAPHQL_MAX_BODY_BYTES', 8 * 1024 * 1024),
  maxResponseBytes: int('GRAPHQL_MAX_RESPONSE_BYTES', 16 * 1024 * 1024),
  /** execution deadline of one operation, and PostgreSQL's statement_timeout of the API's pool */
  requestTimeoutMs: int('GRAPHQL_TIMEOUT_MS', 8000),
  statementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', 5000),
  /** deepest nesting of brackets in a request (query text or variables) */
  maxNesting: int('GRAPHQL_MAX_NESTING', 64),
  /** largest uploaded file, bytes */
  maxUploadBytes: int('UPLOAD_MAX_BYTES', 10 * 1024 * 1024),
  maxAliases: int('GRAPHQL_MAX_ALIASES', 30),
  maxTokens: int('GRAPHQL_MAX_TOKENS', 5000),
  shutdownGraceMs: int('SHUTDOWN_GRACE_MS', 10000),
  /** origins allowed to call /graphql from a browser: '*' or a comma-separated list; in production
   * only the listed ones (none when unset) */
  corsOrigins: process.env.CORS_ORIGINS ?? (isProduction ? '' : '*'),
  /** Redis for limits shared by several API processes (in-database otherwise) */
  redisUrl: process.env.REDIS_URL || undefined,
};
