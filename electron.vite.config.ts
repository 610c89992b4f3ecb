import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/** Desktop build: main (ESM), sandboxed preloads (CommonJS; connected.cjs for the unit server's page) and the renderer, into out/. */
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    // index: the shell (windows, IPC relay); core: the utility process that runs the core; pdf-worker:
    // the thread that renders PDFs (src/main/documents/pdf-pool.ts looks for it here).
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/electron/index.ts'),
          core: resolve('src/main/host/core-entry.ts'),
          'pdf-worker': resolve('src/main/documents/pdf-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts'), connected: resolve('src/preload/connected.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react()],
    build: { rollupOptions: { input: resolve('src/renderer/index.html') } },
  },
});
