// <folio-article>: attributes and the inline JSON child, two independent elements,
// attribute changes that re-render only what changed, and removal releasing everything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { launch, open, serveRepo } from './browser.mjs';

let browser, server;
before(async () => { [browser, server] = await Promise.all([launch(), serveRepo()]); });
after(async () => { await browser?.close(); await server?.close(); });

test('two elements render independently, from src and from inline JSON, and signal ready', async () => {
  const { page, problems } = await open(browser, `${server.url}tests/e2e/pages/element.html`);
  await page.waitForFunction(() => customElements.get('folio-article'));
  await page.evaluate(() => Promise.all([document.getElementById('a').ready, document.getElementById('b').ready]));
  assert.equal(await page.locator('#a h1').textContent(), 'Kaspersky Lab Defends Its Reputation Against Allegations');
  assert.equal(await page.locator('#b h1').textContent(), 'Inline article');
  assert.deepEqual(await page.locator('#a [data-folio-share]').evaluateAll((e) => e.map((x) => x.dataset.folioShare)), ['x', 'linkedin']);
  assert.deepEqual(await page.locator('#b [data-folio-share]').evaluateAll((e) => e.map((x) => x.dataset.folioShare)), ['reddit']);
  assert.deepEqual(problems, []);
});

test('changing an attribute re-renders only what it changes', async () => {
  const { page } = await open(browser, `${server.url}tests/e2e/pages/element.html`);
  await page.evaluate(() => document.getElementById('a').ready);
  // Mark the rendered headline node; a full re-render would replace it.
  await page.evaluate(() => { document.getElementById('a').shadowRoot.querySelector('h1').folioMark = 1; });
  await page.evaluate(() => document.getElementById('a').setAttribute('share', 'bluesky,email'));
  await page.locator('#a [data-folio-share="bluesky"]').waitFor();
  assert.deepEqual(await page.locator('#a [data-folio-share]').evaluateAll((e) => e.map((x) => x.dataset.folioShare)), ['bluesky', 'email']);
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('h1').folioMark), 1, 'the article was kept');
  await page.evaluate(() => document.getElementById('a').setAttribute('theme', 'dark'));
  assert.equal(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('h1').folioMark), 1, 'theme is CSS only');
  const bg = await page.evaluate(() => getComputedStyle(document.getElementById('a').shadowRoot.querySelector('.folio')).backgroundColor);
  assert.equal(bg, 'rgb(21, 22, 26)', 'dark palette applied');
});

test('removing an element releases its listeners, observers and timers', async () => {
  const { page } = await open(browser, `${server.url}tests/e2e/pages/element.html`);
  await page.evaluate(() => Promise.all([document.getElementById('a').ready, document.getElementById('b').ready]));
  const baseline = await page.evaluate(() => ({ ...window.folioLive }));
  // Add a third element with lazy comments (an observer) and see it counted, then removed.
  await page.evaluate(async () => {
    const c = document.createElement('folio-article');
    c.id = 'c';
    c.setAttribute('comments-endpoint', 'http://127.0.0.1:9/unused');
    c.article = { url: 'https://news.example/c', title: 'Third', published: '2026-11-30', body: [] };
    document.querySelector('main').append(c);
    await c.ready;
  });
  const during = await page.evaluate(() => ({ ...window.folioLive }));
  assert.ok(during.listeners > baseline.listeners, `listeners counted: ${JSON.stringify([baseline, during])}`);
  assert.equal(during.intersection, baseline.intersection + 1, 'one viewport observer for the lazy comments');
  await page.evaluate(() => document.getElementById('c').remove());
  await page.waitForTimeout(50);
  const afterRemoval = await page.evaluate(() => ({ ...window.folioLive }));
  assert.deepEqual(afterRemoval, baseline, 'back to where we were');
  // The others still work.
  assert.equal(await page.locator('#b h1').textContent(), 'Inline article');
});

test('lang picks the locale: German words and dates, Arabic right to left', async () => {
  const { page } = await open(browser, `${server.url}tests/e2e/pages/element.html`);
  await page.evaluate(() => document.getElementById('a').ready);
  await page.evaluate(() => document.getElementById('a').setAttribute('lang', 'de'));
  await page.locator('#a .folio[lang="de"]').waitFor();
  assert.match(await page.locator('#a .folio-byline').textContent(), /^Von Sean Michael Kerner/);
  assert.equal(await page.locator('#a time.folio-published').textContent(), '13. Juli 2017');
  assert.equal(await page.locator('#a nav.folio-share').getAttribute('aria-label'), 'Artikel teilen');
  await page.evaluate(() => document.getElementById('a').setAttribute('lang', 'ar'));
  await page.locator('#a .folio[lang="ar"]').waitFor();
  assert.equal(await page.locator('#a .folio').getAttribute('dir'), 'rtl');
  assert.equal(await page.locator('#a article').getAttribute('dir'), 'ltr', "the article's own dir wins for its text");
  assert.equal(await page.locator('#a nav.folio-share').getAttribute('aria-label'), 'شارك هذا المقال');
});

