// HTTP: Apollo Server behind Express, health and readiness probes, graceful drain on shutdown.
import 'reflect-metadata';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cors from 'cors';
import express, { type RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { config } from './config';
import { createContext, type Context } from './context';
import { formatError } from './graphql/errors';
import { jitGateway } from './graphql/jit-executor';
import { createSchema } from './graphql/schema';
import { logger } from './logger';
import { viewerFromToken } from './modules/users/user.service';
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

export async function createApiServer(db: DataSource): Promise<ApiServer> {
  const schema = await createSchema();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const armor = new ApolloArmor({
    maxDepth: { n: config.maxQueryDepth, propagateOnRejection: true },
    costLimit: { maxCost: config.maxQueryCost, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    maxAliases: { n: config.maxAliases },
    maxDirectives: { n: 50 },
    maxTokens: { n: 5000 },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    // execution by graphql-jit (see graphql/jit-executor.ts); the schema comes through it
    gateway: jitGateway(schema),
    ...protection,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // no cache hints are used; the plugin would wrap every field resolver
      ApolloServerPluginCacheControlDisabled(),
    ],
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  const stopWorkers = startWorkers(db);
  const graphqlHandler = expressMiddleware(apollo, {
    context: async ({ req }) =>
      createContext(
        db,
        await viewerFromToken(db, bearer(req.headers.authorization)),
        randomUUID(),
        req.ip ?? req.socket.remoteAddress ?? '',
      ),
  });
  // 8mb: a menu import carries an .xlsx of up to 5 MB as base64 (~6.7 MB) in its variables.
  const json = express.json({ limit: '8mb' });

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
  const origins = config.corsOrigins === '*' ? true : config.corsOrigins.split(',').map((o) => o.trim());
  app.use('/graphql', cors({ origin: origins, maxAge: 600 }), json, graphqlHandler);

  return {
    app,
    httpServer,
    graphqlHandler: (req, res, next) => json(req, res, () => graphqlHandler(req, res, next)),
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
