// Instrumentation for tests: counts live event listeners, observers and timers, so a test
// can check that removing a widget releases everything it held. Loaded before Folio.
(() => {
  const live = { listeners: 0, intersection: 0, mutation: 0, timeouts: 0 };
  window.folioLive = live;
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  const seen = new WeakMap();
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    const key = `${type}:${!!(opts && (opts === true || opts.capture))}`;
    let set = seen.get(this);
    if (!set) seen.set(this, (set = new Map()));
    const fns = set.get(key) ?? new Set();
    if (fn && !fns.has(fn)) { fns.add(fn); live.listeners++; }
    set.set(key, fns);
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    const key = `${type}:${!!(opts && (opts === true || opts.capture))}`;
    const fns = seen.get(this)?.get(key);
    if (fns?.delete(fn)) live.listeners--;
    return remove.call(this, type, fn, opts);
  };
  for (const [name, field] of [['IntersectionObserver', 'intersection'], ['MutationObserver', 'mutation']]) {
    const Original = window[name];
    window[name] = class extends Original {
      #on = false;
      observe(...args) { if (!this.#on) { this.#on = true; live[field]++; } return super.observe(...args); }
      disconnect() { if (this.#on) { this.#on = false; live[field]--; } return super.disconnect(); }
    };
  }
  const timers = new Set();
  const setT = window.setTimeout;
  const clearT = window.clearTimeout;
  window.setTimeout = function (fn, ms, ...rest) {
    const id = setT.call(window, (...a) => { if (timers.delete(id)) live.timeouts--; return typeof fn === 'function' ? fn(...a) : undefined; }, ms, ...rest);
    timers.add(id); live.timeouts++;
    return id;
  };
  window.clearTimeout = function (id) { if (timers.delete(id)) live.timeouts--; return clearT.call(window, id); };
})();
