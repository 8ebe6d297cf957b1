// Runs (as a classic script) before module scripts: remembers the pre-rendered first
// comment node, so a test can tell adoption (same node) from a second render, and records
// every folio-comments-loaded event.
window.firstComment = document.querySelector('folio-article')?.shadowRoot?.querySelector('article[data-folio-comment-id]') ?? null;
window.commentsLoaded = [];
document.addEventListener('folio-comments-loaded', (e) => window.commentsLoaded.push(e.detail));
