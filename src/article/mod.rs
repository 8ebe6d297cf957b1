//! The article: its model, validation from JSON with paths, the inline text syntax, and
//! rendering to a view tree. Pure: no DOM, no I/O.

use std::fmt;

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

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}
