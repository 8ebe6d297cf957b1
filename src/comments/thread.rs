//! The comments a section holds, as a tree of top-level comments and their replies, and
//! the changes a reader's actions make to it: a new comment or reply put in its place, a
//! comment replaced by the server's new version or taken out, and how the list on screen
//! takes such a change ([`Patch`]).
//!
//! Pure: the comment section (`widget::comments`) holds the tree, calls these, and does
//! what the [`Patch`] says to the DOM.

use super::model::{Comment, Cursor, Sort};

/// The place in `list` of the top-level comment that is, or holds, the comment `id`.
pub fn thread_of(list: &[Comment], id: &str) -> Option<usize> {
    fn holds(c: &Comment, id: &str) -> bool {
        c.id == id || c.replies.iter().any(|r| holds(r, id))
    }
    list.iter().position(|c| holds(c, id))
}

/// The comment `id`, at any depth.
pub fn find<'a>(list: &'a [Comment], id: &str) -> Option<&'a Comment> {
    list.iter().find_map(|c| if c.id == id { Some(c) } else { find(&c.replies, id) })
}

/// The comment `id`, at any depth, to change.
pub fn find_mut<'a>(list: &'a mut [Comment], id: &str) -> Option<&'a mut Comment> {
    for c in list {
        if c.id == id {
            return Some(c);
        }
        if let Some(found) = find_mut(&mut c.replies, id) {
            return Some(found);
        }
    }
    None
}

/// Puts a newly posted comment into the tree: last among the replies of its parent, or at
/// the end of the list when it has none or the tree does not hold its parent.
pub fn insert(list: &mut Vec<Comment>, comment: Comment) {
    fn attach(list: &mut [Comment], parent: &str, c: &mut Option<Comment>) {
        for item in list.iter_mut() {
            if item.id == parent {
                if let Some(c) = c.take() {
                    item.replies.push(c);
                }
                return;
            }
            attach(&mut item.replies, parent, c);
        }
    }
    let mut slot = Some(comment);
    if let Some(parent) = slot.as_ref().and_then(|c| c.parent.clone()) {
        attach(list, &parent, &mut slot);
    }
    if let Some(c) = slot {
        list.push(c);
    }
}

/// Puts a comment new to the thread (the reader's own, or one a check found) into `list`
/// in the list's order: a new thread goes first when the list shows the newest first, and
/// the offset of the next page moves past it; anything else goes where [`insert`] puts it.
pub fn add(list: &mut Vec<Comment>, next: &mut Option<Cursor>, sort: Sort, comment: Comment) {
    if comment.parent.is_none() && sort == Sort::Newest {
        list.insert(0, comment);
        if let Some(Cursor::Offset(n)) = next {
            *n += 1;
        }
    } else {
        insert(list, comment);
    }
}

/// Adds the next page of the thread to `list`, less the comments `list` already holds: a
/// page asked for by offset repeats those that moved onto it when comments were posted
/// since the page before (the reader's own among them, already shown).
pub fn append(list: &mut Vec<Comment>, page: Vec<Comment>) {
    for c in page {
        if find(list, &c.id).is_none() {
            list.push(c);
        }
    }
}

/// The comments of `page` (a page of the thread asked for again) that `held` does not
/// hold, each without its replies and after its parent, ready to be put in one at a time:
/// a reply whose parent is neither held nor new (it answers a comment not loaded) is left
/// out.
pub fn fresh(held: &[Comment], page: Vec<Comment>) -> Vec<Comment> {
    fn walk(held: &[Comment], list: Vec<Comment>, out: &mut Vec<Comment>) {
        for mut c in list {
            let replies = std::mem::take(&mut c.replies);
            let known = |id: &str| find(held, id).is_some() || out.iter().any(|o| o.id == id);
            if !known(&c.id) && c.parent.as_deref().map_or(true, known) {
                out.push(c);
            }
            walk(held, replies, out);
        }
    }
    let mut out = Vec::new();
    walk(held, page, &mut out);
    out
}

/// Puts the server's new version of the comment `id` in its place, keeping its replies
/// (marked deleted when `removed`: a deleted comment that keeps its replies), or takes it
/// out, replies and all, when there is no new version. Nothing changes when the tree does
/// not hold `id`.
pub fn replace(list: &mut Vec<Comment>, id: &str, updated: Option<Comment>, removed: bool) {
    fn walk(list: &mut Vec<Comment>, id: &str, updated: &mut Option<Comment>, removed: bool) -> bool {
        if let Some(i) = list.iter().position(|c| c.id == id) {
            match updated.take() {
                Some(mut new) => {
                    new.replies = std::mem::take(&mut list[i].replies);
                    new.deleted |= removed;
                    list[i] = new;
                }
                None => {
                    list.remove(i);
                }
            }
            return true;
        }
        list.iter_mut().any(|c| walk(&mut c.replies, id, updated, removed))
    }
    let mut updated = updated;
    walk(list, id, &mut updated, removed);
}

