/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress } from '../tools/vite-precompress';

// Same origin in production: the API serves this SPA and /graphql. In dev, proxy to the API.
export default defineConfig({
  plugins: [react(), precompress()],
  // Pre-bundle the deps that lazy routes pull in, so the dev server doesn't discover them
  // mid-session and reload the page.
  optimizeDeps: {
    include: [
      'antd/locale/zh_CN',
      'antd/locale/en_US',
      'echarts/core',
      'echarts/charts',
      'echarts/renderers',
      'echarts-for-react/lib/core',
      'leaflet',
      'react-leaflet',
    ],
  },
  server: {
    port: 5173,
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
    // no manual chunks: Rollup splits by route (every page is React.lazy), so a page loads the antd
    // components, charts and maps it uses and no others (ECharts and Leaflet only where drawn);
    // the API serves the files precompressed (brotli, gzip) and hashed assets as immutable
    chunkSizeWarningLimit: 1300,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // component tests render antd; on a busy 2-core machine 5 s is not always enough
    testTimeout: 20000,
  },
});
