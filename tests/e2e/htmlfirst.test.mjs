// HTML-first loading: a page whose <folio-article> holds folio-render's markup downloads
// only the element's script and the stylesheet at load. No wasm until the reader nears the
// comment section; then the comments module alone (never the core) runs the section on a
// real Isso. Copy link and native share work on the first click on a slow network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveRepo } from './browser.mjs';
import { startIsso } from './isso.mjs';
import { render, writeHtmlFirstPage, SEED_ARTICLE } from './prerender.mjs';

const THREAD = '/network-security/kaspersky-lab-defends-its-reputation-against-allegations.html';
let browser, server, isso;

/** Writes a page around folio-render's output (`options` as mount() options, `args` more
 * of folio-render's arguments) to `path`. */
function writePage(path, options, args = []) {
  writeHtmlFirstPage(path, {
    head: `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' http://127.0.0.1:*; img-src 'self' data:; require-trusted-types-for 'script'">\n`,
    body: `<main><folio-article id="a">${render({ path: SEED_ARTICLE }, options, { args })}</folio-article></main><footer id="after">Page footer</footer>
<script src="../../tests/e2e/pages/remember.js"></script>`,
  });
}

before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  isso = await startIsso({ origins: [server.url] });
  await isso.seed(THREAD, [{ text: 'First comment, from the server.', author: 'Ann' }, { text: 'Second one.' }]);
  const options = { comments: { endpoint: isso.url }, share: { networks: ['x', 'linkedin', 'copy', 'native'] } };
  // With the first page of comments in the markup (what a publisher's build writes), and without.
  writePage('target/e2e/htmlfirst.html', options, ['--fetch-comments']);
  writePage('target/e2e/htmlfirst-bare.html', options);
});
after(async () => { await browser?.close(); await server?.close(); await isso?.stop(); });

/** A fresh page that records every request and every problem. */
async function openPage(context) {
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  return { page, requests, problems };
}
const files = (requests) => requests.filter((u) => u.includes('/pkg/')).map((u) => u.replace(/.*\/pkg\//, ''));

test('at load only the element script and the stylesheet; the comments module (and no core) when the reader nears the comments, adopting the static page', async () => {
  // A phone: the comment section starts well over NEAR_MARGIN (1250 px) below the fold.
  const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
  const { page, requests, problems } = await openPage(context);
  const issoRequests = [];
  page.on('request', (r) => { if (r.url().startsWith(isso.url)) issoRequests.push(r.url()); });
  await page.goto(`${server.url}target/e2e/htmlfirst.html`);
  await page.evaluate(() => document.getElementById('a').ready);
  assert.equal(await page.getAttribute('#a', 'data-folio-state'), 'ready');
  await page.waitForTimeout(500);
  assert.deepEqual(files(requests).sort(), ['element.js', 'folio.css'], 'nothing else from pkg/ before scrolling');
  assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 0, 'no wasm before scrolling');
  assert.equal(issoRequests.length, 0, 'no comment request before scrolling');
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('h1') === window.firstHeadline), true, 'adopted, not rendered again');
  const staticItem = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('.folio-comment-list > li'));
  assert.ok(staticItem, 'the comments are in the markup');

  // The reader jumps straight to the end: the module goes live under their eyes.
  await page.locator('#after').scrollIntoViewIfNeeded();
  await page.locator('#a .folio-comment-form:not([inert]) textarea').waitFor();
  await page.waitForFunction(() => !document.getElementById('a').shadowRoot.querySelector('.folio-comment-form[inert]'));
  const loaded = files(requests);
  assert.ok(loaded.includes('folio_comments.js') && loaded.includes('folio_comments_bg.wasm'), loaded.join(', '));
  assert.ok(!loaded.includes('folio.js') && !loaded.includes('folio_bg.wasm'), `the core is not needed: ${loaded.join(', ')}`);
  assert.equal(await page.locator('#a .folio-comment-list > li').count(), 2);
  assert.deepEqual(issoRequests, [], 'the static page is fresh: no list request');
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.layoutShifts), [], 'no layout shift');

  // The section the module runs posts a reply to a static comment to the real Isso.
  await page.locator('#a [data-folio-action="reply"]').first().click();
  await page.locator('#a .folio-comment-list textarea[name="text"]').fill('A reply from an HTML-first page.');
  await page.locator('#a .folio-comment-list .folio-comment-form button[type="submit"]').click();
  await page.locator('#a .folio-comment-body', { hasText: 'A reply from an HTML-first page.' }).waitFor();
  const thread = await isso.thread(THREAD);
  assert.equal(thread.replies[0].replies.at(-1)?.text, '<p>A reply from an HTML-first page.</p>');
  assert.deepEqual(problems, []);
  await context.close();
});

