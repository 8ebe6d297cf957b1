//! Folio's browser edge: the thin layer that touches `web-sys`.
//!
//! - [`dom`] turns the core's view trees into DOM nodes, owns listeners and observers, and
//!   talks to the page's `fetch`, storage and `Intl` through small JS files (`js/`).
//! - [`widget`] is one mounted instance (the article, the share bar and a comment section),
//!   generic over its [`widget::Edition`]: the in-process comment section with the
//!   stylesheet built in ([`widget::InProcess`], what the browser tests run), or the loader
//!   of the separate comments module with the stylesheet fetched as a file
//!   ([`widget::Split`], what pages download).
//! - [`api`] is `mount` and its handle as Rust functions; the wasm modules
//!   (`crates/wasm-core`, `crates/wasm-comments`) put the `#[wasm_bindgen]` exports on top.
//!
//! Every decision that does not need a browser lives in the pure core (the `folio` crate,
//! the repository's `src/`); `ARCHITECTURE.md` has the whole picture.

#![deny(missing_docs)]

pub mod api;
pub mod dom;
pub mod widget;

/// The allocator of both modules: `folio::heap`'s size classes over the wasm memory, a few
/// hundred bytes of wasm (dlmalloc, Rust's default, is ~3 KB gzip more).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: folio::heap::Bins<WasmMemory> = folio::heap::Bins::new(WasmMemory);

/// The wasm module's own memory, grown page by page.
#[cfg(target_arch = "wasm32")]
struct WasmMemory;

#[cfg(target_arch = "wasm32")]
impl folio::heap::Grow for WasmMemory {
    fn grow(&self, pages: usize) -> Option<usize> {
        match core::arch::wasm32::memory_grow(0, pages) {
            usize::MAX => None,
            old => Some(old * folio::heap::PAGE),
        }
    }
}
