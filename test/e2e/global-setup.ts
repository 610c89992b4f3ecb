import { execFileSync } from 'node:child_process';

/** Builds the renderer once per run, so the tests never drive a stale bundle. */
export default function globalSetup() {
  if (process.env.MDK_SKIP_RENDERER_BUILD) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
