// The hostile-input suite's page script (tests/e2e/hostile.test.mjs), after the guard
// (hostile-guard.js: recorders for every API a successful injection would call). It
// watches the light DOM; then the test mounts widgets through window.hostile.mount(specs)
// or, on an HTML-first page (this script loaded as hostile.js?html-first, the page holding
// folio-render's markup and loading element.js itself), waits for the elements to adopt
// their markup with window.hostile.adopted(); and asks for window.hostile.inspect().
const { calls, executions } = window.hostileGuard;
const htmlFirst = new URL(import.meta.url).searchParams.has('html-first');

// The light DOM may change only where the test puts its hosts (#widgets) and in the hosts'
// own data-folio-state attribute, and in #status.
const widgets = document.getElementById('widgets');
const status = document.getElementById('status');
const lightChanges = [];
const describe = (n) => (n.nodeType === 1 ? `<${n.localName}${n.id ? `#${n.id}` : ''}>` : `#${n.nodeName}`);
new MutationObserver((records) => {
  for (const r of records) {
    if (r.target === status || status.contains(r.target)) continue;
    if (r.type === 'attributes') {
      if (r.target.parentNode === widgets && r.attributeName === 'data-folio-state') continue;
      lightChanges.push(`${describe(r.target)}[${r.attributeName}] changed`);
    } else {
      for (const n of r.addedNodes) {
        if (r.target === widgets && n.nodeType === 1 && n.hasAttribute('data-hostile')) continue;
        lightChanges.push(`${describe(n)} added to ${describe(r.target)}`);
      }
      for (const n of r.removedNodes) {
        if (r.target === widgets && n.nodeType === 1 && n.hasAttribute('data-hostile')) continue;
        lightChanges.push(`${describe(n)} removed from ${describe(r.target)}`);
      }
    }
  }
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
const headBefore = [...document.head.children].map(describe);
const titleBefore = document.title;
const hrefBefore = location.href;

// The client path loads the core; the HTML-first path never does.
let mount = null;
if (!htmlFirst) {
  const core = await import('../../../pkg/folio.js');
  await core.default();
  mount = core.mount;
  await import('../../../pkg/element.js');
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'background', 'data', 'cite', 'ping', 'codebase', 'manifest', 'icon', 'lowsrc', 'dynsrc'];
const BANNED = new Set(['script', 'iframe', 'object', 'embed', 'base', 'meta', 'style', 'link', 'frame', 'frameset', 'applet', 'portal', 'template', 'noscript', 'foreignobject', 'animate', 'set', 'use', 'image', 'feimage', 'math']);
const COMMENT_BODY_TAGS = new Set(['p', 'br', 'em', 'strong', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a']);
const results = [];
// The handles of the widgets given to mount(), by host id.
const handles = new Map();

const unusable = [];
/**
 * The scheme a URL attribute has as the browser reads it. A value the URL parser rejects
 * (`\\\\`, `//host:badport`) is a dead link, not a script: then the scheme is read as the
 * parser would (controls and spaces trimmed, tabs and newlines removed), and a value
 * without one counts as relative.
 */
function scheme(value) {
  try {
    return new URL(value, document.baseURI).protocol;
  } catch {
    unusable.push(value.slice(0, 100));
    const cleaned = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
    return m ? `${m[1].toLowerCase()}:` : 'http:';
  }
}

window.hostile = {
  /**
   * Mounts one widget per spec ({ id, kind, options, draft?: [key, json] }) and waits for
   * each to settle (`ready` or `error`, or `timeoutMs`). Resolves to how each ended.
   */
  async mount(specs, timeoutMs = 20_000) {
    const settled = specs.map((spec) => {
      if (spec.draft) localStorage.setItem(spec.draft[0], spec.draft[1]);
      // A <folio-article> element (attributes and an inline JSON child, built with DOM
      // calls as a careful host would) or a <div> given to mount().
      const host = document.createElement(spec.element ? 'folio-article' : 'div');
      host.setAttribute('data-hostile', spec.kind);
      host.id = spec.id;
      let ready;
      if (spec.element) {
        for (const [name, value] of Object.entries(spec.element.attributes)) host.setAttribute(name, value);
        const json = document.createElement('script');
        json.type = 'application/json';
        json.textContent = spec.element.json;
        host.append(json);
        widgets.append(host);
        ready = host.ready;
      } else {
        widgets.append(host);
        try {
          const handle = mount(host, spec.options);
          handles.set(spec.id, handle);
          ready = handle.ready;
        } catch (e) {
          return Promise.resolve({ id: spec.id, kind: spec.kind, state: 'threw', error: String(e) });
        }
      }
      const timeout = new Promise((ok) => setTimeout(() => ok('timeout'), timeoutMs));
      return Promise.race([ready.then(() => 'ready', (e) => `error ${e?.code}`), timeout])
        .then((how) => ({ id: spec.id, kind: spec.kind, state: how, attr: host.getAttribute('data-folio-state') }));
    });
    const out = await Promise.all(settled);
    results.push(...out);
    status.textContent = `${results.length} widgets mounted`;
    return out;
  },

  /**
   * HTML-first: waits for every <folio-article> in #widgets (folio-render's markup) to be
   * adopted (`ready`, or `timeoutMs`). Resolves to how each ended.
   */
  async adopted(timeoutMs = 20_000) {
    const out = await Promise.all([...widgets.children].map((host) => {
      const timeout = new Promise((ok) => setTimeout(() => ok('timeout'), timeoutMs));
      const ready = customElements.whenDefined('folio-article').then(() => host.ready);
      return Promise.race([ready.then(() => 'ready', (e) => `error ${e?.code}`), timeout])
        .then((how) => ({ id: host.id, kind: host.dataset.hostile, state: how, attr: host.getAttribute('data-folio-state') }));
    }));
    results.push(...out);
    status.textContent = `${results.length} widgets adopted`;
    return out;
  },

  /**
   * Starts the lazy comment sections of the widgets of `kinds` now (their comment module,
   * form and saved draft come when a section is needed: through the handle mount() gave,
   * or the element's own loadComments()) and waits until each ready one shows its live
   * form (not the inert one folio-render writes).
   */
  async loadComments(kinds, timeoutMs = 30_000) {
    const hosts = [...document.querySelectorAll(kinds.map((k) => `[data-hostile="${k}"][data-folio-state="ready"]`).join(', '))];
    for (const host of hosts) (handles.get(host.id) ?? host).loadComments?.();
    const until = Date.now() + timeoutMs;
    while (hosts.some((h) => !h.shadowRoot.querySelector('[data-folio-form]:not([inert])')) && Date.now() < until) {
      await new Promise((ok) => setTimeout(ok, 50));
    }
  },

  /**
   * Everything that should be empty, and some counts. `stylesheet`: on an HTML-first page,
   * the one URL a shadow root may link (folio-render's `<link rel="stylesheet">` to
   * folio.css, its first child): that link, and no adopted sheet, style such a widget.
   */
  inspect({ stylesheet = null } = {}) {
    const violations = [];
    for (const n of document.body.children) {
      if (!['heading', 'status', 'widgets'].includes(n.id) && n.localName !== 'script') violations.push(`light DOM: ${describe(n)} in <body>`);
    }
    const counts = { hosts: 0, elements: 0, links: 0, images: 0, errorBoxes: 0, comments: 0, formsWithDraft: 0 };
    for (const host of widgets.children) {
      counts.hosts += 1;
      const root = host.shadowRoot;
      for (const n of host.childNodes) {
        const inlineJson = n.localName === 'script' && n.type === 'application/json' && host.localName === 'folio-article';
        if (!inlineJson && !(n.nodeType === 3 && !n.data.trim())) violations.push(`${host.id}: light child ${describe(n)}`);
      }
      if (!root) { violations.push(`${host.id}: no shadow root`); continue; }
      const sheetLink = (el) => stylesheet !== null && el === root.firstElementChild && el.localName === 'link'
        && el.attributes.length === 2 && el.getAttribute('rel') === 'stylesheet' && el.href === stylesheet;
      if (root.querySelector('[role="alert"][data-folio-error]')) counts.errorBoxes += 1;
      counts.comments += root.querySelectorAll('article[data-folio-comment-id]').length;
      const where = (el) => `${host.id} <${el.localName}>`;
      for (const el of root.querySelectorAll('*')) {
        counts.elements += 1;
        if (el.shadowRoot) violations.push(`${where(el)} has a nested shadow root`);
        if (BANNED.has(el.localName.toLowerCase()) && !sheetLink(el)) violations.push(`${where(el)}: banned element`);
        if (el.localName === 'a') counts.links += 1;
        if (el.localName === 'img') counts.images += 1;
        for (const attr of el.attributes) {
          const name = attr.name.toLowerCase();
          const value = attr.value;
          if (name.startsWith('on')) violations.push(`${where(el)} [${attr.name}=${JSON.stringify(value.slice(0, 80))}]`);
          if (name === 'style') violations.push(`${where(el)} [style]`);
          if (name === 'srcdoc') violations.push(`${where(el)} [srcdoc]`);
          if (name === 'srcset' || name === 'imagesrcset') {
            for (const candidate of value.split(',')) {
              const url = candidate.trim().split(/\s+/)[0];
              if (url && !SAFE_SCHEMES.has(scheme(url))) violations.push(`${where(el)} [${name}] ${JSON.stringify(url.slice(0, 80))}`);
            }
          }
          if (URL_ATTRS.includes(name) || name.endsWith(':href')) {
            const s = scheme(value);
            if (!SAFE_SCHEMES.has(s)) violations.push(`${where(el)} [${name}=${JSON.stringify(value.slice(0, 80))}] scheme ${s}`);
          }
          if (name === 'target' && !/noopener/.test(el.getAttribute('rel') ?? '')) violations.push(`${where(el)} target without rel=noopener`);
          if (name === 'http-equiv') violations.push(`${where(el)} [http-equiv]`);
        }
        if (el.closest('.folio-comment-body') && !el.matches('.folio-comment-body') && !COMMENT_BODY_TAGS.has(el.localName)) {
          violations.push(`${where(el)} inside a comment body`);
        }
        if (el.closest('.folio-comment-body a') && el.localName === 'a' && !/\bnofollow\b.*\bugc\b/.test(el.getAttribute('rel') ?? '')) {
          violations.push(`${where(el)} comment link without rel=nofollow ... ugc`);
        }
      }
      // Only our own stylesheet styles the widget: adopted (client path), or linked by
      // folio-render's markup (HTML-first).
      const linked = stylesheet !== null && root.styleSheets.length === 1 && root.styleSheets[0].href === stylesheet && sheetLink(root.styleSheets[0].ownerNode);
      if (root.styleSheets.length && !linked) violations.push(`${host.id}: ${root.styleSheets.length} <style>/<link> sheets in the shadow root`);
      if (root.adoptedStyleSheets.length !== (linked ? 0 : 1)) violations.push(`${host.id}: ${root.adoptedStyleSheets.length} adopted sheets`);
      const form = root.querySelector('[data-folio-form] textarea');
      if (form && form.value) counts.formsWithDraft += 1;
    }
    const headNow = [...document.head.children].map(describe);
    if (headNow.join() !== headBefore.join()) violations.push(`head changed: ${headNow.join(' ')}`);
    if (document.title !== titleBefore) violations.push(`title changed to ${document.title}`);
    if (location.href !== hrefBefore) violations.push(`location changed to ${location.href}`);
    const shared = new Set(document.adoptedStyleSheets);
    if (shared.size) violations.push('the document got adopted stylesheets');
    if (document.styleSheets.length) violations.push(`the document has ${document.styleSheets.length} stylesheets`);
    if (document.cookie) violations.push(`cookie set: ${document.cookie}`);
    return { calls, executions: executions(), lightChanges, violations, counts, results, unusable };
  },
};
window.hostileBase = { url: 'https://news.example/2026/12/hostile', title: 'Hostile', published: '2026-12-01T09:00:00Z', body: [] };
status.textContent = 'ready';
window.hostileReady = true;
