// <folio-article>: the custom element. A thin shim: attributes, properties and an inline
// JSON child in, one Folio widget (Rust/WebAssembly) out. Every decision (validation,
// rendering, what an option change re-renders) is made in the wasm; this file only
// translates the element's life cycle into mount(), update() and destroy().
import init, { mount } from './folio.js';

let started;
/** Loads and instantiates the WebAssembly module once per page. */
export const ready = () => (started ??= init());

const ATTRIBUTES = ['src', 'comments', 'comments-endpoint', 'thread', 'share', 'theme', 'lang', 'load'];

export class FolioArticle extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #handle = null;
  #article = undefined;
  #options = {};
  #queued = false;
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
  loadComments() { this.#handle?.loadComments(); }

  connectedCallback() { this.#queue(); }

  disconnectedCallback() {
    // A move (remove + insert in one task) reconnects before this runs: keep the widget.
    queueMicrotask(() => {
      if (this.isConnected || !this.#handle) return;
      this.#handle.destroy();
      this.#handle = null;
    });
  }

  attributeChangedCallback(name, before, after) {
    // theme is pure CSS (:host([theme])); nothing to render.
    if (before !== after && name !== 'theme') this.#queue();
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
    const options = this.#collect();
    if (!this.#handle) {
      this.#handle = mount(this, options);
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
      options.share = ['none', 'false', 'off'].includes(share.trim())
        ? false
        : { ...(typeof options.share === 'object' ? options.share : {}), networks: share.split(',').map((s) => s.trim()).filter(Boolean) };
    }
    const kind = attr('comments');
    const endpoint = attr('comments-endpoint');
    if (kind !== null || endpoint !== null || options.comments) {
      if (['none', 'false', 'off'].includes((kind ?? '').trim())) {
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
