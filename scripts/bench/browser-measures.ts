/**
 * Chromium figures: the renderer's JavaScript (gzip) and the time from load to the first inbox rows
 * on the large dataset, with the core and the HTTP bridge in-process as test/e2e/fixtures.ts does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { projectRoot } from '../../src/main/paths';
import { startHttpBridge } from '../../src/main/transport/http-bridge';
import type { BenchCore } from './core';
import { signInAs } from '../../test/sign-in';
import { INBOX_SQL, openRaw } from './floors';
import type { Figure } from './server-measures';

const kb = (bytes: number) => bytes / 1024;

/** Builds the renderer and gzips every JS asset; the floor is React + ReactDOM alone. */
export function rendererJsGzip(): Figure {
  const root = projectRoot();
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const assets = join(root, 'dist', 'renderer', 'assets');
  const ours = readdirSync(assets).filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
  const react = ['react/cjs/react.production.js', 'react-dom/cjs/react-dom-client.production.js', 'scheduler/cjs/scheduler.production.js']
    .map((p) => join(root, 'node_modules', p))
    .filter(existsSync)
    .map((p) => readFileSync(p));
  return { ours: kb(ours), floor: kb(gzipSync(Buffer.concat(react), { level: 9 }).length) };
}

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Median over runs of: navigate to #/referrals in a fresh load → first data row visible. */
export async function chromiumFirstInboxRows(b: BenchCore, runs = 5): Promise<Figure> {
  const bridge = await startHttpBridge({ router: b.core.router, staticDir: join(projectRoot(), 'dist', 'renderer') });
  // Floor: a static page holding the same rows (raw SQL, rendered as an HTML table by hand).
  const raw = openRaw(b.core.dataDir);
  const rows = raw.prepare(INBOX_SQL).raw().all() as unknown[][];
  raw.close();
  const esc = (v: unknown) => String(v ?? '').replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><meta charset="utf-8"><table>${rows.slice(0, 40).map((r) => `<tr role="row">${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
  const plain = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`;

  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 800 } });
    // A signed-in session for the tab, as the e2e fixture does.
    const session = b.core.newSession();
    signInAs(b.core, session, 'administrator');
    await page.addInitScript((id) => sessionStorage.setItem('mdk.session', id), session);
    await page.goto(bridge.url); // hands the token to the tab once
    await page.locator('nav').first().waitFor();
    const origin = new URL(bridge.url).origin;
    const time = async (url: string, selector: string) => {
      const times: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        await page.goto('about:blank');
        const t0 = performance.now();
        await page.goto(url, { waitUntil: 'commit' });
        await page.locator(selector).first().waitFor({ timeout: 30_000 });
        if (i > 0) times.push(performance.now() - t0); // the first is a warm-up
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)];
    };
    const ours = await time(`${origin}/#/referrals`, '[role="row"] a[href^="#/referrals/"]');
    const floor = await time(plainUrl, '[role="row"]');
    return { ours, floor };
  } finally {
    await browser.close();
    await bridge.close();
    plain.close();
  }
}
