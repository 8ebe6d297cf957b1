// The cross-engine smoke set: the same checks in Chromium, Firefox ESR and WebKitGTK
// (Safari's engine), each driven over WebDriver (tests/engines/webdriver.mjs), against a
// real Isso. The full suite (tests/e2e) runs in Chromium; this is what every engine must
// do: the demo with its share bar, comments on scrolling and a post stored once, the
// static markup adopted, the strict-CSP page, destroy(), and one column for the article,
// its share bar and the comments at every width.
//
// An engine that is not installed is skipped with the reason, unless
// FOLIO_REQUIRE_ENGINES=1 (scripts/test sets it: scripts/setup installs all three).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ROOT } from '../e2e/browser.mjs';
import { serve } from '../../scripts/serve.mjs';
import { startIsso } from '../e2e/isso.mjs';
import { render, writeHtmlFirstPage, SEED_ARTICLE } from '../e2e/prerender.mjs';
import { ENGINES } from './webdriver.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
const DEMO_THREAD = '/www/articles/kaspersky-reputation';
const STATIC_THREAD = '/network-security/kaspersky-lab-defends-its-reputation-against-allegations.html';
/** The column's width: --folio-measure, 36rem at the default 16 px. */
const MEASURE = 576;
const require = process.env.FOLIO_REQUIRE_ENGINES === '1';

let server, strict, isso;
before(async () => {
  // Both servers forward /isso to Isso (same-origin pages); Isso answers CORS for the plain
  // server's origin, whose pages reach it directly. The proxy table is read per request.
  const proxy = {};
  [server, strict] = await Promise.all([
    serve({ root: ROOT, proxy }),
    serve({ root: ROOT, headers: { 'content-security-policy': STRICT_CSP }, proxy }),
  ]);
  isso = await startIsso({ origins: [server.url.replace(/\/$/, '')] });
  proxy['/isso'] = isso.url;
  await isso.seed(DEMO_THREAD, [
    { text: 'Useful summary of the GSA decision.', author: 'Dana' },
    { text: 'Agreed, thanks.', author: 'Eli', replyTo: 0 },
  ]);
  await isso.seed(STATIC_THREAD, [{ text: 'A comment folio-render wrote into the page.', author: 'Ann' }]);
  await isso.seed('/strict', [{ text: 'A comment with *markup*.', author: 'Ann' }, { text: 'A reply.', replyTo: 0 }]);
  await isso.seed('/engines/destroy-a', [{ text: 'Loaded at once.' }]);
  await isso.seed('/engines/destroy-b', [{ text: 'Never requested.' }]);
  const options = { comments: { endpoint: isso.url }, share: { networks: ['x', 'linkedin', 'copy', 'native'] } };
  const markup = render({ path: SEED_ARTICLE }, options, { args: ['--fetch-comments'] });
  writeHtmlFirstPage('target/e2e/engines-static.html', {
    body: `<main><folio-article id="a">${markup}</folio-article></main>
<script src="../../tests/e2e/pages/remember.js"></script>`,
  });
  writeHtmlFirstPage('target/e2e/engines-share.html', {
    head: '<script src="../../tests/engines/pages/share-stubs.js"></script>\n',
    body: `<main><folio-article id="a">${markup}</folio-article></main>`,
  });
});
after(async () => { await server?.close(); await strict?.close(); await isso?.stop(); });

/** Resource Timing entries of the page whose URL contains `part`. */
const requestsTo = (part) => `return performance.getEntriesByType('resource').map((e) => e.name).filter((u) => u.includes(${JSON.stringify(part)}))`;

/** The left edge and width of the article, its share bar and the comment section. */
const COLUMN = `const root = document.querySelector(arguments[0]).shadowRoot;
  const box = (s) => { const r = root.querySelector(s).getBoundingClientRect(); return [Math.round(r.left * 10) / 10, Math.round(r.width * 10) / 10]; };
  return { article: box('.folio-article'), share: box('nav.folio-share'), comments: box('.folio-comments'), viewport: innerWidth };`;

