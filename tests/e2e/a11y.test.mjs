// Accessibility, in headless Chromium against a real Isso:
//
// 1. axe-core (WCAG 2 A/AA + best practices, axe's default rule set) on the demo page with
//    its comments loaded and the comment form open, then with a reply form open, in the
//    light and the dark colour scheme (and with theme="dark" forced on the host); on the
//    error box (tests/e2e/pages/broken.html); and on an article using every block type.
//    Every run must also prove that axe looked inside Folio's (open) shadow root.
// 2. The keyboard: Tab from the top of the page reaches every control, in document order,
//    never the honeypot, each with a visible focus indicator; Enter on Reply opens the reply
//    form with focus in its textarea; Cancel puts the form back.
//
// Both run on the client path (the demo page: mount() from the core) and on the HTML-first
// path (the same page shell around folio-render's markup; element.js and the comments
// module alone): axe before the comments load (the pre-rendered section with its inert
// form) and once they are live, and the keyboard walk once they are live.
//
// Problems that are Folio's own (not this test's) are pinned as `todo` subtests with the
// fix spelled out, so the suite stays green while they are open, and they start passing
// (reported as such by node:test) the day they are fixed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { launch, serveRepo } from './browser.mjs';
import { startIsso } from './isso.mjs';
import { render, writeHtmlFirstPage, SEED_ARTICLE } from './prerender.mjs';

const THREAD = '/www/articles/kaspersky-reputation';
/** The demo's share networks (www/main.js). */
const DEMO_NETWORKS = ['x', 'facebook', 'linkedin', 'google+', 'bluesky', 'mastodon', 'reddit', 'hackernews', 'email', 'copy', 'native'];
const HTML_FIRST_PAGE = 'target/e2e/a11y-htmlfirst.html';
/** A phone: the comment section starts well beyond the element's 1250 px loading margin. */
const PHONE = { width: 390, height: 700 };

let browser, server, isso;
before(async () => {
  [browser, server] = await Promise.all([launch(), serveRepo()]);
  isso = await startIsso({ origins: [server.url.replace(/\/$/, '')] });
  await isso.seed(THREAD, [
    { text: 'Useful summary of the GSA decision.', author: 'Dana', website: 'https://dana.example/' },
    { text: 'Agreed, thanks.', author: 'Eli', replyTo: 0 },
  ]);
  // The demo page's shell (www/index.html) around folio-render's markup of its article.
  const markup = render({ path: SEED_ARTICLE }, { share: { networks: DEMO_NETWORKS }, comments: { endpoint: isso.url, thread: THREAD } });
  writeHtmlFirstPage(HTML_FIRST_PAGE, {
    title: 'Folio demo, HTML-first: Kaspersky Lab Defends Its Reputation Against Allegations',
    head: '<meta name="viewport" content="width=device-width, initial-scale=1">\n<link rel="stylesheet" href="../../www/demo.css">\n',
    body: `<header class="site"><a class="brand" href="./">eSecurityPlanet <small>· Folio demo</small></a></header>
<main><folio-article id="article" class="folio-host">${markup}</folio-article></main>
<footer class="site"><p>Rendered by folio-render; element.js adopts it.</p></footer>`,
  });
});
after(async () => { await browser?.close(); await server?.close(); await isso?.stop(); });

// ---------------------------------------------------------------------------------------
// Known Folio problems, each matched by axe rule id and target and pinned as a todo
// subtest with its fix: none at the moment. Anything axe reports fails the test.

/** @type {{ id: string, target: RegExp, todo: string }[]} */
const KNOWN = [];

// ---------------------------------------------------------------------------------------
// Helpers

/** axe's target: a selector, or for shadow DOM a path of selectors (host first). */
const targetText = (target) =>
  target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ');

