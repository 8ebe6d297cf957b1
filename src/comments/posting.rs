//! What became of the reader's post, read from the server's answer: taken (with what the
//! server stored), stored but not shown (its text must not be sent again), or failed
//! (kept, and maybe sent again: [`retry::after_failure`](super::retry::after_failure)).
//! Pure: the edge sends the post and hands the answer here.

use super::error::CommentsError;
use super::model::Posted;
use super::request::HttpResponse;

/// What became of a post.
// One per post, handed on at once: boxing the accepted comment would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// The server stored it and said what it stored.
    Accepted(Posted),
    /// The server has it but did not show it: its success answer could not be read, or
    /// (`found`) it was already stored (a 409, or an earlier attempt found in the thread).
    /// It must not be sent again.
    Stored {
        /// It was found stored, not inferred from an unreadable answer.
        found: bool,
    },
    /// It failed (maybe worth retrying: see [`CommentsError::is_retryable`]).
    Failed(CommentsError),
}

/// Reads the answer to a post (`answer`, or why there is none) with the backend's reader
/// `parse`:
/// - read: accepted;
/// - a success answer that cannot be read but came from the comment server (see
///   [`came_from_the_server`]): stored;
/// - 409: the server already has this very comment (a browser may send a POST again by
///   itself when its connection drops): stored;
/// - anything else: failed.
pub fn outcome(
    answer: Result<HttpResponse, CommentsError>,
    parse: impl FnOnce(&HttpResponse) -> Result<Posted, CommentsError>,
) -> Outcome {
    let r = match answer {
        Ok(r) => r,
        Err(error) => return Outcome::Failed(error),
    };
    match parse(&r) {
        Ok(posted) => Outcome::Accepted(posted),
        Err(CommentsError::BadResponse { truncated, .. }) if r.is_success() && came_from_the_server(&r, truncated) => {
            Outcome::Stored { found: false }
        }
        Err(CommentsError::Rejected { status: 409, .. }) => Outcome::Stored { found: true },
        Err(error) => Outcome::Failed(error),
    }
}

/// Was an unreadable success answer really the comment server's? "Created" and
/// "Accepted" are, as is a JSON answer, an empty one, or one cut off mid-way (`truncated`:
/// the server started its answer); a 200 HTML page is more likely a captive portal or a
/// misrouted proxy that stored nothing, so the reader's text must stay.
pub fn came_from_the_server(r: &HttpResponse, truncated: bool) -> bool {
    let json = r.header("content-type").is_some_and(|t| crate::search::find(&t.to_ascii_lowercase(), "json").is_some());
    matches!(r.status, 201 | 202) || truncated || json || r.body.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unreadable(truncated: bool) -> impl FnOnce(&HttpResponse) -> Result<Posted, CommentsError> {
        move |_| Err(CommentsError::BadResponse { reason: "not a comment", truncated })
    }

    #[test]
    fn an_unreadable_success_is_stored_only_when_the_comment_server_sent_it() {
        let html = HttpResponse::new(200, "<html>Sign in to the Wi-Fi</html>").with_header("Content-Type", "text/html");
        assert!(matches!(outcome(Ok(html.clone()), unreadable(false)), Outcome::Failed(_)));
        // Cut off mid-way: the server had started its answer.
        assert_eq!(outcome(Ok(html), unreadable(true)), Outcome::Stored { found: false });
        for r in [
            HttpResponse::new(201, "<html>"),
            HttpResponse::new(202, "<html>"),
            HttpResponse::new(200, "{\"id\":").with_header("Content-Type", "Application/JSON; charset=utf-8"),
            HttpResponse::new(200, "  \n"),
        ] {
            assert_eq!(outcome(Ok(r), unreadable(false)), Outcome::Stored { found: false });
        }
        // Not a success: the reader's text stays.
        assert!(matches!(outcome(Ok(HttpResponse::new(500, "")), unreadable(false)), Outcome::Failed(_)));
    }

    #[test]
    fn a_conflict_is_the_same_comment_stored_before() {
        let conflict = |_: &HttpResponse| Err(CommentsError::Rejected { status: 409, message: "duplicate".into() });
        assert_eq!(outcome(Ok(HttpResponse::new(409, "")), conflict), Outcome::Stored { found: true });
        let refused = |_: &HttpResponse| Err(CommentsError::Rejected { status: 403, message: "no".into() });
        assert!(matches!(
            outcome(Ok(HttpResponse::new(403, "")), refused),
            Outcome::Failed(CommentsError::Rejected { status: 403, .. })
        ));
    }

    #[test]
    fn no_answer_is_a_failure() {
        let never = |_: &HttpResponse| -> Result<Posted, CommentsError> { unreachable!("no answer to read") };
        assert_eq!(outcome(Err(CommentsError::Network), never), Outcome::Failed(CommentsError::Network));
    }
}
