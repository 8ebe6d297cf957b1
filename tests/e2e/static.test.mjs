// Progressive enhancement: folio-render prints the article as a declarative shadow root;
// readers without JavaScript see it, and <folio-article> adopts it instead of rendering
// it again (same nodes, no layout shift), then wires the share bar (with no wasm: see
// htmlfirst.test.mjs). A change of article afterwards goes through the core.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, serveRepo, ROOT } from './browser.mjs';
import { render, writeHtmlFirstPage, SEED_ARTICLE } from './prerender.mjs';

let browser, server;
const PAGE = 'target/e2e/static.html';
const GERMAN = 'target/e2e/static-de.html';

/** Writes a page around folio-render's output for the seed article in `lang` (which the
 * element's `lang` repeats: the article itself says it is English). */
function writePage(path, lang) {
  const markup = render({ path: SEED_ARTICLE }, {}, { args: ['--inline', '--lang', lang] });
  writeHtmlFirstPage(path, {
    title: 'Folio: static article', lang,
    body: `<main><folio-article id="a" lang="${lang}">${markup}</folio-article></main><footer id="after">Page footer</footer>
<script src="../../tests/e2e/pages/remember.js"></script>`,
  });
}

before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  writePage(PAGE, 'en');
  writePage(GERMAN, 'de');
});
after(async () => { await browser?.close(); await server?.close(); });

test('without JavaScript the article is there', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${server.url}${PAGE}`);
  assert.equal(await page.locator('folio-article h1').textContent(), 'Kaspersky Lab Defends Its Reputation Against Allegations');
  assert.equal(await page.locator('folio-article .folio-body > p').count(), 10);
  const linkedin = page.locator('folio-article [data-folio-share="linkedin"]');
  assert.match(await linkedin.getAttribute('href'), /^https:\/\/www\.linkedin\.com\/sharing\/share-offsite\/\?url=/);
  await context.close();
});

test('with JavaScript the element adopts the markup: same nodes, no shift, and it works', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(`${server.url}${PAGE}`);
  await page.evaluate(() => document.getElementById('a').ready);
  assert.equal(await page.getAttribute('#a', 'data-folio-state'), 'ready');
  assert.equal(await page.evaluate(() => window.firstHeadline !== null), true, 'the headline was there before any module ran');
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('h1') === window.firstHeadline), true, 'adopted, not rendered twice');
  assert.deepEqual(await page.evaluate(() => window.layoutShifts), [], 'no layout shift');
  await page.evaluate(() => { window.shared = []; document.addEventListener('folio-share', (e) => window.shared.push(e.detail.network)); });
  await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('[data-folio-share="hackernews"]').addEventListener('click', (e) => e.preventDefault()));
  await page.locator('#a [data-folio-share="hackernews"]').click();
  assert.deepEqual(await page.evaluate(() => window.shared), ['hackernews'], 'the adopted share bar is wired');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a German page: the markup is adopted in German, with no locale file and no wasm', async () => {
  const page = await browser.newPage();
  const locales = [];
  page.on('request', (r) => { if (r.url().includes('/locales/') || r.url().endsWith('.wasm')) locales.push(r.url().replace(/.*\//, '')); });
  await page.goto(`${server.url}${GERMAN}`);
  await page.evaluate(() => document.getElementById('a').ready);
  assert.match(await page.locator('#a .folio-byline').textContent(), /^Von /);
  // folio-render wrote Folio's own words in German: the element needs no table (the
  // comments module fetches one when it runs the comment section).
  assert.deepEqual(locales, []);
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('h1') === window.firstHeadline), true, 'adopted, not rendered twice');
  // folio-render writes the date from the same German table the widget uses: nothing
  // changes when the element adopts the markup, so nothing shifts.
  assert.match(readFileSync(`${ROOT}${GERMAN}`, 'utf8'), /datetime="2017-07-13T09:00:00-04:00">13\. Juli 2017</);
  assert.equal(await page.locator('#a time.folio-published').textContent(), '13. Juli 2017');
  assert.deepEqual(await page.evaluate(() => window.layoutShifts), [], 'no layout shift');
  await page.close();
});

test('stale markup (a different article) is replaced, not adopted', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}${PAGE}`);
  await page.evaluate(() => document.getElementById('a').ready);
  await page.evaluate(() => { document.getElementById('a').article = { url: 'https://n.example/x', title: 'Changed', published: '2026-01-01', body: [] }; });
  await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('h1')?.textContent === 'Changed');
  await page.close();
});
