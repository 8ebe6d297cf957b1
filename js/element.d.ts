// Type definitions for folio-widget/element: the <folio-article> custom element, defined
// (once) when this module is imported.
import type { Article, CallbackCommentsOptions, CommonOptions, InitOutput, ServerCommentsOptions } from './index.js';

/** Loads and instantiates the core module (folio.js and its wasm) once per page. The element calls it
 * itself, and only on the client path: a page whose element holds folio-render's markup never needs it. */
export function ready(): Promise<InitOutput>;

/**
 * The element's attributes (all strings, as in HTML). The article comes from, in order:
 * the `article` property, `options.article`, an inline
 * `<script type="application/json">` child, then `src`.
 */
export interface FolioArticleAttributes {
  /** URL of the article JSON. */
  src?: string;
  /** Comments backend: `isso`, `json`, `waline` (a package built with it), `callbacks`, or `none`/`false`/`off` for no comments. */
  comments?: 'isso' | 'json' | 'waline' | 'callbacks' | 'none' | 'false' | 'off';
  /** The comment server's base URL (turns the comment section on). */
  'comments-endpoint'?: string;
  /** Comment thread id. */
  thread?: string;
  /** Comma-separated share networks (`"x,linkedin,copy"`), or `none`/`false`/`off`. */
  share?: string;
  /** Forces a palette; default follows `prefers-color-scheme`. Pure CSS, no re-render. */
  theme?: 'light' | 'dark' | 'auto';
  /** Language of Folio's own words (BCP 47). */
  lang?: string;
  /** When comments load: `lazy` (default) or `eager`. */
  load?: 'lazy' | 'eager';
}

/**
 * Options for the element's `options` property: as for `mount()`, with the article and
 * the comment endpoint optional (attributes or an inline JSON child may supply them).
 * Attributes win over the matching options.
 */
export interface FolioArticleOptions extends Omit<CommonOptions, 'comments'> {
  article?: Article | string | null;
  src?: string;
  comments?: (Omit<ServerCommentsOptions, 'endpoint'> & { endpoint?: string }) | CallbackCommentsOptions | false | null;
}

/** `<folio-article>`: renders an article with its share bar and comments. */
export class FolioArticle extends HTMLElement {
  static readonly observedAttributes: readonly (keyof FolioArticleAttributes)[];
  /** Settles with the first render: resolves when the article is on screen, rejects with a FolioError. */
  readonly ready: Promise<void>;
  /** The article as an object (or JSON text); takes precedence over `src` and inline JSON. */
  get article(): Article | string | undefined;
  set article(value: Article | string | undefined);
  /** Options as for mount(): share, comments (with list/post callbacks), wordsPerMinute... */
  get options(): FolioArticleOptions;
  set options(value: FolioArticleOptions | null | undefined);
  /** Loads the comments now instead of when the section nears the viewport. */
  loadComments(): void;
  connectedCallback(): void;
  disconnectedCallback(): void;
  attributeChangedCallback(name: string, before: string | null, after: string | null): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'folio-article': FolioArticle;
  }
}
