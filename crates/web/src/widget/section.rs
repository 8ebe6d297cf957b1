//! What a widget asks of its comment section, whichever kind runs it: the in-process one
//! (`comments.rs`) or the loader of the comments module (`comments_loader.rs`).

use web_sys::{AbortSignal, Element};

use folio::comments::config::CommentsConfig;
use folio::i18n::Lang;

use super::callbacks::Callbacks;

/// A running comment section; dropping it stops all of its work.
pub trait Section: Sized {
    /// What an eager section starts at mount time, while the article loads.
    type Prefetch;

    /// Starts an eager section's first work now, when `config` loads eagerly; `signal`
    /// (the widget's) aborts it.
    fn prefetch(
        config: &CommentsConfig,
        callbacks: Option<Callbacks>,
        signal: Option<&AbortSignal>,
    ) -> Option<Self::Prefetch>;

    /// Takes over the placeholder `section` rendered with the article (with the thread and
    /// the title it was drawn for, the host's callbacks, the language of Folio's words and
    /// what [`Section::prefetch`] started) and loads comments when the section nears the
    /// viewport, or at once with `load: "eager"`. An error says why it cannot run.
    #[allow(clippy::too_many_arguments)]
    fn start(
        host: &Element,
        section: Element,
        config: &CommentsConfig,
        thread: String,
        title: String,
        callbacks: Option<Callbacks>,
        lang: Lang,
        prefetched: Option<Self::Prefetch>,
    ) -> Result<Self, String>;

    /// Loads comments now, whatever the viewport (the handle's `loadComments()`).
    fn load_now(&self);
}
