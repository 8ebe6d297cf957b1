// Comments against a real Isso 0.14.0 server on 127.0.0.1, in headless Chromium: lazy
// loading, posting and replying, moderation, the server going away and coming back, and
// hostile HTML stored in Isso.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveRepo } from './browser.mjs';
import { startIsso } from './isso.mjs';

let browser, server, origin;
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  origin = server.url.replace(/\/$/, '');
});
after(async () => { await browser?.close(); await server?.close(); });

let threads = 0;
const newThread = () => `/e2e/thread-${Date.now()}-${threads++}`;

async function openPage(isso, thread, { load = 'lazy', page: reuse } = {}) {
  const page = reuse ?? await browser.newPage();
  const issoRequests = [];
  page.on('request', (r) => { if (r.url().startsWith(isso.url)) issoRequests.push(r.url()); });
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}tests/e2e/pages/comments.html?isso=${encodeURIComponent(isso.url)}&thread=${encodeURIComponent(thread)}&load=${load}&spacer=3000`);
  await page.waitForSelector('#article[data-folio-state="ready"]');
  return { page, issoRequests, problems };
}

const list = (page) => page.locator('#article [data-folio-region="comments-list"]');
const form = (page) => page.locator('#article [data-folio-form]');

test('nothing is requested before scrolling; then the thread renders, replies nested', async () => {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = newThread();
    await isso.seed(thread, [
      { text: 'First comment, with *emphasis*.', author: 'Ann' },
      { text: 'A reply to Ann.', author: 'Bob', website: 'https://bob.example', replyTo: 0 },
      { text: 'Second top-level comment.' },
    ]);
    const { page, issoRequests, problems } = await openPage(isso, thread);
    await page.waitForTimeout(400);
    assert.deepEqual(issoRequests, [], 'no comment request before the section nears the viewport');
    await assert.doesNotReject(list(page).getByText('Loading comments').waitFor());
    await page.locator('#article [data-folio-comments]').scrollIntoViewIfNeeded();
    await page.locator('#article article[data-folio-comment-id]').first().waitFor();
    assert.equal(issoRequests.length, 1);
    assert.equal(await page.locator('#article #folio-comments-heading').textContent(), 'Comments (3)');
    const authors = await page.locator('#article .folio-comment-author').allTextContents();
    assert.deepEqual(authors, ['Ann', 'Bob', 'Anonymous']);
    assert.equal(await page.locator('#article .folio-comment-body em').first().textContent(), 'emphasis');
    assert.equal(await page.locator('#article .folio-replies .folio-comment-author').textContent(), 'Bob');
    assert.equal(await page.locator('#article a.folio-comment-author').getAttribute('rel'), 'nofollow noopener noreferrer ugc');
    assert.equal(await list(page).getAttribute('aria-busy'), 'false');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await isso.stop();
  }
});

test('posting a comment and a reply shows them, stored in Isso', async () => {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = newThread();
    await isso.seed(thread, [{ text: 'Seeded comment.', author: 'Ann' }]);
    const { page } = await openPage(isso, thread, { load: 'eager' });
    await page.locator('#article article[data-folio-comment-id]').first().waitFor();
    await form(page).getByLabel('Comment').fill('Posted from **Folio** in a real browser.');
    await form(page).getByLabel('Name').fill('Tess');
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    const mine = page.locator('#article article', { hasText: 'Posted from Folio' });
    await mine.waitFor();
    assert.equal(await mine.locator('strong').textContent(), 'Folio');
    assert.equal(await mine.evaluate((el) => el === el.getRootNode().activeElement), true, 'focus moves to the new comment');
    assert.match(await form(page).locator('.folio-form-status').textContent(), /posted/);

    const ann = page.locator('#article article', { hasText: 'Seeded comment.' });
    await ann.getByRole('button', { name: 'Reply' }).click();
    await form(page).getByLabel('Comment').fill('Replying to Ann.');
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await page.locator('#article .folio-replies article', { hasText: 'Replying to Ann.' }).waitFor();

    const stored = await isso.thread(thread);
    const texts = JSON.stringify(stored);
    assert.match(texts, /Posted from/);
    assert.match(texts, /Replying to Ann/);
    const annStored = stored.replies.find((c) => c.text.includes('Seeded comment'));
    assert.equal(annStored.replies.length, 1, 'the reply is stored under Ann');
    await page.close();
  } finally {
    await isso.stop();
  }
});

test('update(): a new share bar leaves the article, the running section and the text being typed alone; new comment options render anew', async () => {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = newThread();
    await isso.seed(thread, [{ text: 'Seeded comment.', author: 'Ann' }]);
    const { page, issoRequests, problems } = await openPage(isso, thread, { load: 'eager' });
    await page.locator('#article article[data-folio-comment-id]').first().waitFor();
    await form(page).getByLabel('Comment').fill('Half-written, not posted yet.');
    const section = page.locator('#article [data-folio-comments]');
    const headline = page.locator('#article h1');
    await section.evaluate((el) => { el.folioMark = 'before'; });
    await headline.evaluate((el) => { el.folioMark = 'before'; });
    const asked = issoRequests.length;
    const options = (share, sort) => ({
      src: '../../../www/articles/kaspersky-reputation.json',
      share,
      comments: { endpoint: isso.url, thread, load: 'eager', sort },
    });

    await page.evaluate((o) => window.folio.update(o), options({ networks: ['x', 'copy'] }, 'oldest'));
    assert.equal(await page.locator('#article .folio-share a[href^="https://x.com/intent/tweet"]').count(), 1, 'the new share bar is there');
    assert.equal(await section.evaluate((el) => el.folioMark), 'before', 'the comment section is the same element');
    assert.equal(await headline.evaluate((el) => el.folioMark), 'before', 'the article is the same element');
    assert.equal(await form(page).getByLabel('Comment').inputValue(), 'Half-written, not posted yet.');
    assert.equal(issoRequests.length, asked, 'no list request for a share change');

    await page.evaluate((o) => window.folio.update(o), options({ networks: ['x', 'copy'] }, 'newest'));
    await page.locator('#article article[data-folio-comment-id]').first().waitFor();
    assert.equal(await section.evaluate((el) => el.folioMark), undefined, 'a new comment section');
    assert.equal(await headline.evaluate((el) => el.folioMark), undefined, 'the article rendered again');
    assert.equal(issoRequests.length, asked + 1, 'the new section asks for its list');
    assert.equal(await page.locator('#article .folio-share').count(), 1);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await isso.stop();
  }
});

// A comment posted while reading moves Isso's offsets by one: the next page, asked for
// by offset, must still add each comment once. The reader's own comment shows at once, in
// the list's order where it can (first, newest first; after the comments shown, oldest first).
// Held for moderation, the reader's comment is not in Isso's pages: the offset stays.
for (const [sort, expected, moderation] of [
  ['oldest', [...Array.from({ length: 20 }, (_, i) => `${i + 1}`), 'mine', '21', '22']],
  ['newest', ['mine', ...Array.from({ length: 22 }, (_, i) => `${22 - i}`)]],
  ['newest', ['mine', ...Array.from({ length: 22 }, (_, i) => `${22 - i}`)], 'moderation'],
]) test(`"Load more comments" adds the next page, each comment once, also after the reader posted (${sort} first${moderation ? ', held for moderation' : ''})`, async () => {
  const isso = await startIsso({ origins: [origin], moderation: Boolean(moderation) });
  try {
    const thread = newThread();
    const seeded = await isso.seed(thread, Array.from({ length: 22 }, (_, i) => ({ text: `Comment number ${i + 1}.` })));
    if (moderation) for (const id of seeded) await isso.moderate(id, 'activate');
    const { page, problems } = await openPage(isso, thread, { load: 'eager' });
    const bodies = list(page).locator('article[data-folio-comment-id] .folio-comment-body');
    const shown = async () => (await bodies.allTextContents()).map((t) => (/number (\d+)/.exec(t) ?? [, 'mine'])[1]);
    await bodies.first().waitFor();
    if (sort === 'newest') {
      await page.locator('#article select[name="sort"]').selectOption('newest');
      await list(page).locator('article', { hasText: 'Comment number 22.' }).first().waitFor();
      await page.waitForTimeout(300);
      assert.equal((await shown())[0], '22', 'newest first');
    }
    assert.equal(await bodies.count(), 20, 'the first page: 20 of 22');
    await form(page).getByLabel('Comment').fill('Posted before loading more.');
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await list(page).locator('article', { hasText: 'Posted before loading more.' }).waitFor();
    assert.equal((await shown()).indexOf('mine'), sort === 'newest' ? 0 : 20, 'the new comment where the list\'s order puts it');
    await list(page).getByRole('button', { name: 'Load more comments' }).click();
    await list(page).locator('article', { hasText: `Comment number ${sort === 'newest' ? 1 : 22}.` }).waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await shown(), expected);
    const ids = await list(page).locator('article[data-folio-comment-id]').evaluateAll((els) => els.map((e) => e.id));
    assert.equal(new Set(ids).size, 23, 'no element id twice');
    assert.equal(await list(page).getByRole('button', { name: 'Load more comments' }).count(), 0, 'nothing more to load');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await isso.stop();
  }
});

test('five replies show under a comment, as Isso\'s own client shows; "Show 2 more replies" fetches the rest', async () => {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = newThread();
    const replies = Array.from({ length: 7 }, (_, i) => ({ text: `Reply number ${i + 1}.`, replyTo: 0 }));
    await isso.seed(thread, [{ text: 'A popular comment.', author: 'Ann' }, ...replies, { text: 'Below it.' }]);
    const { page, issoRequests, problems } = await openPage(isso, thread, { load: 'eager' });
    const ann = page.locator('#article li', { has: page.locator('article', { hasText: 'A popular comment.' }) });
    const shown = ann.locator('.folio-replies article');
    await shown.first().waitFor();
    assert.equal(await shown.count(), 5);
    assert.match(issoRequests[0], /nested_limit=5/);
    const more = ann.getByRole('button', { name: 'Show 2 more replies' });
    // The server fails once: the button says so, and pressing it again tries again.
    await page.route(/[?&]parent=/, (route) => route.fulfill({ status: 500, body: 'oops' }), { times: 1 });
    await more.click();
    const failed = ann.locator('[data-folio-action="more-replies"]', { hasText: 'The comment server ran into a problem' });
    await failed.waitFor();
    assert.equal(await shown.count(), 5, 'nothing lost');
    await failed.click();
    await ann.locator('.folio-replies article', { hasText: 'Reply number 7.' }).waitFor();
    assert.equal(await shown.count(), 7);
    assert.equal(await ann.getByRole('button', { name: /more repl/ }).count(), 0, 'no button once all are shown');
    assert.match(issoRequests.at(-1), /[?&]parent=\d+/);
    const focused = await page.evaluate(() => document.querySelector('#article').shadowRoot.activeElement?.textContent ?? '');
    assert.match(focused, /Reply number 6\./, 'focus moves to the first reply that was not shown');
    assert.equal(await page.locator('#article article', { hasText: 'Below it.' }).count(), 1, 'the rest of the list is untouched');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await isso.stop();
  }
});

test('a reply kept as a draft comes back under its comment after a reload', async () => {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = newThread();
    await isso.seed(thread, [{ text: 'Answer me later.', author: 'Ann' }, { text: 'Another one.' }]);
    const { page } = await openPage(isso, thread, { load: 'eager' });
    const ann = page.locator('#article li', { has: page.locator('article', { hasText: 'Answer me later.' }) });
    await ann.getByRole('button', { name: 'Reply' }).click();
    await form(page).getByLabel('Comment').fill('Half a reply.');
    await page.reload();
    await page.waitForSelector('#article[data-folio-state="ready"]');
    // The form is drawn before the list arrives; once it is there, the form is under Ann's.
    await ann.locator('[data-folio-form]').waitFor();
    assert.equal(await ann.locator('[data-folio-form]').getByLabel('Comment').inputValue(), 'Half a reply.');
    assert.equal(await page.locator('#article [data-folio-form]').count(), 1);
    await page.close();
  } finally {
    await isso.stop();
  }
});

test('within the edit window the reader can edit and delete their own comment', async () => {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = newThread();
    await isso.seed(thread, [{ text: 'Someone else wrote this.', author: 'Ann' }]);
    const { page } = await openPage(isso, thread, { load: 'eager' });
    await page.locator('#article article[data-folio-comment-id]').first().waitFor();
    const others = page.locator('#article article', { hasText: 'Someone else wrote this.' });
    assert.equal(await others.getByRole('button', { name: 'Edit' }).count(), 0, 'no Edit on comments that are not mine');
    await form(page).getByLabel('Comment').fill('My first version.');
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    const mine = page.locator('#article article', { hasText: 'My first version.' });
    await mine.waitFor();

    await mine.getByRole('button', { name: 'Edit' }).click();
    const editor = mine.getByLabel('Edit your comment');
    assert.equal(await editor.inputValue(), 'My first version.');
    assert.equal(await editor.evaluate((el) => el === el.getRootNode().activeElement), true, 'focus moves to the editor');
    await editor.fill('My *second* version.');
    await mine.getByRole('button', { name: 'Save' }).click();
    const edited = page.locator('#article article', { hasText: 'My second version.' });
    await edited.locator('em').waitFor();
    // The edited comment is drawn again on its own, still the reader's: Edit is there once.
    assert.equal(await edited.getByRole('button', { name: 'Edit' }).count(), 1, 'still editable after the edit');
    const byId = page.locator(`#article article[data-folio-comment-id="${await edited.getAttribute('data-folio-comment-id')}"]`);
    await byId.getByRole('button', { name: 'Edit' }).click();
    await byId.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await page.locator('#article').getByLabel('Edit your comment').count(), 0, 'Cancel closes the editor');
    assert.equal(await edited.getByRole('button', { name: 'Edit' }).count(), 1, 'Cancel leaves the comment as it was');
    assert.equal(await others.count(), 1, 'the other comment is untouched');
    assert.match(JSON.stringify(await isso.thread(thread)), /My \u003cem\u003esecond|My <em>second/);

    // Edit survives a reload (the window is remembered), then delete with a confirming second press.
    await page.reload();
    await page.waitForSelector('#article[data-folio-state="ready"]');
    const again = page.locator('#article article', { hasText: 'My second version.' });
    await again.waitFor();
    await again.getByRole('button', { name: 'Delete' }).click();
    await again.getByRole('button', { name: 'Really delete?' }).click();
    await again.waitFor({ state: 'detached' });
    const stored = JSON.stringify(await isso.thread(thread));
    assert.doesNotMatch(stored, /second/);
    await page.close();
  } finally {
    await isso.stop();
  }
});

