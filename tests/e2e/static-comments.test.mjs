// Comments in the static HTML: folio-render fetches the first page of a thread from a real
// Isso at test time and writes it into the comment section of its declarative shadow root.
// Readers without JavaScript see the comments; with JavaScript the comments module adopts
// those nodes (no list request, no layout shift) and goes live: a reply to a static
// comment posts to Isso and appears. A stale page is requested again and replaced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { launch, serveRepo, ROOT } from './browser.mjs';
import { startIsso } from './isso.mjs';

let browser, server, origin;
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  origin = server.url.replace(/\/$/, '');
  mkdirSync(`${ROOT}target/e2e`, { recursive: true });
});
after(async () => { await browser?.close(); await server?.close(); });

let pages = 0;

/** folio-render's output for the seed article with the comments of `thread` on `isso`
 * (fetched now, or `extra` arguments such as --comments FILE), in a page; its path. */
function writePage(isso, thread, extra = ['--fetch-comments']) {
  const name = `target/e2e/static-comments-${pages++}`;
  writeFileSync(`${ROOT}${name}.options.json`, JSON.stringify({ comments: { endpoint: isso.url, thread } }));
  const args = ['run', '-q', '--bin', 'folio-render', '--', 'www/articles/kaspersky-reputation.json',
    '--css', '../../pkg/folio.css', '--inline', '--options', `${name}.options.json`, ...extra];
  const markup = execFileSync('cargo', args, { cwd: ROOT, encoding: 'utf8' });
  writeFileSync(`${ROOT}${name}.html`, `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Folio: static comments</title><link rel="icon" href="data:,">
<script type="module" src="../../pkg/element.js"></script></head>
<body><main><folio-article id="a" comments-endpoint="${isso.url}" thread="${thread}">${markup}</folio-article></main>
<footer id="after">Page footer</footer>
<script src="../../tests/e2e/pages/remember.js"></script>
<script src="../../tests/e2e/pages/remember-comments.js"></script></body></html>`);
  return `${name}.html`;
}

/** Opens `path`, counting Isso's list requests (GET /?uri=) and recording problems. */
async function openPage(isso, path) {
  const page = await browser.newPage();
  const lists = [];
  const problems = [];
  page.on('request', (r) => { if (r.url().startsWith(`${isso.url}/?uri=`)) lists.push(r.url()); });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${server.url}${path}`);
  await page.evaluate(() => document.getElementById('a').ready);
  return { page, lists, problems };
}

const seed = (isso, thread) => isso.seed(thread, [
  { text: 'First static comment, with *emphasis*.', author: 'Ann' },
  { text: 'A reply to Ann.', author: 'Bob', website: 'https://bob.example', replyTo: 0 },
  { text: 'Second top-level comment.' },
]);

test('without JavaScript the comments are in the page', async () => {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = `/e2e/static-${Date.now()}`;
    await seed(isso, thread);
    const path = writePage(isso, thread);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    assert.equal(await page.locator('#a #folio-comments-heading').textContent(), 'Comments (3)');
    assert.deepEqual(await page.locator('#a .folio-comment-author').allTextContents(), ['Ann', 'Bob', 'Anonymous']);
    assert.equal(await page.locator('#a .folio-comment-body em').textContent(), 'emphasis');
    assert.match(await page.locator('#a time.folio-comment-time').first().textContent(), /^[A-Z][a-z]+ \d{1,2}, \d{4}$/, 'a date, not "n minutes ago"');
    await context.close();
  } finally {
    await isso.stop();
  }
});

test('the comments module adopts the static page: no list request, no shift, and a reply posts to Isso', async () => {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = `/e2e/static-${Date.now()}`;
    const [ann] = await seed(isso, thread);
    const path = writePage(isso, thread);
    const { page, lists, problems } = await openPage(isso, path);
    await page.locator('#a [data-folio-comments]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.commentsLoaded.length === 1);
    assert.deepEqual(await page.evaluate(() => window.commentsLoaded), [{ count: 3, total: 3 }]);
    assert.equal(await page.evaluate(() => window.firstComment !== null), true, 'the comments were there before any module ran');
    assert.equal(
      await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('article[data-folio-comment-id]') === window.firstComment),
      true, 'adopted, not rendered again');
    assert.match(await page.locator('#a time.folio-comment-time').first().textContent(), /now|second|minute/, 'times made relative in place');
    assert.equal(await page.locator('#a [data-folio-form]').getAttribute('inert'), null, 'the live form took the static one\'s place');
    assert.equal(await page.locator('#a [data-folio-region="comments-list"]').getAttribute('aria-busy'), 'false');
    assert.equal(await page.locator('#a script[data-folio-page]').count(), 0);
    await page.waitForTimeout(300);
    assert.deepEqual(lists, [], 'the browser never asked for the list');
    assert.deepEqual(await page.evaluate(() => window.layoutShifts), [], 'no layout shift');

    // Live: a reply to a static comment goes to Isso and shows under it.
    const first = page.locator(`#a article[data-folio-comment-id="${ann}"]`);
    await first.getByRole('button', { name: 'Reply' }).click();
    const form = page.locator('#a [data-folio-form]');
    await form.getByLabel('Comment').fill('Replying to the static comment.');
    await form.getByRole('button', { name: 'Post Comment' }).click();
    const mine = page.locator('#a .folio-replies article', { hasText: 'Replying to the static comment.' });
    await mine.waitFor();
    const stored = await isso.thread(thread);
    const annInIsso = stored.replies.find((c) => c.id === ann);
    assert.equal(annInIsso.replies.length, 2);
    assert.match(annInIsso.replies[1].text, /Replying to the static comment/);
    assert.equal(await page.locator('#a #folio-comments-heading').textContent(), 'Comments (4)');
    assert.deepEqual(lists, [], 'still no list request');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await isso.stop();
  }
});

