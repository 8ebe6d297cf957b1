// Stands in for what an engine lacks or refuses, before Folio's element script runs: a
// native share sheet (headless Chromium, Firefox on Linux and WebKitGTK have none; each
// call is recorded in window.shared) and a clipboard that refuses to be written.
window.shared = [];
Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: () => true });
Object.defineProperty(Navigator.prototype, 'share', {
  configurable: true,
  value: async (data) => { window.shared.push({ url: data.url, title: data.title }); },
});
Object.defineProperty(Clipboard.prototype, 'writeText', {
  configurable: true,
  value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
});
