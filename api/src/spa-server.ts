// Serves a built SPA with /graphql on the same origin (no CORS, no API URL to configure).
import http from 'node:http';
import path from 'node:path';
import { existsSync } from 'node:fs';
import express, { type RequestHandler } from 'express';
import { config, REPO_ROOT } from './config';

export type SpaName = 'web-admin' | 'web-resident';

export function spaDist(name: SpaName): string {
  return path.join(REPO_ROOT, name, 'dist');
}

/** Starts an HTTP server for one SPA's production build; resolves with the port it listens on. */
export async function serveSpa(
  name: SpaName,
  graphql: RequestHandler,
  port: number,
  host = config.host,
): Promise<{ server: http.Server; port: number }> {
  const dist = spaDist(name);
  if (!existsSync(path.join(dist, 'index.html'))) throw new Error(`${name} is not built: run pnpm build`);
  const app = express();
  app.disable('x-powered-by');
  app.use('/graphql', graphql);
  app.use(express.static(dist, { index: 'index.html', maxAge: '1h' }));
  // client-side routes fall back to index.html
  app.use((req, res, next) => {
    if (req.method !== 'GET') return next();
    res.sendFile(path.join(dist, 'index.html'));
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address();
  return { server, port: typeof addr === 'object' && addr ? addr.port : port };
}
