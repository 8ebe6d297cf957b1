// <folio-article>: the custom element, the only script a page loads up front. It takes one
// of two paths:
//
// - HTML-first: the element already holds folio-render's markup (a declarative shadow root
//   whose `.folio` root carries `data-folio-static`). The markup is adopted as it is: every
//   decision in it was made by the Rust renderer, so this file only wires what it names by
//   data attributes (share controls, the comment section) and loads no WebAssembly until
//   the comment section nears the viewport. Then it imports the comments module
//   (folio_comments.js), which runs the section on its own; the core never loads.
// - client: anything else (an article from `src`, an inline JSON child or the properties, or
//   a change of attributes or properties after an HTML-first start). The core (folio.js and
//   its wasm) is imported then, and its mount() renders, validates and re-renders; a
//   pre-rendered article it would draw the same is still adopted, not drawn again.
//
// Share links are plain links, so they work before and without this script.

/** How far below the viewport the comment section starts loading (NEAR_MARGIN in Rust). */
const NEAR = '1250px 0px';
const ATTRIBUTES = ['src', 'comments', 'comments-endpoint', 'thread', 'share', 'theme', 'lang', 'load'];

let core, coreModule;
/** Loads and instantiates the core module (folio.js and its wasm) once per page. */
export const ready = () => (core ??= import('./folio.js').then((module) => module.default().then((exports) => ((coreModule = module), exports))));

let comments;
/** The initialised comments module (its namespace), once per page; a failed load is tried
 * again next time. Its wasm is requested together with its JS: one round trip less. */
const commentsModule = () => {
  if (!comments) {
    const wasm = fetch(new URL('./folio_comments_bg.wasm', import.meta.url));
    wasm.catch(() => {}); // a failure rejects the init below
    comments = import('./folio_comments.js').then((module) => module.default({ module_or_path: wasm }).then(() => module));
    comments.catch(() => { comments = undefined; });
  }
  return comments;
};

const off = (value) => ['none', 'false', 'off'].includes((value ?? '').trim());
const event = (host, name, detail) => host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));

