// Type definitions for folio-widget: mount(), the Folio handle, every option, the article
// schema, the comments contract, errors and events. Hand-written to match the runtime
// (src/options.rs, src/share/options.rs, src/comments/config.rs, src/api.rs); the
// generated folio.d.ts types options as `any`.

export { FolioArticle, ready } from './element.js';
export type { FolioArticleAttributes, FolioArticleOptions } from './element.js';

// ---------------------------------------------------------------------------------------
// Loading the WebAssembly module

/** Anything `init()` can load the module from. */
export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

/** What `init()` resolves to: the instantiated module's exports (internal but for `memory`). */
export interface InitOutput {
  readonly memory: WebAssembly.Memory;
}

/**
 * Loads and instantiates the WebAssembly module (once; later calls return the same
 * promise). Without an argument it fetches `folio_bg.wasm` next to `folio.js`
 * (`new URL('folio_bg.wasm', import.meta.url)`), which bundlers such as Vite follow.
 * The custom element calls it itself; call it before `mount()`.
 */
declare function init(module_or_path?: { module_or_path: InitInput | Promise<InitInput> }): Promise<InitOutput>;
/** @deprecated Pass `{ module_or_path }` instead. */
declare function init(module_or_path: InitInput | Promise<InitInput>): Promise<InitOutput>;
export default init;

// ---------------------------------------------------------------------------------------
// mount() and the handle

/**
 * Renders an article into `element`'s shadow root. Never throws: problems are shown in
 * the widget, reject `ready` with a {@link FolioError} and dispatch `folio-error`.
 * Mounting again on the same element replaces the widget that was there.
 * `init()` must have resolved first.
 */
export function mount(element: Element, options: MountOptions): Folio;

/** A mounted widget. */
export class Folio {
  private constructor();
  /**
   * Settles with the first render: resolves once the article is on screen, rejects with a
   * {@link FolioError} when the error box is shown instead.
   */
  readonly ready: Promise<void>;
  /**
   * Applies new options. A change to the share bar alone swaps the bar, and leaves the
   * article and a running comment section alone; a change to the comment section's
   * options or callbacks, the article, the reading speed or the language renders
   * everything again. Rejects with a {@link FolioError} (and shows the error box) when the
   * new article cannot be shown.
   */
  update(options: MountOptions): Promise<void>;
  /** Loads the comments now instead of when the section nears the viewport. */
  loadComments(): void;
  /** Removes the widget: aborts requests, drops listeners, empties the shadow root. Idempotent. */
  destroy(): void;
  /**
   * Releases this JS handle only (wasm-bindgen). The widget stays on the page; call
   * `destroy()` to remove it. Do not use the handle afterwards.
   */
  free(): void;
}

// ---------------------------------------------------------------------------------------
// Options

/** Options shared by `mount()`, `update()` and the element's `options` property. */
export interface CommonOptions {
  /** Reading speed for "N min read" (default 238); `0` hides it. At most 100000. */
  wordsPerMinute?: number;
  /** BCP 47 tag for Folio's own words (`"de"`, `"pt-BR"`); default: the article's, else the page's. */
  lang?: string | null;
  /** The share bar (on by default with every network), or `false` for none. */
  share?: ShareOptions | false | null;
  /** The comment section; absent, `null` or `false` for none. */
  comments?: CommentsOptions | false | null;
}

/** The article given directly: an object or JSON text (a string starting with `{`), or a URL string. */
export interface ArticleOptions extends CommonOptions {
  /** The article as an object, as JSON text, or (a string not starting with `{`) a URL to fetch. */
  article: Article | string;
  /** Ignored when `article` is set. */
  src?: string;
}

/** The article fetched from a URL. */
export interface SrcOptions extends CommonOptions {
  /** An http(s) or relative URL to fetch the article JSON from. */
  src: string;
  article?: null;
}

/** `mount()` / `update()` options: `article` or `src` is required. */
export type MountOptions = ArticleOptions | SrcOptions;

// ---------------------------------------------------------------------------------------
// Share bar

/** The share controls, by their stable id (also `data-folio-share` and `folio-share`'s `network`). */
export type ShareNetwork =
  | 'x' | 'facebook' | 'linkedin' | 'bluesky' | 'mastodon' | 'threads' | 'reddit'
  | 'hackernews' | 'whatsapp' | 'telegram' | 'email' | 'copy' | 'native';

