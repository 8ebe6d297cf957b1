// Compile-only check of the hand-written definitions (js/index.d.ts, js/element.d.ts):
// every exported type is used the way a consumer would, and the `@ts-expect-error` lines
// prove the types reject what the runtime rejects. Nothing here runs.
//
//   npx -y -p typescript@5 tsc --noEmit --strict --lib es2022,dom tests/consumer/types-check.ts
//
// tests/e2e/consumer.test.mjs checks this same file against the packed package, with the
// three imports below rewritten to 'folio-widget', 'folio-widget/element' and
// 'folio-widget/count'.
import init, {
  mount, Folio, FolioArticle, ready,
  type Article, type ArticleOptions, type Author, type Block, type BlockType, type CallbackCommentsOptions,
  type CommentData, type CommentPage, type CommentSort, type CommentsErrorBody, type CommentsOptions,
  type CommonOptions, type DividerBlock, type FolioArticleAttributes, type FolioArticleOptions,
  type FolioCommentPostedDetail, type FolioCommentsLoadedDetail, type FolioError, type FolioErrorCode,
  type FolioErrorDetail, type FolioEventMap, type FolioReadyDetail, type FolioShareDetail, type HeadingBlock,
  type Image, type ImageBlock, type InitInput, type InitOutput, type ListArgs, type ListBlock, type MountOptions,
  type ParagraphBlock, type PostArgs, type PostResult, type PreformattedBlock, type QuoteBlock,
  type ServerCommentsOptions, type ShareNetwork, type ShareOptions, type ShareUtm, type SrcOptions,
} from '../../js/index.js';
import { FolioArticle as ElementClass, ready as elementReady } from '../../js/element.js';
import { counts, countText, FolioCount } from '../../js/count.js';

// --- The article -------------------------------------------------------------------------

const author: Author = { name: 'Sean Michael Kerner', url: 'https://example.org/sean', bio: 'Senior *editor*.', avatar: null };
const lead: Image = { src: 'https://example.org/lead.jpg', alt: '', caption: 'A *caption*', credit: 'Photo: X' };
const blocks: Block[] = [
  { type: 'paragraph', text: 'Kaspersky Lab has had a *tough* time.' } satisfies ParagraphBlock,
  { type: 'heading', text: 'Why', level: 3 } satisfies HeadingBlock,
  { type: 'quote', text: 'No such ties exist', attribution: 'Eugene Kaspersky' } satisfies QuoteBlock,
  { type: 'list', ordered: true, items: ['one', 'two'] } satisfies ListBlock,
  { type: 'figure', src: '/a.png', alt: 'A chart' } satisfies ImageBlock,
  { type: 'code', text: 'let x = 1;' } satisfies PreformattedBlock,
  { type: 'divider' } satisfies DividerBlock,
];
const article: Article = {
  url: 'https://news.example/2026/today',
  title: 'Today',
  dek: 'The standfirst',
  authors: [author, 'Jane Doe'],
  published: '2017-07-13T09:00:00-04:00',
  updated: '2017-07-14',
  section: 'Network Security',
  tags: ['security'],
  image: lead,
  lang: 'en',
  dir: 'ltr',
  body: blocks,
};
const kinds: BlockType[] = blocks.map((b) => b.type);
function describe(block: Block): string {
  switch (block.type) {
    case 'paragraph': case 'heading': case 'quote': case 'preformatted': case 'code': return block.text;
    case 'list': return block.items.join(', ');
    case 'image': case 'figure': return block.alt;
    case 'divider': return '---';
  }
}
// @ts-expect-error headings are level 2, 3 or 4
const badHeading: HeadingBlock = { type: 'heading', text: 'h', level: 1 };
// @ts-expect-error an image needs alt text ("" when decorative)
const noAlt: Image = { src: '/a.png' };
// @ts-expect-error url, published and body are required
const incomplete: Article = { title: 'x' };

// --- Options -----------------------------------------------------------------------------

const utm: ShareUtm = { source: 'folio', medium: 'share', campaign: 'launch' };
const networks: ShareNetwork[] = ['x', 'facebook', 'linkedin', 'bluesky', 'mastodon', 'threads', 'reddit', 'hackernews', 'whatsapp', 'telegram', 'email', 'copy', 'native'];
const share: ShareOptions = {
  networks, labels: 'icons', placement: 'both', popup: true, utm,
  via: '@TechJournalist', hashtags: ['security'], mastodonInstance: 'mastodon.social',
};
const shareAsText: ShareOptions = { networks: 'x, bluesky', hashtags: 'a,b' };
// @ts-expect-error Google+ shut down in 2019
const googlePlus: ShareNetwork = 'google+';
// @ts-expect-error placement is top, bottom or both
const sideways: ShareOptions = { placement: 'left' };

const sort: CommentSort = 'top';
const isso: ServerCommentsOptions = {
  endpoint: 'https://comments.example.org', thread: '/2026/12/today', load: 'lazy', sort,
  pageSize: 20, count: 12, maxLength: 10000, requireName: false, requireEmail: false,
};
const json: CommentsOptions = { backend: 'json', endpoint: '/api', load: 'eager' };
// @ts-expect-error isso and json need an endpoint
const noEndpoint: CommentsOptions = { backend: 'json' };
// @ts-expect-error no such backend
const disqus: CommentsOptions = { backend: 'disqus', endpoint: '/c' };

