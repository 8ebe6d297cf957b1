// The comment section on Waline (@waline/vercel 1.39.3): two server processes sharing one
// private PostgreSQL 15 cluster (tests/waline/harness.mjs), in headless Chromium, on a
// package built with FOLIO_FEATURES=waline. A page talks to one process while the thread
// is written through the other; replies to replies keep their place; load more, likes,
// counts for an index page in one request; Waline's refusals (HTTP 200 with an errno) shown
// as refusals with the draft kept; hostile names and links shown as text; a failed list
// retried; axe-core on the section.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { ROOT, launch, serveRepo } from '../e2e/browser.mjs';
import { writeHtmlFirstPage } from '../e2e/prerender.mjs';
import { startWaline } from './harness.mjs';

let browser, server, waline;
before(async () => {
  const built = (() => { try { return readFileSync(new URL('../../target/pkg-features.txt', import.meta.url), 'utf8'); } catch { return ''; } })();
  assert.ok(built.split(',').map((f) => f.trim()).includes('waline'), 'pkg/ must be built with FOLIO_FEATURES=waline (scripts/test does)');
  [browser, server, waline] = await Promise.all([launch(), serveRepo(), startWaline({ processes: 2 })]);
});
after(async () => { await browser?.close(); await server?.close(); await waline?.stop(); });

let threads = 0;
const newThread = () => `/waline/thread-${Date.now()}-${threads++}`;

/** Posts through process `via` (0 or 1); returns the stored comment (Waline's `data`). */
async function seed(via, thread, fields) {
  const answer = await waline.post(via, { url: thread, ...fields });
  assert.equal(answer.errno, 0, JSON.stringify(answer));
  return answer.data;
}

async function openPage(thread, { via = 0, page: reuse, load = 'eager', spacer = 0 } = {}) {
  const page = reuse ?? await browser.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => { if (r.url().startsWith(waline.urls[via])) requests.push([r.method(), r.url()]); });
  const q = new URLSearchParams({ isso: waline.urls[via], backend: 'waline', thread, load, spacer });
  await page.goto(`${server.url}tests/e2e/pages/comments.html?${q}`);
  await page.waitForSelector('#article[data-folio-state="ready"]');
  return { page, problems, requests };
}

const list = (page) => page.locator('#article [data-folio-region="comments-list"]');
const form = (page) => page.locator('#article [data-folio-form]');
const article = (page, text) => page.locator('#article article[data-folio-comment-id]', { hasText: text });

test('a thread written through one process is read and answered through the other; a reply to a reply keeps its place', async () => {
  const thread = newThread();
  const ann = await seed(1, thread, { comment: 'First, from *Ann*.', nick: 'Ann' });
  const bob = await seed(1, thread, { comment: 'Bob answers Ann.', nick: 'Bob', pid: ann.objectId, rid: ann.objectId });
  await seed(1, thread, { comment: 'Cy answers Bob.', nick: 'Cy', pid: bob.objectId, rid: ann.objectId });
  await seed(1, thread, { comment: 'Second top-level.', nick: 'Dee' });
  const { page, problems } = await openPage(thread, { via: 0 });
  await article(page, 'Second top-level.').waitFor();
  assert.equal(await page.locator('#article #folio-comments-heading').textContent(), 'Comments (4)');
  assert.deepEqual(await page.locator('#article .folio-comment-author').allTextContents(), ['Ann', 'Bob', 'Cy', 'Dee'], 'oldest first, replies under what they answer');
  assert.equal(await article(page, 'First, from').locator('em').textContent(), 'Ann', 'Waline renders the Markdown');
  const cy = article(page, 'Cy answers Bob.');
  assert.equal(await cy.evaluate((el) => el.closest('.folio-replies').closest('li').querySelector('article').textContent.includes('Bob answers Ann.')), true, 'Cy nested under Bob');

  await cy.getByRole('button', { name: 'Reply' }).click();
  await form(page).getByLabel('Comment').fill('Eve answers Cy, three levels down.');
  await form(page).getByLabel('Name').fill('Eve');
  await form(page).getByRole('button', { name: 'Post Comment' }).click();
  const eve = article(page, 'Eve answers Cy');
  await eve.waitFor();
  assert.match(await form(page).locator('.folio-form-status').textContent(), /posted/);
  const [stored] = await waline.sql(`SELECT pid, rid FROM wl_comment WHERE nick = 'Eve' AND url = '${thread}'`);
  const [cyRow] = await waline.sql(`SELECT id FROM wl_comment WHERE nick = 'Cy' AND url = '${thread}'`);
  assert.equal(String(stored.pid), String(cyRow.id), 'pid: the comment answered');
  assert.equal(String(stored.rid), String(ann.objectId), 'rid: its top-level comment');

  // Through the other process, a fresh page sees the reply in the same place.
  const other = await openPage(thread, { via: 1 });
  await article(other.page, 'Eve answers Cy').waitFor();
  assert.equal(await article(other.page, 'Eve answers Cy').evaluate((el) => el.closest('li').parentElement.closest('li').querySelector('article').textContent.includes('Cy answers Bob.')), true);
  assert.deepEqual([...problems, ...other.problems], []);
  await page.close();
  await other.page.close();
});