test('an edit saved while the list is on its way stays: the older list answer is not drawn over it', async () => {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = newThread();
    await isso.seed(thread, [{ text: 'Someone else wrote this.', author: 'Ann' }]);
    const { page, problems } = await openPage(isso, thread, { load: 'eager' });
    await page.locator('#article article[data-folio-comment-id]').first().waitFor();
    await form(page).getByLabel('Comment').fill('My first version.');
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    const mine = page.locator('#article article', { hasText: 'My first version.' });
    await mine.waitFor();
    // From now on each list answer is read from Isso at once and handed over 2 s later.
    const lists = [];
    await page.route(`${isso.url}/?uri=*`, async (route) => {
      const entry = { landed: false };
      lists.push(entry);
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 2000));
      await route.fulfill({ response });
      entry.landed = true;
    });
    await page.locator('#article select[name="sort"]').selectOption('newest');
    await mine.getByRole('button', { name: 'Edit' }).click();
    await mine.getByLabel('Edit your comment').fill('My second version.');
    await mine.getByRole('button', { name: 'Save' }).click();
    await page.locator('#article article', { hasText: 'My second version.' }).waitFor();
    // Every list answer asked for has landed: the edit is what the list shows.
    const deadline = Date.now() + 15_000;
    while ((lists.length === 0 || lists.some((e) => !e.landed)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#article article', { hasText: 'My first version.' }).count(), 0, 'the old text is not drawn back');
    assert.equal(await page.locator('#article article', { hasText: 'My second version.' }).count(), 1);
    assert.equal(await page.locator('#article select[name="sort"]').inputValue(), 'newest');
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await isso.stop();
  }
});

