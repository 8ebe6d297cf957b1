// The page author's comments marked, against a real Isso 0.14.0: the `authorHashes` option
// (Isso's `data-isso-page-author-hashes`) lists the hashes Isso gives the author's
// comments; those comments, replies too and the reader's own once posted with the
// author's email, carry an "Author" mark after the name. Hashes are compared, never shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, serveRepo } from './browser.mjs';
import { startIsso } from './isso.mjs';

let browser, server, origin, isso;
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  origin = server.url.replace(/\/$/, '');
  isso = await startIsso({ origins: [origin] });
});
after(async () => { await isso?.stop(); await browser?.close(); await server?.close(); });

let threads = 0;
const newThread = () => `/e2e/authors-${Date.now()}-${threads++}`;

/** A thread with a comment by the author, a reply by the author and one by a reader, and
 * the author's hash as Isso gives it. */
async function authoredThread() {
  const thread = newThread();
  await isso.seed(thread, [
    { text: 'A question for the author.', author: 'Bob', email: 'bob@example.org' },
    { text: 'The author answers.', author: 'Eugene', email: 'eugene@example.org', replyTo: 0 },
    { text: 'A note from the author.', author: 'Eugene', email: 'eugene@example.org' },
  ]);
  const top = (await isso.thread(thread)).replies;
  const hash = top.find((c) => c.author === 'Eugene').hash;
  assert.match(hash, /^[0-9a-f]{12}$/);
  assert.notEqual(top.find((c) => c.author === 'Bob').hash, hash);
  return { thread, hash };
}

async function openPage(thread, authorHashes, colorScheme = 'light') {
  const page = await (await browser.newContext({ colorScheme })).newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const q = new URLSearchParams({ isso: isso.url, thread, load: 'eager', authorHashes });
  await page.goto(`${server.url}tests/e2e/pages/comments.html?${q}`);
  await page.waitForSelector('#article[data-folio-state="ready"]');
  await page.locator('#article article[data-folio-comment-id]').first().waitFor();
  return { page, problems };
}

const article = (page, text) => page.locator('#article article', { hasText: text });

test("the author's comments and replies are marked, no one else's; hashes are not shown", async () => {
  const { thread, hash } = await authoredThread();
  // Isso's syntax, with a hostile entry that matches nothing.
  const { page, problems } = await openPage(thread, `"><img src=x onerror=alert(1)>, ${hash}`);
  for (const text of ['The author answers.', 'A note from the author.']) {
    const a = article(page, text);
    assert.equal(await a.locator('.folio-comment-header .folio-page-author').textContent(), 'Author', text);
    assert.match(await a.getAttribute('class'), /\bfolio-comment-page-author\b/);
    // The mark follows the name, so the header reads "Eugene Author".
    assert.match(await a.locator('.folio-comment-header').innerText(), /^Eugene\s+Author/);
  }
  assert.equal(await article(page, 'A question for the author.').locator('.folio-page-author').count(), 0);
  assert.equal(await page.locator('#article .folio-page-author').count(), 2);
  // Only the section's configuration attribute holds them (data-folio-config, as given).
  const list = await page.locator('#article [data-folio-region="comments-list"]').evaluate((el) => el.innerHTML);
  assert.ok(!list.includes(hash), 'hashes are compared, never written into the list');
  assert.equal(await page.locator('#article img').count(), 0);
  // The author posting from the page with the same email is marked at once.
  const form = page.locator('#article [data-folio-form]');
  await form.getByLabel('Comment').fill('Posted by the author from the page.');
  await form.locator('input[name="name"]').fill('Eugene');
  await form.locator('input[name="email"]').fill('eugene@example.org');
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await article(page, 'Posted by the author from the page.').locator('.folio-page-author').waitFor();
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('without authorHashes nothing is marked', async () => {
  const { thread } = await authoredThread();
  const { page, problems } = await openPage(thread, '');
  await article(page, 'A note from the author.').waitFor();
  assert.equal(await page.locator('#article .folio-page-author, #article .folio-comment-page-author').count(), 0);
  assert.deepEqual(problems, []);
  await page.context().close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds nothing with the author's marks (${colorScheme})`, async () => {
    const { thread, hash } = await authoredThread();
    const { page, problems } = await openPage(thread, hash, colorScheme);
    await page.locator('#article .folio-page-author').first().waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    assert.ok(results.passes.some((r) => r.id === 'color-contrast'), 'axe checked the contrast');
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`), []);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}
