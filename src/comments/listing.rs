//! The comment list a section holds, and the decisions about it: what a page of the
//! server's answer does to the list, where the reader's new comment goes, which comments a
//! check found are new and when they go in, and what an edit or a deletion changes. Each
//! says which thread of the list on screen changed; the browser edge (`widget/comments.rs`)
//! draws it ([`Patch`](super::thread::Patch) says how).
//!
//! Pure: no I/O, no DOM. Which answer is current is [`Loads`]'s to say, before any of this.

use super::loads::Loads;
use super::model::{Comment, Cursor, Page, Settings, Sort, Votes};
use super::thread;

/// The comments a section holds: the server's pages, patched by what happened since.
#[derive(Debug)]
pub struct Listing {
    /// The order the list is in.
    pub sort: Sort,
    /// The top-level comments held, their replies nested inside.
    pub comments: Vec<Comment>,
    /// Comments in the whole thread, replies included, once known.
    pub total: Option<u32>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<Cursor>,
    /// The list's requests: which answer is current.
    pub loads: Loads,
    /// Comments the checks found that the list does not hold yet ("N new comments").
    pub fresh: Vec<Comment>,
}

impl Listing {
    /// An empty list in `sort` order, of a thread of `total` comments when the page said.
    pub fn new(sort: Sort, total: Option<u32>) -> Listing {
        Listing { sort, comments: Vec::new(), total, next: None, loads: Loads::default(), fresh: Vec::new() }
    }

    /// Takes a page of the thread (one [`Loads`] judged current): a next page (`append`)
    /// is added, less what the list holds; a first page replaces the list, and the
    /// comments noted as new are dropped (they are in it, or the next check finds them
    /// again). Returns what the answer said of the server's settings.
    pub fn take(&mut self, page: Page, append: bool) -> Option<Settings> {
        if append {
            thread::append(&mut self.comments, page.comments);
        } else {
            self.comments = page.comments;
            self.fresh.clear();
        }
        self.next = page.next;
        self.total = Some(page.total);
        page.settings
    }

    /// The server took the reader's comment (`pending`: held for moderation). It goes
    /// where the list's order puts it; a held comment is not in the server's pages, so it
    /// neither moves the next page's offset nor counts in the total. A check that found it
    /// first no longer offers it as new, and a first page on its way is asked for again.
    /// Returns the place of its thread in the list.
    pub fn posted(&mut self, comment: Comment, pending: bool) -> Option<usize> {
        let id = comment.id.clone();
        let next = if pending { &mut None } else { &mut self.next };
        thread::add(&mut self.comments, next, self.sort, comment);
        self.loads.changed();
        self.fresh.retain(|c| c.id != id);
        if !pending {
            self.total = Some(self.total.unwrap_or(0) + 1);
        }
        thread::thread_of(&self.comments, &id)
    }

    /// Notes the comments of `page` (the thread's newest, as a check read them) that the
    /// list neither holds nor has noted, where the list can take them: a new thread only
    /// when the list shows the newest first or holds the whole thread (else it belongs on a
    /// page not loaded), a reply to a comment held anywhere. Whether any was noted.
    pub fn note(&mut self, page: Vec<Comment>) -> bool {
        let all_here = self.sort == Sort::Newest || self.next.is_none();
        let noted = &self.fresh;
        let found: Vec<Comment> = thread::fresh(&self.comments, page)
            .into_iter()
            .filter(|c| (all_here || c.parent.is_some()) && !noted.iter().any(|f| f.id == c.id))
            .collect();
        let any = !found.is_empty();
        self.fresh.extend(found);
        any
    }

    /// Puts the first of the noted comments into the list ("N new comments" pressed, one
    /// at a time so that each is drawn before the next goes in), counted in the total;
    /// one the list holds meanwhile (the reader's own, posted since) is passed over.
    /// Returns its id and the place of its thread, or `None` when none is left.
    pub fn put_fresh(&mut self) -> Option<(String, Option<usize>)> {
        while !self.fresh.is_empty() {
            let c = self.fresh.remove(0);
            if thread::find(&self.comments, &c.id).is_some() {
                continue;
            }
            let id = c.id.clone();
            thread::add(&mut self.comments, &mut self.next, self.sort, c);
            self.total = self.total.map(|t| t + 1);
            let index = thread::thread_of(&self.comments, &id);
            return Some((id, index));
        }
        None
    }

