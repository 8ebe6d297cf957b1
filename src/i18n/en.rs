//! English, the fallback: the English tables of the article ([`ArticleText::EN`]), the
//! share bar ([`ShareText::EN`]) and the comments ([`crate::comments::text::EN`]), which
//! their own modules hold.

use super::{Direction, Locale};
use crate::article::ArticleText;
use crate::share::ShareText;

/// English, the fallback when no other table matches.
pub static EN: Locale = Locale {
    tag: "en",
    dir: Direction::Ltr,
    article: ArticleText::EN,
    share: ShareText::EN,
    comments: crate::comments::text::EN,
};
