//! Folio's error type: one enum for everything a page, a server or a config can make fail,
//! each variant with a stable `code` that the wasm boundary puts on the JS `Error`.
//!
//! Messages say what the host or reader can do about the failure. Nothing here panics.

use std::fmt;

use crate::article::Problem;
use crate::json::SyntaxError;

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
        }
    }

    /// A one-line summary for a heading ("The article could not be read").
    pub fn title(&self) -> &'static str {
        match self {
            Error::Options(_) => "Folio is not set up correctly",
            Error::ArticleSyntax(_) => "The article is not valid JSON",
            Error::ArticleInvalid(_) => "The article has problems",
            Error::Fetch { .. } => "The article could not be loaded",
        }
    }

    /// Detail lines, one per problem, each readable on its own.
    pub fn details(&self) -> Vec<String> {
        match self {
            Error::Options(msg) => vec![msg.clone()],
            Error::ArticleSyntax(e) => vec![e.to_string()],
            Error::ArticleInvalid(problems) => problems.iter().map(Problem::to_string).collect(),
            Error::Fetch { url, status: Some(status) } => {
                vec![format!("{url} answered with HTTP status {status}.")]
            }
            Error::Fetch { url, status: None } => {
                vec![format!("{url} could not be reached (network error, or blocked by CORS or the page's CSP).")]
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())?;
        for (i, d) in self.details().iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            f.write_str(d)?;
        }
        Ok(())
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
}
