import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = {
  'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only src/main/electron (the shell) and src/preload may import electron.' }] }],
};

// Globals that exist only in Node or only in a browser: shared code runs in both, so it uses neither.
const hostGlobals = [
  ...['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global', 'setImmediate', 'clearImmediate'],
  ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'HTMLElement', 'XMLHttpRequest', 'alert'],
].map((name) => ({ name, message: 'src/shared runs in Node and in the browser: no Node or DOM globals.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      ...noElectron,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // The shell, the preload and the shell's own tests are the only places electron may appear.
  { files: ['src/main/electron/**', 'src/preload/**', 'test/electron/**'], rules: { 'no-restricted-imports': 'off' } },
  // The renderer and shared code must not reach Node or the main process.
  {
    files: ['src/shared/**', 'src/renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Renderer and shared code never import electron.' }],
          patterns: [{ group: ['node:*', '**/main/**'], message: 'Shared and renderer code stay free of Node and the main process.' }],
        },
      ],
    },
  },
  // Every renderer store comes from createStore (src/renderer/lib/stores.ts), so sign-out resets them all.
  {
    files: ['src/renderer/**'],
    ignores: ['src/renderer/lib/stores.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Renderer and shared code never import electron.' },
            {
              name: 'zustand',
              importNames: ['create', 'createStore'],
              message: 'Make stores with createStore from src/renderer/lib/stores.ts (reset on sign-out).',
            },
            { name: 'zustand/vanilla', message: 'Make stores with createStore from src/renderer/lib/stores.ts (reset on sign-out).' },
          ],
          patterns: [{ group: ['node:*', '**/main/**'], message: 'Shared and renderer code stay free of Node and the main process.' }],
        },
      ],
    },
  },
  { files: ['src/shared/**'], ignores: ['src/shared/**/*.test.ts'], rules: { 'no-restricted-globals': ['error', ...hostGlobals] } },
);
