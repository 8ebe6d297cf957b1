// What a rendered widget does on the page with no Rust, by the data attributes its view
// carries. One file for both modules and both paths:
// - the share bar's clicks, the native-share button and the page's own theme mirrored
//   onto the host (`wire`, `revealShare`, `event`): the core's wasm imports them for what
//   it renders, and js/element.js bundles them for folio-render's markup (HTML-first, no
//   wasm);
// - keeping the comment the reader is looking at where it is on screen while new comments
//   are put in above it (`anchor`, `steady`; browsers without scroll anchoring would let
//   it jump): the comments module's.
// wasm-bindgen copies this file to pkg/snippets/*/js/; scripts/minify.mjs writes what each
// glue uses of it into that glue.

/** Dispatches `name` on `host`, out of the shadow root. */
export const event = (host, name, detail) => host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));

/**
 * Wires `root` (the widget's shadow root) for `host` until the returned function is called:
 * - one delegated `click` listener handles every share control (`data-folio-share`) and
 *   dispatches `folio-share` (detail `{network, url}`) on the host;
 * - copy: the async Clipboard API, called in the click so the user activation holds, and
 *   the button's `data-folio-copied` in the bar's live region; when the API is missing or
 *   refused, the read-only link field is shown, focused and selected, with
 *   `data-folio-copy-failed`;
 * - native share: `navigator.share` in the click; a cancel is the reader's choice;
 * - popup links: a ~600x500 window opened empty, cut off from this page (`opener = null`),
 *   then sent to the link; when it is blocked, the link's own `target="_blank"`
 *   navigation goes ahead;
 * - `<html data-theme="dark|light">` or a `dark`/`light` class on `<html>` becomes
 *   `data-folio-page-theme` on the host (the stylesheet follows it when the widget's theme
 *   is `auto`), watched while wired.
 */
export const wire = (root, host) => {
  const click = (e) => {
    const control = e.target.closest?.('[data-folio-share]');
    if (!control) return;
    const data = control.dataset;
    const url = control.getAttribute('href') ?? data.url ?? '';
    // With a bar above and below the article, act on the bar that was clicked.
    const bar = control.closest('.folio-share') ?? control;
    const say = (message) => {
      const live = bar.querySelector('[data-folio-live=share]');
      // Cleared first, so the same message twice is announced twice.
      if (live) { live.textContent = ''; live.textContent = message; }
    };
    if (data.folioAction === 'copy') {
      Promise.resolve(navigator.clipboard?.writeText(url) ?? Promise.reject()).then(() => say(data.folioCopied), () => {
        const field = bar.querySelector('[data-folio-copy-field]');
        if (field) { field.hidden = false; field.focus(); field.select(); }
        say(data.folioCopyFailed);
      });
    } else if (data.folioAction === 'native-share') {
      navigator.share?.({ url: data.url, title: data.title }).catch(() => {});
    } else if (control.hasAttribute('data-folio-popup')) {
      // A window opened with `noopener` comes back as null whether it opened or not: so
      // it is opened empty and cut off by hand.
      const opened = open('about:blank', '_blank', 'popup,width=600,height=500');
      if (opened) {
        opened.opener = null;
        try { opened.location.replace(url); e.preventDefault(); } catch { opened.close(); }
      }
    }
    event(host, 'folio-share', { network: data.folioShare, url });
  };
  root.addEventListener('click', click);
  revealShare(root);

  const html = document.documentElement;
  const theme = () => {
    const set = html.dataset.theme?.trim();
    const classes = html.classList;
    const value = set === 'dark' || set === 'light' ? set : classes.contains('dark') ? 'dark' : classes.contains('light') ? 'light' : null;
    value ? host.setAttribute('data-folio-page-theme', value) : host.removeAttribute('data-folio-page-theme');
  };
  theme();
  const watcher = new MutationObserver(theme);
  watcher.observe(html, { attributes: true, attributeFilter: ['class', 'data-theme'] });
  return () => {
    root.removeEventListener('click', click);
    watcher.disconnect();
    host.removeAttribute('data-folio-page-theme');
  };
};

/** Un-hides each native-share button of `root` (and its list item) where the browser can
 * share its URL and title; they are drawn hidden. */
export const revealShare = (root) => {
  for (const button of root.querySelectorAll('[data-folio-action=native-share]')) {
    if (navigator.canShare?.({ url: button.dataset.url, title: button.dataset.title })) button.hidden = button.parentElement.hidden = false;
  }
};

/** `[id, top]` of the comment of `root` the reader is looking at: the first that starts on
 * screen, else the one that fills it; `null` when none is on screen. */
export const anchor = (root) => {
  let at = null;
  for (const a of root.querySelectorAll('article[id]')) {
    const { top, bottom } = a.getBoundingClientRect();
    if (bottom <= 0) continue;
    if (top >= innerHeight) break;
    at = [a.id, top];
    if (top >= 0) break;
  }
  return at;
};

/** Scrolls by as much as the comment `anchor` found has moved, and focuses the first of
 * the comments just put in (marked `data-folio-fresh`, a mark it takes away) without
 * scrolling to it. */
export const steady = (root, at) => {
  const a = at && root.querySelector(`#${CSS.escape(at[0])}`);
  if (a) scrollBy(0, a.getBoundingClientRect().top - at[1]);
  const fresh = root.querySelectorAll('[data-folio-fresh]');
  fresh[0]?.focus({ preventScroll: true });
  for (const f of fresh) f.removeAttribute('data-folio-fresh');
};
