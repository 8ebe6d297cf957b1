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

/// The stylesheet shipped inside the package, adopted into every widget's shadow root:
/// `src/style.css` minified by `build.rs`.
pub const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));

#[cfg(test)]
mod stylesheet_tests {
    use super::STYLESHEET;

    /// `build.rs` only drops what CSS ignores: every rule and declaration of the source
    /// is still there, strings untouched.
    #[test]
    fn the_minified_stylesheet_keeps_every_rule() {
        let source = include_str!("style.css");
        let mut uncommented = String::new();
        for (i, part) in source.split("/*").enumerate() {
            uncommented.push_str(if i == 0 { part } else { part.split_once("*/").map_or("", |(_, rest)| rest) });
        }
        assert!(!STYLESHEET.contains("/*") && !STYLESHEET.contains('\n'));
        assert!(STYLESHEET.len() < source.len() * 9 / 10, "{} of {}", STYLESHEET.len(), source.len());
        for c in ['{', '}', ':', '(', '"'] {
            assert_eq!(STYLESHEET.matches(c).count(), uncommented.matches(c).count(), "{c}");
        }
        assert!(STYLESHEET.contains(r#"content:"— ""#));
        assert!(STYLESHEET.contains(".folio-byline>*+*::before{") || STYLESHEET.contains(".folio-byline > * + *::before{"));
    }
}
