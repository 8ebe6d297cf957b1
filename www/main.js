// The demo shell: load the package, mount the seed article with its share bar and the
// comments from the Isso server that scripts/demo starts (override with ?isso=URL).
import init, { mount } from '../pkg/folio.js';

const isso = new URLSearchParams(location.search).get('isso') ?? 'http://127.0.0.1:8080';
await init();
const folio = mount(document.getElementById('article'), {
  src: new URL('./articles/kaspersky-reputation.json', import.meta.url).href,
  share: { networks: ['x', 'facebook', 'linkedin', 'google+', 'bluesky', 'mastodon', 'reddit', 'hackernews', 'email', 'copy', 'native'] },
  comments: { endpoint: isso, thread: '/www/articles/kaspersky-reputation' },
});
folio.ready.then(
  () => console.info('Folio ready'),
  (error) => console.warn(`Folio could not render (${error.code}): ${error.message}`),
);
