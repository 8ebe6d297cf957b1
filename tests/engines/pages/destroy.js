// Two widgets through the JS API, comments from the page's own origin (/isso, proxied to
// Isso): `a` loads its comments at once, `b` (far below) only when scrolled near. The
// test destroys both and checks that nothing is left and nothing more is requested.
import init, { mount } from '../../../pkg/folio.js';

const article = new URL('../../../www/articles/kaspersky-reputation.json', import.meta.url).href;
await init();
window.widgets = {
  a: mount(document.getElementById('a'), { src: article, comments: { endpoint: '/isso', thread: '/engines/destroy-a', load: 'eager' } }),
  b: mount(document.getElementById('b'), { src: article, comments: { endpoint: '/isso', thread: '/engines/destroy-b' } }),
};
