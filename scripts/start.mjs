// `npm start`: build and launch the desktop app. Where the Electron binary cannot be had (offline
// machines like CI), stop with one clear sentence instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { electronBinaryPath } from './electron-binary.mjs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });

if (!electronBinaryPath()) {
  // Electron 42+ fetches its binary on first use; try once, quietly.
  spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: 'ignore' });
}
if (!electronBinaryPath()) {
  console.error(
    'The Electron binary could not be downloaded on this machine, so the desktop app cannot start here; run `npm run web` for browser mode instead.',
  );
  process.exit(1);
}
const build = run('npx', ['electron-vite', 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);
process.exit(run('npx', ['electron-vite', 'preview', '--skipBuild']).status ?? 1);
