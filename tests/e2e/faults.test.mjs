// Fault injection, in headless Chromium:
//  - a comment server that fails in every way a server or the network between can, through
//    a proxy (tests/e2e/proxy.mjs) in front of a real Isso 0.14.0 that the test switches
//    per request: every case must end in a clear message in the comment section, a retry
//    that works once the server is back, and the reader's draft intact across a reload
//    (or, when the server did store the comment, that comment shown once, never resent);
//    Each comment case runs on the client path (faults.html: mount() from the core) and the
//    chosen ones also on the HTML-first path (folio-render's markup of the seed article in
//    <folio-article>, element.js and the comments module alone), with the same host page;
//  - bad articles (no comment server): each ends in the error box or a correct render
//    within a bounded time, never a hang or a blank page, and the host page's own script
//    keeps running throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launch, serveRepo } from './browser.mjs';
import { startIsso } from './isso.mjs';
import { HUGE_FIRST_ID, startProxy } from './proxy.mjs';
import { render, writeHtmlFirstPage, SEED_ARTICLE } from './prerender.mjs';

const SETTLE_MS = 20_000;          // an article must be ready or in error by then
const MESSAGE_MS = 20_000;         // a comment error must be on screen by then
const POST_GIVE_UP_MS = 40_000;    // five attempts with backoff (<= 1+2+4+8 s) or Retry-After

let browser, server, origin, isso, proxy, articles;
const timings = [];
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  origin = server.url.replace(/\/$/, '');
  isso = await startIsso({ origins: [origin] });
  proxy = await startProxy({ target: isso.url, origins: [origin] });
  articles = await startArticleServer();
});
after(async () => {
  await browser?.close();
  await proxy?.stop();
  await isso?.stop();
  await articles?.close();
  await server?.close();
  if (timings.length) console.log(`faults: ${timings.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)} s`).join('; ')}`);
});

/** Serves generated articles cross-origin for the `src` cases. */
async function startArticleServer() {
  const body = (n) => JSON.stringify({
    url: 'https://news.example/big', title: 'Big', published: '2026-12-01', body: Array.from({ length: n }, (_, i) => ({ type: 'paragraph', text: `${i} ${'word '.repeat(2000)}` })),
  });
  const big = body(1050);
  const s = createServer((req, res) => {
    const h = { 'access-control-allow-origin': '*', 'content-type': 'application/json' };
    if (req.url === '/10mb.json') { res.writeHead(200, h); res.end(big); return; }
    if (req.url === '/html.json') { res.writeHead(200, { ...h, 'content-type': 'text/html' }); res.end('<!doctype html><h1>Not JSON</h1>'); return; }
    if (req.url === '/truncated.json') { res.writeHead(200, h); res.end(big.slice(0, big.length / 2)); return; }
    if (req.url === '/500.json') { res.writeHead(500, h); res.end('{"error": "boom"}'); return; }
    res.writeHead(404, h); res.end('not found');
  });
  await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${s.address().port}`;
  return { url, close: () => new Promise((ok) => { s.closeAllConnections?.(); s.close(ok); }) };
}

let threads = 0;
const newThread = (name) => `/e2e/faults/${name}-${Date.now()}-${threads++}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const list = (page) => page.locator('#article [data-folio-region="comments-list"]');
const listAlert = (page) => list(page).locator('[role="alert"]');
// The live form: on the HTML-first path, folio-render's inert one is on screen until the
// comments module replaces it (with the saved draft), after `ready`.
const form = (page) => page.locator('#article [data-folio-form]:not([inert])');
const textarea = (page) => page.locator('#article [data-folio-form]:not([inert]) textarea');
const formStatus = (page) => page.locator('#article [data-folio-form]:not([inert]) .folio-form-status');

// The two paths through a page: the client path (faults.html mounts the seed article with
// the core) and the HTML-first path (a page of folio-render's markup, the comments module
// alone). Test names of the HTML-first variants end in " [HTML-first]".
const CLIENT = 'client';
const HTML_FIRST = 'HTML-first';
const suffix = (path) => (path === CLIENT ? '' : ` [${path}]`);

/** The host page's own controls (their script: pages/host.js). */
const HOST_CONTROLS = `<header><p>Host page: <button id="ping" type="button">Ping</button> <output id="pongs">0</output> clicks,
  <output id="ticks">0</output> ticks</p></header>`;

/** The URL of a page showing the seed article with the comments of `thread` (load eager), by `path`. */
function commentsPage(thread, path) {
  if (path === CLIENT) return `${server.url}tests/e2e/pages/faults.html?endpoint=${encodeURIComponent(proxy.url)}&thread=${encodeURIComponent(thread)}&load=eager`;
  const markup = render({ path: SEED_ARTICLE }, { share: false, comments: { endpoint: proxy.url, thread, load: 'eager' } });
  const file = writeHtmlFirstPage(`target/e2e/faults${thread.replace(/[^a-z0-9]+/gi, '-')}.html`, {
    title: 'Folio: faults, HTML-first',
    head: '<script type="module" src="../../tests/e2e/pages/host.js"></script>\n',
    body: `${HOST_CONTROLS}\n<main><folio-article id="article">${markup}</folio-article></main>`,
  });
  return `${server.url}${file}`;
}

async function openComments(thread, { page: reuse, path = CLIENT } = {}) {
  const page = reuse ?? await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(commentsPage(thread, path));
  await page.waitForSelector('#article[data-folio-state="ready"]', { timeout: SETTLE_MS });
  return { page, problems };
}

async function reloadPage(page) {
  await page.reload();
  await page.waitForSelector('#article[data-folio-state="ready"]', { timeout: SETTLE_MS });
}

/** The host page still runs its own script: its timer ticks and its button answers. */
async function assertHostAlive(page, label) {
  const before = await page.evaluate(() => ({ ...window.host }));
  await page.locator('#ping').click({ timeout: 2000 });
  await page.waitForFunction((t) => window.host.ticks > t + 4, before.ticks, { timeout: 2000 });
  const after = await page.evaluate(() => ({ ...window.host }));
  assert.equal(after.clicks, before.clicks + 1, `${label}: the host page's button still responds`);
  return after;
}