/**
 * Opens an eager comment section on a fresh thread seeded with one comment (`text`), with
 * the responses matching the route glob `held` held back for 800 ms, and returns what
 * happened in order: `<heldName> requested`, `<heldName> answered`, and
 * `<seenName> requested` for every request whose URL `seen(url, issoUrl)` accepts.
 */
async function requestOrder({ text, held, heldName, seen, seenName }) {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = newThread();
    await isso.seed(thread, [{ text, author: 'Ann' }]);
    const page = await browser.newPage();
    const events = [];
    await page.route(held, async (route) => {
      events.push(`${heldName} requested`);
      await new Promise((r) => setTimeout(r, 800));
      events.push(`${heldName} answered`);
      await route.continue();
    });
    page.on('request', (r) => { if (seen(r.url(), isso.url)) events.push(`${seenName} requested`); });
    await page.goto(`${server.url}tests/e2e/pages/comments.html?isso=${encodeURIComponent(isso.url)}&thread=${encodeURIComponent(thread)}&load=eager`);
    await page.locator('#article article[data-folio-comment-id]', { hasText: text }).waitFor();
    await page.close();
    return events;
  } finally {
    await isso.stop();
  }
}

/** `first` happened, once, before `then`. */
function onceBefore(events, first, then) {
  assert.equal(events.filter((e) => e === first).length, 1, events.join(' -> '));
  assert.ok(events.indexOf(first) < events.indexOf(then), events.join(' -> '));
}