export class FolioArticle extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  /** The core's widget handle (client path). */
  #handle = null;
  /** The HTML-first wiring: undo functions, and how to start the comment section. */
  #adopted = null;
  #article = undefined;
  #options = {};
  #queued = false;
  #connected = false;
  #ready;
  #settle;

  constructor() {
    super();
    this.#ready = new Promise((resolve, reject) => { this.#settle = { resolve, reject }; });
    this.#ready.catch(() => {}); // observed through the property; never "uncaught"
  }

  /** Settles with the first render: resolves when the article is on screen. */
  get ready() { return this.#ready; }

  /** The article as an object (or JSON text); takes precedence over `src` and inline JSON. */
  get article() { return this.#article; }
  set article(value) { this.#article = value; this.#queue(); }

  /** Options as for mount(): share, comments (with list/post callbacks), wordsPerMinute... */
  get options() { return this.#options; }
  set options(value) { this.#options = value ?? {}; this.#queue(); }

  /** Loads the comments now instead of when the section nears the viewport. */
  loadComments() {
    this.#handle?.loadComments();
    this.#adopted?.load(true);
  }

  connectedCallback() {
    this.#connected = true;
    if (this.#handle || this.#adopted || !this.#adopt()) this.#queue();
  }

  disconnectedCallback() {
    // A move (remove + insert in one task) reconnects before this runs: keep the widget.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#drop();
      this.#handle?.destroy();
      this.#handle = null;
    });
  }

  attributeChangedCallback(name, before, after) {
    // theme is pure CSS (:host([theme])); the attributes an upgrade finds are the page's.
    if (before !== after && name !== 'theme' && this.#connected) this.#queue();
  }

  /** Takes over folio-render's markup, if the element holds it: true when it does. */
  #adopt() {
    const root = this.shadowRoot;
    const content = root?.querySelector('.folio[data-folio-static]');
    if (!content || this.#article !== undefined) return false;
    const undo = [];
    const listen = (target, type, f) => { target.addEventListener(type, f); undo.push(() => target.removeEventListener(type, f)); };
    listen(root, 'click', (e) => this.#share(e));
    for (const button of root.querySelectorAll('[data-folio-action=native-share]')) {
      if (navigator.canShare?.({ url: button.dataset.url, title: button.dataset.title })) button.hidden = button.parentElement.hidden = false;
    }
    // The page's own dark or light theme, mirrored for :host([data-folio-page-theme]).
    const html = document.documentElement;
    const theme = () => {
      const set = html.dataset.theme?.trim();
      const classes = html.classList;
      const value = set === 'dark' || set === 'light' ? set : classes.contains('dark') ? 'dark' : classes.contains('light') ? 'light' : null;
      value ? this.setAttribute('data-folio-page-theme', value) : this.removeAttribute('data-folio-page-theme');
    };
    theme();
    const watcher = new MutationObserver(theme);
    watcher.observe(html, { attributes: true, attributeFilter: ['class', 'data-theme'] });
    undo.push(() => watcher.disconnect(), () => this.removeAttribute('data-folio-page-theme'));

    const adopted = (this.#adopted = { undo, load() {} });
    const section = root.querySelector('[data-folio-comments][data-folio-config]');
    if (section) {
      let started;
      const near = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && adopted.load(), { rootMargin: NEAR });
      adopted.load = (now) => {
        if (now) adopted.handle?.loadNow();
        if (started) return;
        started = true;
        near.disconnect();
        this.#startComments(section, adopted);
      };
      undo.push(() => near.disconnect(), () => adopted.handle?.destroy());
      let config;
      try { config = JSON.parse(section.dataset.folioConfig); } catch { config = {}; }
      if (config.load === 'eager') adopted.load();
      else near.observe(section);
    }
    this.setAttribute('data-folio-state', 'ready');
    this.#settle.resolve();
    event(this, 'folio-ready', { title: root.querySelector('h1')?.textContent ?? '' });
    return true;
  }

  /** Starts the comments module on the pre-rendered section; shows its error box (with
   * Try again) when the module cannot be loaded. */
  async #startComments(section, adopted) {
    const data = section.dataset;
    const region = section.querySelector('[data-folio-region=comments-list]');
    const callbacks = this.#options.comments ?? {};
    try {
      const module = await commentsModule();
      if (this.#adopted !== adopted) return;
      const handle = await module.startComments({ host: this, section, list: callbacks.list, post: callbacks.post });
      if (this.#adopted === adopted) adopted.handle = handle;
      else handle.destroy();
    } catch (error) {
      console.error('Folio: the comments module (folio_comments.js) could not be loaded:', error);
      if (this.#adopted !== adopted || !region) return;
      // The same box as the section's own (view::error_box), in the page's words.
      const box = document.createElement('div');
      box.className = 'folio-comments-error';
      box.setAttribute('role', 'alert');
      box.dataset.folioError = 'network';
      const text = box.appendChild(document.createElement('p'));
      text.textContent = data.folioFailed;
      const retry = box.appendChild(document.createElement('button'));
      retry.type = 'button';
      retry.dataset.folioAction = 'retry-comments';
      retry.textContent = data.folioRetry;
      retry.onclick = () => this.#startComments(section, adopted);
      region.replaceChildren(box);
      region.removeAttribute('aria-busy');
    }
  }

  /** The share bar's one delegated click listener: copy, native share, popups, `folio-share`. */
  #share(e) {
    const control = e.target.closest?.('[data-folio-share]');
    if (!control) return;
    const data = control.dataset;
    const url = control.getAttribute('href') ?? data.url ?? '';
    // With a bar above and below the article, act on the bar that was clicked.
    const bar = control.closest('.folio-share') ?? control;
    const say = (message) => {
      const live = bar.querySelector('[data-folio-live=share]');
      if (live) { live.textContent = ''; live.textContent = message; }
    };
    if (data.folioAction === 'copy') {
      // Called in the click itself, so the user activation the Clipboard API asks for holds.
      Promise.resolve(navigator.clipboard?.writeText(url) ?? Promise.reject()).then(() => say(data.folioCopied), () => {
        const field = bar.querySelector('[data-folio-copy-field]');
        if (field) { field.hidden = false; field.focus(); field.select(); }
        say(data.folioCopyFailed);
      });
    } else if (data.folioAction === 'native-share') {
      navigator.share?.({ url: data.url, title: data.title }).catch(() => {}); // a cancel is the reader's choice
    } else if (control.hasAttribute('data-folio-popup')) {
      // A small window cut off from this page; if it is blocked, the link's own
      // target="_blank" navigation goes ahead.
      const opened = open('about:blank', '_blank', 'popup,width=600,height=500');
      if (opened) {
        opened.opener = null;
        try { opened.location.replace(url); e.preventDefault(); } catch { opened.close(); }
      }
    }
    event(this, 'folio-share', { network: data.folioShare, url });
  }

  /** Undoes the HTML-first wiring (the comments module's section included). */
  #drop() {
    for (const f of this.#adopted?.undo ?? []) f();
    this.#adopted = null;
  }

  /** Batches every change made in one task into one render. */
  #queue() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#render();
    });
  }

  async #render() {
    try {
      await ready();
    } catch (error) {
      this.#settle.reject(error);
      return;
    }
    if (!this.isConnected) return;
    this.#drop();
    const options = this.#collect();
    if (!this.#handle) {
      this.#handle = coreModule.mount(this, options);
      this.#handle.ready.then(this.#settle.resolve, this.#settle.reject);
    } else {
      this.#handle.update(options).catch(() => {}); // shown in the widget and as folio-error
    }
  }

  /** Attributes, the inline JSON child and the properties, as mount() options. */
  #collect() {
    const options = { ...this.#options };
    const attr = (name) => this.getAttribute(name);
    if (this.#article !== undefined) {
      options.article = this.#article;
    } else if (!options.article) {
      const inline = this.querySelector(':scope > script[type="application/json"]');
      if (inline) options.article = inline.textContent;
      else if (attr('src') !== null) options.src = attr('src');
    }
    if (attr('lang') !== null) options.lang = attr('lang');
    const share = attr('share');
    if (share !== null) {
      options.share = off(share)
        ? false
        : { ...(typeof options.share === 'object' ? options.share : {}), networks: share.split(',').map((s) => s.trim()).filter(Boolean) };
    }
    const kind = attr('comments');
    const endpoint = attr('comments-endpoint');
    if (kind !== null || endpoint !== null || options.comments) {
      if (off(kind)) {
        options.comments = false;
      } else {
        const comments = { ...(typeof options.comments === 'object' ? options.comments : {}) };
        if (kind) comments.backend = kind;
        if (endpoint !== null) comments.endpoint = endpoint;
        if (attr('thread') !== null) comments.thread = attr('thread');
        if (attr('load') !== null) comments.load = attr('load');
        options.comments = comments;
      }
    }
    return options;
  }
}

if (!customElements.get('folio-article')) customElements.define('folio-article', FolioArticle);
