// The fault suite's host-page instruments, on both of its pages (faults.html, which mounts
// with the core, and the HTML-first page faults.test.mjs writes). The host page's own
// script keeps a timer and a button alive, so the test can tell whether Folio ever blocks
// the page:
//   window.host = { ticks, maxGap (longest gap between 25 ms ticks, ms), clicks }
//   window.folioEvents = [[event name, detail], ...] for Folio's events
// The page has #ping (a button), #pongs and #ticks (outputs).
export const host = (window.host = { ticks: 0, maxGap: 0, clicks: 0, started: performance.now() });
let last = performance.now();
setInterval(() => {
  const now = performance.now();
  host.maxGap = Math.max(host.maxGap, now - last);
  last = now;
  host.ticks += 1;
  document.getElementById('ticks').textContent = String(host.ticks);
}, 25);
document.getElementById('ping').addEventListener('click', () => {
  host.clicks += 1;
  document.getElementById('pongs').textContent = String(host.clicks);
});

window.folioEvents = [];
for (const name of ['folio-ready', 'folio-error', 'folio-comments-loaded', 'folio-comment-posted']) {
  document.addEventListener(name, (e) => window.folioEvents.push([name, e.detail]));
}
