//! What a build's widget runs beside the article and the share bar: its comment section
//! and its stylesheet. A wasm module names one edition, and only that edition's code is
//! linked into it.

use wasm_bindgen::JsValue;
use web_sys::ShadowRoot;

use super::section::Section;
use super::{comments, comments_loader};
use crate::dom::style;

/// A widget's comment section and stylesheet.
pub trait Edition: 'static {
    /// The comment section.
    type Section: Section;

    /// Adopts Folio's stylesheet into a widget's shadow root.
    fn adopt_style(root: &ShadowRoot) -> Result<(), JsValue>;
}

/// What an edition's eager section starts at mount time.
pub type Prefetch<E> = <<E as Edition>::Section as Section>::Prefetch;

/// The comment section in this module and the stylesheet built into the wasm: the
/// browser tests' widget, whose runner serves neither a second module nor `folio.css`.
pub struct InProcess;

/// The loader of the separate comments module and the stylesheet fetched as `folio.css`
/// (`js/style.js`): what pages download (`crates/wasm-core`).
pub struct Split;

impl Edition for InProcess {
    type Section = comments::CommentSection;

    fn adopt_style(root: &ShadowRoot) -> Result<(), JsValue> {
        style::adopt_built_in(root)
    }
}

impl Edition for Split {
    type Section = comments_loader::CommentSection;

    fn adopt_style(root: &ShadowRoot) -> Result<(), JsValue> {
        style::adopt_fetched(root);
        Ok(())
    }
}
