//! Folio: an embeddable news article widget.
//!
//! The crate is layered, bottom to top (`ARCHITECTURE.md` in the repository has the whole
//! picture, the data flow of a render and of a comment post, and what each directory owns):
//!
//! - **Ground** (pure): [`json`] reads JSON, [`date`], [`percent`], [`plural`], [`view`] is
//!   the view tree with the one URL allowlist and the one HTML writer; [`heap`] is the wasm
//!   modules' allocator, over memory the edge grows.
//! - **Domain** (pure): [`article`] (model, validation, article -> view tree), [`share`]
//!   (share links), [`comments`] (comment model, sanitizing rules, backends), [`error`].
//! - **Words and composition** (pure): [`i18n`] gathers the domains' text tables;
//!   [`compose`] is what one widget draws.
//! - **Edge** (browser only), the workspace's other crates: `crates/web` (`folio-web`)
//!   turns view trees into DOM nodes, owns listeners and runs one mounted widget;
//!   `crates/wasm-core` and `crates/wasm-comments` are the two wasm modules' exports.
//!
//! This crate has no dependencies: everything in it builds and tests natively with `cargo
//! test`; `node scripts/layers.mjs` fails on an import cycle between modules.

#![deny(missing_docs)]

pub mod article;
pub mod comments;
pub mod compose;
pub mod date;
pub mod error;
pub mod heap;
pub mod i18n;
pub mod json;
pub mod options;
pub mod percent;
pub mod plural;
pub mod search;
pub mod share;
pub mod view;

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
