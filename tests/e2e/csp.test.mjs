// Folio on a page with the strictest policy it promises to support: no inline script or
// style, no eval, Trusted Types enforced; the comment server is reached same-origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, ROOT } from './browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { startIsso } from './isso.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
let browser, server, isso;

before(async () => {
  isso = await startIsso();
  await isso.seed('/strict', [
    { text: 'A comment with *markup* and <b>raw html</b>.', author: 'Ann' },
    { text: 'A reply.', author: 'Bob', replyTo: 0 },
  ]);
  [browser, server] = await Promise.all([launch(), serve({ root: ROOT, headers: { 'content-security-policy': CSP }, proxy: { '/isso': isso.url } })]);
});
after(async () => { await browser?.close(); await server?.close(); await isso?.stop(); });

test('article, share bar and comments render with no CSP or Trusted Types violation', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy|Trusted Type/i.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  const response = await page.goto(`${server.url}tests/e2e/pages/strict.html`);
  assert.equal(response.headers()['content-security-policy'], CSP);
  await page.evaluate(() => document.getElementById('a').ready);
  const host = page.locator('#a');
  assert.equal(await host.locator('h1').textContent(), 'Kaspersky Lab Defends Its Reputation Against Allegations');
  assert.ok(await host.locator('nav.folio-share [data-folio-share]').count() > 5, 'the share bar');
  await host.locator('article[data-folio-comment-id]', { hasText: 'A reply.' }).waitFor();
  assert.equal(await host.locator('.folio-comment-body em').first().textContent(), 'markup', 'comment HTML is parsed and rebuilt under Trusted Types');
  // The stylesheet applied (adopted: no <style> element, no style attribute needed).
  const look = await page.evaluate(() => {
    const root = document.getElementById('a').shadowRoot;
    return [getComputedStyle(root.querySelector('.folio-share-button')).borderTopLeftRadius, root.querySelectorAll('style, [style]').length];
  });
  assert.deepEqual(look, ['999px', 0]);
  await host.locator('[data-folio-form] textarea').fill('Posted under a strict CSP.');
  await host.locator('[data-folio-form] .folio-submit').click();
  await host.locator('article[data-folio-comment-id]', { hasText: 'Posted under a strict CSP.' }).waitFor();
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(problems, []);
  await page.close();
});
