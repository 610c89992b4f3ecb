// Dev aid: screenshots of browser mode for a quick visual check. `npx tsx scripts/dev/screenshot.ts [path...]`
import { chromium } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src/main/core';
import { startHttpBridge } from '../../src/main/transport/http-bridge';
import { projectRoot } from '../../src/main/paths';
import { randomUUID } from 'node:crypto';
import { signInAs } from '../../test/sign-in';

const core = createCore({ dataDir: process.env.MDK_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'mdk-shot-')) });
const bridge = await startHttpBridge({ router: core.router, staticDir: join(projectRoot(), 'dist', 'renderer') });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
// The page needs a signed-in session. A new folder gets the test administrator (test/sign-in.ts);
// an existing one signs in with MDK_USER / MDK_PASSPHRASE.
const session = randomUUID();
if (core.security.status(session).state === 'setup') await signInAs(core, session);
else await core.security.login(session, process.env.MDK_USER ?? 'admin', process.env.MDK_PASSPHRASE ?? '');
await page.addInitScript((id) => sessionStorage.setItem('mdk.session', id), session);
if (process.env.SHOT_DEMO) await core.router('demo.load', {}, session);
if (process.env.SHOT_WORKPLACE && !process.env.SHOT_DEMO) {
  // Skip the first-run step: Sahlgrenska with sarcoma, anal cancer and ILP.
  const ref = (await core.router('reference.get', {}, session)) as { ok: true; result: { units: { id: number; code: string }[] } };
  await core.router('workplace.set', { unitId: ref.result.units.find((u) => u.code === 'SU')!.id, careAreaCodes: ['SARCOMA', 'ANAL', 'ILP'] }, session);
}
await page.goto(bridge.url);
const paths = process.argv.slice(2);
for (const [i, p] of (paths.length ? paths : ['/']).entries()) {
  if (p !== '/') await page.evaluate((h) => (window.location.hash = h), p);
  await page.waitForTimeout(600);
  await page.screenshot({ path: `/tmp/shot-${i}.png`, fullPage: true });
  console.log(`/tmp/shot-${i}.png ← ${p}`);
}
await browser.close();
await bridge.close();
core.close();
