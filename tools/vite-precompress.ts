// A Vite build plugin: writes a brotli (.br) and a gzip (.gz) copy beside every text asset of the
// build, at the highest levels, so the API's SPA server sends compressed files without compressing
// on each request (api/src/spa-server.ts).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|map|webmanifest)$/;

/** The part of Vite's plugin interface used here (this file lives outside the SPAs' packages). */
interface BuildPlugin {
  name: string;
  apply: 'build';
  configResolved(config: { root: string; build: { outDir: string } }): void;
  closeBundle(): void;
}

export function precompress(): BuildPlugin {
  let outDir = 'dist';
  return {
    name: 'life-circle-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string) => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, e.name);
          if (e.isDirectory()) walk(full);
          else if (COMPRESSIBLE.test(e.name)) {
            const data = readFileSync(full);
            if (data.length < 512) continue;
            writeFileSync(
              `${full}.br`,
              brotliCompressSync(data, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: 11,
                  [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
                },
              }),
            );
            writeFileSync(`${full}.gz`, gzipSync(data, { level: 9 }));
          }
        }
      };
      walk(outDir);
    },
  };
}
