// `npm test`: typecheck, lint, unit and service tests (vitest), e2e tests in Chromium and, where the
// binary exists, in Electron (Playwright; the desktop build in out/ is made first). Typecheck and lint
// are reported on their own lines; the last line counts tests only: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { electronBinaryPath } from './electron-binary.mjs';

mkdirSync('test-results', { recursive: true });
// On Windows npx is a .cmd script, which Node starts only through a shell (since Node 20.12 a .cmd
// without one fails with EINVAL); the arguments here are fixed words, so the shell adds no risk.
const onWindows = process.platform === 'win32';
const steps = [];

function step(name, args, countsFrom, command = 'npx') {
  const started = Date.now();
  const res = spawnSync(command, args, { stdio: 'inherit', env: process.env, shell: onWindows });
  if (res.error) console.error(`${name}: ${res.error.message}`);
  const counts = countsFrom ? countsFrom() : { passed: res.status === 0 ? 1 : 0, failed: res.status === 0 ? 0 : 1, skipped: 0 };
  if (res.status !== 0 && counts.failed === 0) counts.failed = 1; // a crash with no report still fails
  steps.push({ name, ok: res.status === 0, seconds: Math.round((Date.now() - started) / 1000), tests: !!countsFrom, ...counts });
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
// Each layer with its own tsconfig (shared: no DOM, no Node; main: Node; renderer: DOM), then all of it.
step('typecheck', ['run', '--silent', 'typecheck'], undefined, 'npm');
step('lint', ['run', '--silent', 'lint'], undefined, 'npm');
step('unit + service (vitest)', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit-results.json'], vitestCounts);
// The Electron project starts out/main/index.js: build it wherever the binary exists to run it.
if (electronBinaryPath()) step('desktop build (electron-vite build → out/)', ['electron-vite', 'build']);
step('e2e (Playwright: Chromium, Electron where present)', ['playwright', 'test'], playwrightCounts);

console.log('\n── Summary ─────────────────────────────────────────');
for (const s of steps) {
  const detail = s.tests ? ` (${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped)` : '';
  console.log(`${s.ok ? 'ok  ' : 'FAIL'} ${s.name}${detail} in ${s.seconds}s`);
}
if (!electronBinaryPath()) {
  console.log('note Electron e2e skipped: the Electron binary is not installed here (it cannot be downloaded on this machine).');
}
const total = steps
  .filter((s) => s.tests)
  .reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
const checks = steps.filter((s) => !s.tests);
console.log(
  `${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped (tests); ${checks.map((s) => `${s.name.split(' ')[0]} ${s.ok ? 'ok' : 'FAILED'}`).join(', ')}`,
);
process.exit(steps.every((s) => s.ok) ? 0 : 1);
