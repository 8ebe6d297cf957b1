import init, { mount } from '../../../pkg/folio.js';

await init();
const folio = mount(document.getElementById('article'), { article: '{"title": "unterminated' });
try {
  await folio.ready;
} catch (error) {
  document.getElementById('after').textContent = `host script still ran: ${error.code}`;
}