export interface ShareOptions {
  /**
   * Which controls, in this order (an array or one comma-separated string). Default:
   * every network but `threads`. Names are read loosely (`"Twitter"`, `"hn"`); unknown
   * names and Google+ are dropped with a console warning.
   */
  networks?: ShareNetwork[] | string;
  /** `'shown'` (default) or `'icons'` (names stay as `aria-label` and `title`). */
  labels?: 'shown' | 'icons';
  /** Where the bar goes: `'top'` (default), `'bottom'` or `'both'`. */
  placement?: 'top' | 'bottom' | 'both';
  /** Open networks in a ~600x500 window (the link still works without JS). Default false. */
  popup?: boolean;
  /** UTM parameters appended to the shared URL. */
  utm?: ShareUtm;
  /** X handle credited in the post (`"@folio"` or `"folio"`). */
  via?: string;
  /** Hashtags for X (without `#`), as an array or one comma-separated string. */
  hashtags?: string[] | string;
  /** A bare host such as `"mastodon.social"`; default share.joinmastodon.org. */
  mastodonInstance?: string;
}

export interface ShareUtm {
  source?: string;
  medium?: string;
  campaign?: string;
}

// ---------------------------------------------------------------------------------------
// Comments

export type CommentSort = 'oldest' | 'newest' | 'top';

interface CommentsOptionsBase {
  /** Thread id; default: the path of the article's `url`. */
  thread?: string;
  /** `'lazy'` (default: when the section nears the viewport) or `'eager'`. */
  load?: 'lazy' | 'eager';
  /** First sort order (default `'oldest'`). */
  sort?: CommentSort;
  /** Top-level comments per page (default 20, at most 1000). */
  pageSize?: number;
  /** The comment count, when known, shown before the comments load. */
  count?: number;
  /** Longest comment accepted by the form, in characters (default 10000, at most 65535). */
  maxLength?: number;
  requireName?: boolean;
  requireEmail?: boolean;
  /**
   * How old (seconds) a first page that folio-render wrote into the static HTML may be for
   * the section to show it without requesting it (default 600; 0: always request it).
   */
  staticMaxAge?: number;
  /** The page author's hashes (the `hash` the server gives their comments), separated by
   * commas or spaces, as Isso's `data-isso-page-author-hashes`: those comments are marked
   * "Author". */
  authorHashes?: string;
  /** Seconds between two checks for comments posted since the list was drawn, made while
   * the page is visible (each check that finds none doubles the wait, up to 10 minutes);
   * what came is offered as "N new comments". Default 30; 0 turns the checks off. */
  newCommentsEvery?: number;
}

/** An Isso server (the default backend), a server implementing the JSON contract, or a
 * Waline server (`'waline'`: only in a package built with FOLIO_FEATURES=waline). */
export interface ServerCommentsOptions extends CommentsOptionsBase {
  backend?: 'isso' | 'json' | 'waline';
  /** The server's base URL (http(s) or relative; no query or fragment). */
  endpoint: string;
}

/** Your own functions in place of a server; they return the JSON contract's shapes. */
export interface CallbackCommentsOptions extends CommentsOptionsBase {
  backend: 'callbacks';
  endpoint?: string;
  /**
   * One page of comments. Reject with an `Error` carrying a numeric `status` (400-599)
   * for a refusal (shown); any other rejection is a network failure (retried).
   */
  list: (args: ListArgs) => CommentPage | PromiseLike<CommentPage>;
  /** Stores a comment. Without it the form answers "This site does not accept comments." */
  post?: (args: PostArgs) => PostResult | PromiseLike<PostResult>;
}

export type CommentsOptions = ServerCommentsOptions | CallbackCommentsOptions;

/** What `list()` is called with. */
export interface ListArgs {
  thread: string;
  sort: CommentSort;
  /** The `next` of the previous page, unchanged; `null` for the first page. */
  cursor: string | null;
}

/** What `post()` is called with. Blank optional fields are empty strings (or `null`). */
export interface PostArgs {
  thread: string;
  /** The text as typed: untrusted, render it yourself. */
  text: string;
  author: string | null;
  email: string | null;
  website: string | null;
  /** The id of the comment being answered, or `null`. */
  parent: string | null;
  /** The article's title (for labelling a new thread). */
  title: string | null;
}

/** One page of comments (JSON contract version 1). */
export interface CommentPage {
  /** Comments in the thread, replies included (default: the number returned). */
  total?: number;
  /** Top-level comments of this page, each with its replies nested. */
  comments: CommentData[];
  /** Cursor of the next page; `null` or absent on the last page. */
  next?: string | null;
}

