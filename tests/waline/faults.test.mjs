// Posting to Waline through the fault proxy (tests/e2e/proxy.mjs) in front of one of two
// Waline processes: an answer lost on its way back (Waline stored the comment), a server
// failing every post, and a 200 answer cut in half. In every case the reader's comment is
// stored exactly once and nothing they typed is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, serveRepo } from '../e2e/browser.mjs';
import { startProxy } from '../e2e/proxy.mjs';
import { startWaline } from './harness.mjs';

const MESSAGE_MS = 20_000;
const POST_GIVE_UP_MS = 40_000; // five attempts with back-off (<= 1+2+4+8 s)

let browser, server, waline, proxy;
before(async () => {
  const built = (() => { try { return readFileSync(new URL('../../target/pkg-features.txt', import.meta.url), 'utf8'); } catch { return ''; } })();
  assert.ok(built.split(',').map((f) => f.trim()).includes('waline'), 'pkg/ must be built with FOLIO_FEATURES=waline (scripts/test does)');
  [browser, server, waline] = await Promise.all([launch(), serveRepo(), startWaline({ processes: 2 })]);
  proxy = await startProxy({ target: waline.urls[0], origins: [server.url.replace(/\/$/, '')] });
});
after(async () => { await browser?.close(); await proxy?.stop(); await server?.close(); await waline?.stop(); });

let threads = 0;
const newThread = (name) => `/waline/faults/${name}-${Date.now()}-${threads++}`;
const form = (page) => page.locator('#article [data-folio-form]:not([inert])');
const textarea = (page) => form(page).locator('textarea');
const formStatus = (page) => form(page).locator('.folio-form-status');
const article = (page, text) => page.locator('#article article[data-folio-comment-id]', { hasText: text });
const posts = (from) => proxy.log.slice(from).filter((e) => e.method === 'POST');

/** Rows of `thread` in the shared database whose Markdown is `text`. */
const stored = async (thread, text) => waline.sql('SELECT id FROM wl_comment WHERE url = $1 AND comment = $2', [thread, text]);

/** A page on a fresh thread (one comment seeded through the other process), `text` typed,
 * optionally as a reply to the seeded comment. */
async function typed(name, { reply = false } = {}) {
  const thread = newThread(name);
  const seeded = await waline.post(1, { url: thread, comment: `Seeded for ${name}.`, nick: 'Ann' });
  assert.equal(seeded.errno, 0);
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const q = new URLSearchParams({ isso: proxy.url, backend: 'waline', thread, load: 'eager' });
  await page.goto(`${server.url}tests/e2e/pages/comments.html?${q}`);
  await article(page, `Seeded for ${name}.`).waitFor({ timeout: MESSAGE_MS });
  if (reply) await article(page, `Seeded for ${name}.`).getByRole('button', { name: 'Reply' }).click();
  const text = `Posted to Waline through a failing proxy (${name}), ${Date.now()}.`;
  await textarea(page).fill(text);
  await form(page).getByLabel('Name').fill('Fault Tester');
  return { thread, page, problems, text, root: seeded.data.objectId };
}

async function postedOnce(page, thread, text) {
  await article(page, text).first().waitFor({ timeout: MESSAGE_MS });
  assert.equal((await stored(thread, text)).length, 1, 'stored once');
  assert.equal(await textarea(page).inputValue(), '', 'the text is cleared once Waline has it');
  await page.reload();
  await article(page, text).first().waitFor({ timeout: MESSAGE_MS });
  assert.equal(await article(page, text).count(), 1);
  assert.equal(await textarea(page).inputValue(), '');
}

for (const reply of [false, true]) {
  test(`the answer to a ${reply ? 'reply' : 'new comment'} is lost (Waline stored it): Folio finds it in the newest page and does not post it again`, async () => {
    const { thread, page, problems, text, root } = await typed(`lost-${reply ? 'reply' : 'top'}`, { reply });
    // Both the post and the copy Chromium may send again by itself on a dropped
    // connection lose their answers; Folio's own next attempt must look first.
    let lost = 0;
    proxy.mode = (req) => (req.method === 'POST' && lost++ < 2 ? 'lost' : 'pass');
    try {
      const from = proxy.log.length;
      await form(page).getByRole('button', { name: 'Post Comment' }).click();
      await formStatus(page).filter({ hasText: /has been posted/ }).waitFor({ timeout: MESSAGE_MS });
      await postedOnce(page, thread, text);
      const log = proxy.log.slice(from);
      const firstPost = log.findIndex((e) => e.method === 'POST');
      assert.ok(log.slice(firstPost).some((e) => e.method === 'GET' && /pageSize=100&sortBy=insertedAt_desc/.test(e.url)), 'the newest page was read before posting again');
      assert.ok(posts(from).every((e) => e.mode === 'lost'), `no post after the lookup: ${posts(from).map((e) => e.mode).join(', ')}`);
      if (reply) {
        const [row] = await waline.sql('SELECT pid, rid FROM wl_comment WHERE url = $1 AND comment = $2', [thread, text]);
        assert.deepEqual([String(row.pid), String(row.rid)], [String(root), String(root)]);
      }
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      proxy.mode = 'pass';
    }
  });
}

test('Chromium sends a POST again by itself when its connection drops: Waline refuses the copy ("Duplicate Content"), and Folio takes the post as done', async () => {
  const { thread, page, problems, text } = await typed('resent');
  let lost = 0;
  proxy.mode = (req) => (req.method === 'POST' && lost++ === 0 ? 'lost' : 'pass');
  try {
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await formStatus(page).filter({ hasText: /has been posted/ }).waitFor({ timeout: MESSAGE_MS });
    await postedOnce(page, thread, text);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
  }
});

test('every post fails (500): the post waits with its text; the next visit sends it once', async () => {
  const { thread, page, problems, text } = await typed('500');
  proxy.mode = (req) => (req.method === 'POST' ? '500' : 'pass');
  try {
    const from = proxy.log.length;
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await formStatus(page).filter({ hasText: /Waiting to send/ }).waitFor({ timeout: POST_GIVE_UP_MS });
    assert.equal(await textarea(page).inputValue(), text);
    assert.equal(posts(from).length, 5, 'five attempts');
    assert.equal((await stored(thread, text)).length, 0);
    proxy.mode = 'pass';
    const again = proxy.log.length;
    await page.reload();
    await postedOnce(page, thread, text);
    const next = proxy.log.slice(again).filter((e) => e.method !== 'OPTIONS').map((e) => `${e.method} ${e.url.includes('pageSize=100') ? 'lookup' : ''}`.trim());
    assert.ok(next.indexOf('GET lookup') >= 0 && next.indexOf('GET lookup') < next.indexOf('POST'), `looked before sending again: ${next.join(', ')}`);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
  }
});

test('a 200 answer cut in half: "sent, but unreadable", stored once, and the list shows it', async () => {
  const { thread, page, problems, text } = await typed('truncate');
  let cut = 0;
  proxy.mode = (req) => (req.method === 'POST' && cut++ === 0 ? 'truncate' : 'pass');
  try {
    const from = proxy.log.length;
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await formStatus(page).filter({ hasText: /was sent, but the server's answer could not be read/ }).waitFor({ timeout: MESSAGE_MS });
    await postedOnce(page, thread, text);
    assert.equal(posts(from).length, 1);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    proxy.mode = 'pass';
  }
});
