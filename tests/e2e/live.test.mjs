// New comments while the reader is on the page, against a real Isso 0.14.0: comments posted
// straight to Isso show up behind "N new comments" while the page is visible, go into the
// list without moving what the reader is looking at, and are not asked for at all while
// the page is hidden (a page-visibility override) or after destroy().
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, serveRepo } from './browser.mjs';
import { startIsso } from './isso.mjs';

let browser, server, isso;
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  isso = await startIsso({ origins: [server.url.replace(/\/$/, '')] });
});
after(async () => { await browser?.close(); await isso?.stop(); await server?.close(); });

let threads = 0;
const newThread = () => `/e2e/live-${Date.now()}-${threads++}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A page checking for new comments every second; `checks` counts its list requests. */
async function openPage(thread, { colorScheme = 'light', every = 1 } = {}) {
  const context = await browser.newContext({ colorScheme, viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  const problems = [];
  const checks = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => { if (r.url().startsWith(`${isso.url}/?uri=`)) checks.push(Date.now()); });
  await page.goto(`${server.url}tests/e2e/pages/comments.html?isso=${encodeURIComponent(isso.url)}&thread=${encodeURIComponent(thread)}&load=eager&every=${every}`);
  await page.waitForSelector('#article[data-folio-state="ready"]');
  await page.locator('#article article[data-folio-comment-id]').first().waitFor();
  return { page, problems, checks };
}

/** Makes the page hidden or visible again, as a background tab would be. */
const setHidden = (page, hidden) => page.evaluate((hidden) => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}, hidden);

test('new comments wait behind "N new comments" and go in without moving what the reader is looking at', async () => {
  const thread = newThread();
  const long = 'A long comment that takes some room on screen. '.repeat(12);
  const [first] = await isso.seed(thread, [{ text: long, author: 'Ann' }, { text: 'The second comment.', author: 'Bob' }]);
  const { page, problems } = await openPage(thread);
  const second = page.locator('#article article', { hasText: 'The second comment.' });
  // The reader is reading the second comment, at the top of the screen, the first one
  // above it, off screen (room below the widget lets the page scroll that far).
  await page.evaluate(() => document.getElementById('article').after(Object.assign(document.createElement('div'), { style: 'height: 2000px' })));
  await second.evaluate((e) => e.scrollIntoView({ block: 'start' }));
  assert.ok(await page.locator('#article article').first().evaluate((e) => e.getBoundingClientRect().bottom <= 0), 'the first comment is above the screen');
  const topBefore = await second.evaluate((e) => e.getBoundingClientRect().top);

  // Posted straight to Isso by others: a reply to the first comment (above what the reader
  // reads) and a new comment.
  await isso.seed(thread, [{ text: 'A reply that appears above.', author: 'Cy', parent: first }, { text: 'A brand new comment.', author: 'Di' }]);
  const bar = page.locator('#article [data-folio-action="show-new"]');
  await bar.waitFor({ state: 'visible', timeout: 10_000 });
  assert.equal(await bar.textContent(), '2 new comments');
  assert.equal(await bar.evaluate((b) => b.parentElement.getAttribute('role')), 'status', 'announced politely');
  assert.equal(await page.locator('#article article', { hasText: 'A reply that appears above.' }).count(), 0, 'not in the list before the reader asks');
  assert.equal(await second.evaluate((e) => e.getBoundingClientRect().top), topBefore, 'the bar moved nothing');

  // By keyboard, without scrolling to the bar first (it is in the toolbar, off screen).
  await bar.evaluate((b) => b.focus({ preventScroll: true }));
  await page.keyboard.press('Enter');
  const reply = page.locator('#article .folio-replies article', { hasText: 'A reply that appears above.' });
  await reply.waitFor();
  await page.locator('#article article', { hasText: 'A brand new comment.' }).waitFor();
  const topAfter = await second.evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(Math.abs(topAfter - topBefore) <= 1, `the comment being read stayed put (${topBefore} -> ${topAfter})`);
  assert.ok(await reply.evaluate((e) => e.getBoundingClientRect().bottom <= 1), 'the reply went in above, off screen');
  assert.equal(await bar.isVisible(), false, 'the bar is gone');
  assert.match(await page.locator('#article #folio-comments-heading').textContent(), /\(4\)/);
  const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.closest?.('article')?.textContent ?? '');
  assert.match(focused, /A reply that appears above\./, 'the first new comment has the focus');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('no request while the page is hidden, one as soon as it is back, none after destroy()', async () => {
  const thread = newThread();
  await isso.seed(thread, [{ text: 'Already here.', author: 'Ann' }]);
  const { page, problems, checks } = await openPage(thread);
  // The checks run while the page is visible (every second, doubling while nothing is new).
  const startedAt = checks.length;
  await sleep(1600);
  assert.ok(checks.length > startedAt, 'a check went out while visible');

  await setHidden(page, true);
  await sleep(300); // a check already on the network may still end
  const hiddenAt = checks.length;
  await isso.seed(thread, [{ text: 'Posted while the tab was hidden.', author: 'Bob' }]);
  await sleep(4500);
  assert.equal(checks.length, hiddenAt, 'no request while hidden');

  const backAt = Date.now();
  await setHidden(page, false);
  const bar = page.locator('#article [data-folio-action="show-new"]');
  await bar.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await bar.textContent(), '1 new comment');
  assert.ok(checks.some((t) => t >= backAt && t - backAt < 1000), 'checked at once on return');

  await page.evaluate(() => window.folio.destroy());
  const destroyedAt = checks.length;
  await sleep(4000);
  assert.equal(checks.length, destroyedAt, 'no request after destroy()');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the reader\'s own comment, found by a check before its post\'s answer came, is not offered as new', async () => {
  const thread = newThread();
  await isso.seed(thread, [{ text: 'Already here.', author: 'Ann' }]);
  const { page, problems } = await openPage(thread);
  // Isso stores the post at once; its answer reaches the page 3 s later, while the checks
  // (every second) see the comment in the thread.
  await page.route('**/new?*', async (route) => {
    const response = await route.fetch();
    await sleep(3000);
    await route.fulfill({ response });
  });
  const form = page.locator('#article [data-folio-form]');
  await form.getByLabel('Comment').fill('Mine, found by a check first.');
  await form.getByRole('button', { name: 'Post Comment' }).click();
  const bar = page.locator('#article [data-folio-action="show-new"]');
  await bar.waitFor({ state: 'visible', timeout: 5000 });
  assert.equal(await bar.textContent(), '1 new comment', 'before the answer, a check found it');
  await page.locator('#article .folio-form-status', { hasText: /posted/ }).waitFor({ timeout: 10_000 });
  await page.locator('#article article', { hasText: 'Mine, found by a check first.' }).waitFor();
  assert.equal(await bar.isVisible(), false, 'once posted it is not offered as new');
  assert.equal(await page.locator('#article article', { hasText: 'Mine, found by a check first.' }).count(), 1);
  assert.match(await page.locator('#article #folio-comments-heading').textContent(), /\(2\)/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds nothing with "N new comments" showing (${colorScheme})`, async () => {
    const thread = newThread();
    await isso.seed(thread, [{ text: 'Already here.', author: 'Ann' }]);
    const { page, problems } = await openPage(thread, { colorScheme });
    await isso.seed(thread, [{ text: 'Newer.', author: 'Bob' }]);
    await page.locator('#article [data-folio-action="show-new"]').waitFor({ state: 'visible', timeout: 10_000 });
    const results = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`), []);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}
