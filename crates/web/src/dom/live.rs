//! The page as the comment section's checks for new comments need it: whether it is
//! visible, and holding the reader's place while comments are put in above what they are
//! reading (`anchor` and `steady` of `js/page.js`).

/// Whether the page is hidden (a background tab, a minimised window).
pub fn hidden() -> bool {
    super::document().is_ok_and(|d| super::string_property(&d, "visibilityState") == "hidden")
}

/// Where the reader is, and holding it (`js/page.js`).
pub use super::page::{anchor, steady};
