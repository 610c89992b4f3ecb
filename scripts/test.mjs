// `npm test`: typecheck, lint, unit and service tests (vitest), e2e tests in Chromium and, where the
// binary exists, in Electron (Playwright). Ends with one summary line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { electronBinaryPath } from './electron-binary.mjs';

mkdirSync('test-results', { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const steps = [];

function step(name, args, countsFrom) {
  const started = Date.now();
  const res = spawnSync(npx, args, { stdio: 'inherit', env: process.env });
  const counts = countsFrom ? countsFrom() : { passed: res.status === 0 ? 1 : 0, failed: res.status === 0 ? 0 : 1, skipped: 0 };
  if (res.status !== 0 && counts.failed === 0) counts.failed = 1; // a crash with no report still fails
  steps.push({ name, ok: res.status === 0, seconds: Math.round((Date.now() - started) / 1000), ...counts });
}

function vitestCounts() {
  const file = 'test-results/unit-results.json';
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) };
}

function playwrightCounts() {
  const file = 'test-results/e2e-results.json';
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const s = JSON.parse(readFileSync(file, 'utf8')).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

rmSync('test-results/unit-results.json', { force: true });
rmSync('test-results/e2e-results.json', { force: true });
step('typecheck', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
step('lint', ['eslint', '.', '--max-warnings=0']);
step('unit + service (vitest)', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit-results.json'], vitestCounts);
step('e2e (Playwright: Chromium, Electron where present)', ['playwright', 'test'], playwrightCounts);

console.log('\n── Summary ─────────────────────────────────────────');
for (const s of steps) {
  const detail = s.name.startsWith('typecheck') || s.name.startsWith('lint') ? '' : ` (${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped)`;
  console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name}${detail} in ${s.seconds}s`);
}
if (!electronBinaryPath()) {
  console.log('note Electron e2e skipped: the Electron binary is not installed here (it cannot be downloaded on this machine).');
}
const total = steps.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(steps.every((s) => s.ok) ? 0 : 1);
