// What the comment section needs of the page to show new comments while the reader is
// there: keeping the comment the reader is looking at where it is on screen while
// comments are put in above it (browsers without scroll anchoring would let it jump).
// wasm-bindgen copies this file to pkg/snippets/*/js/; scripts/minify.mjs writes it into
// the comments module's glue.

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
