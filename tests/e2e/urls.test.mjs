// Links the browser could not parse are not written (view::url asks the browser's own URL
// parser in the wasm builds): an article whose paragraph links to such targets, rendered by
// mount() in Chromium, keeps an href only on the link the browser can follow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, open, serveRepo, ROOT } from './browser.mjs';

const TARGETS = ['\\\\\\\\', 'https://exa mple.org/', 'http://1.2.3.256/', '//[::1', 'https://example.org:99999/', 'http://', 'https://ok.example/a', '/relative#top'];
let browser, server;
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  mkdirSync(join(ROOT, 'target/e2e'), { recursive: true });
  writeFileSync(join(ROOT, 'target/e2e/urls-article.json'), JSON.stringify({
    url: 'https://news.example/urls', title: 'Links', published: '2026-12-04',
    body: [{ type: 'paragraph', text: TARGETS.map((t, i) => `[link ${i}](${t.replaceAll(' ', '%20') === t ? t : `<${t}>`})`).join(' ') }],
  }));
});
after(async () => { await browser?.close(); await server?.close(); });

test('only the links the browser can parse keep their href', async () => {
  const { page, problems } = await open(browser, `${server.url}tests/e2e/pages/faults.html?src=${encodeURIComponent(`${server.url}target/e2e/urls-article.json`)}`);
  await page.waitForSelector('#article[data-folio-state="ready"]', { timeout: 15_000 });
  const links = await page.evaluate(() => [...document.getElementById('article').shadowRoot.querySelectorAll('.folio-body a')]
    .map((a) => [a.textContent, a.getAttribute('href')]));
  const body = await page.locator('#article .folio-body').textContent();
  for (let i = 0; i < TARGETS.length; i++) assert.ok(body.includes(`link ${i}`), `link ${i}'s text is on the page`);
  const kept = links.filter(([, href]) => href !== null).map(([, href]) => href);
  assert.deepEqual(kept, ['https://ok.example/a', '/relative#top']);
  assert.deepEqual(problems, []);
});