const stored: CommentData = {
  id: 'c_17', parent: null, author: 'Ada', website: 'https://ada.example/', created: '2026-03-01T09:30:00Z',
  modified: null, likes: 3, html: '<p>Lovely piece.</p>', pending: false,
  replies: [{ id: 18, parent: 'c_17', created: '2026-03-01T10:00:00Z', html: '<p>Yes.</p>' }],
};
const refusal: CommentsErrorBody = { error: { code: 'text-too-short', message: 'Comments need at least 3 characters.' } };
const callbacks: CallbackCommentsOptions = {
  backend: 'callbacks',
  async list(args: ListArgs): Promise<CommentPage> {
    const cursor: string | null = args.cursor;
    return { total: 1, comments: [stored], next: cursor === null ? 'page-2' : null };
  },
  async post(args: PostArgs): Promise<PostResult> {
    if (args.text.length < 3) throw Object.assign(new Error(typeof refusal.error === 'string' ? refusal.error : refusal.error.message), { status: 400 });
    return { comment: { ...stored, id: 'c_19', parent: args.parent, author: args.author }, pending: true };
  },
};
const syncList: CallbackCommentsOptions = { backend: 'callbacks', list: () => ({ comments: [] }) };

const common: CommonOptions = { wordsPerMinute: 0, lang: 'pt-BR', share: false, comments: false };
const byObject: ArticleOptions = { article, wordsPerMinute: 200, lang: 'en', share, comments: isso };
const byText: MountOptions = { article: JSON.stringify(article), share: shareAsText, comments: callbacks };
const bySrc: SrcOptions = { src: '/articles/today.json', comments: json };
// @ts-expect-error article or src is required
const neither: MountOptions = { wordsPerMinute: 200 };

// --- mount(), the handle, errors -------------------------------------------------------------

async function start(host: HTMLElement): Promise<void> {
  const output: InitOutput = await init();
  const bytes: InitInput = new Uint8Array(output.memory.buffer.byteLength > 0 ? [0] : []);
  await init({ module_or_path: new URL('folio_bg.wasm', 'https://cdn.example/folio-widget/') });
  await init({ module_or_path: Promise.resolve(bytes) });
  await init(fetch('/folio_bg.wasm')); // deprecated form, still typed

  const folio: Folio = mount(host, byObject);
  try {
    await folio.ready;
    await folio.update(bySrc);
    await folio.update({ ...byObject, share: { ...share, networks: ['x'] } });
    folio.loadComments();
  } catch (e) {
    const error = e as FolioError;
    const code: FolioErrorCode = error.code;
    const lines: string[] = error.details;
    console.warn(error.name === 'FolioError', code, lines.join('\n'), error.message);
  } finally {
    folio.destroy();
    folio.free();
  }
  mount(host, byText);
  mount(document.createElement('div'), { ...common, src: '/a.json' });
  // @ts-expect-error options are required
  mount(host);
  // @ts-expect-error no public constructor: mount() makes handles
  new Folio();
}

// --- Events ----------------------------------------------------------------------------------

function listen(host: HTMLElement): void {
  host.addEventListener('folio-ready', (e) => { const d: FolioReadyDetail = e.detail; console.log(d.title.toUpperCase()); });
  host.addEventListener('folio-error', (e) => { const d: FolioErrorDetail = e.detail; console.log(d.code, d.message); });
  host.addEventListener('folio-share', (e) => { const d: FolioShareDetail = e.detail; console.log(d.network, new URL(d.url)); });
  host.addEventListener('folio-comments-loaded', (e) => { const d: FolioCommentsLoadedDetail = e.detail; console.log(d.count + d.total); });
  host.addEventListener('folio-comment-posted', (e) => { const d: FolioCommentPostedDetail = e.detail; console.log(d.id, d.pending); });
  document.addEventListener('folio-share', (e) => console.log(e.detail.network satisfies ShareNetwork));
  // @ts-expect-error folio-ready's detail has no count
  host.addEventListener('folio-ready', (e) => e.detail.count);
  const name: keyof FolioEventMap = 'folio-comment-posted';
  console.log(name);
}

// --- The element -------------------------------------------------------------------------------

async function element(): Promise<void> {
  await ready();
  await elementReady();
  const el = document.createElement('folio-article'); // typed through HTMLElementTagNameMap
  const same: FolioArticle = el;
  const alsoSame: ElementClass = el;
  const queried: FolioArticle | null = document.querySelector('folio-article');
  const attributes: FolioArticleAttributes = { src: '/a.json', comments: 'isso', 'comments-endpoint': '/c', thread: 't', share: 'x,copy', theme: 'dark', lang: 'de', load: 'eager' };
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const observed: readonly (keyof FolioArticleAttributes)[] = FolioArticle.observedAttributes;
  el.article = article;
  el.article = JSON.stringify(article);
  const current: Article | string | undefined = el.article;
  const options: FolioArticleOptions = { share: { labels: 'icons' }, comments: { load: 'eager' }, wordsPerMinute: 300 };
  el.options = options;
  el.options = { comments: callbacks };
  el.options = null;
  el.loadComments();
  el.addEventListener('folio-ready', (e) => console.log(e.detail.title));
  document.body.append(el);
  await el.ready;
  // @ts-expect-error theme is light, dark or auto
  const sepia: FolioArticleAttributes = { theme: 'sepia' };
  console.log(same, alsoSame, queried, observed, current, sepia);
}

// --- Counts for index pages ------------------------------------------------------------------

async function countsOnIndexPages(): Promise<void> {
  const found: (number | null)[] = await counts('https://comments.example', ['/a', '/b']);
  const fromContract = await counts('https://api.example', ['/a'], 'json');
  const words: string = await countText(found[0] ?? 0, 'de');
  const el: FolioCount = document.createElement('folio-count');
  el.setAttribute('thread', '/a');
  // @ts-expect-error a backend Folio does not have
  await counts('https://comments.example', ['/a'], 'disqus');
  console.log(fromContract, words, el);
}

export const used = [kinds, describe, badHeading, noAlt, incomplete, googlePlus, sideways, noEndpoint, disqus, syncList, neither, start, listen, element, countsOnIndexPages];
