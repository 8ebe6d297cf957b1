//! Folio: an embeddable news article widget.
//!
//! The crate is layered, bottom to top (see `../shared/DESIGN.md`):
//!
//! - **Ground** (pure): [`json`] reads JSON, [`view`] is the view tree with the one URL
//!   allowlist and the one HTML writer, [`error`] the typed errors.
//! - **Domain** (pure): [`article`] (model, validation, article -> view tree), [`share`]
//!   (share links), [`comments`] (comment model, sanitizing rules, backends).
//! - **Edge** (browser only): `dom` turns view trees into DOM nodes and owns listeners;
//!   `widget` is one mounted instance; the `api` module is the wasm-bindgen surface.
//!
//! Everything in the pure layers builds and tests natively with `cargo test`.

#![deny(missing_docs)]

pub mod article;
pub mod comments;
pub mod compose;
pub mod date;
pub mod error;
pub mod i18n;
pub mod json;
pub mod options;
pub mod share;
pub mod view;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
pub use api::{mount, Folio};
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod widget;

/// A smaller allocator than the default dlmalloc (about 3 KB gzip less wasm); it grows the
/// wasm memory as needed.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The stylesheet shipped inside the package, adopted into every widget's shadow root.
pub const STYLESHEET: &str = include_str!("style.css");