/** Isso's stored comments of `thread` whose text includes `needle`. */
async function stored(thread, needle) {
  const t = await isso.thread(thread, '&plain=1');
  const all = t.replies.flatMap((c) => [c, ...(c.replies ?? [])]);
  return all.filter((c) => c.text.includes(needle));
}

const byMethod = (method, mode) => (req) => (req.method === method ? mode : 'pass');
const isList = (req) => req.method === 'GET' && req.url.startsWith('/?');

// What Folio shows for each failure of the list request (message in the list's alert).
const NETWORK = /comment server did not answer/;
const SERVER = /comment server ran into a problem/;
const RATE = /Too many comments in a short time\. Please wait 2 seconds/;
const UNREADABLE = /answer that could not be read/;

const LIST_CASES = [
  // [mode, how the proxy is put in it, expected message]
  ['refuse', 'refuse', NETWORK],
  ['reset', 'reset', NETWORK],
  ['500', '500', SERVER],
  ['429', '429', RATE],
  ['truncate', 'truncate', UNREADABLE],
  // The status arrived, the body did not: an unreadable answer (or, as before Folio kept
  // the status of a cut-off answer, no answer); either way the reader is told and can retry.
  ['cut', 'cut', /could not be read|did not answer/],
  ['html', 'html', UNREADABLE],
];

for (const path of [CLIENT, HTML_FIRST]) for (const [name, mode, message] of LIST_CASES) {
  test(`comment list, server ${name}: a clear message, the draft kept across a reload, Try again works${suffix(path)}`, async () => {
    const t0 = Date.now();
    const thread = newThread(`list-${name}`);
    await isso.seed(thread, [{ text: `Seeded for ${name}.`, author: 'Ann' }]);
    const setFault = async () => { if (mode === 'refuse') await proxy.refuse(); else proxy.mode = (req) => (isList(req) ? mode : 'pass'); };
    const clearFault = async () => { await proxy.accept(); proxy.mode = 'pass'; };
    await setFault();
    try {
      const { page, problems } = await openComments(thread, { path });
      await listAlert(page).waitFor({ timeout: MESSAGE_MS });
      assert.match(await listAlert(page).textContent(), message);
      assert.equal(await list(page).getAttribute('aria-busy'), 'false');
      assert.equal(await list(page).getByRole('button', { name: 'Try again' }).count(), 1);
      await assertHostAlive(page, name);

      const draft = `Draft typed while the list failed (${name}) ✍️ <b>kept</b>`;
      await textarea(page).fill(draft);
      await reloadPage(page);
      assert.equal(await textarea(page).inputValue(), draft, 'the draft survives a reload');
      await listAlert(page).waitFor({ timeout: MESSAGE_MS });
      assert.match(await listAlert(page).textContent(), message);

      await clearFault();
      await list(page).getByRole('button', { name: 'Try again' }).click();
      await page.locator('#article article[data-folio-comment-id]', { hasText: `Seeded for ${name}.` }).waitFor({ timeout: MESSAGE_MS });
      assert.equal(await listAlert(page).count(), 0);
      assert.equal(await textarea(page).inputValue(), draft, 'the draft is still there after the retry');
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      await clearFault();
    }
    timings.push([`list ${name}${suffix(path)}`, Date.now() - t0]);
  });
}

for (const path of [CLIENT, HTML_FIRST]) test(`comment list, server stalls 10 s: the page stays usable, "Loading comments" until the answer arrives${suffix(path)}`, async () => {
  const t0 = Date.now();
  const thread = newThread('list-stall');
  await isso.seed(thread, [{ text: 'Seeded for stall.', author: 'Ann' }]);
  proxy.stallMs = 10_000;
  proxy.mode = (req) => (isList(req) ? 'stall' : 'pass');
  try {
    const { page, problems } = await openComments(thread, { path });
    const started = Date.now();
    await page.waitForTimeout(3000);
    // A stall shorter than Folio's request timeout (20 s): the list says it is loading
    // (busy), with no error and no retry button, and the rest of the widget and the page work.
    assert.match(await list(page).textContent(), /Loading comments/);
    assert.equal(await list(page).getAttribute('aria-busy'), 'true');
    assert.equal(await listAlert(page).count(), 0);
    await assertHostAlive(page, 'stall');
    await textarea(page).fill('Typing during the stall works.');
    await page.locator('#article article[data-folio-comment-id]', { hasText: 'Seeded for stall.' }).waitFor({ timeout: 20_000 });
    const waited = Date.now() - started;
    assert.ok(waited >= 6000, `the comments arrived only after the stall (${waited} ms)`);
    const after = await assertHostAlive(page, 'stall');
    assert.ok(after.maxGap < 2000, `the host page's timer never stalled for long (max gap ${Math.round(after.maxGap)} ms)`);
    assert.equal(await textarea(page).inputValue(), 'Typing during the stall works.');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
  }
  timings.push([`list stall${suffix(path)}`, Date.now() - t0]);
});

for (const path of [CLIENT, HTML_FIRST]) test(`comment list, server never answers: after the 20 s timeout "did not answer", and Try again works${suffix(path)}`, async () => {
  const t0 = Date.now();
  const thread = newThread('list-hang');
  await isso.seed(thread, [{ text: 'Seeded for hang.', author: 'Ann' }]);
  proxy.mode = (req) => (isList(req) ? 'hang' : 'pass');
  try {
    const { page, problems } = await openComments(thread, { path });
    const started = Date.now();
    await listAlert(page).waitFor({ timeout: 30_000 });
    const waited = Date.now() - started;
    assert.ok(waited >= 15_000, `not before the timeout (${waited} ms)`);
    assert.match(await listAlert(page).textContent(), NETWORK);
    proxy.mode = 'pass';
    await list(page).getByRole('button', { name: 'Try again' }).click();
    await page.locator('#article article[data-folio-comment-id]', { hasText: 'Seeded for hang.' }).waitFor({ timeout: MESSAGE_MS });
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
  }
  timings.push([`list hang${suffix(path)}`, Date.now() - t0]);
});