test('without comments in the markup the comments module asks for the first page once, and posts', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
  const { page, requests, problems } = await openPage(context);
  const lists = [];
  page.on('request', (r) => { if (r.url().startsWith(`${isso.url}/?uri=`)) lists.push(r.url()); });
  await page.goto(`${server.url}target/e2e/htmlfirst-bare.html`);
  await page.evaluate(() => document.getElementById('a').ready);
  await page.evaluate(() => document.getElementById('a').loadComments());
  await page.locator('#a .folio-comment-list > li').first().waitFor();
  assert.equal(lists.length, 1, 'one list request');
  assert.ok(!files(requests).includes('folio_bg.wasm'), 'no core');
  await page.locator('#a .folio-comment-form:not([inert]) textarea[name="text"]').first().fill('Posted from an HTML-first page.');
  await page.locator('#a .folio-comment-form button[type="submit"]').first().click();
  await page.locator('#a .folio-comment-body', { hasText: 'Posted from an HTML-first page.' }).waitFor();
  assert.ok((await isso.thread(THREAD)).replies.some((c) => c.text === '<p>Posted from an HTML-first page.</p>'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('copy link and native share work on the first click at 400 ms RTT, with the user activation kept', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 700 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.replace(/\/$/, '') });
  // Headless Chromium has no share sheet: the browser API is stubbed (not Folio), and the
  // stub records whether the call came with the click's user activation.
  await context.addInitScript(() => {
    window.shared = [];
    navigator.canShare = () => true;
    navigator.share = (data) => { window.shared.push({ ...data, active: navigator.userActivation.isActive }); return Promise.resolve(); };
  });
  const { page, requests, problems } = await openPage(context);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 200 * 1024, uploadThroughput: 100 * 1024 });
  await page.goto(`${server.url}target/e2e/htmlfirst.html`);
  await page.evaluate(() => document.getElementById('a').ready);

  await page.locator('#a [data-folio-action="copy"]').first().click();
  const live = page.locator('#a [data-folio-live="share"]').first();
  await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('[data-folio-live="share"]').textContent !== '');
  assert.equal(await live.textContent(), 'Link copied');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^https:\/\/www\.esecurityplanet\.com\/network-security\/kaspersky-lab-defends/);

  const native = page.locator('#a [data-folio-action="native-share"]').first();
  assert.equal(await native.isVisible(), true, 'revealed where the browser can share');
  await native.click();
  const shared = await page.evaluate(() => window.shared);
  assert.equal(shared.length, 1);
  assert.equal(shared[0].title, 'Kaspersky Lab Defends Its Reputation Against Allegations');
  assert.match(shared[0].url, /^https:\/\/www\.esecurityplanet\.com\//);
  assert.equal(shared[0].active, true, 'called with the click\'s user activation');
  assert.equal(requests.filter((u) => u.endsWith('.wasm')).length, 0, 'no wasm was needed');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the share links are plain links: they work with no script at all', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}target/e2e/htmlfirst.html`);
  const x = page.locator('folio-article [data-folio-share="x"]');
  assert.match(await x.getAttribute('href'), /^https:\/\/(x|twitter)\.com\//);
  assert.equal(await x.getAttribute('target'), '_blank');
  await context.close();
});

test('a comments module that cannot be loaded: the article stays, the section says so, and Try again loads it', async () => {
  const context = await browser.newContext();
  const { page, problems } = await openPage(context);
  let block = true;
  await page.route('**/pkg/folio_comments.js', (route) => (block ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  await page.goto(`${server.url}target/e2e/htmlfirst-bare.html`);
  await page.evaluate(() => document.getElementById('a').ready);
  await page.evaluate(() => document.getElementById('a').loadComments());
  const box = page.locator('#a .folio-comments-error[role="alert"]');
  await box.waitFor();
  assert.match(await box.textContent(), /did not answer/);
  assert.equal(await page.locator('#a h1').count(), 1, 'the article is still there');
  block = false;
  await page.locator('#a [data-folio-action="retry-comments"]').click();
  await page.locator('#a .folio-comment-list > li').first().waitFor();
  assert.ok(problems.some((p) => /comments module/.test(p)), 'the console says why');
  await context.close();
});

test('startComments takes one options object: a wrong one is refused with a message naming the field', async () => {
  const { page, problems } = await openPage(browser);
  await page.goto(`${server.url}target/e2e/htmlfirst-bare.html`);
  const answers = await page.evaluate(async () => {
    const module = await import('/pkg/folio_comments.js');
    await module.default();
    const section = document.getElementById('a').shadowRoot.querySelector('[data-folio-comments]');
    const outcome = (options) => module.startComments(options).then(() => 'started', (e) => e.message);
    return Promise.all([outcome(undefined), outcome({ host: document.body }), outcome({ host: 'a', section }), outcome([document.body, section])]);
  });
  assert.deepEqual(answers, [
    'startComments: host must be a DOM element.',
    'startComments: section must be a DOM element.',
    'startComments: host must be a DOM element.',
    'startComments: host must be a DOM element.',
  ]);
  assert.deepEqual(problems, []);
  await page.close();
});