/// Gives comment `id` every one of its replies (the answer to
/// [`Backend::replies_request`](super::Backend::replies_request)), none left hidden; the
/// ones it held before are replaced. Returns the id of the first reply that was not
/// shown, when there is one.
pub fn show_replies(list: &mut [Comment], id: &str, replies: Vec<Comment>) -> Option<String> {
    fn find_mut<'a>(list: &'a mut [Comment], id: &str) -> Option<&'a mut Comment> {
        list.iter_mut().find_map(|c| if c.id == id { Some(c) } else { find_mut(&mut c.replies, id) })
    }
    let c = find_mut(list, id)?;
    let shown = c.replies.len();
    c.replies = replies;
    c.hidden_replies = 0;
    c.replies.get(shown).map(|r| r.id.clone())
}

/// How the list on screen takes a change to the thread at one place of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Patch {
    /// Draw that thread again in place of the one on screen.
    Replace,
    /// Draw that thread, new, after the last one on screen.
    Append,
    /// Draw that thread, new, before the one on screen at that place.
    Insert,
    /// Take the thread on screen at that place out: the tree no longer has it.
    Remove,
    /// The list on screen differs by more than that thread: draw the whole list.
    Whole,
}

impl Patch {
    /// The patch for a change at `index` of the tree, when the list on screen shows
    /// `on_screen` top-level comments and the tree now holds `held`: the list on screen
    /// must be the tree before that one change.
    pub fn of(on_screen: usize, held: usize, index: usize) -> Patch {
        match (index < on_screen, held) {
            (_, 0) => Patch::Whole,
            (true, h) if h == on_screen => Patch::Replace,
            (true, h) if h + 1 == on_screen => Patch::Remove,
            (true, h) if h == on_screen + 1 => Patch::Insert,
            (false, h) if index == on_screen && h == on_screen + 1 => Patch::Append,
            _ => Patch::Whole,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::model::{sample, Body};

    fn c(id: &str, parent: Option<&str>, replies: Vec<Comment>) -> Comment {
        Comment { replies, ..sample(id, parent) }
    }

    /// The tree as `id(reply, ...)` text.
    fn shape(list: &[Comment]) -> String {
        let one = |c: &Comment| {
            let mut s = c.id.clone();
            if c.deleted {
                s.push('*');
            }
            if !c.replies.is_empty() {
                s = s + "(" + &shape(&c.replies) + ")";
            }
            s
        };
        list.iter().map(one).collect::<Vec<_>>().join(" ")
    }

    fn tree() -> Vec<Comment> {
        vec![c("1", None, vec![c("2", Some("1"), vec![c("3", Some("2"), vec![])])]), c("4", None, vec![])]
    }

    #[test]
    fn a_comment_is_found_in_its_thread_at_any_depth() {
        let t = tree();
        assert_eq!(
            [thread_of(&t, "1"), thread_of(&t, "3"), thread_of(&t, "4"), thread_of(&t, "9")],
            [Some(0), Some(0), Some(1), None]
        );
        assert_eq!(find(&t, "3").map(|c| c.parent.as_deref()), Some(Some("2")));
        assert!(find(&t, "9").is_none());
    }

    #[test]
    fn a_new_thread_goes_first_when_the_newest_are_first_and_moves_the_next_offset() {
        let mut t = tree();
        let mut next = Some(Cursor::Offset(2));
        add(&mut t, &mut next, Sort::Newest, c("5", None, vec![]));
        add(&mut t, &mut next, Sort::Newest, c("6", Some("4"), vec![]));
        assert_eq!((shape(&t), &next), ("5 1(2(3)) 4(6)".into(), &Some(Cursor::Offset(3))));
        let mut token = Some(Cursor::Token("t".into()));
        add(&mut t, &mut token, Sort::Oldest, c("7", None, vec![]));
        add(&mut t, &mut token, Sort::Top, c("8", None, vec![]));
        assert_eq!((shape(&t), &token), ("5 1(2(3)) 4(6) 7 8".into(), &Some(Cursor::Token("t".into()))));
    }

    #[test]
    fn a_further_page_adds_only_what_the_list_does_not_hold() {
        let mut t = tree();
        // The reader posted 6, then the page from the old offset: 4 again (with a reply
        // now), 6 again, and 7.
        insert(&mut t, c("6", None, vec![]));
        append(&mut t, vec![c("4", None, vec![c("5", Some("4"), vec![])]), c("6", None, vec![]), c("7", None, vec![])]);
        assert_eq!(shape(&t), "1(2(3)) 4 6 7");
    }

    #[test]
    fn a_new_comment_goes_under_its_parent_or_at_the_end() {
        let mut t = tree();
        insert(&mut t, c("5", Some("2"), vec![]));
        insert(&mut t, c("6", None, vec![]));
        // A reply to a comment the tree does not hold (another page, deleted meanwhile).
        insert(&mut t, c("7", Some("99"), vec![]));
        assert_eq!(shape(&t), "1(2(3 5)) 4 6 7");
    }

    #[test]
    fn a_comment_is_replaced_keeping_its_replies_or_taken_out() {
        let mut t = tree();
        let mut edited = c("2", Some("1"), vec![]);
        edited.body = Body::Html("edited".into());
        replace(&mut t, "2", Some(edited), false);
        assert_eq!(shape(&t), "1(2(3)) 4");
        assert!(matches!(&find(&t, "2").map(|c| &c.body), Some(Body::Html(s)) if s == "edited"));
        // Deleted with replies: the server keeps a placeholder.
        replace(&mut t, "1", Some(c("1", None, vec![])), true);
        assert_eq!(shape(&t), "1*(2(3)) 4");
        replace(&mut t, "4", None, true);
        assert_eq!(shape(&t), "1*(2(3))");
        replace(&mut t, "9", None, true);
        assert_eq!(shape(&t), "1*(2(3))");
    }

    #[test]
    fn the_replies_left_out_are_shown_after_those_there() {
        let mut t = tree();
        t[0].hidden_replies = 2;
        let all = vec![
            c("2", Some("1"), vec![c("3", Some("2"), vec![])]),
            c("5", Some("1"), vec![]),
            c("6", Some("1"), vec![]),
        ];
        assert_eq!(show_replies(&mut t, "1", all).as_deref(), Some("5"));
        assert_eq!((shape(&t), t[0].hidden_replies), ("1(2(3) 5 6) 4".to_string(), 0));
        // Nothing new (the others were deleted meanwhile), or no such comment.
        assert_eq!(show_replies(&mut t, "2", vec![c("3", Some("2"), vec![])]), None);
        assert_eq!(show_replies(&mut t, "9", Vec::new()), None);
        assert_eq!(shape(&t), "1(2(3) 5 6) 4");
    }

    #[test]
    fn fresh_comments_are_the_unheld_ones_each_after_its_parent() {
        let held = vec![c("1", None, vec![c("2", Some("1"), vec![])]), c("4", None, vec![])];
        // Asked for again, newest first: a new thread with a reply, a new reply to a held
        // comment (and one to it), a reply to a comment not loaded.
        let page = vec![
            c("7", None, vec![c("8", Some("7"), vec![])]),
            c("4", None, vec![c("6", Some("4"), vec![c("10", Some("6"), vec![])])]),
            c("1", None, vec![c("2", Some("1"), vec![]), c("5", Some("3"), vec![])]),
        ];
        let fresh = fresh(&held, page);
        let ids: Vec<&str> = fresh.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["7", "8", "6", "10"]);
        assert!(fresh.iter().all(|c| c.replies.is_empty()), "each without its replies");
        assert!(super::fresh(&held, held.clone()).is_empty(), "nothing new");
        // Put in one at a time, they land under their parents.
        let mut tree = held.clone();
        for c in fresh {
            insert(&mut tree, c);
        }
        assert_eq!(shape(&tree), "1(2) 4(6(10)) 7(8)");
    }

    #[test]
    fn the_list_on_screen_takes_one_threads_change_or_is_drawn_whole() {
        // An edit or a reply in the second of three threads.
        assert_eq!(Patch::of(3, 3, 1), Patch::Replace);
        // A new comment at the end, a thread deleted.
        assert_eq!(Patch::of(3, 4, 3), Patch::Append);
        assert_eq!(Patch::of(3, 2, 1), Patch::Remove);
        // The list on screen is not the tree before the change.
        assert_eq!(Patch::of(3, 5, 3), Patch::Whole);
        assert_eq!(Patch::of(3, 5, 1), Patch::Whole);
        assert_eq!(Patch::of(3, 3, 3), Patch::Whole);
        // A new thread before the one on screen at its place (a new comment, newest first).
        assert_eq!(Patch::of(3, 4, 0), Patch::Insert);
        assert_eq!(Patch::of(3, 4, 1), Patch::Insert);
        assert_eq!(Patch::of(0, 1, 0), Patch::Append);
        // The last comment gone: the list says it is empty.
        assert_eq!(Patch::of(1, 0, 0), Patch::Whole);
    }
}
