import init, { mount } from '../../../pkg/folio.js';

await init();
window.shares = [];
document.addEventListener('folio-share', (e) => window.shares.push(e.detail.network));
mount(document.getElementById('article'), {
  src: '../../../www/articles/kaspersky-reputation.json',
  share: { popup: true, utm: { source: 'folio', medium: 'share' } },
});
