//! English, the fallback. The comment strings are [`crate::comments::text::EN`];
//! [`ArticleText::en`] and [`ShareText::en`] read theirs from here.

use super::plural::{Plural, PluralRule};
use super::{Direction, Locale};
use crate::article::ArticleText;
use crate::share::ShareText;

/// English, the fallback when no other table matches.
pub static EN: Locale = Locale {
    tag: "en",
    dir: Direction::Ltr,
    article: ArticleText {
        by: "By",
        and: "and",
        min_read: Plural::one_other(PluralRule::En, "1 min read", "{n} min read"),
        updated: "Updated",
        about_author: "About the author",
        tags: "Tags",
        loading: "Loading article…",
        err_options: "Folio is not set up correctly",
        err_syntax: "The article is not valid JSON",
        err_invalid: "The article has problems",
        err_fetch: "The article could not be loaded",
        date: "{month} {d}, {y}",
        months: "January|February|March|April|May|June|July|August|September|October|November|December",
    },
    share: ShareText {
        nav_label: "Share this article",
        share_on: "Share on {network}",
        copy_link: "Copy link",
        link_copied: "Link copied",
        copy_failed: "Could not copy. Select the link below and copy it.",
        native_share: "Share\u{2026}",
        native_share_label: "Share",
        link_field_label: "Link to this article",
    },
    comments: crate::comments::text::EN,
};
