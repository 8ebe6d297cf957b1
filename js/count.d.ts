/** Comment counts for index pages: `<folio-count>` and two functions, with no WebAssembly. */

/** The comment counts of `threads` on one server, in order, in one request (Isso's
 * `POST /count`, the JSON contract's, or Waline's `GET /api/comment?type=count`); `null` for a
 * value that is not a count. */
export function counts(endpoint: string, threads: string[], backend?: 'isso' | 'json' | 'waline'): Promise<(number | null)[]>;

/** "12 comments" in the language `lang` (English when Folio has no table for it). */
export function countText(n: number, lang?: string): Promise<string>;

/** `<folio-count thread="/a" endpoint="https://comments.example" [backend="json|waline"]>`: its
 * text becomes "12 comments" (with `data-folio-count` and `data-folio-state="ready"`, or
 * `data-folio-state="error"`, keeping its own content). Defined when the module loads. */
export class FolioCount extends HTMLElement {}

declare global {
  interface HTMLElementTagNameMap {
    'folio-count': FolioCount;
  }
}
