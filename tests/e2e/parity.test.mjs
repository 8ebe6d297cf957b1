// What Isso's own client offers besides the list and the form, against a real Isso 0.14.0:
// up- and down-votes with Isso's score (likes less dislikes), one vote per reader as Isso
// counts them, and the form's Preview, which shows the draft as Isso renders it
// (`POST /preview`; a client-markdown package renders it itself, as it renders the list)
// without touching the draft.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, serveRepo, ROOT } from './browser.mjs';
import { startIsso } from './isso.mjs';
import { pkgFeatures } from '../../scripts/sizes.mjs';

let browser, server, isso;
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  isso = await startIsso({ origins: [server.url.replace(/\/$/, '')] });
});
after(async () => { await browser?.close(); await isso?.stop(); await server?.close(); });

let threads = 0;
const newThread = () => `/e2e/parity-${Date.now()}-${threads++}`;

/**
 * Seeds `texts` as comments of `thread` and forgets who wrote them: Isso counts no vote
 * from a comment's author (its address is the first in the comment's voters), and here the
 * seeding client and the browser share 127.0.0.1. Resolves to the ids.
 */
async function seedByOthers(thread, texts) {
  const ids = await isso.seed(thread, texts.map((text, i) => ({ text, author: `Reader ${i + 1}` })));
  const code = 'import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\ndb.execute("UPDATE comments SET voters = ?", (bytes(256),))\ndb.commit()\n';
  const r = spawnSync(join(ROOT, '.venv/bin/python'), ['-c', code, isso.dbPath], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`clearing the voters failed: ${r.stderr}`);
  return ids;
}

