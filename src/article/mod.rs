//! The article: its model, validation from JSON with paths, the inline text syntax, dates
//! and reading time, and rendering to a view tree. Pure: no DOM, no I/O.
//!
//! ```
//! let json = r#"{"url": "https://news.example/a", "title": "Hello",
//!                "published": "2017-07-13", "body": [{"type": "paragraph", "text": "Hi *there*."}]}"#;
//! let parsed = folio::article::Article::from_json_text(json).unwrap();
//! assert_eq!(parsed.article.title, "Hello");
//! assert!(parsed.warnings.is_empty());
//! ```

mod inline;
mod parse;
mod render;

use std::fmt;

pub use crate::date::{format_date, DateTime};
pub use inline::{parse_inline, Inline};
pub use parse::Parsed;
pub use render::{reading_minutes, render_article, ArticleText, RenderOptions, DEFAULT_WORDS_PER_MINUTE};

/// A validated news article, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Canonical URL: absolute `http:` or `https:`.
    pub url: String,
    /// Headline (plain text).
    pub title: String,
    /// Optional subtitle / dek (plain text).
    pub dek: Option<String>,
    /// Authors, in byline order. May be empty.
    pub authors: Vec<Author>,
    /// Publication time.
    pub published: DateTime,
    /// Last update, when the article says so.
    pub updated: Option<DateTime>,
    /// Section or kicker ("Security").
    pub section: Option<String>,
    /// Tags (plain text).
    pub tags: Vec<String>,
    /// Lead image.
    pub image: Option<Image>,
    /// BCP 47 language tag, e.g. `"en"`. `None` inherits the page's.
    pub lang: Option<String>,
    /// Text direction.
    pub dir: Option<Direction>,
    /// The body, in order.
    pub body: Vec<Block>,
}

/// An author of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Author {
    /// Display name.
    pub name: String,
    /// Author page (allowlisted when rendered).
    pub url: Option<String>,
    /// Short bio, in the inline syntax.
    pub bio: Option<String>,
    /// Avatar image URL.
    pub avatar: Option<String>,
}

/// An image: the lead image or a figure in the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Image URL.
    pub src: String,
    /// Alternative text; empty for a purely decorative image.
    pub alt: String,
    /// Caption, in the inline syntax.
    pub caption: Option<String>,
    /// Credit line ("Photo: AP").
    pub credit: Option<String>,
}

/// Text direction of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
    /// Let the browser decide from the text.
    Auto,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
            Direction::Auto => "auto",
        }
    }
}

/// One block of the body. Text fields marked "inline" use the inline syntax
/// ([`parse_inline`]); the rest are plain text.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph (inline).
    Paragraph(String),
    /// A heading of level 2, 3 or 4 (inline).
    Heading {
        /// 2, 3 or 4 (the headline is the only level 1).
        level: u8,
        /// Heading text (inline).
        text: String,
    },
    /// A block quote with an optional attribution.
    Quote {
        /// Quoted text (inline). Blank lines separate paragraphs.
        text: String,
        /// Who said it (plain text), shown in `<cite>`.
        attribution: Option<String>,
    },
    /// An ordered or unordered list.
    List {
        /// Numbered (`<ol>`) or bulleted (`<ul>`).
        ordered: bool,
        /// Items (inline).
        items: Vec<String>,
    },
    /// A figure with an image.
    Image(Image),
    /// Preformatted text, shown as is (plain text).
    Preformatted(String),
    /// A thematic break.
    Divider,
}

/// One problem found while validating an article: where (a JSON path such as
/// `body[3].items[0]`) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value; empty for the document itself.
    pub path: String,
    /// What is wrong, e.g. "expected a string, found a number".
    pub message: String,
}

impl Problem {
    /// Creates a problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { path: path.into(), message: message.into() }
    }
}

impl Problem {
    /// "path: message" (just the message at the root), built without `core::fmt`.
    pub fn text(&self) -> String {
        if self.path.is_empty() {
            self.message.clone()
        } else {
            [self.path.as_str(), ": ", self.message.as_str()].concat()
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}
