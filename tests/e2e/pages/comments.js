// Mounts the seed article with comments from the Isso server named in the query string:
// ?isso=http://127.0.0.1:PORT&thread=/t&load=lazy|eager&spacer=PIXELS[&backend=waline|json]
// [&authorHashes=HASHES][&every=SECONDS (newCommentsEvery)]
import init, { mount } from '../../../pkg/folio.js';

const q = new URLSearchParams(location.search);
await init();
// ?spacer=N puts N pixels above the widget, so the comment section starts far below the fold.
if (q.get('spacer')) {
  const spacer = document.createElement('div');
  spacer.style.height = `${Number(q.get('spacer'))}px`;
  document.querySelector('main').prepend(spacer);
}
window.folioEvents = [];
for (const name of ['folio-ready', 'folio-comments-loaded', 'folio-comment-posted', 'folio-error']) {
  document.addEventListener(name, (e) => window.folioEvents.push([name, e.detail]));
}
window.folio = mount(document.getElementById('article'), {
  src: '../../../www/articles/kaspersky-reputation.json',
  share: false,
  comments: {
    endpoint: q.get('isso'),
    thread: q.get('thread') ?? '/t',
    load: q.get('load') ?? 'lazy',
    ...(q.get('backend') ? { backend: q.get('backend') } : {}),
    ...(q.get('authorHashes') ? { authorHashes: q.get('authorHashes') } : {}),
    ...(q.get('every') ? { newCommentsEvery: Number(q.get('every')) } : {}),
  },
});
