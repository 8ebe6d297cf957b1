// Runs (as a classic script) before module scripts: remembers the pre-rendered headline
// node, so a test can tell adoption (same node) from a second render (a new node).
window.firstHeadline = document.querySelector('folio-article')?.shadowRoot?.querySelector('h1') ?? null;
window.layoutShifts = [];
new PerformanceObserver((list) => window.layoutShifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