    /// The server saved the reader's edit of comment `id` (`updated`, its new version) or
    /// its deletion (`deleted`: marked deleted when the server keeps it for its replies,
    /// taken out when there is no new version), uncounted from the total. A first page on
    /// its way is asked for again. Returns the place of its thread before the change.
    pub fn changed(&mut self, id: &str, updated: Option<Comment>, deleted: bool) -> Option<usize> {
        let index = thread::thread_of(&self.comments, id);
        thread::replace(&mut self.comments, id, updated, deleted);
        self.loads.changed();
        if deleted {
            self.total = self.total.map(|n| n.saturating_sub(1));
        }
        index
    }

    /// The server counted the reader's vote on comment `id` (`up`: a like) and answered its
    /// counts now: the comment keeps them and the vote, so a drawing of its thread shows
    /// both, and a first page on its way, which may predate the vote, is asked for again.
    pub fn voted(&mut self, id: &str, up: bool, votes: Votes) {
        if let Some(c) = thread::find_mut(&mut self.comments, id) {
            c.likes = Some(votes.likes);
            c.dislikes = c.dislikes.map(|_| votes.dislikes);
            c.voted = Some(up);
            self.loads.changed();
        }
    }

    /// The comments held, replies included.
    pub fn count(&self) -> u32 {
        self.comments.iter().map(Comment::tree_size).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::loads::Verdict;
    use crate::comments::model::{sample, Body};

    fn c(id: &str, parent: Option<&str>) -> Comment {
        sample(id, parent)
    }

    fn with(mut comment: Comment, replies: Vec<Comment>) -> Comment {
        comment.replies = replies;
        comment
    }

    fn ids(list: &[Comment]) -> Vec<&str> {
        list.iter().map(|c| c.id.as_str()).collect()
    }

    fn page(comments: Vec<Comment>, total: u32, next: Option<u32>) -> Page {
        Page { total, comments, next: next.map(Cursor::Offset), settings: None }
    }

    /// A list showing the first page of a thread of `total`, with a next page at offset 2.
    fn loaded(sort: Sort, total: u32) -> Listing {
        let mut list = Listing::new(sort, None);
        list.take(page(vec![with(c("1", None), vec![c("2", Some("1"))]), c("3", None)], total, Some(2)), false);
        list
    }

    #[test]
    fn a_first_page_replaces_the_list_and_the_noted_comments_a_next_page_adds_the_new_ones() {
        let mut list = loaded(Sort::Oldest, 9);
        assert!(list.note(vec![c("4", Some("3"))]));
        let settings = Settings { notifications: true, ..Settings::default() };
        let first = Page { settings: Some(settings), ..page(vec![c("5", None)], 6, None) };
        assert_eq!(list.take(first, false), Some(settings));
        assert_eq!((ids(&list.comments), list.fresh.len(), list.total, &list.next), (vec!["5"], 0, Some(6), &None));
        let mut list = loaded(Sort::Oldest, 9);
        assert!(list.note(vec![c("4", Some("3"))]));
        // The next page repeats "3", which a post moved onto it: it is not added twice.
        list.take(page(vec![c("3", None), c("6", None)], 10, Some(4)), true);
        assert_eq!(ids(&list.comments), ["1", "3", "6"]);
        assert_eq!((list.fresh.len(), list.total, &list.next), (1, Some(10), &Some(Cursor::Offset(4))));
    }

    #[test]
    fn the_readers_comment_goes_in_the_lists_order_and_counts_unless_held() {
        let mut list = loaded(Sort::Newest, 3);
        assert_eq!(list.posted(c("7", None), false), Some(0));
        assert_eq!(
            (ids(&list.comments), list.total, &list.next),
            (vec!["7", "1", "3"], Some(4), &Some(Cursor::Offset(3)))
        );
        // Held for moderation: first on screen, but the server's pages and total do not
        // have it yet.
        assert_eq!(list.posted(c("8", None), true), Some(0));
        assert_eq!(
            (ids(&list.comments), list.total, &list.next),
            (vec!["8", "7", "1", "3"], Some(4), &Some(Cursor::Offset(3)))
        );
        // A reply goes under its parent, in the parent's thread.
        assert_eq!(list.posted(c("9", Some("2")), false), Some(2));
        assert_eq!(list.total, Some(5));
        let mut list = loaded(Sort::Oldest, 3);
        assert_eq!(list.posted(c("7", None), false), Some(2));
        assert_eq!((ids(&list.comments), &list.next), (vec!["1", "3", "7"], &Some(Cursor::Offset(2))));
    }

    #[test]
    fn a_post_makes_a_first_page_on_its_way_stale() {
        let mut list = loaded(Sort::Oldest, 3);
        let Some(ticket) = list.loads.start(false) else { panic!("no request under way") };
        list.posted(c("7", None), false);
        assert_eq!(list.loads.answered(ticket), Verdict::Again);
        let Some(ticket) = list.loads.start(false) else { panic!("no request under way") };
        list.changed("7", None, true);
        assert_eq!(list.loads.answered(ticket), Verdict::Again);
    }

    #[test]
    fn the_readers_comment_found_by_a_check_first_is_not_offered_as_new() {
        let mut list = loaded(Sort::Newest, 3);
        assert!(list.note(vec![c("7", None), c("8", None)]));
        list.posted(c("7", None), false);
        assert_eq!(ids(&list.fresh), ["8"]);
        // Offered before the post's answer came, and pressed after: passed over.
        let mut list = loaded(Sort::Newest, 3);
        list.note(vec![c("7", None)]);
        list.comments.insert(0, c("7", None));
        assert_eq!(list.put_fresh(), None);
        assert_eq!(list.total, Some(3));
    }

    #[test]
    fn a_check_notes_what_the_list_can_take_once() {
        // Oldest first with pages left: a new thread belongs on a later page; a reply to a
        // held comment is noted, a reply to a comment not loaded is not.
        let mut list = loaded(Sort::Oldest, 3);
        assert!(list.note(vec![c("7", None), with(c("1", None), vec![c("8", Some("1"))]), c("9", Some("6"))]));
        assert_eq!(ids(&list.fresh), ["8"]);
        // Found again by the next check: not noted twice; nothing new is no news.
        assert!(!list.note(vec![with(c("1", None), vec![c("8", Some("1"))])]));
        assert_eq!(ids(&list.fresh), ["8"]);
        // The whole thread held (no next page), or newest first: new threads are noted.
        let mut whole = loaded(Sort::Oldest, 3);
        whole.next = None;
        assert!(whole.note(vec![c("7", None)]));
        let mut newest = loaded(Sort::Newest, 3);
        assert!(newest.note(vec![c("7", None)]));
    }

    #[test]
    fn noted_comments_go_in_one_at_a_time_in_the_lists_order() {
        let mut list = loaded(Sort::Newest, 3);
        list.note(vec![c("7", None), c("8", Some("3"))]);
        assert_eq!(list.put_fresh(), Some(("7".into(), Some(0))));
        assert_eq!(list.put_fresh(), Some(("8".into(), Some(2))));
        assert_eq!(list.put_fresh(), None);
        assert_eq!(
            (ids(&list.comments), list.total, &list.next),
            (vec!["7", "1", "3"], Some(5), &Some(Cursor::Offset(3)))
        );
        assert_eq!(list.count(), 5);
    }

    #[test]
    fn a_vote_stays_with_its_comment() {
        let mut list = loaded(Sort::Oldest, 3);
        list.comments[0].replies[0].dislikes = Some(0);
        let Some(ticket) = list.loads.start(false) else { panic!("no request under way") };
        list.voted("2", false, Votes { likes: 4, dislikes: 1 });
        list.voted("3", true, Votes { likes: 1, dislikes: 0 });
        let (reply, other) = (&list.comments[0].replies[0], &list.comments[1]);
        assert_eq!((reply.likes, reply.dislikes, reply.voted), (Some(4), Some(1), Some(false)));
        // A server without down-votes keeps none.
        assert_eq!((other.likes, other.dislikes, other.voted), (Some(1), None, Some(true)));
        assert_eq!(list.loads.answered(ticket), Verdict::Again);
        list.voted("9", true, Votes { likes: 1, dislikes: 0 });
    }

    #[test]
    fn an_edit_replaces_a_comment_and_a_deletion_uncounts_it() {
        let mut list = loaded(Sort::Oldest, 3);
        let mut edited = c("2", Some("1"));
        edited.body = Body::Html("edited".into());
        assert_eq!(list.changed("2", Some(edited), false), Some(0));
        assert_eq!((list.comments[0].replies[0].body.clone(), list.total), (Body::Html("edited".into()), Some(3)));
        // Deleted, kept for its replies: marked; deleted with nothing left: taken out.
        assert_eq!(list.changed("1", Some(c("1", None)), true), Some(0));
        assert!(list.comments[0].deleted && list.comments[0].replies.len() == 1);
        assert_eq!(list.changed("3", None, true), Some(1));
        assert_eq!((ids(&list.comments), list.total), (vec!["1"], Some(1)));
        // A comment the list does not hold: nothing to redraw.
        assert_eq!(list.changed("9", None, true), None);
    }
}
