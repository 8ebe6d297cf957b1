// bench/render's Folio page: the seed article with every comment of the thread, loaded at
// once (load: 'eager', one page of up to 1,000 top-level comments, with up to 5 replies of
// each, as Isso's client draws them). Thread /thread (as in isso.html); ?expect=1000: the
// number of comment elements that means "all rendered".
const q = new URLSearchParams(location.search);
const expected = Number(q.get('expect') ?? 1000);
const host = document.getElementById('article');
__bench.mark('module-start');
const { default: init, mount } = await import('../../pkg/folio.js');
const wasm = await init();
__bench.mark('init-done');
/** A module's memory among its exports (the build gives exports short names). */
const memoryOf = (exports) => Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
let commentsMemory;
host.addEventListener('folio-comments-loaded', async () => {
  commentsMemory = memoryOf(await (await import('../../pkg/folio_comments.js')).default());
}, { once: true });
/** The linear memory of both modules: the core's and, once the list is in, the comments module's. */
__bench.wasmBytes = () => memoryOf(wasm).buffer.byteLength + (commentsMemory?.buffer.byteLength ?? 0);
// mount() attaches the shadow root and sets data-folio-state="loading" in the same step:
// that attribute change says the root is there to watch.
const start = () => {
  __bench.watch('h1', host.shadowRoot, 'h1', 1);
  __bench.watch('comments', host.shadowRoot, 'article[data-folio-comment-id]', expected);
};
const hostMo = new MutationObserver(() => { if (host.shadowRoot) { hostMo.disconnect(); start(); } });
hostMo.observe(host, { attributes: true });
window.folio = mount(host, {
  src: '../../www/articles/kaspersky-reputation.json',
  share: false,
  comments: { endpoint: host.dataset.isso, thread: '/thread', load: 'eager', pageSize: 1000 },
});