test('eager comments on a named thread are requested while the article is still loading', async () => {
  // The comment request must not wait for the article (both go out at once, in either order).
  const events = await requestOrder({
    text: 'Early bird.', held: '**/kaspersky-reputation.json', heldName: 'article',
    seen: (url, isso) => url.startsWith(isso), seenName: 'comments',
  });
  onceBefore(events, 'comments requested', 'article answered');
});

test('eager comments: the first list request goes out once, without waiting for the comments module', async () => {
  // The core sends the first list request itself while the module loads, and the module
  // reads that answer instead of asking again.
  const events = await requestOrder({
    text: 'Sent by the core.', held: '**/folio_comments_bg.wasm', heldName: 'module wasm',
    seen: (url, isso) => url.startsWith(`${isso}/?uri=`), seenName: 'list',
  });
  onceBefore(events, 'list requested', 'module wasm answered');
});

test('the comments module\'s wasm is requested together with its JS, not after it', async () => {
  const events = await requestOrder({
    text: 'Both at once.', held: '**/folio_comments.js', heldName: 'module JS',
    seen: (url) => url.endsWith('/folio_comments_bg.wasm'), seenName: 'module wasm',
  });
  onceBefore(events, 'module wasm requested', 'module JS answered');
});

test('moderation: a held comment says so', async () => {
  const isso = await startIsso({ origins: [origin], moderation: true });
  try {
    const { page } = await openPage(isso, newThread(), { load: 'eager' });
    await list(page).getByText('No comments yet').waitFor();
    await form(page).getByLabel('Comment').fill('Please approve me.');
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await form(page).locator('.folio-form-status', { hasText: 'moderator' }).waitFor();
    assert.match(await page.locator('#article article', { hasText: 'Please approve me.' }).textContent(), /Awaiting moderation/i);
    await page.close();
  } finally {
    await isso.stop();
  }
});

