// Soak: one page mounts, updates and destroys a widget many times, then holds many widgets
// at once and destroys them, against a real Isso (sections near the viewport load their
// comments). Afterwards the page holds exactly the listeners and observing observers it had
// before Folio mounted anything. bench/soak runs the same page longer and prints the heap
// and wasm memory figures; this test asserts only the counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveRepo } from './browser.mjs';
import { startIsso } from './isso.mjs';

let browser, server, isso;
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  isso = await startIsso({ origins: [server.url.replace(/\/$/, '')] });
  for (let i = 0; i < 5; i++) await isso.seed(`/soak/${i}`, [{ text: `Soak thread ${i}.` }, { text: 'A reply.', replyTo: 0 }]);
});
after(async () => { await browser?.close(); await server?.close(); await isso?.stop(); });

test('150 mount/update/destroy cycles and 50 widgets at once leave no listener and no observer behind', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}tests/e2e/pages/soak.html`);
  await page.waitForFunction(() => window.soakReady, null, { timeout: 20_000 });
  const base = await page.evaluate(() => window.live());
  const { during } = await page.evaluate((endpoint) => window.soak({ cycles: 150, together: 50, endpoint }), isso.url);
  // The counters do see Folio: 50 widgets hold listeners and observers while mounted.
  assert.ok(during.listeners >= base.listeners + 50, `listeners while 50 widgets are mounted: ${JSON.stringify(during)}`);
  assert.ok(during.observers >= base.observers + 50, `observers while 50 widgets are mounted: ${JSON.stringify(during)}`);
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.live()), base, 'back to what the page had before');
  assert.equal(await page.evaluate(() => document.getElementById('area').childElementCount), 0);
  assert.deepEqual(problems, []);
  await page.close();
});