async function openPage(thread, colorScheme = 'light') {
  const page = await (await browser.newContext({ colorScheme })).newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}tests/e2e/pages/comments.html?isso=${encodeURIComponent(isso.url)}&thread=${encodeURIComponent(thread)}&load=eager`);
  await page.waitForSelector('#article[data-folio-state="ready"]');
  await page.locator('#article article[data-folio-comment-id]').first().waitFor();
  return { page, problems };
}

const votes = async (thread) => Object.fromEntries((await isso.thread(thread)).replies.map((c) => [c.id, [c.likes, c.dislikes]]));

test('up and down votes: Isso score between Like and Dislike, counted by Isso once per reader', async () => {
  const thread = newThread();
  const [a, b] = await seedByOthers(thread, ['Disagreeable.', 'Agreeable.']);
  const { page, problems } = await openPage(thread);
  const comment = (id) => page.locator(`#article article[data-folio-comment-id="${id}"]`);
  const score = (id) => comment(id).locator('[data-folio-likes]');
  // Like, the score, Dislike: in that order, named by their text, not pressed.
  const controls = await comment(a).locator('footer > *').evaluateAll((els) => els.map((e) => e.dataset.folioAction ?? e.textContent));
  assert.deepEqual(controls, ['reply', 'like', '0', 'dislike']);
  assert.equal(await comment(a).getByRole('button', { name: 'Dislike' }).getAttribute('aria-pressed'), 'false');

  await comment(a).getByRole('button', { name: 'Dislike' }).click();
  await comment(a).locator('[data-folio-action="dislike"][aria-pressed="true"]').waitFor();
  assert.equal(await score(a).textContent(), '-1');
  await comment(b).getByRole('button', { name: 'Like', exact: true }).click();
  await comment(b).locator('[data-folio-action="like"][aria-pressed="true"]').waitFor();
  assert.equal(await score(b).textContent(), '1');
  assert.deepEqual(await votes(thread), { [a]: [0, 1], [b]: [1, 0] });

  // A second vote from the same reader: Isso answers the same counts, and so does the page.
  await comment(a).getByRole('button', { name: 'Like', exact: true }).click();
  await comment(a).locator('[data-folio-action="like"][aria-pressed="true"]').waitFor();
  assert.equal(await score(a).textContent(), '-1');
  assert.deepEqual(await votes(thread), { [a]: [0, 1], [b]: [1, 0] });

  // A reply to a voted comment draws its thread again: the score and the pressed button stay.
  await comment(b).getByRole('button', { name: 'Reply' }).click();
  const form = page.locator('#article [data-folio-form]');
  await form.getByLabel('Comment').fill('Replying after the vote.');
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await page.locator('#article .folio-replies article', { hasText: 'Replying after the vote.' }).waitFor();
  assert.equal(await score(b).textContent(), '1');
  assert.equal(await comment(b).locator('[data-folio-action="like"]').getAttribute('aria-pressed'), 'true');
  assert.equal(await comment(b).locator('[data-folio-action="dislike"]').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Preview shows the draft as Isso renders it, in the text\'s place, and leaves the draft alone', async () => {
  const thread = newThread();
  await seedByOthers(thread, ['First.']);
  const { page, problems } = await openPage(thread);
  const form = page.locator('#article [data-folio-form]');
  const toggle = form.getByRole('button', { name: 'Preview' });
  await toggle.waitFor();
  const draft = 'Some *emphasis* and a [link](https://example.org/).\n\nA second paragraph.';
  await form.getByLabel('Comment').fill(draft);
  const previews = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname === '/preview') previews.push(r.method()); });

  // By keyboard: the toggle is pressed, the text gives way to Isso's own rendering.
  await toggle.focus();
  await page.keyboard.press('Enter');
  const shown = form.locator('[data-folio-preview]');
  await shown.locator('p').first().waitFor();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal(await form.getByLabel('Comment').isVisible(), false);
  const isso_ = await (await fetch(`${isso.url}/preview`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: isso.origin },
    body: JSON.stringify({ text: draft }),
  })).json();
  const rendered = await shown.evaluate((e) => e.innerHTML);
  // Isso's markup, rebuilt by Folio's sanitizer (which adds rel to links), or rendered by
  // Folio's own Markdown renderer in a client-markdown package, asking Isso nothing.
  const markup = (html) => html.replace(/ rel="[^"]*"/g, '').replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
  assert.equal(markup(rendered), markup(isso_.text));
  assert.deepEqual(previews, pkgFeatures().includes('client-markdown') ? [] : ['POST']);
  assert.equal(await shown.locator('em').textContent(), 'emphasis');
  assert.equal(await shown.getAttribute('aria-live'), 'polite');
  assert.equal(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.dataset.folioAction ?? document.activeElement?.dataset?.folioAction), 'preview', 'focus stays on the toggle');

  // Pressed again (Space): the text is back, as it was; the preview is gone.
  await page.keyboard.press('Space');
  await form.getByLabel('Comment').waitFor({ state: 'visible' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await shown.evaluate((e) => e.childNodes.length), 0);
  assert.equal(await form.getByLabel('Comment').inputValue(), draft);

  // And it posts as typed.
  await toggle.click();
  await shown.locator('p').first().waitFor();
  await form.getByRole('button', { name: 'Post Comment' }).click();
  await page.locator('#article article', { hasText: 'A second paragraph.' }).waitFor();
  const stored = (await isso.thread(thread)).replies.find((c) => c.text.includes('second paragraph'));
  assert.match(stored.text, /<em>emphasis<\/em>/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds nothing with votes cast and the preview open (${colorScheme})`, async () => {
    const thread = newThread();
    const [a] = await seedByOthers(thread, ['Voted on.']);
    const { page, problems } = await openPage(thread, colorScheme);
    const comment = page.locator(`#article article[data-folio-comment-id="${a}"]`);
    await comment.getByRole('button', { name: 'Dislike' }).click();
    await comment.locator('[data-folio-action="dislike"][aria-pressed="true"]').waitFor();
    const form = page.locator('#article [data-folio-form]');
    await form.getByLabel('Comment').fill('A **bold** preview.');
    await form.getByRole('button', { name: 'Preview' }).click();
    await form.locator('[data-folio-preview] strong').waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`), []);
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}
