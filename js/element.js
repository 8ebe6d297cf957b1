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

import { event, wire } from '../crates/web/js/page.js';
import { loadSection } from '../crates/web/js/comments.js';

let core, coreModule;
/** Loads and instantiates the core module (folio.js and its wasm) once per page. */
export const ready = () => (core ??= import('./folio.js').then((module) => module.default().then((exports) => ((coreModule = module), exports))));

const off = (value) => ['none', 'false', 'off'].includes((value ?? '').trim());

export class FolioArticle extends HTMLElement {
  static observedAttributes = ['src', 'comments', 'comments-endpoint', 'thread', 'share', 'theme', 'lang', 'load'];

  /** The core's widget handle (client path). */
  #handle = null;
  /** The HTML-first wiring: its undo functions, and the comment section's `load(now)`. */
  #adopted = null;
  #load = null;
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
    this.#load?.(true);
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
    const undo = (this.#adopted = [wire(root, this)]);
    const section = root.querySelector('[data-folio-comments][data-folio-config]');
    if (section) {
      let eager;
      try { eager = JSON.parse(section.dataset.folioConfig).load == 'eager'; } catch {}
      const callbacks = this.#options.comments ?? {};
      const loader = loadSection(this, section, callbacks.list, callbacks.post, undefined, eager);
      this.#load = loader.load;
      undo.push(loader.destroy);
    }
    this.setAttribute('data-folio-state', 'ready');
    this.#settle.resolve();
    event(this, 'folio-ready', { title: root.querySelector('h1')?.textContent ?? '' });
    return true;
  }

  /** Undoes the HTML-first wiring (the comments module's section included). */
  #drop() {
    for (const f of this.#adopted ?? []) f();
    this.#adopted = this.#load = null;
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
