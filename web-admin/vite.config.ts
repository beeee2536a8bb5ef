/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Same origin in production: the API serves this SPA and /graphql. In dev, proxy to the API.
export default defineConfig({
  plugins: [react()],
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
    chunkSizeWarningLimit: 1300,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/[\\/](echarts|zrender|echarts-for-react)[\\/]/.test(id)) return 'echarts';
          if (/[\\/](leaflet|react-leaflet|@react-leaflet)[\\/]/.test(id)) return 'leaflet';
          if (/[\\/](antd|@ant-design|@rc-component|rc-[a-z-]+|dayjs)[\\/]/.test(id)) return 'antd';
          if (/[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/.test(id)) return 'react';
          if (/[\\/](urql|@urql|wonka|graphql)[\\/]/.test(id)) return 'graphql';
          if (/[\\/](i18next|react-i18next)[\\/]/.test(id)) return 'i18n';
          return undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    // component tests render antd; on a busy 2-core machine 5 s is not always enough
    testTimeout: 20000,
  },
});
