import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Renderer build for browser mode and the e2e tests (Electron builds through electron.vite.config.ts). */
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist/renderer', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1200 },
});
