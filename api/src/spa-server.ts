// Serves a built SPA with /graphql on the same origin (no CORS, no API URL to configure). Files are
// served as the build left them: precompressed (.br, .gz written by the SPAs' build, see
// tools/vite-precompress.ts) when the browser accepts it; Vite's content-hashed assets
// (/assets/*) are immutable for a year, everything else (index.html) is revalidated every time.
import http from 'node:http';
import path from 'node:path';
import { existsSync, readdirSync, statSync } from 'node:fs';
import express, { type RequestHandler } from 'express';
import { config, REPO_ROOT } from './config';

export type SpaName = 'web-admin' | 'web-resident';

export function spaDist(name: SpaName): string {
  return path.join(REPO_ROOT, name, 'dist');
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};
const REVALIDATE = 'no-cache';

/** Files of the build by URL path, with the encodings found beside them. */
function indexFiles(dist: string): Map<string, { file: string; br: boolean; gzip: boolean }> {
  const files = new Map<string, { file: string; br: boolean; gzip: boolean }>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.(br|gz)$/.test(entry.name)) {
        const url = '/' + path.relative(dist, full).split(path.sep).join('/');
        files.set(url, { file: full, br: existsSync(`${full}.br`), gzip: existsSync(`${full}.gz`) });
      }
    }
  };
  walk(dist);
  return files;
}

/** Which encoding to send: brotli, then gzip, when the client accepts it and the build wrote it. */
function encodingFor(accept: string | undefined, f: { br: boolean; gzip: boolean }): 'br' | 'gzip' | null {
  const a = accept ?? '';
  if (f.br && /\bbr\b/.test(a)) return 'br';
  if (f.gzip && /\bgzip\b/.test(a)) return 'gzip';
  return null;
}

/** The static part of an SPA's server: its files, precompressed, cached by kind; index.html for
 * client-side routes. */
export function spaStatic(dist: string): RequestHandler {
  const files = indexFiles(dist);
  const index = files.get('/index.html');
  if (!index) throw new Error(`${dist} has no index.html`);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let pathname: string;
    try {
      pathname = decodeURIComponent(req.path);
    } catch {
      return next();
    }
    const hit = files.get(pathname);
    // an asset that is not there is a 404, not the app (a stale tab asking for an old chunk)
    if (!hit && pathname.startsWith('/assets/')) return next();
    const f = hit ?? index;
    const encoding = encodingFor(req.headers['accept-encoding'], f);
    res.setHeader('Content-Type', TYPES[path.extname(f.file)] ?? 'application/octet-stream');
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', hit && pathname.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    if (encoding) res.setHeader('Content-Encoding', encoding);
    const file = encoding === 'br' ? `${f.file}.br` : encoding === 'gzip' ? `${f.file}.gz` : f.file;
    res.sendFile(file, { acceptRanges: false, cacheControl: false, dotfiles: 'allow' }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  };
}

/** Starts an HTTP server for one SPA's production build; resolves with the port it listens on. */
export async function serveSpa(
  name: SpaName,
  graphql: RequestHandler,
  port: number,
  host = config.host,
): Promise<{ server: http.Server; port: number }> {
  const dist = spaDist(name);
  if (!existsSync(path.join(dist, 'index.html')) || !statSync(path.join(dist, 'index.html')).isFile())
    throw new Error(`${name} is not built: run pnpm build`);
  const app = express();
  app.disable('x-powered-by');
  app.use('/graphql', graphql);
  app.use(spaStatic(dist));
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address();
  return { server, port: typeof addr === 'object' && addr ? addr.port : port };
}
