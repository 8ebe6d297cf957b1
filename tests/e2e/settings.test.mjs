// The server's settings against a real Isso 0.14.0, started with each setting on and then
// off: the settings Isso publishes in every list answer's `config` (require-author,
// require-email, reply-to-self, reply-notifications, feed) decide what the form requires
// and offers, whether the reader's own comment can be answered, and the feed link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, serveRepo } from './browser.mjs';
import { startIsso } from './isso.mjs';

let browser, server, origin;
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  origin = server.url.replace(/\/$/, '');
});
after(async () => { await browser?.close(); await server?.close(); });

let threads = 0;
const newThread = () => `/e2e/settings-${Date.now()}-${threads++}`;

async function openPage(isso, thread, colorScheme = 'light') {
  // A page of its own context, as axe needs.
  const page = await (await browser.newContext({ colorScheme })).newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}tests/e2e/pages/comments.html?isso=${encodeURIComponent(isso.url)}&thread=${encodeURIComponent(thread)}&load=eager`);
  await page.waitForSelector('#article[data-folio-state="ready"]');
  await page.locator('#article article[data-folio-comment-id]').first().waitFor();
  return { page, problems };
}

const form = (page) => page.locator('#article [data-folio-form]');
const ON = { requireAuthor: true, requireEmail: true, replyToSelf: false, notifications: true, feed: true };

test('every setting on: name and email required, reply notifications offered and stored, no reply to oneself, a feed link that answers', async () => {
  const isso = await startIsso({ origins: [origin], settings: ON });
  try {
    const thread = newThread();
    await isso.seed(thread, [{ text: 'Seeded comment.', author: 'Ann', email: 'ann@example.org' }]);
    const { page, problems } = await openPage(isso, thread);
    const f = form(page);
    // The form follows the server: both fields required, neither marked optional.
    await f.locator('input[name="name"][required]').waitFor();
    assert.equal(await f.locator('input[name="email"]').getAttribute('required'), '');
    assert.equal(await f.locator('.folio-optional').count(), 1, 'only the website is optional');
    // The notification checkbox is there, usable once there is an email.
    const notify = f.getByLabel('Notify me of replies by email');
    assert.equal(await notify.isDisabled(), true, 'no email, no notifications');
    await f.getByLabel('Email', { exact: true }).fill('tess@example.org');
    assert.equal(await notify.isDisabled(), false);
    await notify.check();
    // Posting without a name is refused in the form, with the field named.
    await f.getByLabel('Comment').fill('With notifications, please.');
    await f.getByRole('button', { name: 'Post Comment' }).click();
    await f.locator('input[name="name"][aria-invalid="true"]').waitFor();
    assert.equal(await f.getByLabel('Notify me of replies by email').isChecked(), true, 'the draft keeps the checkbox');
    await f.getByLabel('Name').fill('Tess');
    await f.getByRole('button', { name: 'Post Comment' }).click();
    const mine = page.locator('#article article', { hasText: 'With notifications, please.' });
    await mine.waitFor();
    // Isso stored the request for notifications.
    const stored = (await isso.thread(thread)).replies.find((c) => c.text.includes('With notifications'));
    assert.equal(stored.notification, 1);
    // reply-to-self is off: the reader's own comment, still editable, has Edit and no Reply;
    // the seeded comment keeps its Reply.
    await mine.getByRole('button', { name: 'Edit' }).waitFor();
    assert.equal(await mine.getByRole('button', { name: 'Reply' }).count(), 0);
    const ann = page.locator('#article article', { hasText: 'Seeded comment.' });
    assert.equal(await ann.getByRole('button', { name: 'Reply' }).count(), 1);
    // The feed link is Isso's feed of this thread, and it answers.
    const feed = page.locator('#article a.folio-feed');
    assert.equal(await feed.textContent(), 'Comments feed (Atom)');
    const href = await feed.getAttribute('href');
    assert.equal(href, `${isso.url}/feed?uri=${encodeURIComponent(thread)}`);
    const answer = await fetch(href);
    assert.equal(answer.status, 200);
    assert.match(await answer.text(), /<feed[\s>]/);
    assert.deepEqual(problems, []);
    await page.context().close();
  } finally {
    await isso.stop();
  }
});

test('every setting off: name and email optional, no notifications, a reply to oneself, no feed link', async () => {
  const off = { requireAuthor: false, requireEmail: false, replyToSelf: true, notifications: false, feed: false };
  const isso = await startIsso({ origins: [origin], settings: off });
  try {
    const thread = newThread();
    await isso.seed(thread, [{ text: 'Seeded comment.', author: 'Ann' }]);
    const { page, problems } = await openPage(isso, thread);
    const f = form(page);
    assert.equal(await f.locator('input[name="name"][required], input[name="email"][required]').count(), 0);
    assert.equal(await f.locator('.folio-optional').count(), 3, 'name, email and website are optional');
    assert.equal(await f.locator('[name="notify"]').count(), 0);
    await f.getByLabel('Comment').fill('No strings attached.');
    await f.getByRole('button', { name: 'Post Comment' }).click();
    const mine = page.locator('#article article', { hasText: 'No strings attached.' });
    await mine.getByRole('button', { name: 'Edit' }).waitFor();
    assert.equal(await mine.getByRole('button', { name: 'Reply' }).count(), 1, 'reply-to-self is on');
    // The server takes that reply, as it says.
    await mine.getByRole('button', { name: 'Reply' }).click();
    await f.getByLabel('Comment').fill('Answering myself.');
    await f.getByRole('button', { name: 'Post Comment' }).click();
    await page.locator('#article .folio-replies article', { hasText: 'Answering myself.' }).waitFor();
    assert.equal(await page.locator('#article a.folio-feed').count(), 0);
    assert.equal((await fetch(`${isso.url}/feed?uri=${encodeURIComponent(thread)}`)).status, 404, 'Isso publishes no feed');
    assert.deepEqual(problems, []);
    await page.context().close();
  } finally {
    await isso.stop();
  }
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds nothing with every setting on: required fields, the notification checkbox, the feed link (${colorScheme})`, async () => {
    const isso = await startIsso({ origins: [origin], settings: ON });
    try {
      const thread = newThread();
      await isso.seed(thread, [{ text: 'Seeded comment.', author: 'Ann', email: 'ann@example.org' }]);
      const { page, problems } = await openPage(isso, thread, colorScheme);
      const f = form(page);
      await f.getByLabel('Email', { exact: true }).fill('tess@example.org');
      await f.getByLabel('Notify me of replies by email').check();
      await page.locator('#article a.folio-feed').waitFor();
      const results = await new AxeBuilder({ page }).analyze();
      const inside = results.passes.filter((r) => r.nodes.some((n) => Array.isArray(n.target[0])));
      assert.ok(inside.some((r) => r.id === 'label'), 'axe looked into the shadow root');
      assert.deepEqual(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`), []);
      assert.deepEqual(problems, []);
      await page.context().close();
    } finally {
      await isso.stop();
    }
  });
}
