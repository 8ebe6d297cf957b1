// The fault suite's page (tests/e2e/faults.test.mjs), with the host page's instruments of
// host.js (window.host, window.folioEvents).
// Query string:
//   ?endpoint=URL&thread=/t[&load=eager|lazy]   the seed article with comments from URL
//   ?case=NAME                                  a bad or odd article built here (CASES)
//   ?src=URL                                    an article fetched from URL
import init, { mount } from '../../../pkg/folio.js';
import { host } from './host.js';

const base = {
  url: 'https://news.example/2026/12/faults',
  title: 'Fault injection',
  published: '2026-12-01T09:00:00Z',
  authors: [{ name: 'Test Writer' }],
  body: [{ type: 'paragraph', text: 'Body.' }],
};
const words = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor ';

// Each case: the `article` option (object or JSON text) and what the test expects.
const CASES = {
  'invalid-json': () => '{"url": "https://news.example/a", "title": "unterminated',
  'invalid-json-trailing-comma': () => '{"url": "https://news.example/a", "title": "T", "published": "2026-01-01", "body": [],}',
  'invalid-json-single-quotes': () => "{'url': 'https://news.example/a'}",
  'invalid-json-nan': () => '{"url": "https://news.example/a", "title": NaN, "published": "2026-01-01", "body": []}',
  'invalid-json-garbage': () => `{${'\u0000\u0001\uFFFF<>'.repeat(1000)}`,
  'deep-nesting': () => `{"body": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  'wrong-types': () => ({ url: 5, title: ['T'], dek: {}, published: 20261201, authors: 'nobody', tags: 'a,b', image: 'x.png', body: 'text' }),
  'wrong-block-types': () => ({ ...base, body: [7, null, 'p', [], { type: 5 }, { type: 'heading', level: '2', text: 1 }, { type: 'list', items: [1, {}] }] }),
  'missing-everything': () => ({}),
  'empty-body': () => ({ ...base, body: [] }),
  '10k-blocks': () => ({
    ...base,
    body: Array.from({ length: 10_000 }, (_, i) => (i % 10 === 0
      ? { type: 'heading', level: 2 + (i % 3), text: `Heading ${i}` }
      : i % 10 === 5 ? { type: 'list', items: [`item ${i}a`, `item ${i}b`] } : { type: 'paragraph', text: `Paragraph ${i}: *some* **text** [link](https://news.example/${i}).` })),
  }),
  '10mb-article': () => {
    const para = words.repeat(Math.ceil(10_000 / words.length)).slice(0, 10_000);
    return JSON.stringify({ ...base, body: Array.from({ length: 1050 }, (_, i) => ({ type: 'paragraph', text: `${i} ${para}` })) });
  },
  '10mb-one-paragraph': () => JSON.stringify({ ...base, body: [{ type: 'paragraph', text: words.repeat(Math.ceil(10_485_760 / words.length)) }] }),
  // Inline markup on every word: 10 MB of it asks for 2.2 million elements in one paragraph.
  '10mb-dense-markup': () => JSON.stringify({ ...base, body: [{ type: 'paragraph', text: '*a* _b_ [c](d) `e` '.repeat(550_000) }] }),
  '10mb-invalid': () => `{"title": "${'x'.repeat(10 * 1024 * 1024)}`,
  unicode: () => ({
    ...base,
    title: 'Emoji 👩🏽‍💻🏳️‍🌈🇺🇦 RTL עברית العربية combining Z̸̡̢͎̈́a̶̛̤l̷̢̈g̵̱̈o̶̞͐ e\u0301\u0302\u0303',
    dek: '\u202Eevil override\u202C \u200F\u200E\u2066isolate\u2069 \uFEFFbom \u0000nul',
    lang: 'ar',
    dir: 'rtl',
    authors: [{ name: 'مؤلف 作者 👩‍🔬', bio: 'سيرة *ذاتية* 😀' }],
    tags: ['😀', 'עברית', 'Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳'],
    body: [
      { type: 'paragraph', text: 'مرحبا بالعالم *مرحبا* 👋🏿 [رابط](https://news.example/ar)' },
      { type: 'heading', text: 'שלום עולם' },
      { type: 'quote', text: '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} family', attribution: '𝓣𝓮𝓼𝓽' },
      { type: 'list', items: ['ą̷̧̛̗̺̗͍̯̱͈̐̏̋̈́̈̊̑͗͛̕ͅ', '\u0915\u094D\u0937', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'] },
      { type: 'preformatted', text: '  ┌─┐\n  │字│\n  └─┘\t\u00A0' },
    ],
  }),
};

await init();
const q = new URLSearchParams(location.search);
const el = document.getElementById('article');
let options;
if (q.get('case')) {
  const made = CASES[q.get('case')];
  if (!made) throw new Error(`unknown case ${q.get('case')}`);
  const t0 = performance.now();
  const article = made();
  host.buildMs = performance.now() - t0;
  options = { article, share: false };
} else if (q.get('src')) {
  options = { src: q.get('src'), share: false };
} else {
  options = {
    src: '../../../www/articles/kaspersky-reputation.json',
    share: false,
    comments: { endpoint: q.get('endpoint'), thread: q.get('thread') ?? '/t', load: q.get('load') ?? 'eager' },
  };
}
// Mounting is timed from here; `ready` settles when the article (or the error box) is shown.
host.mountAt = performance.now();
window.folio = mount(el, options);
window.folio.ready.then(() => { host.settledAt = performance.now(); }, () => { host.settledAt = performance.now(); });
