#!/usr/bin/env node
// `mdk` command: runs the TypeScript CLI through tsx, so scripts and administrators share the app's core.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const res = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/main/cli/index.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
process.exit(res.status ?? 1);
