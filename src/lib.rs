//! Folio: an embeddable news article widget.
//!
//! The crate is layered, bottom to top (`ARCHITECTURE.md` in the repository has the whole
//! picture, the data flow of a render and of a comment post, and what each directory owns):
//!
//! - **Ground** (pure): [`json`] reads JSON, [`date`], [`percent`], [`plural`], [`view`] is
//!   the view tree with the one URL allowlist and the one HTML writer.
//! - **Domain** (pure): [`article`] (model, validation, article -> view tree), [`share`]
//!   (share links), [`comments`] (comment model, sanitizing rules, backends), [`error`].
//! - **Words and composition** (pure): [`i18n`] gathers the domains' text tables;
//!   [`compose`] is what one widget draws.
//! - **Edge** (browser only): `dom` turns view trees into DOM nodes and owns listeners;
//!   `widget` is one mounted instance; the `api` module is the wasm-bindgen surface
//!   (`comments_api` that of the separate comments module, feature `comments-module`).
//!
//! Everything in the pure layers builds and tests natively with `cargo test`; `node
//! scripts/layers.mjs` fails on an import cycle between modules.

#![deny(missing_docs)]

pub mod article;
pub mod comments;
pub mod compose;
pub mod date;
pub mod error;
pub mod i18n;
pub mod json;
pub mod options;
pub mod percent;
pub mod plural;
pub mod search;
pub mod share;
pub mod view;

// The wasm builds (see Cargo.toml [features]): without features, the whole widget
// (`mount`); `split-core`, the same with the comment section loaded from a second module;
// `comments-module`, that second module (`startComments`) and nothing else.
#[cfg(all(target_arch = "wasm32", not(feature = "comments-module")))]
mod api;
#[cfg(all(target_arch = "wasm32", not(feature = "comments-module")))]
pub use api::{mount, Folio};
#[cfg(all(target_arch = "wasm32", feature = "comments-module"))]
mod comments_api;
#[cfg(target_arch = "wasm32")]
// Each split build uses a part of the browser edge (the rest is left out of its wasm).
#[cfg_attr(any(feature = "split-core", feature = "comments-module"), allow(dead_code))]
mod dom;
#[cfg(target_arch = "wasm32")]
#[cfg_attr(feature = "comments-module", allow(dead_code))]
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
        assert!(
            STYLESHEET.contains(".folio-byline>*+*::before{") || STYLESHEET.contains(".folio-byline > * + *::before{")
        );
    }
}
