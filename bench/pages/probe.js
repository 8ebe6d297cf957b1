// Timing probe for the bench pages (a classic script, loaded first). Times are
// performance.now() values: milliseconds since this page's navigation started.
//   __bench.watch(key, root, selector, expected): marks `key:first` when the first node
//     matching `selector` is inside `root` (a subtree, shadow roots included when `root` is
//     one), `key` when `expected` of them are, and `key:frame` after the next frame
//     (requestAnimationFrame, then a task: style, layout and paint of that frame are done).
//   __bench.done: true once every watch has reached its `:frame` mark.
//   __bench.longTasks: the main-thread tasks over 50 ms, as { start, duration } in ms
//     (PerformanceObserver 'longtask', buffered from the page's start).
// A MutationObserver counts; its callback runs once per batch of DOM changes and counts
// only in the nodes that batch added or removed, so a list inserted in many slices costs
// the probe no more than one inserted at once.
(() => {
  const B = (window.__bench = { marks: {}, paints: {}, counts: {}, watching: 0, done: false });
  B.mark = (name) => { if (!(name in B.marks)) B.marks[name] = performance.now(); };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) B.paints[e.name] = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  B.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  B.watch = (key, root, selector, expected) => {
    B.watching++;
    // The matching elements on the page: each counted once, however it came and went.
    const seen = new WeakSet();
    let n = 0;
    const matches = (node) => (node.querySelectorAll ? [...(node.matches?.(selector) ? [node] : []), ...node.querySelectorAll(selector)] : []);
    const check = (records) => {
      for (const r of records ?? [{ addedNodes: [root], removedNodes: [] }]) {
        for (const node of r.removedNodes) for (const e of matches(node)) if (seen.has(e) && !e.isConnected) { seen.delete(e); n--; }
        for (const node of r.addedNodes) for (const e of matches(node)) if (!seen.has(e) && e.isConnected) { seen.add(e); n++; }
      }
      B.counts[key] = n;
      if (n > 0) B.mark(`${key}:first`);
      if (n >= expected && !(key in B.marks)) {
        B.mark(key);
        mo.disconnect();
        requestAnimationFrame(() => setTimeout(() => {
          B.mark(`${key}:frame`);
          if (--B.watching === 0) B.done = true;
        }, 0));
      }
    };
    const mo = new MutationObserver(check);
    mo.observe(root, { childList: true, subtree: true });
    check();
  };
})();
