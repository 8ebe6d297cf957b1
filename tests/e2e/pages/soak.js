// The soak page (tests/e2e/soak.test.mjs, bench/soak): counts what Folio leaves on the page.
// Before Folio loads it wraps addEventListener/removeEventListener (on DOM nodes and the
// window; AbortSignals are per request and go with it) and the observers' observe/
// disconnect, so window.live() can say how many listeners and observing observers exist.
// window.soak({ cycles, together, endpoint }) then mounts, updates and destroys a widget
// `cycles` times, and holds `together` widgets at once before destroying them all.
const listeners = new Map(); // target -> Set of "type|capture" + listener identity
const ids = new WeakMap();
let nextId = 0;
const idOf = (f) => { if (!ids.has(f)) ids.set(f, ++nextId); return ids.get(f); };
const counted = (target) => target instanceof Node || target === window;
const key = (type, f, options) => `${type}|${typeof options === 'boolean' ? options : !!options?.capture}|${idOf(f)}`;
const add = EventTarget.prototype.addEventListener;
const remove = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (type, f, options) {
  if (f && counted(this) && !options?.once) {
    if (!listeners.has(this)) listeners.set(this, new Set());
    listeners.get(this).add(key(type, f, options));
  }
  return add.call(this, type, f, options);
};
EventTarget.prototype.removeEventListener = function (type, f, options) {
  if (f && counted(this)) {
    const set = listeners.get(this);
    set?.delete(key(type, f, options));
    if (set && !set.size) listeners.delete(this);
  }
  return remove.call(this, type, f, options);
};
const observing = new Set();
for (const Observer of [window.IntersectionObserver, window.MutationObserver, window.ResizeObserver].filter(Boolean)) {
  const observe = Observer.prototype.observe;
  const disconnect = Observer.prototype.disconnect;
  Observer.prototype.observe = function (...args) { observing.add(this); return observe.apply(this, args); };
  Observer.prototype.disconnect = function () { observing.delete(this); return disconnect.call(this); };
}

/** Listeners (on nodes and the window) and observers that observe something, now. */
window.live = () => ({ listeners: [...listeners.values()].reduce((n, s) => n + s.size, 0), observers: observing.size });

const { default: init, mount } = await import('../../../pkg/folio.js');
const wasm = await init();
/** A module's memory among its exports (the build gives exports short names). */
const memoryOf = (exports) => Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
window.wasmBytes = () => memoryOf(wasm).buffer.byteLength;
const article = await (await fetch('../../../www/articles/kaspersky-reputation.json')).text();
const edited = article.replace('Kaspersky Lab Defends Its Reputation Against Allegations', 'Updated headline');

/** Loads `folio`'s comments now and waits until they are on screen (at most 10 s). */
const loaded = (host, folio) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('comments did not load')), 10_000);
  host.addEventListener('folio-comments-loaded', () => { clearTimeout(timer); resolve(); }, { once: true });
  folio.loadComments();
});
let comments;
/** The comments module's wasm memory, once a section has loaded it. */
window.commentsWasmBytes = () => (comments ? memoryOf(comments).buffer.byteLength : 0);

window.soak = async ({ cycles, together, endpoint }) => {
  const area = document.getElementById('area');
  const options = (i) => ({
    article,
    share: { networks: ['x', 'linkedin', 'email', 'copy', 'native'] },
    comments: { endpoint, thread: `/soak/${i % 5}` },
  });
  for (let i = 0; i < cycles; i++) {
    const host = area.appendChild(document.createElement('div'));
    const folio = mount(host, options(i));
    await folio.ready;
    // Every tenth widget runs its comment section in the comments module first.
    if (i % 10 === 0) {
      await loaded(host, folio);
      comments ??= await (await import('../../../pkg/folio_comments.js')).default();
    }
    await folio.update({ ...options(i), article: edited });
    folio.destroy();
    host.remove();
    // A page's event loop turns between mounts; here every 100 cycles, so that the garbage
    // collector's finalizers (which free the handles' wasm memory) get to run at all.
    if (i % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const held = [];
  for (let i = 0; i < together; i++) {
    const host = area.appendChild(document.createElement('div'));
    held.push([host, mount(host, options(i))]);
  }
  await Promise.all(held.map(([, folio]) => folio.ready));
  await Promise.all(held.map(([host, folio]) => loaded(host, folio)));
  const during = window.live();
  for (const [host, folio] of held) { folio.destroy(); host.remove(); }
  return { during };
};
window.soakReady = true;