test('lazy loading: nothing is asked of Waline before the reader nears the section, then one request', async () => {
  const thread = newThread();
  await seed(1, thread, { comment: 'Waiting below the fold.', nick: 'Ann' });
  const { page, requests, problems } = await openPage(thread, { load: 'lazy', spacer: 3000 });
  await page.waitForTimeout(400);
  assert.deepEqual(requests, [], 'no request before scrolling');
  await page.locator('#article [data-folio-comments]').scrollIntoViewIfNeeded();
  await article(page, 'Waiting below the fold.').waitFor();
  assert.equal(requests.length, 1);
  assert.deepEqual(problems, []);
  await page.close();
});

test('load more pages through the thread; a like is stored; three counts take one request', async () => {
  const thread = newThread();
  for (let i = 1; i <= 23; i++) await seed(i % 2, thread, { comment: `Comment number ${i}.`, nick: `N${i}` });
  const { page, requests } = await openPage(thread);
  await article(page, 'Comment number 20.').waitFor();
  assert.equal(await page.locator('#article article[data-folio-comment-id]').count(), 20);
  await list(page).getByRole('button', { name: /more/i }).click();
  await article(page, 'Comment number 23.').waitFor();
  assert.equal(await page.locator('#article article[data-folio-comment-id]').count(), 23);
  assert.equal(requests.filter(([, u]) => u.includes('/api/comment?')).length, 2, 'two pages, two requests');

  const first = article(page, 'Comment number 1.');
  const like = first.getByRole('button', { name: /like/i });
  assert.equal(await like.getAttribute('aria-pressed'), 'false');
  await like.click();
  await page.waitForFunction(() => document.querySelector('#article').shadowRoot?.querySelector('[data-folio-action="like"][aria-pressed="true"]') ?? document.querySelector('#article [data-folio-action="like"][aria-pressed="true"]'));
  assert.equal((await first.locator('[data-folio-likes]').textContent()).trim(), '1');
  const [row] = await waline.sql(`SELECT "like" FROM wl_comment WHERE nick = 'N1' AND url = '${thread}'`);
  assert.equal(Number(row.like), 1);
  await page.close();

  // An index page: three threads, one GET.
  const empty = newThread();
  writeHtmlFirstPage('target/e2e/waline-index.html', {
    title: 'Folio: counts from Waline',
    element: false,
    head: '<script type="module" src="../../pkg/count.js"></script>\n',
    body: `<main><folio-count id="a" backend="waline" endpoint="${waline.urls[1]}" thread="${thread}">Comments</folio-count>
<folio-count id="b" backend="waline" endpoint="${waline.urls[1]}" thread="${empty}">Comments</folio-count>
<folio-count id="c" backend="waline" endpoint="${waline.urls[1]}" thread="/waline/none yet">Comments</folio-count></main>`,
  });
  const index = await browser.newPage();
  const counted = [];
  index.on('request', (r) => { if (r.url().startsWith(waline.urls[1])) counted.push(r.url()); });
  await index.goto(`${server.url}target/e2e/waline-index.html`);
  await index.waitForSelector('#c[data-folio-state]');
  assert.equal(await index.locator('#c').getAttribute('data-folio-state'), 'ready');
  assert.equal(await index.locator('#a').textContent(), '23 comments');
  assert.equal(await index.locator('#b').textContent(), '0 comments');
  assert.equal(await index.locator('#c').textContent(), '0 comments');
  assert.equal(counted.length, 1, counted.join('\n'));
  assert.match(counted[0], /type=count/);
  await index.close();
});