test('article dates in every language read as the browser\'s own Intl writes them (dateStyle long)', async () => {
  const { page } = await open(browser, `${server.url}tests/e2e/pages/element.html`);
  await page.evaluate(() => document.getElementById('a').ready);
  // English and every translation in the repository's locales/.
  const tags = ['en', ...readdirSync(new URL('../../locales/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5))];
  // Every month, with a one-digit and a two-digit day, in the time zone the date was written in.
  const dates = Array.from({ length: 12 }, (_, m) => `2017-${String(m + 1).padStart(2, '0')}-${m % 2 ? '05' : '28'}T23:30:00-07:00`);
  const mismatches = [];
  for (const lang of tags) {
    for (const published of dates) {
      const [got, want] = await page.evaluate(async ([lang, published]) => {
        const a = document.getElementById('a');
        a.setAttribute('lang', lang);
        a.article = { url: 'https://news.example/d', title: `Dated ${lang} ${published}`, published, body: [] };
        const h1 = () => a.shadowRoot.querySelector('h1')?.textContent;
        for (let i = 0; i < 200 && (h1() !== `Dated ${lang} ${published}` || a.shadowRoot.querySelector('.folio')?.lang !== lang); i++) {
          await new Promise((r) => setTimeout(r, 10));
        }
        const intl = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: '-07:00' });
        return [a.shadowRoot.querySelector('time.folio-published').textContent, intl.format(new Date(published))];
      }, [lang, published]);
      if (got !== want) mismatches.push(`${lang} ${published}: ${got} != ${want}`);
    }
  }
  assert.deepEqual(mismatches, []);
});

test('a language other than English is fetched once, when a page needs it; without its file the words stay English', async () => {
  const { page, problems, requests } = await open(browser, `${server.url}tests/e2e/pages/element.html`);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate(() => Promise.all([document.getElementById('a').ready, document.getElementById('b').ready]));
  const locales = () => requests.filter((u) => u.includes('/locales/')).map((u) => u.slice(u.indexOf('/locales/')));
  assert.deepEqual(locales(), [], 'an English page asks for no locale file');
  // Both elements switch to Polish at once: one request for the file.
  await page.evaluate(() => { for (const id of ['a', 'b']) document.getElementById(id).setAttribute('lang', 'pl-PL'); });
  await page.locator('#a .folio[lang="pl"]').waitFor();
  await page.locator('#b .folio[lang="pl"]').waitFor();
  assert.deepEqual(locales(), ['/locales/pl.json']);
  assert.equal(await page.locator('#a nav.folio-share').getAttribute('aria-label'), 'Udostępnij ten artykuł');
  // A file that cannot be loaded: English words, the article still shown, a warning that says why.
  await page.route('**/locales/ja.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.evaluate(() => document.getElementById('a').setAttribute('lang', 'ja'));
  await page.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('.folio[lang="en"]'));
  assert.equal(await page.locator('#a').getAttribute('data-folio-state'), 'ready');
  assert.equal(await page.locator('#a nav.folio-share').getAttribute('aria-label'), 'Share this article');
  assert.ok(warnings.some((w) => w.includes('"ja"') && w.includes('404')), warnings.join('\n'));
  // The browser's own line for the 404 this test made; nothing else.
  assert.deepEqual(problems.filter((p) => !p.includes('status of 404')), []);
});

test('theme auto follows the page: data-theme or a class on <html>, live', async () => {
  const { page } = await open(browser, `${server.url}tests/e2e/pages/element.html`);
  await page.evaluate(() => document.getElementById('b').ready);
  const bg = () => page.evaluate(() => getComputedStyle(document.getElementById('b').shadowRoot.querySelector('.folio')).backgroundColor);
  assert.equal(await bg(), 'rgb(255, 255, 255)');
  await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
  await page.waitForFunction(() => getComputedStyle(document.getElementById('b').shadowRoot.querySelector('.folio')).backgroundColor === 'rgb(21, 22, 26)');
  await page.evaluate(() => { delete document.documentElement.dataset.theme; document.documentElement.className = 'light'; });
  await page.waitForFunction(() => getComputedStyle(document.getElementById('b').shadowRoot.querySelector('.folio')).backgroundColor === 'rgb(255, 255, 255)');
  await page.evaluate(() => { document.documentElement.className = 'dark'; });
  await page.waitForFunction(() => getComputedStyle(document.getElementById('b').shadowRoot.querySelector('.folio')).backgroundColor === 'rgb(21, 22, 26)');
  assert.equal(await bg(), 'rgb(21, 22, 26)');
});