test('a server that publishes a feed: the static list links to it, and the module adopts it as it is', async () => {
  const isso = await startIsso({ origins: [origin], settings: { feed: true } });
  try {
    const thread = `/e2e/static-feed-${Date.now()}`;
    await seed(isso, thread);
    const path = writePage(isso, thread);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const still = await context.newPage();
    await still.goto(`${server.url}${path}`);
    const href = `${isso.url}/feed?uri=${encodeURIComponent(thread)}`;
    assert.equal(await still.locator('#a a.folio-feed').getAttribute('href'), href, 'in the page without JavaScript');
    await context.close();
    const { page, lists, problems } = await openPage(isso, path);
    await page.locator('#a [data-folio-comments]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => window.commentsLoaded.length === 1);
    assert.equal(
      await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('article[data-folio-comment-id]') === window.firstComment),
      true, 'adopted, not rendered again');
    assert.equal(await page.locator('#a a.folio-feed').getAttribute('href'), href);
    assert.deepEqual(lists, [], 'the browser never asked for the list');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await isso.stop();
  }
});

test('a stale static page is requested once and replaced', async () => {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = `/e2e/static-${Date.now()}`;
    await seed(isso, thread);
    // The answer saved an hour ago (e.g. with curl), in Isso's format.
    const saved = `${ROOT}target/e2e/static-comments-stale.json`;
    writeFileSync(saved, JSON.stringify(await isso.thread(thread)));
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(saved, hourAgo, hourAgo);
    await isso.seed(thread, [{ text: 'Posted after the page was built.', author: 'Cy' }]);
    const path = writePage(isso, thread, ['--comments', saved, '--comments-format', 'isso']);
    const { page, lists, problems } = await openPage(isso, path);
    assert.equal(await page.locator('#a #folio-comments-heading').textContent(), 'Comments (3)', 'the static page first');
    await page.locator('#a [data-folio-comments]').scrollIntoViewIfNeeded();
    await page.locator('#a article', { hasText: 'Posted after the page was built.' }).waitFor();
    assert.equal(await page.locator('#a #folio-comments-heading').textContent(), 'Comments (4)');
    assert.equal(lists.length, 1);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await isso.stop();
  }
});
