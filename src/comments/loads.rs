//! Which list answer is current: the comment section asks the server for a page of the
//! thread (the first page, another sort order, the next page) and the answers can come late
//! and out of order. [`Loads`] numbers the requests and says, for each answer that comes,
//! whether it is drawn, dropped or asked for again. It does no I/O; the browser edge
//! (`widget/comments.rs`) sends what it is told to and applies the verdicts.

/// The list's requests: at most one under way, and which one that is.
#[derive(Debug, Default)]
pub struct Loads {
    /// Bumped for every first page asked for, so an answer to an older one is dropped.
    generation: u32,
    /// A request is under way.
    loading: bool,
    /// The reader posted, edited or deleted a comment while a first page was on its way:
    /// that answer may predate the change.
    stale: bool,
}

/// One request, as [`Loads::start`] numbered it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket {
    generation: u32,
    append: bool,
}

impl Ticket {
    /// Whether this request asks for the next page (added to the list), not a first page
    /// (which replaces it).
    pub fn append(self) -> bool {
        self.append
    }
}

/// What to do with an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Draw it: it is the current one.
    Show,
    /// Drop it: a newer request replaced it (another sort order), or the section moved on.
    Drop,
    /// Drop it and ask for the first page again: the reader posted, edited or deleted a
    /// comment after it left the server, and drawing it would undo that on screen.
    Again,
}

impl Loads {
    /// Starts a request for the first page (`append` false: the thread anew, in another
    /// sort order or after an error) or the next one; `None` while one is under way.
    pub fn start(&mut self, append: bool) -> Option<Ticket> {
        if self.loading {
            return None;
        }
        self.loading = true;
        if !append {
            self.generation = self.generation.wrapping_add(1);
            self.stale = false;
        }
        Some(Ticket { generation: self.generation, append })
    }

    /// Whether a request is under way (the checks for new comments wait for it).
    pub fn busy(&self) -> bool {
        self.loading
    }

    /// The request under way is no longer wanted (the reader chose another sort order): its
    /// answer will be dropped, and a new request can start at once.
    pub fn supersede(&mut self) {
        self.loading = false;
        self.generation = self.generation.wrapping_add(1);
    }

    /// The server took the reader's new comment, edit or deletion: an answer on its way may
    /// not show it.
    pub fn changed(&mut self) {
        self.stale = self.loading;
    }

    /// The answer to `ticket` came.
    pub fn answered(&mut self, ticket: Ticket) -> Verdict {
        if ticket.generation != self.generation {
            return Verdict::Drop;
        }
        self.loading = false;
        if std::mem::take(&mut self.stale) && !ticket.append {
            Verdict::Again
        } else {
            Verdict::Show
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_request_at_a_time_and_its_answer_is_shown() {
        let mut loads = Loads::default();
        let first = loads.start(false).unwrap();
        assert!(loads.busy());
        assert_eq!(loads.start(true), None, "a Load more while the first page is on its way does nothing");
        assert_eq!(loads.answered(first), Verdict::Show);
        assert!(!loads.busy());
        let more = loads.start(true).unwrap();
        assert!(more.append());
        assert_eq!(loads.answered(more), Verdict::Show);
    }

    #[test]
    fn an_answer_to_a_replaced_request_is_dropped_and_leaves_the_newer_one_under_way() {
        let mut loads = Loads::default();
        let oldest = loads.start(false).unwrap();
        loads.supersede();
        let newest = loads.start(false).unwrap();
        assert_eq!(loads.answered(oldest), Verdict::Drop);
        assert!(loads.busy(), "the newer request is still under way");
        assert_eq!(loads.start(true), None);
        assert_eq!(loads.answered(newest), Verdict::Show);
        // A next page asked for in the old order is dropped too.
        let more = loads.start(true).unwrap();
        loads.supersede();
        let again = loads.start(false).unwrap();
        assert_eq!(loads.answered(more), Verdict::Drop);
        assert_eq!(loads.answered(again), Verdict::Show);
    }

    #[test]
    fn a_first_page_older_than_the_readers_change_is_asked_for_again() {
        let mut loads = Loads::default();
        let first = loads.start(false).unwrap();
        loads.changed();
        assert_eq!(loads.answered(first), Verdict::Again);
        let again = loads.start(false).unwrap();
        assert_eq!(loads.answered(again), Verdict::Show, "the new answer holds the comment");
        // A next page can repeat the posted comment, but it is added, not drawn anew
        // (comments::thread::append leaves out what the list holds).
        let more = loads.start(true).unwrap();
        loads.changed();
        assert_eq!(loads.answered(more), Verdict::Show);
        // Posting with nothing under way marks nothing.
        loads.changed();
        let later = loads.start(false).unwrap();
        assert_eq!(loads.answered(later), Verdict::Show);
    }
}
