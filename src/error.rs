//! Folio's error type: one enum for everything a page, a server or a config can make fail,
//! each variant with a stable `code` that the wasm boundary puts on the JS `Error`.
//!
//! Messages say what the host or reader can do about the failure. Nothing here panics.

use std::fmt;

use crate::article::{ArticleText, Problem};
use crate::json::SyntaxError;
use crate::view::{el, Element};

/// How many detail lines the error box lists before summarising the rest.
pub const MAX_SHOWN_DETAILS: usize = 20;

/// Everything that can go wrong while mounting or rendering a widget.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The options object passed to `mount` is unusable (missing article, wrong type).
    Options(String),
    /// The article text is not valid JSON.
    ArticleSyntax(SyntaxError),
    /// The article JSON parsed but breaks the schema; every problem, with its path.
    ArticleInvalid(Vec<Problem>),
    /// Fetching something (the article URL) failed.
    Fetch {
        /// What was fetched.
        url: String,
        /// The HTTP status, when the server answered at all.
        status: Option<u16>,
    },
    /// The widget was destroyed before it finished rendering.
    Destroyed,
}

impl Error {
    /// A stable machine-readable code, e.g. `"folio/article-invalid"`. Hosts and tests may
    /// match on it; it never changes for a given variant.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Options(_) => "folio/options",
            Error::ArticleSyntax(_) => "folio/article-syntax",
            Error::ArticleInvalid(_) => "folio/article-invalid",
            Error::Fetch { .. } => "folio/fetch",
            Error::Destroyed => "folio/destroyed",
        }
    }

    /// A one-line summary for a heading ("The article could not be read").
    pub fn title(&self) -> &'static str {
        match self {
            Error::Options(_) => "Folio is not set up correctly",
            Error::ArticleSyntax(_) => "The article is not valid JSON",
            Error::ArticleInvalid(_) => "The article has problems",
            Error::Fetch { .. } => "The article could not be loaded",
            Error::Destroyed => "The widget was removed before it finished",
        }
    }

    /// Detail lines, one per problem, each readable on its own.
    pub fn details(&self) -> Vec<String> {
        match self {
            Error::Options(msg) => vec![msg.clone()],
            Error::ArticleSyntax(e) => vec![e.text()],
            Error::ArticleInvalid(problems) => problems.iter().map(Problem::text).collect(),
            Error::Fetch { url, status: Some(status) } => {
                let mut line = [url.as_str(), " answered with HTTP status "].concat();
                crate::date::push_number(&mut line, u32::from(*status));
                line.push('.');
                vec![line]
            }
            Error::Fetch { url, status: None } => {
                vec![[url.as_str(), " could not be reached (network error, or blocked by CORS or the page's CSP)."]
                    .concat()]
            }
            Error::Destroyed => Vec::new(),
        }
    }

    /// The error as the reader sees it inside the widget: a titled alert (the title in the
    /// widget's language) listing the details (at most [`MAX_SHOWN_DETAILS`], then how many
    /// more; details name JSON paths and URLs, so they stay as written).
    pub fn view(&self, t: &ArticleText) -> Element {
        let title = match self {
            Error::Options(_) | Error::Destroyed => t.err_options,
            Error::ArticleSyntax(_) => t.err_syntax,
            Error::ArticleInvalid(_) => t.err_invalid,
            Error::Fetch { .. } => t.err_fetch,
        };
        let details = self.details();
        let mut list = el("ul");
        for d in details.iter().take(MAX_SHOWN_DETAILS) {
            list.push(el("li").text(d.as_str()));
        }
        if details.len() > MAX_SHOWN_DETAILS {
            let mut more = String::from("… and ");
            crate::date::push_number(&mut more, (details.len() - MAX_SHOWN_DETAILS) as u32);
            more.push_str(" more");
            list.push(el("li").text(more));
        }
        el("div")
            .attr("class", "folio-error")
            .attr("role", "alert")
            .attr("part", "error")
            .attr("data-folio-error", self.code())
            .child(el("p").attr("class", "folio-error-title").child(el("strong").text(title)))
            .child_opt((!details.is_empty()).then_some(list))
    }
}

impl Error {
    /// The title and every detail on one line (the JS `Error` message), built without
    /// `core::fmt`.
    pub fn text(&self) -> String {
        let mut out = String::from(self.title());
        for (i, d) in self.details().iter().enumerate() {
            out.push_str(if i == 0 { ": " } else { "; " });
            out.push_str(d);
        }
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl std::error::Error for Error {}

impl From<SyntaxError> for Error {
    fn from(e: SyntaxError) -> Self {
        Error::ArticleSyntax(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable_and_messages_readable() {
        let e = Error::ArticleInvalid(vec![Problem::new("body[3].items[0]", "expected a string, found a number")]);
        assert_eq!(e.code(), "folio/article-invalid");
        assert_eq!(e.to_string(), "The article has problems: body[3].items[0]: expected a string, found a number");
        let f = Error::Fetch { url: "https://a.example/x.json".into(), status: Some(404) };
        assert_eq!(f.details(), vec!["https://a.example/x.json answered with HTTP status 404.".to_string()]);
    }

    #[test]
    fn the_error_box_is_an_alert_listing_details() {
        let many = (0..25).map(|i| Problem::new(format!("body[{i}]"), "<bad>")).collect();
        let html = crate::view::html::to_html(&Error::ArticleInvalid(many).view(&ArticleText::en()).into());
        assert!(html.starts_with(
            r#"<div class="folio-error" role="alert" part="error" data-folio-error="folio/article-invalid">"#
        ));
        assert!(html.contains("<li>body[0]: &lt;bad&gt;</li>"));
        assert!(html.contains("<li>… and 5 more</li>"));
        assert_eq!(html.matches("<li>").count(), 21);
    }
}
