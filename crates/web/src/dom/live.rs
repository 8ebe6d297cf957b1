//! The page as the comment section's checks for new comments need it: whether it is
//! visible. (Holding the reader's place while comments are put in above what they are
//! reading is `anchor` and `steady` of [`super::page`].)

/// Whether the page is hidden (a background tab, a minimised window).
pub fn hidden() -> bool {
    super::document().is_ok_and(|d| super::string_property(&d, "visibilityState") == "hidden")
}
