// The demo page in headless Chromium: it loads, signals ready, shows the seed article,
// and logs no errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, serveRepo } from './browser.mjs';

let browser, server;
before(async () => { [browser, server] = await Promise.all([launch(), serveRepo()]); });
after(async () => { await browser?.close(); await server?.close(); });

test('the demo page renders the seed article and signals ready', async () => {
  const { page, problems, requests } = await open(browser, `${server.url}www/`);
  await page.waitForSelector('#article[data-folio-state="ready"]', { timeout: 15000 });
  const host = page.locator('#article');
  await assert.doesNotReject(host.locator('h1').waitFor());
  assert.equal(await host.locator('h1').textContent(), 'Kaspersky Lab Defends Its Reputation Against Allegations');
  assert.match(await host.locator('.folio-byline').textContent(), /By Sean Michael Kerner/);
  assert.equal(await host.locator('.folio-body > p').count(), 10);
  assert.deepEqual(problems, [], 'no console errors');
  const foreign = requests.filter((u) => !u.startsWith(server.url));
  assert.deepEqual(foreign, [], 'no request leaves the page');
});

test('a broken article shows the error box, not a blank page', async () => {
  const { page } = await open(browser, `${server.url}tests/e2e/pages/broken.html`);
  await page.waitForSelector('#article[data-folio-state="error"]', { timeout: 15000 });
  const alert = page.locator('#article [role="alert"]');
  assert.match(await alert.textContent(), /not valid JSON/);
  assert.equal(await page.locator('#after').textContent(), 'host script still ran: folio/article-syntax');
});
