// HTTP: Apollo Server behind Express, health and readiness probes, graceful drain on shutdown.
import 'reflect-metadata';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import express, { type RequestHandler } from 'express';
import { graphqlUploadExpress } from 'graphql-upload-minimal';
import type { DataSource } from 'typeorm';
import { config } from './config';
import { createContext, type Context } from './context';
import { formatError } from './graphql/errors';
import { jitGateway } from './graphql/jit-executor';
import { limitsPlugin, tooComplex, tooDeep } from './graphql/limits';
import { loadPersistedDocuments, persistedDocumentsMiddleware } from './graphql/persisted-documents';
import { createSchema } from './graphql/schema';
import { logger } from './logger';
import { viewerFromToken } from './modules/users/user.service';
import { open311Router } from './modules/cases/open311.router';
import { startWorkers } from './workers';

export interface ApiServer {
  app: express.Express;
  httpServer: http.Server;
  /** the GraphQL handler, to mount on other origins (the SPAs' servers) */
  graphqlHandler: RequestHandler;
  apollo: ApolloServer<Context>;
  listen: (port: number, host?: string) => Promise<number>;
  close: () => Promise<void>;
}

function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return m ? m[1].trim() : null;
}

/** A GraphQL-shaped error answer outside Apollo (body too large, nesting too deep, bad JSON). */
function sendError(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({
    errors: [{ message, extensions: { code, ...(code === 'BAD_USER_INPUT' ? { fields: [] } : {}) } }],
  });
}

/** JSON bodies up to GRAPHQL_MAX_BODY_BYTES, nesting up to GRAPHQL_MAX_NESTING; refusals as JSON. */
const jsonParser = express.json({ limit: config.maxBodyBytes });
const parseBody: RequestHandler = (req, res, next) =>
  jsonParser(req, res, (err?: unknown) => {
    if (err) {
      const e = err as { type?: string; status?: number };
      if (e.type === 'entity.too.large')
        return sendError(
          res,
          413,
          'BAD_USER_INPUT',
          `请求过大（上限 ${config.maxBodyBytes} 字节）/ request body too large`,
        );
      return sendError(res, 400, 'BAD_USER_INPUT', '请求格式错误 / malformed request body');
    }
    if (tooDeep(req.body, config.maxNesting)) {
      const error = tooComplex(
        `嵌套过深（上限 ${config.maxNesting} 层）/ nested deeper than ${config.maxNesting} levels`,
      );
      return sendError(res, 400, error.code, error.message);
    }
    next();
  });

/** Refuses an answer larger than GRAPHQL_MAX_RESPONSE_BYTES (the cost budget should stop such a query
 * first; this is the backstop). */
const capResponse: RequestHandler = (_req, res, next) => {
  const end = res.end.bind(res) as (...args: unknown[]) => express.Response;
  (res as { end: unknown }).end = (chunk?: unknown, ...rest: unknown[]) => {
    const size =
      typeof chunk === 'string' ? Buffer.byteLength(chunk) : Buffer.isBuffer(chunk) ? chunk.length : 0;
    if (size > config.maxResponseBytes && !res.headersSent) {
      const error = tooComplex(`结果过大 / the answer exceeds ${config.maxResponseBytes} bytes`);
      res.status(400).setHeader('content-type', 'application/json; charset=utf-8');
      res.removeHeader('content-length');
      return end(JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }));
    }
    return end(chunk, ...rest);
  };
  next();
};

export interface ApiServerOptions {
  /** start the background workers (workers.ts); default: config.workers (WORKERS env, on) */
  workers?: boolean;
}

export async function createApiServer(db: DataSource, options: ApiServerOptions = {}): Promise<ApiServer> {
  const schema = await createSchema();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const armor = new ApolloArmor({
    maxDepth: { n: config.maxQueryDepth, propagateOnRejection: true },
    // the cost that multiplies down the tree is graphql/query-cost.ts (limitsPlugin)
    costLimit: { enabled: false },
    maxAliases: { n: config.maxAliases },
    maxDirectives: { n: 50 },
    // tokens are limited by the parser itself (parseOptions below): a 400, not a 500
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    // execution by graphql-jit (see graphql/jit-executor.ts); the schema comes through it
    gateway: jitGateway(schema),
    ...protection,
    plugins: [
      ...protection.plugins,
      limitsPlugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // no cache hints are used; the plugin would wrap every field resolver
      ApolloServerPluginCacheControlDisabled(),
      // no landing page: Apollo's loads its sandbox from a CDN
      ApolloServerPluginLandingPageDisabled(),
    ],
    formatError,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: config.maxTokens },
    // our own SIGTERM handling drains and exits 0 (cli/shutdown.ts); Apollo's would re-send the signal
    stopOnTerminationSignals: false,
    // the SPAs' documents are persisted at build time (graphql/persisted-documents.ts), not cached on demand
    persistedQueries: false,
  });
  await apollo.start();

  const graphqlHandler = expressMiddleware(apollo, {
    context: async ({ req }) =>
      createContext(
        db,
        await viewerFromToken(db, bearer(req.headers.authorization)),
        randomUUID(),
        req.ip ?? req.socket.remoteAddress ?? '',
        (req as { trustedDocument?: boolean }).trustedDocument === true,
      ),
  });
  const persisted = persistedDocumentsMiddleware(loadPersistedDocuments());
  const json: RequestHandler = (req, res, next) => parseBody(req, res, () => persisted(req, res, next));
  // GraphQL multipart requests (files as files, not base64): one file of at most UPLOAD_MAX_BYTES
  const multipart = graphqlUploadExpress({ maxFileSize: config.maxUploadBytes, maxFiles: 3 });
  // a refused multipart request (too many files, a malformed map) answers as GraphQL JSON, not HTML
  const uploads: RequestHandler = (req, res, next) =>
    multipart(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { status?: number; expose?: boolean; message?: string };
      const status = e.status && e.status >= 400 && e.status < 500 ? e.status : 400;
      sendError(
        res,
        status,
        'BAD_USER_INPUT',
        `上传有误 / the upload was refused: ${e.expose ? e.message : 'bad request'}`,
      );
    });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });
  // integrators' browser clients on other origins; Apollo's CSRF prevention stays on
  const origins =
    config.corsOrigins === '*'
      ? true
      : config.corsOrigins
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean);
  app.use('/graphql', cors({ origin: origins, maxAge: 600 }), capResponse, uploads, json, graphqlHandler);
  // Open311 GeoReport v2 over cases (modules/cases/open311.router.ts)
  app.use('/open311/v2', open311Router(db));

  const stopWorkers = (options.workers ?? config.workers) ? startWorkers(db) : async () => undefined;

  return {
    app,
    httpServer,
    graphqlHandler: (req, res, next) =>
      uploads(req, res, () => json(req, res, () => graphqlHandler(req, res, next))),
    apollo,
    listen: (port, host = config.host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const addr = httpServer.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
      }),
    close: async () => {
      await stopWorkers();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
      logger.info('API stopped');
    },
  };
}
