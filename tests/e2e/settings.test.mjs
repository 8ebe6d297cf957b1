// The server's settings against a real Isso 0.14.0, started with each setting on and then
// off: the settings Isso publishes in every list answer's `config` (require-author,
// require-email, reply-to-self, reply-notifications, feed) decide what the form requires
// and offers, whether the reader's own comment can be answered, and the feed link; with
// `gravatar` on, each comment shows the picture Isso links to, else the identicon of its
// hash, as Isso's client draws it.
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

/** The identicon Isso's client draws for `key` (isso/js/app/lib/identicons.js,
 * transcribed): its path's fill and cells, as Folio writes them. */
function issoIdenticon(key) {
  const colors = ['#9abf88', '#5698c4', '#e279a3', '#9163b6', '#be5168', '#f19670', '#e4bf80', '#447c69'];
  const hash = (parseInt(key.substr(-16), 16) % 2 ** 18).toString(2).padStart(18, '0');
  const on = new Set();
  for (let x = 0; x < 3; x++) {
    for (let y = 0; y < 5; y++) {
      if (hash[x * 5 + y] === '1') on.add(`${x} ${y}`).add(`${4 - x} ${y}`);
    }
  }
  let d = '';
  for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) if (on.has(`${x} ${y}`)) d += `M${x} ${y}h1v1h-1z`;
  return { fill: colors[parseInt(hash.slice(-3), 2) % colors.length], d };
}

async function openPage(isso, thread, colorScheme = 'light') {
  // A page of its own context, as axe needs.
  const page = await (await browser.newContext({ colorScheme })).newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // Every request leaving 127.0.0.1; Gravatar's answered here, once `release` is called.
  const away = [];
  let release;
  const released = new Promise((r) => { release = r; });
  page.on('request', (r) => { if (new URL(r.url()).hostname !== '127.0.0.1') away.push(r); });
  await page.route('https://www.gravatar.com/**', async (route) => {
    await released;
    await route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="55" height="55"><rect width="55" height="55" fill="#5698c4"/></svg>' });
  });
  await page.goto(`${server.url}tests/e2e/pages/comments.html?isso=${encodeURIComponent(isso.url)}&thread=${encodeURIComponent(thread)}&load=eager`);
  await page.waitForSelector('#article[data-folio-state="ready"]');
  await page.locator('#article article[data-folio-comment-id]').first().waitFor();
  return { page, problems, away, release };
}

const form = (page) => page.locator('#article [data-folio-form]');
const ON = { requireAuthor: true, requireEmail: true, replyToSelf: false, notifications: true, feed: true, gravatar: true };

test('every setting on: name and email required, reply notifications offered and stored, no reply to oneself, a feed link that answers, Gravatar pictures', async () => {
  const isso = await startIsso({ origins: [origin], settings: ON });
  try {
    const thread = newThread();
    await isso.seed(thread, [{ text: 'Seeded comment.', author: 'Ann', email: 'ann@example.org' }]);
    const { page, problems, away, release } = await openPage(isso, thread);
    // gravatar is on: the comment shows the picture Isso links to, decorative, in a box of
    // its size before the picture arrives, fetched lazily and without a referrer.
    const seeded = (await isso.thread(thread)).replies[0];
    assert.match(seeded.gravatar_image, /^https:\/\/www\.gravatar\.com\/avatar\/[0-9a-f]{32}\?/);
    const picture = page.locator('#article article', { hasText: 'Seeded comment.' }).locator('header img.folio-comment-avatar');
    assert.equal(await picture.getAttribute('src'), seeded.gravatar_image);
    assert.equal(await picture.getAttribute('alt'), '');
    assert.equal(await picture.getAttribute('loading'), 'lazy');
    await picture.scrollIntoViewIfNeeded();
    const box = await picture.boundingBox();
    assert.deepEqual([box.width, box.height], [32, 32], 'the space is there before the picture');
    release();
    await page.waitForFunction((img) => img.complete && img.naturalWidth === 55, await picture.elementHandle());
    assert.deepEqual(await picture.boundingBox(), box, 'the picture moved nothing');
    assert.deepEqual(away.map((r) => [r.url(), r.headers().referer]), [[seeded.gravatar_image, undefined]]);
    assert.equal(await page.locator('#article svg.folio-comment-avatar').count(), 0, 'no identicon beside a picture');
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

test('every setting off: name and email optional, no notifications, a reply to oneself, no feed link, identicons', async () => {
  const off = { requireAuthor: false, requireEmail: false, replyToSelf: true, notifications: false, feed: false, gravatar: false };
  const isso = await startIsso({ origins: [origin], settings: off });
  try {
    const thread = newThread();
    await isso.seed(thread, [{ text: 'Seeded comment.', author: 'Ann' }]);
    const { page, problems, away } = await openPage(isso, thread);
    // gravatar is off: the identicon of the comment's hash, as Isso's client draws it,
    // decorative and sized; no picture, nothing fetched from anywhere else.
    const seeded = (await isso.thread(thread)).replies[0];
    assert.equal(seeded.gravatar_image, undefined);
    const icon = page.locator('#article article', { hasText: 'Seeded comment.' }).locator('header svg.folio-comment-avatar');
    assert.equal(await icon.getAttribute('aria-hidden'), 'true');
    const drawn = await icon.locator('path').evaluate((p) => ({ fill: p.getAttribute('fill'), d: p.getAttribute('d') }));
    assert.deepEqual(drawn, issoIdenticon(seeded.hash));
    assert.notEqual(drawn.d, '', `hash ${seeded.hash} fills some cells`);
    const box = await icon.boundingBox();
    assert.deepEqual([box.width, box.height], [32, 32]);
    assert.equal(await page.locator('#article img.folio-comment-avatar').count(), 0);
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
    // The reader's two comments share one identicon: Isso hashes one address for both.
    const mineIcon = await mine.locator('header svg.folio-comment-avatar path').getAttribute('d');
    const reply = page.locator('#article .folio-replies article', { hasText: 'Answering myself.' });
    assert.equal(await reply.locator('header svg.folio-comment-avatar path').getAttribute('d'), mineIcon);
    assert.deepEqual(away.map((r) => r.url()), [], 'nothing fetched from anywhere but 127.0.0.1');
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