for (const engine of ENGINES) {
  const missing = engine.available() ? false : `${engine.label} is not installed: ${engine.missing}`;
  describe(engine.label, { skip: require ? false : missing }, () => {
    let b;
    before(async () => {
      if (missing) throw new Error(missing);
      b = await engine.start();
      console.log(`# ${engine.label} ${b.version}`);
    });
    after(async () => { await b?.stop(); });

    test('the demo shows the article and its share bar; comments load on scrolling; a post is stored once', async () => {
      // Each engine posts to this thread: the heading counts what Isso holds now.
      const total = (await isso.thread(DEMO_THREAD)).total_replies;
      await b.go(`${server.url}www/?isso=${encodeURIComponent(isso.url)}`);
      await b.until(`return document.getElementById('article').getAttribute('data-folio-state') === 'ready'`);
      const seen = await b.run(`const r = document.getElementById('article').shadowRoot;
        return { h1: r.querySelector('h1').textContent, paragraphs: r.querySelectorAll('.folio-body > p').length,
          share: [...r.querySelectorAll('nav.folio-share [data-folio-share]')].map((e) => e.dataset.folioShare) };`);
      assert.equal(seen.h1, 'Kaspersky Lab Defends Its Reputation Against Allegations');
      assert.equal(seen.paragraphs, 10);
      assert.deepEqual(seen.share.filter((n) => n !== 'native'), ['x', 'facebook', 'linkedin', 'bluesky', 'mastodon', 'reddit', 'hackernews', 'email', 'copy']);
      assert.deepEqual(await b.run(requestsTo(isso.url)), [], 'no comment request before the reader nears the section');

      await b.run(`document.getElementById('article').shadowRoot.querySelector('[data-folio-comments]').scrollIntoView()`);
      await b.until(`return [...document.getElementById('article').shadowRoot.querySelectorAll('article[data-folio-comment-id]')].some((a) => a.textContent.includes('Agreed, thanks.'))`, { what: 'the seeded comments' });
      assert.equal(await b.run(`return document.getElementById('article').shadowRoot.getElementById('folio-comments-heading').textContent`), `Comments (${total})`);

      const text = `Posted from ${engine.label}.`;
      await b.run(`const r = document.getElementById('article').shadowRoot;
        const area = r.querySelector('[data-folio-form] textarea');
        area.focus(); area.value = arguments[0]; area.dispatchEvent(new Event('input', { bubbles: true }));
        r.querySelector('[data-folio-form] .folio-submit').click();`, text);
      await b.until(`return [...document.getElementById('article').shadowRoot.querySelectorAll('article[data-folio-comment-id]')].some((a) => a.textContent.includes(arguments[0]))`, { what: 'the posted comment' }, text);
      const stored = (await isso.thread(DEMO_THREAD)).replies.filter((c) => c.text.includes(text));
      assert.equal(stored.length, 1, 'stored exactly once');
      assert.equal(await b.run(`return document.getElementById('article').shadowRoot.querySelector('[data-folio-form] textarea').value`), '', 'the draft is cleared');
    });

    test('one column: the article, its share bar and the comments share one measure and one left edge at every width', async () => {
      await b.go(`${server.url}www/?isso=${encodeURIComponent(isso.url)}`);
      await b.until(`return document.getElementById('article').getAttribute('data-folio-state') === 'ready'`);
      for (const width of [1366, 1024, 700, 420]) {
        await b.resize(width, 900);
        const c = await b.run(COLUMN, '#article');
        const at = `${engine.label} at a ${c.viewport} px viewport: ${JSON.stringify(c)}`;
        assert.deepEqual(c.share, c.article, `share bar and article: ${at}`);
        assert.deepEqual(c.comments, c.article, `comments and article: ${at}`);
        if (c.viewport >= 1024) assert.equal(c.article[1], MEASURE, `the measure is 36rem in every engine: ${at}`);
        else assert.ok(c.article[1] <= MEASURE && c.article[1] > c.viewport * 0.6, `a narrow window: the column fills it: ${at}`);
      }
      await b.resize(1366, 900);
    });

    test('the static markup is adopted: no second render, no list request, and the section goes live', async () => {
      // A phone-sized window: the comment section starts well beyond the 1,250 px margin.
      await b.resize(420, 700);
      await b.go(`${server.url}target/e2e/engines-static.html`);
      await b.until(`return document.getElementById('a').getAttribute('data-folio-state') === 'ready'`);
      assert.equal(await b.run(`return document.getElementById('a').shadowRoot.querySelector('h1') === window.firstHeadline`), true, 'the same headline node');
      assert.deepEqual(await b.run(requestsTo('.wasm')), [], 'no wasm before scrolling');
      await b.run(`window.firstComment = document.getElementById('a').shadowRoot.querySelector('article[data-folio-comment-id]');
        window.firstComment.scrollIntoView();`);
      await b.until(`return document.getElementById('a').shadowRoot.querySelector('[data-folio-form]:not([inert])')`, { what: 'the live form' });
      assert.equal(await b.run(`return document.getElementById('a').shadowRoot.querySelector('article[data-folio-comment-id]') === window.firstComment`), true, 'the pre-rendered comment node is kept');
      assert.deepEqual(await b.run(requestsTo('/?uri=')), [], 'the embedded page is not requested again');
      assert.deepEqual((await b.run(requestsTo('/pkg/'))).map((u) => u.replace(/.*\/pkg\//, '')).sort(), ['element.js', 'folio.css', 'folio_comments.js', 'folio_comments_bg.wasm'], 'the comments module alone, never the core');
      await b.resize(1366, 900);
    });

    test('share: copy link works on a real click; no share sheet means no Share button; the fallbacks where an engine has one or refuses the clipboard', async () => {
      const root = `document.getElementById('a').shadowRoot`;
      const status = `return ${root}.querySelector('.folio-share-status').textContent`;
      await b.go(`${server.url}target/e2e/engines-static.html`);
      await b.until(`return document.getElementById('a').getAttribute('data-folio-state') === 'ready'`);
      const native = await b.run(`const button = ${root}.querySelector('[data-folio-share=native]');
        return { offered: !!navigator.canShare?.({ url: button.dataset.url, title: button.dataset.title }), hidden: button.closest('li').hidden };`);
      assert.equal(native.hidden, !native.offered, `the Share button is shown exactly when the engine has a share sheet: ${JSON.stringify(native)}`);
      await b.click(`return ${root}.querySelector('[data-folio-share=copy]')`);
      assert.equal(await b.until(status, { what: 'the copy status' }), 'Link copied');

      await b.go(`${server.url}target/e2e/engines-share.html`);
      await b.until(`return document.getElementById('a').getAttribute('data-folio-state') === 'ready'`);
      assert.equal(await b.run(`return ${root}.querySelector('[data-folio-share=native]').closest('li').hidden`), false, 'a share sheet: the Share button is offered');
      await b.click(`return ${root}.querySelector('[data-folio-share=native]')`);
      const url = 'https://www.esecurityplanet.com/network-security/kaspersky-lab-defends-its-reputation-against-allegations.html';
      assert.deepEqual(await b.until('return window.shared.length && window.shared'), [{ url, title: 'Kaspersky Lab Defends Its Reputation Against Allegations' }]);
      await b.click(`return ${root}.querySelector('[data-folio-share=copy]')`);
      assert.equal(await b.until(status, { what: 'the copy status' }), 'Could not copy. Select the link below and copy it.');
      const field = await b.run(`const r = ${root}; const f = r.querySelector('[data-folio-copy-field]');
        return { hidden: f.hidden, value: f.value, focused: r.activeElement === f, selected: [f.selectionStart, f.selectionEnd] };`);
      assert.deepEqual(field, { hidden: false, value: url, focused: true, selected: [0, url.length] }, 'the link, shown and selected for the reader to copy');
    });

    test('the strict-CSP page (Trusted Types required) runs with no violation', async () => {
      await b.go(`${strict.url}tests/e2e/pages/strict.html`);
      await b.until(`return document.getElementById('a').getAttribute('data-folio-state') === 'ready'`);
      await b.until(`return [...document.getElementById('a').shadowRoot.querySelectorAll('article[data-folio-comment-id]')].some((a) => a.textContent.includes('A reply.'))`, { what: 'the comments' });
      const seen = await b.run(`const r = document.getElementById('a').shadowRoot;
        return { h1: r.querySelector('h1').textContent, share: r.querySelectorAll('nav.folio-share [data-folio-share]').length,
          em: r.querySelector('.folio-comment-body em')?.textContent, radius: getComputedStyle(r.querySelector('.folio-share-button')).borderTopLeftRadius,
          inline: r.querySelectorAll('style, [style]').length };`);
      assert.deepEqual(seen, { h1: 'Kaspersky Lab Defends Its Reputation Against Allegations', share: seen.share, em: 'markup', radius: '999px', inline: 0 });
      assert.ok(seen.share > 5, 'the share bar');
      assert.deepEqual(await b.run('return window.violations'), []);
    });

    test('destroy() leaves nothing behind and stops what was waiting', async () => {
      await b.go(`${server.url}tests/engines/pages/destroy.html`);
      await b.until(`return window.widgets && document.getElementById('a').getAttribute('data-folio-state') === 'ready' && document.getElementById('b').getAttribute('data-folio-state') === 'ready'`);
      await b.until(`return document.getElementById('a').shadowRoot.querySelector('article[data-folio-comment-id]')`, { what: 'the eager comments' });
      await b.run(`widgets.a.destroy(); widgets.b.destroy();`);
      const left = await b.run(`return ['a', 'b'].map((id) => { const h = document.getElementById(id);
        return [h.shadowRoot ? h.shadowRoot.childNodes.length : 0, h.getAttribute('data-folio-state')]; })`);
      assert.deepEqual(left, [[0, null], [0, null]], 'both hosts are empty');
      // b's section was never near the viewport; after destroy() coming near it loads nothing.
      await b.run(`document.getElementById('b').scrollIntoView()`);
      await b.runAsync(`await new Promise((r) => setTimeout(r, 1500));`);
      assert.deepEqual(await b.run(requestsTo('destroy-b')), [], 'no request for the destroyed lazy section');
      assert.deepEqual(await b.run('return window.violations'), []);
    });
  });
}