test('server down: a clear error, the post kept across a reload, and sent once when it is back', async () => {
  const isso = await startIsso({ origins: [origin] });
  try {
    const thread = newThread();
    const { page } = await openPage(isso, thread, { load: 'eager' });
    await list(page).getByText('No comments yet').waitFor();
    await isso.stop({ keep: true });
    await form(page).getByLabel('Comment').fill('Written while the server was down.');
    await form(page).getByRole('button', { name: 'Post Comment' }).click();
    await form(page).locator('.folio-form-status', { hasText: 'did not answer' }).waitFor();
    assert.equal(await form(page).getByLabel('Comment').inputValue(), 'Written while the server was down.');

    await page.reload();
    await page.waitForSelector('#article[data-folio-state="ready"]');
    assert.equal(await form(page).getByLabel('Comment').inputValue(), 'Written while the server was down.', 'the draft survives a reload');
    await page.locator('#article [data-folio-comments]').scrollIntoViewIfNeeded();
    await list(page).locator('[role="alert"]', { hasText: 'did not answer' }).waitFor();

    // The post is pending: once the server is back, the next visit sends it, once.
    await isso.restart();
    await page.reload();
    await page.waitForSelector('#article[data-folio-state="ready"]');
    await page.locator('#article [data-folio-comments]').scrollIntoViewIfNeeded();
    await page.locator('#article article', { hasText: 'Written while the server was down.' }).waitFor();
    assert.equal(await page.locator('#article article', { hasText: 'Written while the server was down.' }).count(), 1);
    await page.reload();
    await page.waitForSelector('#article[data-folio-state="ready"]');
    assert.equal(await form(page).getByLabel('Comment').inputValue(), '', 'the draft is cleared once Isso accepted it');
    await page.close();
  } finally {
    await isso.stop();
  }
});

