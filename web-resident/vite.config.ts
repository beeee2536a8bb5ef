import react from '@vitejs/plugin-react';
import { precompress } from '../tools/vite-precompress';
import { defineConfig } from 'vitest/config';

// The production server serves this SPA and /graphql on one origin; in dev, proxy to the API.
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', changeOrigin: true },
    },
  },
  build: {
    // no manual chunks: every page is React.lazy and loads what it uses (Leaflet only with the map);
    // the API serves the files precompressed (brotli, gzip) and hashed assets as immutable
    chunkSizeWarningLimit: 600,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 20000,
    setupFiles: ['src/test/setup.ts'],
    css: false,
  },
});
