/**
 * Chromium figures: the renderer's JavaScript (gzip) and the time from load to the first inbox rows
 * on the large dataset: the HTTP bridge in this process relays to the measured core process.
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
import { randomUUID } from 'node:crypto';
import { BENCH_USER, caller, openRaw, type CoreProcess } from './core';
import { readFloor } from './floors';
import { INBOX_QUERY, type Figure } from './server-measures';

const kb = (bytes: number) => bytes / 1024;

/**
 * Builds the renderer and gzips the JavaScript a window loads at start (the entry script of
 * index.html and what it preloads); the chunks loaded later on demand are named in the note. The
 * floor is React + ReactDOM alone.
 */
export function rendererJsGzip(): Figure {
  const root = projectRoot();
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const dist = join(root, 'dist', 'renderer');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const atStart = new Set([...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1].slice('assets/'.length)));
  const gz = (file: string) => gzipSync(readFileSync(join(dist, 'assets', file)), { level: 9 }).length;
  const js = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const ours = js.filter((f) => atStart.has(f)).reduce((s, f) => s + gz(f), 0);
  const later = js.filter((f) => !atStart.has(f)).map((f) => `${f.replace(/-[\w-]{8}\.js$/, '')} ${kb(gz(f)).toFixed(0)} kB`);
  const react = ['react/cjs/react.production.js', 'react-dom/cjs/react-dom-client.production.js', 'scheduler/cjs/scheduler.production.js']
    .map((p) => join(root, 'node_modules', p))
    .filter(existsSync)
    .map((p) => readFileSync(p));
  return {
    ours: kb(ours),
    floor: kb(gzipSync(Buffer.concat(react), { level: 9 }).length),
    note: `loaded at start; on demand later: ${later.join(', ') || 'none'}`,
  };
}

const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Median over runs of: navigate to #/referrals in a fresh load → first data row visible. */
export async function chromiumFirstInboxRows(b: CoreProcess, runs = 5): Promise<Figure> {
  const bridge = await startHttpBridge({ router: b.router, staticDir: join(projectRoot(), 'dist', 'renderer') });
  // Floor: a static page holding the same rows (the list's statements on a bare connection, rendered as an HTML table by hand).
  const raw = await openRaw(b.dataDir);
  const results = readFloor(raw, b.dataDir, 'referrals.list', INBOX_QUERY)();
  // The page's rows: the statement whose result is a list of rows (not counts or ids).
  const rows = (results.find((r) => Array.isArray(r) && r.length > 0 && typeof r[0] === 'object') ?? []) as Record<string, unknown>[];
  raw.close();
  const esc = (v: unknown) => String(v ?? '').replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><meta charset="utf-8"><table>${rows
    .slice(0, 40)
    .map(
      (r) =>
        `<tr role="row">${Object.values(r)
          .map((c) => `<td>${esc(c)}</td>`)
          .join('')}</tr>`,
    )
    .join('')}</table>`;
  const plain = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`;

  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport: { width: 1280, height: 800 } });
    // A signed-in session for the tab (the sign-in page's work is not part of this figure).
    const session = randomUUID();
    await caller(b.router, session)('auth.login', { userName: BENCH_USER.userName, passphrase: BENCH_USER.passphrase });
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
