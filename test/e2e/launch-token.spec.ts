import { test, expect, completeFirstRun } from './fixtures';

/** Browser mode's launch token: traded once for an HttpOnly cookie, gone from the address and the tab's storage. */
test('the launch token leaves the address, the API answers through the HttpOnly cookie, and the token cannot be traded again', async ({
  page,
  server,
  openApp,
  browser,
}) => {
  await completeFirstRun(server);
  await openApp();
  await expect(page.getByRole('navigation', { name: 'Navigering' })).toBeVisible();
  const token = server.bridge.token;

  expect(page.url()).not.toContain(token);
  expect(await page.evaluate(() => window.location.href)).not.toMatch(/token/);
  const storage = await page.evaluate(() => JSON.stringify({ ...sessionStorage, ...localStorage }));
  expect(storage).not.toContain(token);
  expect(await page.evaluate(() => document.cookie)).not.toContain(server.bridge.cookieName); // HttpOnly: no script sees it

  const [cookie] = (await page.context().cookies()).filter((c) => c.name === server.bridge.cookieName);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  expect(cookie.value).not.toBe(token);

  // The page's calls carry no token, only the cookie the browser adds.
  const call = await page.evaluate(async () => {
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-mdk-session': sessionStorage.getItem('mdk.session') ?? '' },
      body: JSON.stringify({ method: 'system.info', input: {} }),
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean } };
  });
  expect(call).toMatchObject({ status: 200, body: { ok: true } });

  // A second trade of the same token (read from the browser's history, say) is refused.
  const again = await page.evaluate(async (t) => (await fetch('/api/session', { method: 'POST', headers: { 'x-mdk-token': t } })).status, token);
  expect(again).toBe(401);

  // The address opened in another browser profile connects to nothing and says why.
  const other = await browser.newContext();
  try {
    const stranger = await other.newPage();
    await stranger.goto(server.url);
    await expect(
      stranger
        .getByText('Adressen har redan använts en gång.', { exact: false })
        .or(stranger.getByText('Webbläsaren är inte ansluten', { exact: false }))
        .first(),
    ).toBeVisible();
    expect(stranger.url()).not.toContain(token);
    expect(await other.cookies()).toEqual([]);
  } finally {
    await other.close();
  }
});