test('Waline refuses a comment it already has ("Duplicate Content", HTTP 200 with an errno): the post is done, nothing stored twice', async () => {
  const thread = newThread();
  await seed(0, thread, { comment: 'Said once.', nick: 'Ann' });
  const { page } = await openPage(thread);
  await article(page, 'Said once.').waitFor();
  await form(page).getByLabel('Comment').fill('Said once.');
  await form(page).getByLabel('Name').fill('Ann');
  await form(page).getByRole('button', { name: 'Post Comment' }).click();
  await form(page).getByText(/has been posted/).waitFor();
  assert.equal(await page.locator('#article article[data-folio-comment-id]').count(), 1);
  const rows = await waline.sql(`SELECT count(*) AS n FROM wl_comment WHERE url = '${thread}'`);
  assert.equal(Number(rows[0].n), 1);
  await page.close();
});

test('another errno refusal in a 200 answer ("Comment too fast!") is shown as a refusal and the draft kept', async () => {
  const slow = await startWaline({ processes: 1, env: { IPQPS: '600' } });
  try {
    const thread = newThread();
    const page = await browser.newPage();
    const q = new URLSearchParams({ isso: slow.urls[0], backend: 'waline', thread, load: 'eager' });
    await page.goto(`${server.url}tests/e2e/pages/comments.html?${q}`);
    await page.waitForSelector('#article[data-folio-state="ready"]');
    await form(page).getByLabel('Comment').fill('First, accepted.');
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await article(page, 'First, accepted.').waitFor();
    await form(page).getByLabel('Comment').fill('Second, too soon.');
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await form(page).getByText(/not accepted: Comment too fast!/).waitFor();
    assert.equal(await form(page).getByLabel('Comment').inputValue(), 'Second, too soon.', 'the draft is kept');
    await page.reload();
    await page.waitForSelector('#article[data-folio-state="ready"]');
    await article(page, 'First, accepted.').waitFor();
    assert.equal(await form(page).getByLabel('Comment').inputValue(), 'Second, too soon.', 'and survives a reload');
    await page.close();
  } finally {
    await slow.stop();
  }
});

test('hostile names and links stored in Waline are shown as text; no script link', async () => {
  const thread = newThread();
  await seed(1, thread, { comment: 'Hi <script>alert(1)</script> [x](javascript:alert(2))', nick: '<img src=x onerror=alert(3)>', link: 'javascript:alert(4)' });
  const { page, problems } = await openPage(thread);
  const hostile = article(page, 'Hi');
  await hostile.waitFor();
  assert.equal(await hostile.locator('.folio-comment-author').textContent(), '<img src=x onerror=alert(3)>');
  assert.equal(await page.locator('#article img, #article script').count(), 0);
  const hrefs = await page.locator('#article a[href]').evaluateAll((as) => as.map((a) => a.href));
  assert.ok(hrefs.every((h) => !h.startsWith('javascript:')), hrefs.join(' '));
  assert.deepEqual(problems, []);
  await page.close();
});