/** Violations as readable text: impact, rule id, help, and each node's target and summary. */
function formatViolations(violations) {
  if (violations.length === 0) return '(none)';
  return violations.map((v) => [
    `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.map((n) => `  - ${targetText(n.target)}\n      ${String(n.failureSummary).replace(/\n/g, '\n      ')}`),
  ].join('\n')).join('\n');
}

/** Splits violations, node by node, into known Folio problems and unexpected ones. */
function partition(violations) {
  const known = [];
  const unexpected = [];
  for (const v of violations) {
    const mine = [];
    const other = [];
    for (const n of v.nodes) {
      const k = KNOWN.find((k) => k.id === v.id && k.target.test(targetText(n.target)));
      (k ? mine : other).push(n);
    }
    if (mine.length) known.push({ ...v, nodes: mine });
    if (other.length) unexpected.push({ ...v, nodes: other });
  }
  return { known, unexpected };
}

/** Rule ids that passed on at least one node inside `#host`'s shadow root. */
function shadowPasses(results, host = '#article') {
  return new Set(results.passes
    .filter((r) => r.nodes.some((n) => Array.isArray(n.target[0]) && n.target[0][0] === host && n.target[0].length > 1))
    .map((r) => r.id));
}

async function runAxe(page, { disable = [] } = {}) {
  let builder = new AxeBuilder({ page });
  if (disable.length) builder = builder.disableRules(disable);
  return builder.analyze();
}

/**
 * Asserts what every axe run must show: axe saw into the shadow root (passes with shadow
 * targets, among them colour contrast and the given rules), no unexpected violation, and
 * then the known Folio problems as todo subtests.
 */
async function checkAxe(t, results, { host = '#article', mustPassInside = [] } = {}) {
  const inside = shadowPasses(results, host);
  for (const rule of ['color-contrast', ...mustPassInside]) {
    assert.ok(inside.has(rule), `axe checked "${rule}" inside the shadow root of ${host} (shadow passes: ${[...inside].join(', ') || 'none'})`);
  }
  const { known, unexpected } = partition(results.violations);
  if (unexpected.length) assert.fail(`axe violations:\n${formatViolations(unexpected)}`);
  for (const k of KNOWN) {
    const hits = known.filter((v) => v.id === k.id);
    if (hits.length === 0) continue;
    await t.test(`axe ${k.id} (${k.target.source})`, { todo: k.todo }, () => {
      if (hits.length) assert.fail(`known Folio problem:\n${formatViolations(hits)}`);
    });
  }
}

/** `url` in a fresh context; console and page errors recorded, and the requests to pkg/. */
async function openFresh(url, { colorScheme = 'light', viewport } = {}) {
  const context = await browser.newContext({ colorScheme, ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  const problems = [];
  const modules = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('request', (r) => { if (r.url().includes('/pkg/')) modules.push(r.url().replace(/.*\/pkg\//, '')); });
  await page.goto(url);
  await page.waitForSelector('#article[data-folio-state="ready"]', { timeout: 15000 });
  return { context, page, host: page.locator('#article'), problems, modules };
}

/** Waits for the seeded comments and the live comment form (the comments module's). */
async function waitForComments(host) {
  await host.locator('article[data-folio-comment-id]', { hasText: 'Agreed, thanks.' }).waitFor();
  await host.locator('[data-folio-region="comment-form"] [data-folio-form]:not([inert]) textarea').waitFor();
}

/** The demo page in a fresh context, scrolled to its comments and back, comments loaded. */
async function openDemo({ colorScheme = 'light', theme } = {}) {
  const opened = await openFresh(`${server.url}www/?isso=${encodeURIComponent(isso.url)}`, { colorScheme });
  const { page, host } = opened;
  if (theme) await host.evaluate((h, theme) => h.setAttribute('theme', theme), theme);
  await host.locator('[data-folio-comments]').scrollIntoViewIfNeeded();
  await waitForComments(host);
  await page.evaluate(() => window.scrollTo(0, 0));
  return opened;
}

/**
 * The HTML-first page in a fresh context, adopted by element.js. With `live`, scrolled to
 * its comments and back, comments loaded (by the comments module); without, on a phone,
 * where the comment section is still the pre-rendered one.
 */
async function openHtmlFirst({ colorScheme = 'light', live = true } = {}) {
  const opened = await openFresh(`${server.url}${HTML_FIRST_PAGE}`, { colorScheme, viewport: live ? undefined : PHONE });
  const { page, host } = opened;
  if (live) {
    await host.locator('[data-folio-comments]').scrollIntoViewIfNeeded();
    await waitForComments(host);
    await page.evaluate(() => window.scrollTo(0, 0));
  }
  return opened;
}

const BACKGROUNDS = { light: 'rgb(255, 255, 255)', dark: 'rgb(21, 22, 26)' }; // --folio-bg

/** The palette really in use: the colour scheme emulation (or theme) reached the shadow root. */
async function assertPalette(host, palette) {
  const bg = await host.locator('.folio').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(bg, BACKGROUNDS[palette], `Folio uses its ${palette} palette`);
}

function luminance(rgb) {
  const [r, g, b] = rgb.match(/[\d.]+/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

/**
 * In the page: `focused` describes the deeply focused element (through open shadow roots);
 * `stops` lists the keys of every control in `#host`'s shadow root that Tab should reach,
 * in document order. Both name controls the same way (`share:x`, `field:text`, `reply:1`...).
 */
function probe(page, mode, host = '#article') {
  return page.evaluate(([mode, host]) => {
    const keyOf = (a, inShadow) => {
      const d = a.dataset;
      const comment = a.closest('article[data-folio-comment-id]')?.dataset.folioCommentId;
      const form = a.closest('[data-folio-form]');
      if (d.folioShare) return `share:${d.folioShare}`;
      if (['reply', 'like', 'dislike'].includes(d.folioAction)) return `${d.folioAction}:${d.folioCommentId}`;
      if (d.folioAction === 'preview') return 'preview';
      if (d.folioAction === 'sort') return 'sort';
      if (d.folioAction === 'cancel-reply') return 'cancel';
      if (a.classList.contains('folio-submit')) return 'submit';
      if (form && a.name) return `field:${a.name}`;
      if (a.rel === 'author') return 'author';
      if (a.classList.contains('folio-comment-author')) return `comment-author:${comment}`;
      return `${inShadow ? '' : 'page:'}${a.tagName.toLowerCase()}:${(a.textContent || '').trim().split('\n')[0].slice(0, 12)}`;
    };
    if (mode === 'stops') {
      const root = document.querySelector(host).shadowRoot;
      return [...root.querySelectorAll('a[href], button, select, textarea, input, [tabindex]')]
        .filter((e) => e.tabIndex >= 0 && !e.disabled && e.checkVisibility({ visibilityProperty: true }) && !e.closest('[inert]'))
        .map((e) => keyOf(e, true));
    }
    let a = document.activeElement;
    let inShadow = false;
    while (a?.shadowRoot?.activeElement) { a = a.shadowRoot.activeElement; inShadow = true; }
    if (!a || a === document.body || a === document.documentElement) return { key: 'body', inShadow: false };
    const cs = getComputedStyle(a);
    const root = a.getRootNode();
    return {
      key: keyOf(a, inShadow), inShadow,
      inReplyForm: !!a.closest('[data-folio-form]')?.hasAttribute('data-folio-parent'),
      focusVisible: a.matches(':focus-visible'),
      outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth) || 0, outlineColor: cs.outlineColor,
      boxShadow: cs.boxShadow,
      folioBg: root.host ? getComputedStyle(root.querySelector('.folio')).backgroundColor : null,
    };
  }, [mode, host]);
}
const focusedInfo = (page) => probe(page, 'focused');
const expectedTabStops = (page, host) => probe(page, 'stops', host);

const hasFocusRing = (f) => (f.outlineStyle !== 'none' && f.outlineWidth > 0) || (f.boxShadow && f.boxShadow !== 'none');

// ---------------------------------------------------------------------------------------
// 1. axe

const SCHEMES = [
  { name: 'light', colorScheme: 'light', palette: 'light' },
  { name: 'dark', colorScheme: 'dark', palette: 'dark' },
  { name: 'theme="dark" forced under a light OS', colorScheme: 'light', theme: 'dark', palette: 'dark' },
];

/** Rules axe must have passed inside the shadow root once the comment section is live. */
const LIVE_RULES = ['label', 'button-name', 'link-name', 'select-name', 'list', 'aria-hidden-focus'];

/**
 * axe does not check non-text contrast (WCAG 1.4.11): a text field's border is the only
 * thing that shows where it is (its background is the page's), so it needs 3:1.
 */
async function checkFieldBorders(t, host) {
  const borders = await host.locator('[data-folio-form] textarea, [data-folio-form] input:not([name="folio_hp"]), select[data-folio-action="sort"]')
    .evaluateAll((els) => els.map((e) => ({
      name: e.name,
      border: getComputedStyle(e).borderTopColor,
      bg: getComputedStyle(e.getRootNode().querySelector('.folio')).backgroundColor,
    })));
  assert.equal(borders.length, 5);
  const weak = borders.map((b) => ({ ...b, ratio: contrast(b.border, b.bg) })).filter((b) => b.ratio < 3);
  await t.test('form field borders have 3:1 against the background (WCAG 1.4.11)', {}, () => {
    if (weak.length) assert.fail(weak.map((b) => `${b.name}: border ${b.border} on ${b.bg} = ${b.ratio.toFixed(2)}:1`).join('\n'));
  });
}

for (const s of SCHEMES) {
  test(`axe: demo page, comments loaded, comment form open (${s.name})`, async (t) => {
    const { context, page, host, problems } = await openDemo(s);
    try {
      await assertPalette(host, s.palette);
      // Isso's comments carry hashes: axe sees their identicons too.
      assert.ok(await host.locator('article[data-folio-comment-id] svg.folio-comment-avatar').count() > 0, 'identicons drawn');
      const results = await runAxe(page);
      await checkAxe(t, results, { mustPassInside: LIVE_RULES });
      await checkFieldBorders(t, host);
      assert.deepEqual(problems, [], 'no console errors');
    } finally {
      await context.close();
    }
  });

  test(`axe: demo page with a reply form open under a comment (${s.name})`, async (t) => {
    const { context, page, host } = await openDemo(s);
    try {
      await host.locator('[data-folio-action="reply"][data-folio-comment-id="1"]').click();
      const reply = host.locator('form[data-folio-form][data-folio-parent="1"]');
      await reply.waitFor();
      assert.equal(await host.locator('[data-folio-form]').count(), 1, 'one form at a time');
      await assertPalette(host, s.palette);
      const results = await runAxe(page);
      await checkAxe(t, results, { mustPassInside: ['label', 'button-name'] });
    } finally {
      await context.close();
    }
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe: HTML-first page before the comments load: the pre-rendered section, its form inert (${colorScheme})`, async (t) => {
    const { context, page, host, problems, modules } = await openHtmlFirst({ colorScheme, live: false });
    try {
      await page.waitForTimeout(300);
      assert.equal(await host.locator('[data-folio-comments] [data-folio-form][inert]').count(), 1, 'the pre-rendered form, inert');
      assert.equal(await host.locator('article[data-folio-comment-id]').count(), 0, 'no comment loaded yet');
      await assertPalette(host, colorScheme);
      const results = await runAxe(page);
      await checkAxe(t, results, { mustPassInside: ['button-name', 'link-name', 'heading-order'] });
      assert.deepEqual([...new Set(modules)].sort(), ['element.js', 'folio.css'], 'nothing but the element script and the stylesheet (axe fetches the latter again)');
      assert.deepEqual(problems, [], 'no console errors');
    } finally {
      await context.close();
    }
  });

  test(`axe: HTML-first page, comments live (the comments module's), comment form open (${colorScheme})`, async (t) => {
    const { context, page, host, problems, modules } = await openHtmlFirst({ colorScheme });
    try {
      await assertPalette(host, colorScheme);
      const results = await runAxe(page);
      await checkAxe(t, results, { mustPassInside: LIVE_RULES });
      await checkFieldBorders(t, host);
      assert.ok(modules.includes('folio_comments.js') && !modules.includes('folio.js'), `the comments module, never the core: ${modules.join(', ')}`);
      assert.deepEqual(problems, [], 'no console errors');
    } finally {
      await context.close();
    }
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe: the error box of a broken article (${colorScheme})`, async (t) => {
    const context = await browser.newContext({ colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}tests/e2e/pages/broken.html`);
      await page.waitForSelector('#article[data-folio-state="error"]', { timeout: 15000 });
      const host = page.locator('#article');
      assert.equal(await host.locator('[role="alert"][data-folio-error]').count(), 1, 'the error box is showing');
      await assertPalette(host, colorScheme);
      // page-has-heading-one is about the fixture page (its only content is the widget,
      // which failed and so shows no <h1>), not about Folio's error box.
      const results = await runAxe(page, { disable: ['page-has-heading-one'] });
      await checkAxe(t, results);
    } finally {
      await context.close();
    }
  });
}

// An article using every block type, lead image, tags, bio and links (the seed article has
// no body link and no preformatted block), mounted in place of broken.html's content.
async function openKitchenSink(colorScheme) {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  await page.goto(`${server.url}tests/e2e/pages/broken.html`);
  await page.waitForSelector('#article[data-folio-state="error"]', { timeout: 15000 });
  await page.evaluate(async () => {
    const { mount } = await import('/pkg/folio.js'); // the module broken.js already initialised
    const main = document.querySelector('main');
    main.replaceChildren();
    const h1 = Object.assign(document.createElement('h1'), { textContent: 'Kitchen sink' });
    const sink = Object.assign(document.createElement('div'), { id: 'sink' });
    main.append(h1, sink);
    const folio = mount(sink, {
      share: { networks: ['x', 'email', 'copy'] },
      article: {
        url: 'https://news.example/2026/every-block', title: 'Every block type', dek: 'A standfirst.',
        section: 'Tests', published: '2026-01-02T09:00:00Z', updated: '2026-01-03', tags: ['one', 'two'],
        authors: [{ name: 'Ann', url: 'https://ann.example/', bio: 'Writes *things*; [her site](https://ann.example/about).', avatar: '/www/favicon.svg' }],
        image: { src: '/www/favicon.svg', alt: 'The lead image', caption: 'A *caption*', credit: 'Credit' },
        body: [
          { type: 'paragraph', text: 'A [body link](https://example.org/) and `code`.' },
          { type: 'heading', text: 'A subheading', level: 2 },
          { type: 'quote', text: 'Quoted.\n\nTwice.', attribution: 'Someone' },
          { type: 'list', items: ['one', 'two'] },
          { type: 'list', ordered: true, items: ['first', 'second'] },
          { type: 'preformatted', text: `fn main() {\n    println!("${'x'.repeat(200)}");\n}` },
          { type: 'image', src: '/www/favicon.svg', alt: 'A figure', caption: 'Its caption', credit: 'Cr' },
          { type: 'divider' },
          { type: 'paragraph', text: 'The end, [with a link](https://example.org/end).' },
        ],
      },
    });
    await folio.ready;
  });
  return { context, page, host: page.locator('#sink') };
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe: an article with every block type (${colorScheme})`, async (t) => {
    const { context, page, host } = await openKitchenSink(colorScheme);
    try {
      await assertPalette(host, colorScheme);
      const results = await runAxe(page);
      await checkAxe(t, results, { host: '#sink', mustPassInside: ['image-alt', 'link-name', 'scrollable-region-focusable'] });
    } finally {
      await context.close();
    }
  });
}

// ---------------------------------------------------------------------------------------
// 2. Keyboard

/** Presses Tab from wherever focus is until it leaves the page, recording each stop. */
async function tabWalk(page, max = 80) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focusedInfo(page);
    if (f.key === 'body' || (stops.length && f.key === stops[0].key)) break;
    stops.push(f);
  }
  return stops;
}

function assertFocusRings(stops, palette) {
  for (const f of stops.filter((f) => f.inShadow)) {
    assert.ok(f.focusVisible, `${f.key} matches :focus-visible after Tab`);
    assert.ok(hasFocusRing(f), `${f.key} shows a focus indicator (outline ${f.outlineStyle} ${f.outlineWidth}px, box-shadow ${f.boxShadow})`);
    // WCAG 1.4.11: the indicator (drawn outside the control, outline-offset 2px) against
    // the widget's background: at least 3:1.
    const ratio = contrast(f.outlineColor, f.folioBg);
    assert.ok(ratio >= 3, `${f.key}: focus outline ${f.outlineColor} on ${f.folioBg} is ${ratio.toFixed(2)}:1 (${palette})`);
  }
}

for (const [path, open] of [['', openDemo], [' [HTML-first]', openHtmlFirst]]) for (const colorScheme of ['light', 'dark']) {
  test(`keyboard: Tab reaches every control in document order, each with a visible focus ring (${colorScheme})${path}`, async () => {
    const { context, page, host } = await open({ colorScheme });
    try {
      assert.equal((await focusedInfo(page)).key, 'body', 'nothing focused before the walk');
      const stops = await tabWalk(page);
      const keys = stops.map((f) => f.key);
      const folio = stops.filter((f) => f.inShadow).map((f) => f.key);
      if (colorScheme === 'light') console.log(`# Tab order${path} (${keys.length} stops): ${keys.join(' → ')}`);

      // Every visible share control, and never the hidden ones.
      const visibleShares = await host.locator('[data-folio-share]').evaluateAll((els) =>
        els.filter((e) => e.checkVisibility()).map((e) => `share:${e.dataset.folioShare}`));
      const demoShares = ['x', 'facebook', 'linkedin', 'bluesky', 'mastodon', 'reddit', 'hackernews', 'email', 'copy'];
      for (const n of demoShares) assert.ok(visibleShares.includes(`share:${n}`), `share:${n} is visible (${visibleShares})`);
      assert.deepEqual(folio.filter((k) => k.startsWith('share:')), visibleShares, 'each visible share control, in bar order');
      assert.ok(!folio.includes('share:native'), 'the hidden native-share button is not a Tab stop');

      // The byline, the form, the list's controls.
      const expected = ['author', 'field:text', 'field:name', 'field:email', 'field:website', 'submit', 'preview', 'sort',
        'comment-author:1', 'reply:1', 'like:1', 'dislike:1', 'reply:2', 'like:2', 'dislike:2'];
      for (const k of expected) assert.ok(folio.includes(k), `Tab reaches ${k} (walk: ${keys.join(', ')})`);
      assert.ok(!folio.includes('field:folio_hp'), 'the honeypot is never a Tab stop');
      assert.equal(new Set(keys).size, keys.length, 'no control is visited twice');

      // Sensible order: header, share bar, (body), the form, then the list.
      const at = (k) => folio.indexOf(k);
      const shares = visibleShares.map(at);
      assert.ok(at('author') < Math.min(...shares), 'byline author link, then the share bar (placement top)');
      assert.ok(Math.max(...shares) < at('field:text'), 'share bar before the comment form');
      assert.deepEqual(
        ['field:text', 'field:name', 'field:email', 'field:website', 'submit', 'preview'].map(at),
        [...['field:text', 'field:name', 'field:email', 'field:website', 'submit', 'preview'].map(at)].sort((a, b) => a - b),
        'form fields in visual order');
      assert.ok(at('submit') < at('sort'), 'the form before the list (form first, as on the seed page)');
      assert.ok(at('sort') < at('reply:1') && at('reply:1') < at('like:1') && at('like:1') < at('dislike:1') && at('dislike:1') < at('reply:2'), 'list controls in comment order');

      // Exactly Folio's focusable controls, in DOM order: no positive tabindex, nothing skipped.
      assert.deepEqual(folio, await expectedTabStops(page), 'Tab order is the shadow root\'s document order');

      // Focus indicators.
      assertFocusRings(stops, colorScheme);
    } finally {
      await context.close();
    }
  });
}

test('keyboard: Enter on Reply opens the reply form with focus in its textarea; Cancel puts it back', async (t) => {
  const { context, page, host } = await openDemo({ colorScheme: 'light' });
  try {
    const replyButton = host.locator('[data-folio-action="reply"][data-folio-comment-id="2"]');
    await replyButton.focus();
    await page.keyboard.press('Enter');
    const reply = host.locator('form[data-folio-form][data-folio-parent="2"]');
    await reply.waitFor();
    let f = await focusedInfo(page);
    assert.equal(f.key, 'field:text', 'focus moved into the textarea');
    assert.ok(f.inReplyForm, "…of the reply form");
    assert.equal(await host.locator('[data-folio-region="comment-form"] [data-folio-form]').count(), 0, 'the top form moved under the comment');
    assert.ok(await reply.evaluate((form) => form.previousElementSibling?.matches('article[data-folio-comment-id="2"]')), 'the reply form sits right under its comment');

    // Tab through the reply form: fields, Post, Preview, Cancel; never the honeypot; rings
    // visible.
    const inForm = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      inForm.push(await focusedInfo(page));
    }
    assert.deepEqual(inForm.map((x) => x.key), ['field:name', 'field:email', 'field:website', 'submit', 'preview', 'cancel']);
    assert.ok(inForm.every((x) => x.inReplyForm));
    assertFocusRings(inForm, 'light');

    await t.test('Escape in the reply form cancels the reply', async () => {
      await host.locator('form[data-folio-parent] textarea').focus();
      await page.keyboard.press('Escape');
      await page.waitForTimeout(200);
      assert.equal(await host.locator('form[data-folio-parent]').count(), 0, 'Escape closed the reply form');
    });

    // Cancel (by keyboard) returns the form to its place above the list.
    if (await host.locator('form[data-folio-parent]').count() > 0) {
      await host.locator('[data-folio-action="cancel-reply"]').focus();
      await page.keyboard.press('Enter');
    }
    await host.locator('[data-folio-region="comment-form"] [data-folio-form]').waitFor();
    assert.equal(await host.locator('form[data-folio-parent]').count(), 0, 'the reply form is gone');
    assert.equal(await host.locator('[data-folio-form]').count(), 1);
    f = await focusedInfo(page);
    assert.ok(f.inShadow && f.key !== 'body', `focus stays in the widget after Cancel (on ${f.key})`);

    await t.test('after Cancel, focus returns to the Reply button that opened the form', async () => {
      const g = await focusedInfo(page);
      assert.equal(g.key, 'reply:2');
    });
  } finally {
    await context.close();
  }
});

// The one tabindex Folio sets itself: <pre tabindex="0"> (so a wide code block can be
// scrolled from the keyboard). It must show the focus ring too.
test('keyboard: body links and the scrollable <pre> are Tab stops with a focus ring', async () => {
  const { context, page } = await openKitchenSink('light');
  try {
    const stops = await tabWalk(page);
    const keys = stops.filter((f) => f.inShadow).map((f) => f.key);
    console.log(`# Tab order, every-block article: ${keys.join(' → ')}`);
    const pre = keys.findIndex((k) => k.startsWith('pre:'));
    const link = keys.indexOf('a:body link');
    assert.ok(link >= 0 && pre >= 0, `walk: ${keys.join(', ')}`);
    assert.ok(keys.indexOf('author') < keys.indexOf('share:x'), 'byline before the share bar');
    assert.ok(keys.indexOf('share:copy') < link, 'share bar before body links');
    assert.ok(link < pre, 'body in document order');
    assert.deepEqual(keys, await expectedTabStops(page, '#sink'), 'Tab order is the shadow root\'s document order');
    assertFocusRings(stops, 'light');
  } finally {
    await context.close();
  }
});
