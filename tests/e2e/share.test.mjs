// The share bar with a real browser: nothing leaves the page before a click, copy link
// writes the clipboard and announces it, popup mode opens a small cut-off window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveRepo } from './browser.mjs';

const CANONICAL = 'https://www.esecurityplanet.com/network-security/kaspersky-lab-defends-its-reputation-against-allegations.html';
let browser, server;
before(async () => { [browser, server] = await Promise.all([launch(), serveRepo()]); });
after(async () => { await browser?.close(); await server?.close(); });

async function openSharePage() {
  const context = await browser.newContext();
  const outside = [];
  // Nothing may reach the network beyond 127.0.0.1: record anything that tries and answer
  // it here with a stand-in page, so a popup has a document to inspect.
  await context.route((url) => !url.href.startsWith(server.url), (route) => {
    outside.push(route.request().url());
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>stand-in</title>' });
  });
  const page = await context.newPage();
  await page.goto(`${server.url}tests/e2e/pages/share.html`);
  await page.waitForSelector('#article[data-folio-state="ready"]');
  return { context, page, outside };
}

test('no request leaves the page before a click', async () => {
  const { context, page, outside } = await openSharePage();
  await page.mouse.wheel(0, 5000);
  await page.waitForTimeout(300);
  assert.deepEqual(outside, []);
  const ids = await page.locator('#article [data-folio-share]').evaluateAll((els) => els.map((e) => e.dataset.folioShare));
  assert.deepEqual(ids, ['x', 'facebook', 'linkedin', 'bluesky', 'mastodon', 'reddit', 'hackernews', 'whatsapp', 'telegram', 'email', 'copy', 'native']);
  await context.close();
});

test('copy link writes the URL to the clipboard and announces it', async () => {
  const { context, page } = await openSharePage();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.locator('#article [data-folio-action="copy"]').click();
  await page.locator('#article [data-folio-live="share"]', { hasText: 'Link copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `${CANONICAL}?utm_source=folio&utm_medium=share`);
  assert.deepEqual(await page.evaluate(() => window.shares), ['copy']);
  await context.close();
});

test('popup mode opens a small window with no opener, and still counts the share', async () => {
  const { context, page, outside } = await openSharePage();
  const link = page.locator('#article [data-folio-share="linkedin"]');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  await popup.waitForURL(/linkedin/);
  assert.equal(await popup.title(), 'stand-in');
  assert.equal(await popup.evaluate(() => window.opener), null, 'the share page has no handle on this one');
  const [w, h] = await popup.evaluate(() => [window.innerWidth, window.innerHeight]);
  assert.ok(w >= 500 && w <= 700 && h >= 400 && h <= 600, `a small window, not a tab: ${w}x${h}`);
  assert.equal(page.url(), `${server.url}tests/e2e/pages/share.html`, 'the page itself did not navigate');
  assert.ok(outside.some((u) => u.startsWith('https://www.linkedin.com/sharing/share-offsite/?url=')), 'the popup went to LinkedIn');
  assert.deepEqual(await page.evaluate(() => window.shares), ['linkedin']);
  await context.close();
});