test('hostile HTML and authors stored in Isso render as text: no script runs, no on* attribute', async () => {
  const isso = await startIsso({ origins: [origin], unsafeMarkup: true });
  try {
    const thread = newThread();
    const vectors = [
      '<img src=x onerror="window.folioPwned=1">',
      '<script>window.folioPwned=1</script>',
      '<svg onload="window.folioPwned=1"><circle r=1></circle></svg>',
      '<iframe srcdoc="<script>parent.folioPwned=1</script>"></iframe>',
      '<a href="javascript:window.folioPwned=1">click</a> <a href=" JaVaScRiPt:window.folioPwned=1">x</a>',
      '<details open ontoggle="window.folioPwned=1">d</details>',
      '<form action="javascript:window.folioPwned=1"><button formaction="javascript:window.folioPwned=1">b</button></form>',
      '<base href="javascript:/"><meta http-equiv="refresh" content="0;url=javascript:window.folioPwned=1">',
      '<div style="background:url(javascript:window.folioPwned=1)">styled</div><style>*{background:red}</style>',
    ];
    await isso.seed(thread, vectors.map((text) => ({ text: `kept text ${text}`, author: '<img src=x onerror="window.folioPwned=1">' })));
    const stored = JSON.stringify(await isso.thread(thread));
    assert.match(stored, /onerror/, 'Isso really hands the hostile markup to the browser');
    const { page, problems } = await openPage(isso, thread, { load: 'eager' });
    await page.locator('#article article[data-folio-comment-id]').nth(vectors.length - 1).waitFor();
    await page.waitForTimeout(300);
    const report = await page.evaluate(() => {
      const root = document.querySelector('#article').shadowRoot;
      const all = [...root.querySelectorAll('[data-folio-region="comments-list"] *')];
      return {
        pwned: window.folioPwned ?? null,
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.localName}[${a.name}]`)),
        // Folio's own identicons aside (below), none of these.
        bad: all.filter((e) => !e.closest('svg.folio-comment-avatar') && ['script', 'iframe', 'object', 'embed', 'base', 'meta', 'style', 'img', 'svg', 'form'].includes(e.localName)).map((e) => e.localName),
        avatars: [...root.querySelectorAll('svg.folio-comment-avatar')].map((svg) => svg.outerHTML.replace(/ (fill|d)="[MHVhvz0-9 #a-f.-]*"/g, '')),
        urls: all.flatMap((e) => ['href', 'src', 'action', 'formaction'].map((n) => e.getAttribute(n)).filter((v) => v && !/^(https?:|mailto:|#|\/)/i.test(v.trim()))),
        authors: [...root.querySelectorAll('.folio-comment-author')].map((a) => a.textContent),
      };
    });
    assert.equal(report.pwned, null, 'no hostile script ran');
    assert.deepEqual(report.handlers, []);
    assert.deepEqual(report.bad, []);
    // Each identicon is one path of Folio's drawing: nothing of the hostile comments in it.
    assert.deepEqual(new Set(report.avatars), new Set(['<svg class="folio-comment-avatar" width="32" height="32" aria-hidden="true" viewBox="-.5 -.5 6 6"><path></path></svg>']));
    assert.equal(report.avatars.length, vectors.length);
    assert.deepEqual(report.urls, []);
    assert.ok(report.authors.every((a) => a === '<img src=x onerror="window.folioPwned=1">'), JSON.stringify(report.authors));
    assert.equal(await page.locator('#article .folio-comment-body', { hasText: 'kept text' }).count(), vectors.length);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await isso.stop();
  }
});
