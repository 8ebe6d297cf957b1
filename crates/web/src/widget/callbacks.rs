//! The host's functions for the callbacks backend (`options.comments.list` and `.post`).

/// The host's functions for the callbacks backend. Their results use the JSON contract's
/// shapes and are read by the same parser.
#[derive(Clone)]
pub struct Callbacks {
    /// `list({thread, sort, cursor})` -> `{total, comments, next}`.
    pub list: js_sys::Function,
    /// `post({thread, text, author, email, website, parent, title})` -> `{comment, pending}`.
    pub post: Option<js_sys::Function>,
}
