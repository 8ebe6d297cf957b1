// The demo page in headless Chromium, against a real Isso: it loads, signals ready, shows
// the seed article and its share bar, loads the seeded comments when scrolled to, and logs
// no errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, serveRepo } from './browser.mjs';
import { startIsso } from './isso.mjs';

let browser, server, isso;
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  isso = await startIsso({ origins: [server.url.replace(/\/$/, '')] });
  await isso.seed('/www/articles/kaspersky-reputation', [
    { text: 'Useful summary of the GSA decision.', author: 'Dana' },
    { text: 'Agreed, thanks.', author: 'Eli', replyTo: 0 },
  ]);
});
after(async () => { await browser?.close(); await server?.close(); await isso?.stop(); });

test('the demo page renders the seed article, then its comments, with no errors', async () => {
  const { page, problems, requests } = await open(browser, `${server.url}www/?isso=${encodeURIComponent(isso.url)}`);
  await page.waitForSelector('#article[data-folio-state="ready"]', { timeout: 15000 });
  const host = page.locator('#article');
  assert.equal(await host.locator('h1').textContent(), 'Kaspersky Lab Defends Its Reputation Against Allegations');
  assert.match(await host.locator('.folio-byline').textContent(), /By Sean Michael Kerner/);
  assert.equal(await host.locator('.folio-body > p').count(), 10);
  assert.ok(await host.locator('nav.folio-share [data-folio-share="linkedin"]').count() === 1);
  assert.equal(await host.locator('[data-folio-share="google+"]').count(), 0, 'Google+ is gone');
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), [], 'nothing but the page itself before scrolling');
  // The page preloads the core's wasm; init() must take that download, not start another.
  assert.equal(requests.filter((u) => new URL(u).pathname === '/pkg/folio_bg.wasm').length, 1, 'the wasm is downloaded once');
  assert.equal(requests.filter((u) => new URL(u).pathname === '/pkg/folio.css').length, 1, 'and so is the stylesheet');

  await host.locator('[data-folio-comments]').scrollIntoViewIfNeeded();
  await host.locator('article[data-folio-comment-id]', { hasText: 'Agreed, thanks.' }).waitFor();
  assert.equal(await host.locator('#folio-comments-heading').textContent(), 'Comments (2)');
  assert.deepEqual(problems, [], 'no console errors');
  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith(isso.url));
  assert.deepEqual(foreign, [], 'no request leaves 127.0.0.1');
});

test('a broken article shows the error box, not a blank page', async () => {
  const { page } = await open(browser, `${server.url}tests/e2e/pages/broken.html`);
  await page.waitForSelector('#article[data-folio-state="error"]', { timeout: 15000 });
  const alert = page.locator('#article [role="alert"]');
  assert.match(await alert.textContent(), /not valid JSON/);
  assert.equal(await page.locator('#after').textContent(), 'host script still ran: folio/article-syntax');
});