for (const path of [CLIENT, HTML_FIRST]) test(`comments module missing (404): the article stays, the comments error box says so, Try again loads it once it is back${suffix(path)}`, async () => {
  const thread = newThread('module-404');
  await isso.seed(thread, [{ text: 'Seeded for the module.', author: 'Ann' }]);
  const page = await browser.newPage();
  const problems = [];
  const consoleErrors = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  let missing = true;
  await page.route('**/pkg/folio_comments.js', (route) => (missing ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
  try {
    await page.goto(commentsPage(thread, path));
    await page.waitForSelector('#article[data-folio-state="ready"]', { timeout: SETTLE_MS });
    await listAlert(page).waitFor({ timeout: MESSAGE_MS });
    assert.match(await listAlert(page).textContent(), NETWORK);
    // Both paths draw the box with the same loader (loadSection in js/comments.js).
    assert.equal(await list(page).getAttribute('aria-busy'), 'false');
    assert.ok(await page.locator('#article h1').isVisible(), 'the article stays');
    assert.ok(consoleErrors.some((t) => /comments module \(folio_comments\.js\) could not be loaded/.test(t)), consoleErrors.join('\n'));
    missing = false;
    await list(page).getByRole('button', { name: 'Try again' }).click();
    await page.locator('#article article[data-folio-comment-id]', { hasText: 'Seeded for the module.' }).waitFor({ timeout: MESSAGE_MS });
    await form(page).waitFor();
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

for (const path of [CLIENT, HTML_FIRST]) test(`sort order: newest first reverses the thread; a slow answer to an earlier choice is not drawn over a later one${suffix(path)}`, async () => {
  const thread = newThread('sort');
  await isso.seed(thread, [{ text: 'Sorted A, the oldest.' }, { text: 'Sorted B.' }, { text: 'Sorted C, the newest.' }]);
  const { page, problems } = await openComments(thread, { path });
  const texts = () => list(page).locator('article[data-folio-comment-id] .folio-comment-body').allTextContents();
  const order = async () => (await texts()).map((t) => t.trim().slice(7, 8)).join('');
  const sort = page.locator('#article select[name="sort"]');
  try {
    await list(page).locator('article[data-folio-comment-id]').first().waitFor({ timeout: MESSAGE_MS });
    assert.equal(await order(), 'ABC', 'oldest first by default');
    await sort.selectOption('newest');
    await page.waitForFunction(() => document.getElementById('article').shadowRoot
      .querySelector('[data-folio-region="comments-list"] .folio-comment-body')?.textContent.includes('Sorted C'), null, { timeout: MESSAGE_MS });
    assert.equal(await order(), 'CBA', 'newest first');
    // The answer to "oldest" is held 2 s; "newest" is chosen again meanwhile and answered at once.
    const from = proxy.log.length;
    let held = 0;
    proxy.mode = (req) => (isList(req) && held++ === 0 ? 'late' : 'pass');
    await sort.selectOption('oldest');
    await requestSeen(from, (e) => isList(e) && inThread(thread)(e));
    await sort.selectOption('newest');
    const deadline = Date.now() + MESSAGE_MS;
    while (!proxy.log.slice(from).some((e) => e.relayed) && Date.now() < deadline) await sleep(100);
    await sleep(500);
    assert.equal(await sort.inputValue(), 'newest');
    assert.equal(await order(), 'CBA', 'the later choice stays drawn after the earlier answer landed');
    assert.equal(await list(page).getAttribute('aria-busy'), 'false');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
  }
});

test('stylesheet slow (1.5 s): the widget shows nothing unstyled, the first render already adopts it', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.route('**/pkg/folio.css', async (route) => { await new Promise((ok) => setTimeout(ok, 1500)); await route.continue(); });
  try {
    await page.goto(`${server.url}tests/e2e/pages/faults.html?case=empty-body`);
    // The first time anything is in the shadow root (the loading state or the article).
    const first = await page.waitForFunction(() => {
      const root = document.getElementById('article').shadowRoot;
      return root?.firstElementChild ? { adopted: root.adoptedStyleSheets.length, rules: root.adoptedStyleSheets[0]?.cssRules.length ?? 0 } : null;
    }, null, { timeout: SETTLE_MS, polling: 'raf' });
    const { adopted, rules } = await first.jsonValue();
    assert.equal(adopted, 1);
    assert.ok(rules > 50, `${rules} rules`);
    await page.waitForSelector('#article[data-folio-state="ready"]', { timeout: SETTLE_MS });
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('stylesheet stalled (6 s): the article renders after init() gives up waiting (3 s) and adopts the sheet when it arrives', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.route('**/pkg/folio.css', async (route) => { await new Promise((ok) => setTimeout(ok, 6000)); await route.continue(); });
  try {
    await page.goto(`${server.url}tests/e2e/pages/faults.html?case=empty-body`);
    await page.waitForSelector('#article[data-folio-state="ready"]', { timeout: SETTLE_MS });
    const adopted = () => page.evaluate(() => document.getElementById('article').shadowRoot.adoptedStyleSheets.length);
    assert.equal(await adopted(), 0, 'ready before the sheet arrived');
    await page.waitForFunction(() => document.getElementById('article').shadowRoot.adoptedStyleSheets.length === 1, null, { timeout: SETTLE_MS });
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('stylesheet missing (404): the article still renders, unstyled, and the console says why', async () => {
  const page = await browser.newPage();
  const problems = [];
  const warnings = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.route('**/pkg/folio.css', (route) => route.fulfill({ status: 404, body: 'not found' }));
  try {
    await page.goto(`${server.url}tests/e2e/pages/faults.html?case=empty-body`);
    await page.waitForSelector('#article[data-folio-state="ready"]', { timeout: SETTLE_MS });
    assert.ok(await page.locator('#article h1').isVisible(), 'the article');
    assert.ok(warnings.some((t) => /folio\.css could not be loaded \(it answered 404\)/.test(t)), warnings.join('\n'));
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

for (const [name, count, bytes, paths] of [
  ['5,000 comments (5 MB)', 5000, 5 * 1024 * 1024, [CLIENT, HTML_FIRST]],
  ['one 5 MB comment', 1, 5 * 1024 * 1024, [CLIENT]],
]) for (const path of paths) {
  test(`comment list, ${name}: rendered within bounds, the page stays usable${suffix(path)}`, async () => {
    const t0 = Date.now();
    const thread = newThread('list-huge');
    await isso.seed(thread, [{ text: 'Seeded for huge.', author: 'Ann' }]);
    proxy.hugeCount = count;
    proxy.hugeBytes = bytes;
    proxy.mode = (req) => (isList(req) ? (count > 1 ? 'huge' : 'huge-one') : 'pass');
    try {
      const { page, problems } = await openComments(thread, { path });
      await page.locator(`#article article[data-folio-comment-id="${HUGE_FIRST_ID}"]`).waitFor({ timeout: 30_000 });
      // A long list is drawn a slice at a time; the region is busy until the last one.
      await page.locator('#article [data-folio-region="comments-list"][aria-busy="false"]').waitFor({ timeout: 30_000 });
      const rendered = Date.now() - t0;
      const report = await page.evaluate((first) => {
        const root = document.querySelector('#article').shadowRoot;
        return {
          comments: root.querySelectorAll('article[data-folio-comment-id]').length,
          heading: root.querySelector('#folio-comments-heading').textContent,
          firstBody: root.querySelector(`article[data-folio-comment-id="${first}"] .folio-comment-body`).textContent.length,
        };
      }, HUGE_FIRST_ID);
      assert.equal(report.comments, count);
      assert.equal(report.heading, `Comments (${count})`);
      assert.ok(report.firstBody > (count > 1 ? 500 : 5_000_000), `the body is all there (${report.firstBody} chars)`);
      const host = await assertHostAlive(page, name);
      console.log(`faults: ${name}${suffix(path)}: rendered ${report.comments} comments in ${(rendered / 1000).toFixed(1)} s, longest host-page stall ${Math.round(host.maxGap)} ms`);
      // Retry still works once the server answers normally again.
      proxy.mode = 'pass';
      await textarea(page).fill('A comment after the huge list.');
      await form(page).getByRole('button', { name: 'Post Comment' }).click();
      // The new comment is drawn on its own, in the task that says it is posted: not after
      // drawing the whole list again.
      await formStatus(page).filter({ hasText: /has been posted/ }).waitFor({ timeout: MESSAGE_MS });
      const last = await page.evaluate(() => {
        const items = document.querySelector('#article').shadowRoot.querySelectorAll('.folio-comment-list > li');
        return [items.length, items[items.length - 1].querySelector('.folio-comment-body').textContent];
      });
      assert.deepEqual(last, [count + 1, 'A comment after the huge list.']);
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      proxy.mode = 'pass';
    }
    timings.push([`list ${name}${suffix(path)}`, Date.now() - t0]);
  });
}

// Posting. [mode, expected message]. None of these reaches Isso, and Folio retries each
// itself (network, 5xx, 429) until the fifth attempt, then keeps the post waiting: it goes
// out on the reader's next visit (or when the browser is back online).
const POST_CASES = [
  ['refuse', NETWORK],
  ['reset', NETWORK],
  ['500', SERVER],
  ['429', /Too many comments in a short time\. Please wait 2 seconds/],
];
const WAITING = /Waiting to send/;
const SENT_UNREADABLE = /Your comment was sent, but the server's answer could not be read/;
/** The posting faults that also run on the HTML-first path: the network and a 5xx (the
 * retries are the comments module's on both paths) and a stored comment's spoilt answer. */
const HTML_FIRST_POSTS = new Set(['refuse', '500', 'truncate']);
const postCases = (path, cases) => cases.filter(([name]) => path === CLIENT || HTML_FIRST_POSTS.has(name));

/** A page on a fresh seeded thread, its list loaded, `text` typed and the name filled. */
async function typedComment(name, path = CLIENT) {
  const thread = newThread(`post-${name}`);
  await isso.seed(thread, [{ text: `Seeded for posting ${name}.` }]);
  const { page, problems } = await openComments(thread, { path });
  await page.locator('#article article[data-folio-comment-id]').first().waitFor({ timeout: MESSAGE_MS });
  const text = `Posted through a failing server (${name}), ${Date.now()}.`;
  await textarea(page).fill(text);
  await form(page).getByLabel('Name').fill('Fault Tester');
  return { thread, page, problems, text };
}

/** Server back to normal: after a reload, post the draft and see it appear, stored once. */
async function postAgainWorks(page, thread, text, { listFailed = false } = {}) {
  await proxy.accept();
  proxy.mode = 'pass';
  if (listFailed) {
    // The reload's list request met the closed port too: it says so and offers a retry.
    await listAlert(page).filter({ hasText: NETWORK }).waitFor({ timeout: MESSAGE_MS });
    await list(page).getByRole('button', { name: 'Try again' }).click();
  }
  await page.locator('#article article[data-folio-comment-id]').first().waitFor({ timeout: MESSAGE_MS });
  await form(page).getByRole('button', { name: 'Post Comment' }).click();
  await formStatus(page).filter({ hasText: /has been posted/ }).waitFor({ timeout: MESSAGE_MS });
  await page.locator('#article article', { hasText: text }).first().waitFor({ timeout: MESSAGE_MS });
  await reloadPage(page);
  assert.equal(await textarea(page).inputValue(), '', 'the draft is cleared once the server accepted it');
}

/** The form of a pending post: the status says it waits, the text is there and read-only,
 * and a button cancels it. */
async function assertWaiting(page, text) {
  await formStatus(page).filter({ hasText: WAITING }).waitFor({ timeout: POST_GIVE_UP_MS });
  assert.equal(await textarea(page).inputValue(), text, 'the text stays in the form');
  assert.equal(await textarea(page).getAttribute('readonly'), '', 'and cannot be changed while it waits');
  assert.ok(await form(page).getByRole('button', { name: 'Post Comment' }).isDisabled());
  await form(page).getByRole('button', { name: 'Cancel sending' }).waitFor({ timeout: 1000 });
}

/** The pending post went out once: shown, stored once, and the draft's text cleared only
 * now (the name stays for next time). */
async function sentOnce(page, thread, text) {
  await page.locator('#article article', { hasText: text }).first().waitFor({ timeout: MESSAGE_MS });
  await formStatus(page).filter({ hasText: /has been posted/ }).waitFor({ timeout: MESSAGE_MS });
  assert.equal((await stored(thread, text)).length, 1, 'stored once');
  assert.equal(await textarea(page).inputValue(), '');
  await reloadPage(page);
  assert.equal(await textarea(page).inputValue(), '', 'the draft is cleared once the server has it');
  assert.equal(await form(page).getByLabel('Name').inputValue(), 'Fault Tester', 'the name stays for next time');
  assert.equal(await page.locator('#article article', { hasText: text }).count(), 1);
}

for (const path of [CLIENT, HTML_FIRST]) for (const [name, message] of postCases(path, POST_CASES)) {
  test(`posting, server ${name}: a clear message, the post kept waiting, sent once on the next visit${suffix(path)}`, async () => {
    const t0 = Date.now();
    const { thread, page, problems, text } = await typedComment(name, path);
    const postsBefore = proxy.requests((r) => r.method === 'POST').length;
    if (name === 'refuse') await proxy.refuse(); else proxy.mode = byMethod('POST', name);
    try {
      await form(page).getByRole('button', { name: 'Post Comment' }).click();
      await formStatus(page).filter({ hasText: message }).waitFor({ timeout: MESSAGE_MS });
      await assertHostAlive(page, name);
      await assertWaiting(page, text);
      assert.match(await formStatus(page).textContent(), message);

      const posts = proxy.requests((r) => r.method === 'POST').slice(postsBefore);
      if (name !== 'refuse') assert.equal(posts.length, 5, `five attempts: ${posts.map((p) => p.status).join(', ')}`);
      if (name === '429') {
        const gaps = posts.slice(1).map((p, i) => p.at - posts[i].at);
        assert.ok(gaps.every((g) => g >= 1900), `Retry-After: 2 is honoured between attempts (${gaps.join(', ')} ms)`);
      }
      assert.equal((await stored(thread, text)).length, 0);

      // The server is back: the reader's next visit sends it, once.
      await proxy.accept();
      proxy.mode = 'pass';
      await reloadPage(page);
      await sentOnce(page, thread, text);
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      await proxy.accept();
      proxy.mode = 'pass';
    }
    timings.push([`post ${name}${suffix(path)}`, Date.now() - t0]);
  });
}

// The reader's next visit sends the pending post at start, while the list's first page may
// be on its way: a list answer older than the post must not hide it.
for (const path of [CLIENT, HTML_FIRST]) test(`posting, the pending post lands before an older list answer: it stays shown, stored once${suffix(path)}`, async () => {
  const { thread, page, problems, text } = await typedComment('late-list', path);
  proxy.mode = byMethod('POST', '429');
  try {
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await formStatus(page).filter({ hasText: RATE }).waitFor({ timeout: MESSAGE_MS });
    // The next visit: each list answer is read from Isso at once and handed over 2 s later;
    // the post is held 0.5 s, so Isso answers the first page before it stores the post.
    proxy.stallMs = 500;
    proxy.mode = (req) => (isList(req) ? 'late' : req.method === 'POST' ? 'stall' : 'pass');
    const from = proxy.log.length;
    await reloadPage(page);
    await formStatus(page).filter({ hasText: /has been posted/ }).waitFor({ timeout: MESSAGE_MS });
    const seen = () => proxy.log.slice(from).filter(inThread(thread));
    const post = seen().find((e) => e.method === 'POST');
    const log = () => seen().map((e) => `${e.method} ${e.url} at ${e.at - post.at} ms`).join('; ');
    assert.ok(seen().some((e) => isList(e) && e.at < post.at + proxy.stallMs), `the first page was asked for before the post was stored: ${log()}`);
    // Once every list answer asked for has landed, the comment is on screen, once.
    const deadline = Date.now() + MESSAGE_MS;
    while (seen().some((e) => isList(e) && !e.relayed) && Date.now() < deadline) await sleep(100);
    await page.locator('#article article', { hasText: text }).first().waitFor({ timeout: 2000 });
    assert.equal(await page.locator('#article article', { hasText: text }).count(), 1, 'shown once');
    assert.equal((await stored(thread, text)).length, 1, 'stored once');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
    proxy.stallMs = 10_000;
  }
});

test('posting, a pending post cancelled: not sent on the next visit, its text editable and kept', async () => {
  const { thread, page, problems, text } = await typedComment('cancel');
  proxy.mode = byMethod('POST', '500');
  try {
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await assertWaiting(page, text);
    await form(page).getByRole('button', { name: 'Cancel sending' }).click();
    await formStatus(page).filter({ hasText: /kept here/ }).waitFor({ timeout: 1000 });
    assert.equal(await textarea(page).getAttribute('readonly'), null, 'the text can be changed again');
    proxy.mode = 'pass';
    const from = proxy.log.length;
    await reloadPage(page);
    assert.equal(await textarea(page).inputValue(), text, 'the draft survives a reload');
    await sleep(1500);
    assert.deepEqual(proxy.log.slice(from).filter((e) => e.method === 'POST'), [], 'nothing is sent');
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await sentOnce(page, thread, text);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
  }
});

test('posting, the answer lost on its way back (Isso stored it): Folio finds it in the thread and does not send it again', async () => {
  const { thread, page, problems, text } = await typedComment('lost');
  let lost = 0;
  proxy.mode = (req) => (req.method === 'POST' && lost++ === 0 ? 'lost' : 'pass');
  try {
    const from = proxy.log.length;
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await sentOnce(page, thread, text);
    const after = proxy.log.slice(from).filter(inThread(thread)).map((e) => `${e.method} ${e.status}`);
    assert.equal(after.filter((e) => e.startsWith('POST')).length, 1, `one post: ${after.join(', ')}`);
    assert.ok(proxy.log.slice(from).some((e) => e.method === 'GET' && /[?&]plain=1/.test(e.url)), 'the thread was read before a second post');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
  }
});

test('posting offline (CDP): no request, the post waits; back online it is sent once and only then the draft cleared', async () => {
  const { thread, page, problems, text } = await typedComment('offline');
  const cdp = await page.context().newCDPSession(page);
  const network = (offline) => cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  try {
    await network(true);
    const from = proxy.log.length;
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await assertWaiting(page, text);
    assert.deepEqual(proxy.log.slice(from).filter((e) => e.method === 'POST'), [], 'nothing left the browser');
    const draft = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.includes('draft'))?.[1]);
    assert.ok(draft?.includes(text) && draft.includes('"pending"'), `the post is kept with its draft: ${draft}`);
    await network(false);
    await sentOnce(page, thread, text);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await cdp.detach().catch(() => {});
  }
});

for (const path of [CLIENT, HTML_FIRST]) test(`posting, server recovers while Folio is retrying: the comment goes through once${suffix(path)}`, async () => {
  const t0 = Date.now();
  const { thread, page, problems, text } = await typedComment('recover', path);
  proxy.mode = byMethod('POST', '503');
  try {
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await formStatus(page).filter({ hasText: /Trying again/ }).waitFor({ timeout: MESSAGE_MS });
    proxy.mode = 'pass';
    await page.locator('#article article', { hasText: text }).waitFor({ timeout: 15_000 });
    assert.equal((await stored(thread, text)).length, 1);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
  }
  timings.push([`post recovers${suffix(path)}`, Date.now() - t0]);
});

for (const path of [CLIENT, HTML_FIRST]) test(`posting, server stalls 10 s: "Posting…" meanwhile, the page stays usable, then the comment appears${suffix(path)}`, async () => {
  const t0 = Date.now();
  const { thread, page, problems, text } = await typedComment('stall', path);
  proxy.stallMs = 10_000;
  proxy.mode = byMethod('POST', 'stall');
  try {
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await page.waitForTimeout(3000);
    const submit = form(page).locator('button[type="submit"]');
    const during = { label: (await submit.textContent()).trim(), busy: await form(page).getAttribute('aria-busy'), status: (await formStatus(page).textContent()).trim() };
    await assertHostAlive(page, 'post stall');
    await page.locator('#article article', { hasText: text }).waitFor({ timeout: 20_000 });
    console.log(`faults: post stall${suffix(path)}: during the stall the submit button says ${JSON.stringify(during.label)}, form aria-busy ${during.busy}, status ${JSON.stringify(during.status)}`);
    assert.equal((await stored(thread, text)).length, 1);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
  }
  timings.push([`post stall${suffix(path)}`, Date.now() - t0]);
});

// The proxy forwards the comment to Isso, which stores it, and then spoils the 201: half
// the body with a matching Content-Length (`truncate`), or the full Content-Length, half
// the body and a dropped connection (`cut`). The comment is stored: Folio must say so and
// not send it again (each retry would store another copy).
for (const path of [CLIENT, HTML_FIRST]) for (const [name, label] of postCases(path, [['truncate', 'answer truncated'], ['cut', 'connection dropped mid-answer']])) {
  test(`posting, 201 ${label}: "sent, but unreadable", stored once, the list reloads with it, posting again works${suffix(path)}`, async () => {
    const t0 = Date.now();
    const { thread, page, problems, text } = await typedComment(name, path);
    const postsBefore = proxy.requests((r) => r.method === 'POST').length;
    proxy.mode = byMethod('POST', name);
    try {
      await form(page).getByRole('button', { name: 'Post Comment' }).click();
      await formStatus(page).filter({ hasText: SENT_UNREADABLE }).waitFor({ timeout: MESSAGE_MS });
      await page.locator('#article article', { hasText: text }).waitFor({ timeout: MESSAGE_MS });
      await page.waitForTimeout(1500);   // a retry, if any, would come within the first backoff
      assert.equal(proxy.requests((r) => r.method === 'POST').length - postsBefore, 1, 'one attempt');
      assert.equal((await stored(thread, text)).length, 1, 'stored once');
      assert.equal(await textarea(page).inputValue(), '', 'the text was stored, so it leaves the form');
      await reloadPage(page);
      assert.equal(await textarea(page).inputValue(), '');
      assert.equal(await form(page).getByLabel('Name').inputValue(), 'Fault Tester', 'the name stays for next time');
      await page.locator('#article article', { hasText: text }).waitFor({ timeout: MESSAGE_MS });
      assert.equal(await page.locator('#article article', { hasText: text }).count(), 1);
      const next = `And a second one after ${name}, ${Date.now()}.`;
      await textarea(page).fill(next);
      await postAgainWorks(page, thread, next);
      assert.equal((await stored(thread, next)).length, 1);
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      proxy.mode = 'pass';
    }
    timings.push([`post ${name}${suffix(path)}`, Date.now() - t0]);
  });
}

for (const path of [CLIENT, HTML_FIRST]) test(`posting, a 200 HTML page instead of Isso's answer (captive portal, misrouted proxy): a clear message, the draft kept across a reload, posting again works${suffix(path)}`, async () => {
  const t0 = Date.now();
  const { thread, page, problems, text } = await typedComment('html', path);
  const postsBefore = proxy.requests((r) => r.method === 'POST').length;
  proxy.mode = byMethod('POST', 'html');
  try {
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await formStatus(page).filter({ hasText: /kept here/ }).waitFor({ timeout: MESSAGE_MS });
    assert.match(await formStatus(page).textContent(), UNREADABLE);
    assert.equal(proxy.requests((r) => r.method === 'POST').length - postsBefore, 1, 'an answer that is not JSON is not retried');
    assert.equal((await stored(thread, text)).length, 0, 'nothing reached Isso');
    assert.equal(await textarea(page).inputValue(), text, 'the text stays in the form');
    await reloadPage(page);
    assert.equal(await textarea(page).inputValue(), text, 'the draft survives a reload');
    await postAgainWorks(page, thread, text);
    assert.equal((await stored(thread, text)).length, 1, 'stored once');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
  }
  timings.push([`post html${suffix(path)}`, Date.now() - t0]);
});

// ---------------------------------------------------------------------------------------
// destroy() (client path) and the element's removal (HTML-first) stop everything: what is
// in flight is aborted, a retry's wait ends, and no request leaves afterwards.

/** Destroys the widget the way each path's host does; the time it returned. */
async function destroyWidget(page, path) {
  await page.evaluate(path === CLIENT ? () => window.folio.destroy() : () => document.getElementById('article').remove());
  return Date.now();
}

/** The first request the proxy logs from index `from` on that matches `pred`. */
async function requestSeen(from, pred, timeout = MESSAGE_MS) {
  const end = Date.now() + timeout;
  for (;;) {
    const entry = proxy.log.slice(from).find(pred);
    if (entry) return entry;
    if (Date.now() > end) throw new Error('the request never reached the proxy');
    await sleep(50);
  }
}

/** Waits `ms`, then asserts that nothing reached the proxy after `t` (preflights included). */
async function nothingAfter(t, ms, label) {
  await sleep(ms);
  const later = proxy.log.filter((e) => e.at > t).map((e) => `${e.method} ${e.url}`);
  assert.deepEqual(later, [], `${label}: no request after destroy`);
}

const inThread = (thread) => (e) => e.url.includes(encodeURIComponent(thread));

/** After a destroy: Isso stored nothing of `text`; the next visit sends the post that was
 * out, once (it reads the thread first: the interrupted attempt might have arrived). */
async function nothingStoredSentOnceNextVisit(page, path, thread, text) {
  assert.equal((await stored(thread, text)).length, 0, 'nothing reached Isso');
  proxy.mode = 'pass';
  await openComments(thread, { page, path });
  await sentOnce(page, thread, text);
}
const STALL_MS = 3000;

for (const path of [CLIENT, HTML_FIRST]) test(`destroy while a list request is in flight: it is aborted, nothing is sent after${suffix(path)}`, async () => {
  const thread = newThread('destroy-list');
  await isso.seed(thread, [{ text: 'Seeded for destroy.' }]);
  const { page, problems } = await openComments(thread, { path });
  await page.locator('#article article[data-folio-comment-id]').first().waitFor({ timeout: MESSAGE_MS });
  proxy.stallMs = STALL_MS;
  proxy.mode = (req) => (isList(req) ? 'stall' : 'pass');
  try {
    const from = proxy.log.length;
    await page.locator('#article select[name="sort"]').selectOption('newest');
    const list = await requestSeen(from, (e) => isList(e) && inThread(thread)(e));
    const t = await destroyWidget(page, path);
    await nothingAfter(t, STALL_MS + 1000, 'list');
    assert.equal(list.aborted, true, 'the list request was aborted');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
    proxy.stallMs = 10_000;
  }
});

for (const path of [CLIENT, HTML_FIRST]) test(`destroy while a post is in flight: it is aborted, nothing is stored or sent after, the next visit sends it once${suffix(path)}`, async () => {
  const { thread, page, problems, text } = await typedComment('destroy-post', path);
  proxy.stallMs = STALL_MS;
  proxy.mode = byMethod('POST', 'stall');
  try {
    const from = proxy.log.length;
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    const post = await requestSeen(from, (e) => e.method === 'POST' && inThread(thread)(e));
    const t = await destroyWidget(page, path);
    await nothingAfter(t, STALL_MS + 1000, 'post');
    assert.equal(post.aborted, true, 'the post was aborted');
    await nothingStoredSentOnceNextVisit(page, path, thread, text);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
    proxy.stallMs = 10_000;
  }
});

for (const path of [CLIENT, HTML_FIRST]) test(`destroy during a retry's back-off: no further post, nothing stored, the next visit sends it once${suffix(path)}`, async () => {
  const { thread, page, problems, text } = await typedComment('destroy-backoff', path);
  proxy.retryAfter = 3;
  proxy.mode = byMethod('POST', '503');
  try {
    const from = proxy.log.length;
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await formStatus(page).filter({ hasText: /Trying again/ }).waitFor({ timeout: MESSAGE_MS });
    const t = await destroyWidget(page, path);
    await nothingAfter(t, 5000, 'back-off');
    assert.equal(proxy.log.slice(from).filter((e) => e.method === 'POST').length, 1, 'one attempt, none after destroy');
    await nothingStoredSentOnceNextVisit(page, path, thread, text);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
    proxy.retryAfter = 2;
  }
});

test('destroy during the early list request (sent by the core while the article and the comments module load): it is aborted, the section never starts', async () => {
  const thread = newThread('destroy-early');
  await isso.seed(thread, [{ text: 'Seeded for destroy.' }]);
  proxy.stallMs = STALL_MS;
  proxy.mode = (req) => (isList(req) ? 'stall' : 'pass');
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  try {
    const from = proxy.log.length;
    await page.goto(commentsPage(thread, CLIENT));
    const early = await requestSeen(from, (e) => isList(e) && inThread(thread)(e));
    const t = await destroyWidget(page, CLIENT);
    await nothingAfter(t, STALL_MS + 1000, 'early request');
    assert.equal(early.aborted, true, 'the early request was aborted');
    assert.equal(await page.locator('#article article[data-folio-comment-id]').count(), 0);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
    proxy.stallMs = 10_000;
  }
});

// ---------------------------------------------------------------------------------------
// Bad articles.

const ARTICLE_CASES = [
  // [case, expected state, expected error code or a check of the render]
  ['invalid-json', 'error', 'folio/article-syntax'],
  ['invalid-json-trailing-comma', 'error', 'folio/article-syntax'],
  ['invalid-json-single-quotes', 'error', 'folio/article-syntax'],
  ['invalid-json-nan', 'error', 'folio/article-syntax'],
  ['invalid-json-garbage', 'error', 'folio/article-syntax'],
  ['deep-nesting', 'error', 'folio/article-syntax'],
  ['wrong-types', 'error', 'folio/article-invalid'],
  ['wrong-block-types', 'error', 'folio/article-invalid'],
  ['missing-everything', 'error', 'folio/article-invalid'],
  ['10mb-invalid', 'error', 'folio/article-syntax'],
  ['empty-body', 'ready', (r) => assert.equal(r.blocks, 0)],
  ['10k-blocks', 'ready', (r) => assert.equal(r.blocks, 10_000)],
  ['10mb-article', 'ready', (r) => assert.equal(r.blocks, 1050)],
  ['10mb-one-paragraph', 'ready', (r) => assert.equal(r.blocks, 1)],
  // 2.2 million spans written; Folio makes at most 1,000 per text (the rest stays as written).
  ['10mb-dense-markup', 'ready', (r) => assert.ok(r.elements > 1000 && r.elements < 1100, `${r.elements} elements`)],
  ['unicode', 'ready', (r) => {
    assert.equal(r.title, 'Emoji 👩🏽‍💻🏳️‍🌈🇺🇦 RTL עברית العربية combining Z̸̡̢͎̈́a̶̛̤l̷̢̈g̵̱̈o̶̞͐ e\u0301\u0302\u0303');
    assert.equal(r.dir, 'rtl');
    assert.equal(r.lang, 'ar');
    assert.equal(r.pre, '  ┌─┐\n  │字│\n  └─┘\t\u00A0');
    assert.equal(r.blocks, 5);
  }],
];

async function articleReport(page) {
  return page.evaluate(() => {
    const el = document.querySelector('#article');
    const root = el.shadowRoot;
    const alert = root?.querySelector('[role="alert"][data-folio-error]');
    const article = root?.querySelector('article');
    return {
      state: el.getAttribute('data-folio-state'),
      code: alert?.getAttribute('data-folio-error') ?? null,
      errorText: alert?.textContent ?? null,
      text: (root?.textContent ?? '').length,
      blocks: root?.querySelector('.folio-body')?.children.length ?? null,
      elements: root?.querySelectorAll('*').length ?? null,
      title: root?.querySelector('.folio-title')?.textContent ?? null,
      dir: article?.getAttribute('dir') ?? null,
      lang: article?.getAttribute('lang') ?? null,
      pre: root?.querySelector('pre')?.textContent ?? null,
      host: { ...window.host },
    };
  });
}

async function articleCase(query, expectState, check, label) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const t0 = Date.now();
  await page.goto(`${server.url}tests/e2e/pages/faults.html?${query}`);
  await page.waitForSelector('#article[data-folio-state="ready"], #article[data-folio-state="error"]', { timeout: SETTLE_MS });
  const settled = Date.now() - t0;
  const r = await articleReport(page);
  assert.equal(r.state, expectState, `${label}: ${r.state} ${r.errorText ?? ''}`);
  assert.ok(r.text > 0, `${label}: not a blank widget`);
  if (expectState === 'error') {
    assert.equal(r.code, check, r.errorText);
    assert.ok(r.errorText.length > 20, 'the error box says something');
  } else {
    assert.equal(r.code, null);
    check(r);
  }
  const host = await assertHostAlive(page, label);
  assert.ok(host.ticks > 0);
  assert.deepEqual(problems, []);
  await page.close();
  timings.push([label, settled]);
  return { settled, maxGap: host.maxGap };
}

for (const [name, state, check] of ARTICLE_CASES) {
  test(`bad article ${name}: ${state} within ${SETTLE_MS / 1000} s, the host page keeps running`, async () => {
    const { settled, maxGap } = await articleCase(`case=${name}`, state, check, `article ${name}`);
    if (settled > 2000 || maxGap > 500) console.log(`faults: article ${name}: settled in ${settled} ms, longest host-page stall ${Math.round(maxGap)} ms`);
  });
}

for (const [name, state, check] of [
  ['10mb.json', 'ready', (r) => assert.equal(r.blocks, 1050)],
  ['html.json', 'error', 'folio/article-syntax'],
  ['truncated.json', 'error', 'folio/article-syntax'],
  ['500.json', 'error', 'folio/fetch'],
  ['missing.json', 'error', 'folio/fetch'],
]) {
  test(`article fetched from src ${name}: ${state}, the host page keeps running`, async () => {
    await articleCase(`src=${encodeURIComponent(`${articles.url}/${name}`)}`, state, check, `src ${name}`);
  });
}

test('article src on a port that refuses: the error box', async () => {
  const dead = await startProxy({ target: 'http://127.0.0.1:9' });
  const url = `${dead.url}/a.json`;
  await dead.refuse();
  await articleCase(`src=${encodeURIComponent(url)}`, 'error', 'folio/fetch', 'src refused');
});
