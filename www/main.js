// The demo shell: load the package, mount the seed article, report the outcome.
import init, { mount } from '../pkg/folio.js';

await init();
const host = document.getElementById('article');
const folio = mount(host, { src: new URL('./articles/kaspersky-reputation.json', import.meta.url).href });
folio.ready.then(
  () => console.info('Folio ready'),
  (error) => console.warn(`Folio could not render (${error.code}): ${error.message}`),
);