test('a failing list (503) shows Try again, which loads the thread', async () => {
  const thread = newThread();
  await seed(0, thread, { comment: 'Here after the outage.', nick: 'Ann' });
  const page = await browser.newPage();
  let failing = true;
  await page.route(`${waline.urls[0]}/api/comment?**`, (route) => (failing ? route.fulfill({ status: 503, body: 'down', headers: { 'access-control-allow-origin': '*' } }) : route.continue()));
  await openPage(thread, { page });
  const retry = list(page).getByRole('button', { name: 'Try again' });
  await retry.waitFor({ timeout: 30_000 });
  failing = false;
  await retry.click();
  await article(page, 'Here after the outage.').waitFor();
  await page.close();
});

test('axe-core finds nothing in a Waline thread with a reply form open and a posted comment', async () => {
  const thread = newThread();
  const ann = await seed(0, thread, { comment: 'A comment to answer.', nick: 'Ann' });
  await seed(1, thread, { comment: 'A reply.', nick: 'Bob', pid: ann.objectId, rid: ann.objectId });
  const context = await browser.newContext();
  const { page } = await openPage(thread, { page: await context.newPage() });
  await article(page, 'A reply.').waitFor();
  await form(page).getByLabel('Comment').fill('Posted before the check.');
  await form(page).getByRole('button', { name: 'Post Comment' }).click();
  await article(page, 'Posted before the check.').waitFor();
  await article(page, 'A reply.').getByRole('button', { name: 'Reply' }).click();
  const results = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
  await context.close();
});

test('folio-render writes a Waline thread into the static page; the comments module adopts it without asking again and a reply posts', async () => {
  const thread = newThread();
  const ann = await seed(1, thread, { comment: 'Static, from *Ann*.', nick: 'Ann' });
  await seed(1, thread, { comment: 'Static reply.', nick: 'Bob', pid: ann.objectId, rid: ann.objectId });
  const name = `target/e2e/waline-static-${threads}`;
  writeFileSync(`${ROOT}${name}.options.json`, JSON.stringify({ comments: { backend: 'waline', endpoint: waline.urls[0], thread } }));
  const markup = execFileSync('cargo', ['run', '-q', '--bin', 'folio-render', '--', 'www/articles/kaspersky-reputation.json',
    '--css', '../../pkg/folio.css', '--inline', '--options', `${name}.options.json`, '--fetch-comments'], { cwd: ROOT, encoding: 'utf8' });
  assert.match(markup, /data-folio-page="waline"/);
  writeHtmlFirstPage(`${name}.html`, {
    title: 'Folio: a static Waline thread',
    body: `<main><folio-article id="article" comments="waline" comments-endpoint="${waline.urls[0]}" thread="${thread}">${markup}</folio-article></main>`,
  });

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const still = await noScript.newPage();
  await still.goto(`${server.url}${name}.html`);
  assert.equal(await still.locator('#article #folio-comments-heading').textContent(), 'Comments (2)', 'in the page without JavaScript');
  assert.deepEqual(await still.locator('#article .folio-comment-author').allTextContents(), ['Ann', 'Bob']);
  await noScript.close();

  const page = await browser.newPage();
  const lists = [];
  const problems = [];
  page.on('request', (r) => { if (r.url().startsWith(`${waline.urls[0]}/api/comment?`)) lists.push(r.url()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}${name}.html`);
  await page.evaluate(() => document.getElementById('article').ready);
  await page.locator('#article [data-folio-comments]').scrollIntoViewIfNeeded();
  await page.locator('#article [data-folio-form] textarea').waitFor();
  await article(page, 'Static reply.').getByRole('button', { name: 'Reply' }).click();
  await form(page).getByLabel('Comment').fill('A live reply on a static page.');
  await form(page).getByRole('button', { name: 'Post Comment' }).click();
  await article(page, 'A live reply on a static page.').waitFor();
  assert.deepEqual(lists, [], 'the fresh static page was not requested again');
  const [row] = await waline.sql('SELECT pid, rid FROM wl_comment WHERE url = $1 AND comment = $2', [thread, 'A live reply on a static page.']);
  assert.equal(String(row.rid), String(ann.objectId), 'filed under its top-level comment');
  assert.deepEqual(problems, []);
  await page.close();
});