/** A stored comment (JSON contract version 1). Unknown fields are ignored. */
export interface CommentData {
  /** Unique in the thread; a comment without one is skipped. */
  id: string | number;
  parent?: string | number | null;
  /** Display name as plain text; null or blank = anonymous. */
  author?: string | null;
  /** Linked only when absolute http(s). */
  website?: string | null;
  /** ISO 8601 / RFC 3339; no offset = UTC. */
  created: string;
  modified?: string | null;
  /** Absent = the server has no likes. (Ignored for the callbacks and json backends.) */
  likes?: number;
  /** The rendered body; Folio sanitizes it. */
  html: string;
  /** Held for moderation; default false. */
  pending?: boolean;
  /** Every reply (the contract has no request for replies a list leaves out). */
  replies?: CommentData[];
}

/** What `post()` resolves to. */
export interface PostResult {
  comment: CommentData;
  /** `true`: awaiting moderation. */
  pending?: boolean;
}

/** A contract error body: `{"error": {"code", "message"}}`. */
export interface CommentsErrorBody {
  error: { code?: string; message: string } | string;
}

// ---------------------------------------------------------------------------------------
// The article (see the repository README, "Article schema")

export interface Article {
  /** Canonical URL, absolute http(s). */
  url: string;
  /** Headline (plain text). */
  title: string;
  /** Standfirst under the headline (plain text). */
  dek?: string | null;
  /** Same as `dek`. */
  subtitle?: string | null;
  authors?: Array<Author | string>;
  /** ISO 8601: `2017-07-13`, `2017-07-13T09:00:00-04:00`, `...Z`. */
  published: string;
  updated?: string | null;
  /** Kicker above the headline. */
  section?: string | null;
  tags?: string[];
  /** Lead image. */
  image?: Image | null;
  /** BCP 47 tag. */
  lang?: string | null;
  dir?: 'ltr' | 'rtl' | 'auto' | null;
  /** The blocks; may be empty. Unknown block types are skipped with a warning. */
  body: Block[];
}

export interface Author {
  name: string;
  url?: string | null;
  /** Inline syntax. */
  bio?: string | null;
  avatar?: string | null;
}

export interface Image {
  src: string;
  /** Required; `""` for a decorative image. */
  alt: string;
  /** Inline syntax. */
  caption?: string | null;
  credit?: string | null;
}

/** A paragraph; `text` uses the inline syntax (`*em*`, `**strong**`, `` `code` ``, `[text](url)`). */
export interface ParagraphBlock { type: 'paragraph'; text: string }
export interface HeadingBlock { type: 'heading'; text: string; level?: 2 | 3 | 4 }
/** Blank lines in `text` separate paragraphs; `attribution` is plain text. */
export interface QuoteBlock { type: 'quote'; text: string; attribution?: string | null }
export interface ListBlock { type: 'list'; items: string[]; ordered?: boolean }
export interface ImageBlock extends Image { type: 'image' | 'figure' }
/** Shown exactly. */
export interface PreformattedBlock { type: 'preformatted' | 'code'; text: string }
export interface DividerBlock { type: 'divider' }

export type Block = ParagraphBlock | HeadingBlock | QuoteBlock | ListBlock | ImageBlock | PreformattedBlock | DividerBlock;
export type BlockType = Block['type'];

// ---------------------------------------------------------------------------------------
// Errors and events

export type FolioErrorCode =
  | 'folio/options'
  | 'folio/article-syntax'
  | 'folio/article-invalid'
  | 'folio/fetch'
  | 'folio/destroyed';

/** What `ready` and `update()` reject with (an `Error`; there is no FolioError class to import). */
export interface FolioError extends Error {
  name: 'FolioError';
  code: FolioErrorCode;
  /** One line per problem, e.g. `body[3].items[0]: expected a string, found a number`. */
  details: string[];
}

export interface FolioReadyDetail { title: string }
export interface FolioErrorDetail { code: FolioErrorCode; message: string }
export interface FolioShareDetail { network: ShareNetwork; url: string }
export interface FolioCommentsLoadedDetail {
  /** Comments shown, replies included. */
  count: number;
  /** Comments in the thread. */
  total: number;
}
export interface FolioCommentPostedDetail { id: string; pending: boolean }

/** Folio's events (on the host element; they bubble and are composed). */
export interface FolioEventMap {
  'folio-ready': CustomEvent<FolioReadyDetail>;
  'folio-error': CustomEvent<FolioErrorDetail>;
  'folio-share': CustomEvent<FolioShareDetail>;
  'folio-comments-loaded': CustomEvent<FolioCommentsLoadedDetail>;
  'folio-comment-posted': CustomEvent<FolioCommentPostedDetail>;
}

declare global {
  interface HTMLElementEventMap extends FolioEventMap {}
  interface DocumentEventMap extends FolioEventMap {}
}
