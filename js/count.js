// <folio-count>: comment counts for index pages, with no WebAssembly. Every element on a
// page that names the same server is answered by one request (Isso's `POST /count`, the
// JSON contract's, or Waline's `GET /api/comment?type=count`), and the number is written in the element's language with its plural
// form: English is built in, another language's words come from the same locale file
// (locales/<tag>.json beside this script) that the widget uses.
//
//   <script type="module" src="/pkg/count.js"></script>
//   <a href="/a#comments"><folio-count thread="/a" endpoint="https://comments.example">Comments</folio-count></a>
//
// Until the count arrives (and when it cannot be had) the element keeps its own content;
// then it holds "12 comments" as text, with data-folio-count="12" and
// data-folio-state="ready" (or "error"). `endpoint` may also come from
// <meta name="folio-comments-endpoint" content="...">; `backend` is "isso" (the default),
// "json" or "waline"; the language is the nearest `lang`.

/**
 * The languages with a locale file: English (built in) and one per file of `locales/`, the
 * list scripts/package.mjs writes in when it packages this script.
 */
const TAGS = ['en'];
const ENGLISH = { one: '1 comment', other: '{n} comments' };
const tables = new Map();
const groups = new Map();

/**
 * The comment counts of `threads` on one server, in order: one request. A value that is not
 * a whole number of comments is `null`. Rejects when the server does not answer with one
 * count per thread.
 * @param {string} endpoint @param {string[]} threads @param {'isso' | 'json' | 'waline'} [backend]
 * @returns {Promise<(number | null)[]>}
 */
export async function counts(endpoint, threads, backend = 'isso') {
  const json = backend === 'json';
  const base = endpoint.replace(/\/+$/, '');
  // Waline takes the paths comma-separated (a path with a comma cannot be counted so).
  const response = await (backend === 'waline'
    ? fetch(`${base}/api/comment?type=count&url=${threads.map(encodeURIComponent).join(',')}`)
    : fetch(`${base}/count`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(json ? { threads } : threads),
    }));
  if (!response.ok) throw new Error(`${endpoint} answered ${response.status}`);
  const body = await response.json();
  const list = json ? body?.counts : backend === 'waline' ? [body?.data].flat() : body;
  if (!Array.isArray(list) || list.length !== threads.length) throw new Error(`${endpoint}/count: not one count per thread`);
  return list.map((n) => (Number.isSafeInteger(n) && n >= 0 ? n : null));
}

/**
 * "12 comments" in the language `lang` (a BCP 47 tag; English when Folio has no table
 * for it or its file cannot be loaded).
 * @param {number} n @param {string} [lang] @returns {Promise<string>}
 */
export async function countText(n, lang = 'en') {
  let tag = lang.toLowerCase().split('-')[0];
  if (!TAGS.includes(tag)) tag = 'en';
  if (!tables.has(tag)) {
    // A bundler may have inlined the file as a base64 data: URL (Vite does below 4 KB),
    // which a page's CSP may forbid fetching: it is decoded here instead.
    const url = new URL(`locales/${tag}.json`, import.meta.url).href;
    const inline = /^data:[^,]*;base64,/.exec(url);
    tables.set(tag, tag === 'en' ? Promise.resolve(ENGLISH) : (inline
      ? Promise.resolve().then(() => JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(url.slice(inline[0].length)), (c) => c.charCodeAt(0)))))
      : fetch(url).then((r) => (r.ok ? r.json() : null)))
      .then((file) => file?.plural?.['comments.count'] ?? ENGLISH, () => ENGLISH));
  }
  const forms = await tables.get(tag);
  const english = forms === ENGLISH;
  const form = forms[new Intl.PluralRules(english ? 'en' : tag).select(n)] ?? forms.other;
  return String(form).replace('{n}', String(n));
}

/** Sends one request per server for every element queued in this task. */
function flush() {
  const waiting = [...groups];
  groups.clear();
  for (const [key, elements] of waiting) {
    const [backend, endpoint] = key.split(' ');
    const threads = [...new Set(elements.map((e) => e.getAttribute('thread')))];
    counts(endpoint, threads, backend).then(
      (found) => {
        for (const element of elements) {
          const n = found[threads.indexOf(element.getAttribute('thread'))];
          if (n == null) { element.dataset.folioState = 'error'; continue; }
          countText(n, element.closest('[lang]')?.lang || 'en').then((text) => {
            element.textContent = text;
            element.dataset.folioCount = n;
            element.dataset.folioState = 'ready';
          });
        }
      },
      (error) => {
        console.warn('Folio: comment counts could not be loaded:', error);
        for (const element of elements) element.dataset.folioState = 'error';
      },
    );
  }
}

/** `<folio-count thread="..." endpoint="..." [backend="isso|json|waline"]>`. */
export class FolioCount extends HTMLElement {
  connectedCallback() {
    const endpoint = this.getAttribute('endpoint') ?? document.querySelector('meta[name="folio-comments-endpoint"]')?.content;
    if (!endpoint || !this.hasAttribute('thread') || this.dataset.folioState) {
      if (!this.dataset.folioState) this.dataset.folioState = 'error';
      return;
    }
    const backend = this.getAttribute('backend');
    const key = `${backend === 'json' || backend === 'waline' ? backend : 'isso'} ${endpoint}`;
    if (!groups.size) setTimeout(flush); // every element connected in this task joins the request
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(this);
  }
}

if (!customElements.get('folio-count')) customElements.define('folio-count', FolioCount);
