// <folio-count> on an index page: 20 counts of 5 threads from a real Isso in one request,
// no WebAssembly and no other Folio script; each count in its element's language with the
// right plural form; hostile or broken count answers leave the element's own content.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveRepo } from './browser.mjs';
import { startIsso } from './isso.mjs';
import { writeHtmlFirstPage } from './prerender.mjs';

// thread -> comments seeded (replies count too: Isso counts every comment of a thread).
const THREADS = { '/news/a': 0, '/news/b': 1, '/news/c': 2, '/news/d': 5, '/news/e': 21 };
let browser, server, isso;

before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  isso = await startIsso({ origins: [server.url.replace(/\/$/, '')] });
  for (const [thread, n] of Object.entries(THREADS)) {
    if (n) await isso.seed(thread, Array.from({ length: n }, (_, i) => ({ text: `Comment ${i + 1} on ${thread}.`, ...(i % 3 === 2 ? { replyTo: 0 } : {}) })));
  }
  const items = [];
  for (let i = 0; i < 20; i++) {
    const thread = Object.keys(THREADS)[i % 5];
    items.push(`<li><a href="${thread}">Story ${i}</a> <folio-count id="c${i}" thread="${thread}">Comments</folio-count></li>`);
  }
  writeHtmlFirstPage('target/e2e/index-counts.html', {
    title: 'Folio: an index page with counts',
    element: false,
    head: `<meta name="folio-comments-endpoint" content="${isso.url}">\n<script type="module" src="../../pkg/count.js"></script>\n`,
    body: `<main><ul>${items.join('\n')}</ul>
<section lang="ru"><folio-count id="ru-e" thread="/news/e"></folio-count> <folio-count id="ru-d" thread="/news/d"></folio-count></section>
<section lang="de-AT"><folio-count id="de-b" thread="/news/b"></folio-count></section>
<section lang="ar"><folio-count id="ar-a" thread="/news/a"></folio-count> <folio-count id="ar-c" thread="/news/c"></folio-count></section>
<folio-count id="json" backend="json" endpoint="${server.url}contract-api" thread="/news/x">Comments</folio-count>
<folio-count id="hostile" endpoint="${server.url}hostile-api" thread="/h/1">Comments</folio-count>
<folio-count id="hostile-2" endpoint="${server.url}hostile-api" thread="/h/2">Comments</folio-count>
<folio-count id="hostile-3" endpoint="${server.url}hostile-api" thread="/h/3">Comments</folio-count>
<folio-count id="broken" endpoint="${server.url}broken-api" thread="/h/1">Comments</folio-count>
</main>`,
  });
});
after(async () => { await browser?.close(); await server?.close(); await isso?.stop(); });

test('20 counts on an index page: one count request, no wasm, the right words in every language, hostile answers dropped', async () => {
  const page = await browser.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push([r.method(), r.url(), r.postData()]));
  page.on('pageerror', (e) => problems.push(e.message));
  // The contract server and two bad ones, answered here.
  await page.route(`${server.url}contract-api/count`, (route) => route.fulfill({ contentType: 'application/json', body: '{"counts": [4]}' }));
  await page.route(`${server.url}hostile-api/count`, (route) => route.fulfill({ contentType: 'application/json', body: '["<img src=x onerror=alert(1)>", -3, 7]' }));
  await page.route(`${server.url}broken-api/count`, (route) => route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>down</h1>' }));
  await page.goto(`${server.url}target/e2e/index-counts.html`);
  await page.waitForFunction(() => [...document.querySelectorAll('folio-count')].every((e) => e.dataset.folioState), null, { timeout: 15_000 });

  const text = (id) => page.locator(`#${id}`).textContent();
  const want = { a: '0 comments', b: '1 comment', c: '2 comments', d: '5 comments', e: '21 comments' };
  for (let i = 0; i < 20; i++) assert.equal(await text(`c${i}`), want['abcde'[i % 5]], `count ${i}`);
  assert.equal(await page.getAttribute('#c4', 'data-folio-count'), '21');
  assert.equal(await text('ru-e'), '21 комментарий');
  assert.equal(await text('ru-d'), '5 комментариев');
  assert.equal(await text('de-b'), '1 Kommentar');
  assert.equal(await text('ar-a'), 'لا تعليقات');
  assert.equal(await text('ar-c'), 'تعليقان');
  assert.equal(await text('json'), '4 comments');
  // Hostile values are not counts: dropped, the element keeps its own content.
  assert.deepEqual([await text('hostile'), await page.getAttribute('#hostile', 'data-folio-state')], ['Comments', 'error']);
  assert.deepEqual([await text('hostile-2'), await page.getAttribute('#hostile-2', 'data-folio-state')], ['Comments', 'error']);
  assert.equal(await text('hostile-3'), '7 comments');
  assert.equal(await page.locator('img').count(), 0, 'no markup from an answer');
  assert.deepEqual([await text('broken'), await page.getAttribute('#broken', 'data-folio-state')], ['Comments', 'error']);

  const isso_ = requests.filter(([, url]) => url.startsWith(isso.url));
  assert.deepEqual(isso_.map(([m, u]) => `${m} ${u.replace(isso.url, '')}`).filter((r) => r.startsWith('POST')), ['POST /count'], 'one count request for Isso');
  assert.deepEqual(JSON.parse(isso_.find(([m]) => m === 'POST')[2]), Object.keys(THREADS), 'each thread asked once');
  assert.deepEqual(JSON.parse(requests.find(([, u]) => u.includes('contract-api'))[2]), { threads: ['/news/x'] });
  const pkg = requests.filter(([, u]) => u.includes('/pkg/')).map(([, u]) => u.replace(/.*\/pkg\//, '')).sort();
  assert.deepEqual(pkg, ['count.js', 'locales/ar.json', 'locales/de.json', 'locales/ru.json'], 'no wasm, no other Folio script');
  assert.deepEqual(problems, []);
  await page.close();
});
