//! The comments section as view trees: the placeholder rendered with the article, the
//! list (sort control, nested comments, "Load more"), the error box and notices. The
//! form is in [`form`](super::form).
//!
//! Pure: the edge builds the DOM from these trees and wires listeners by their
//! `data-folio-action` attributes ([`Action`]); it finds their parts by the selectors of
//! [`markup`](super::markup). Comment bodies arrive as view nodes from a closure
//! the caller passes (the edge passes [`comment_body`](super::sanitize::comment_body)), so
//! untrusted HTML never passes through here as a string.

use super::error::CommentsError;
use super::markup::Action;
use super::model::{Body, Comment, Cursor, Page, Sort};
use super::sanitize::{author_website, plain_author, LINK_REL};
use super::text::{CommentsText, SectionText};
use super::time::{absolute, iso8601, relative};
use crate::view::{el, Element, Node};

/// Nesting levels drawn indented; deeper replies stay under their parent but are drawn at
/// this level (class `folio-depth-4`, and their list gets `folio-replies-capped`).
pub const MAX_VISUAL_DEPTH: usize = 4;

/// The id of the section heading (the section is labelled by it).
pub const HEADING_ID: &str = "folio-comments-heading";

const DEPTH_CLASSES: [&str; MAX_VISUAL_DEPTH + 1] =
    ["folio-depth-0", "folio-depth-1", "folio-depth-2", "folio-depth-3", "folio-depth-4"];

/// Turns a comment's untrusted HTML ([`Body::Html`]) into safe view nodes.
pub type BodyRenderer<'a> = &'a dyn Fn(&str) -> Vec<Node>;

/// "Comments (N)", or "Comments" while the count is unknown.
pub fn heading_text(count: Option<u32>, t: &SectionText) -> String {
    let mut out = String::from(t.heading);
    if let Some(n) = count {
        out.push_str(" (");
        crate::date::push_number(&mut out, n);
        out.push(')');
    }
    out
}

/// The section heading, `<h2 id="folio-comments-heading">`.
pub fn heading(count: Option<u32>, t: &SectionText) -> Element {
    el("h2").attr("id", HEADING_ID).text(heading_text(count, t))
}

/// The section as rendered with the article, before any comment is loaded: heading, an
/// empty form region and a busy list region with "Loading comments…". Its classes let the
/// stylesheet reserve room, so the page does not jump when comments arrive.
///
/// ```
/// use folio::comments::{text::EN_SECTION, view::placeholder};
/// use folio::view::html::to_html;
/// let html = to_html(&placeholder(Some(3), &EN_SECTION).into());
/// assert!(html.starts_with("<section class=\"folio-comments\" part=\"comments\""));
/// assert!(html.contains("Comments (3)"));
/// ```
pub fn placeholder(count: Option<u32>, t: &SectionText) -> Element {
    el("section")
        .attr("class", "folio-comments")
        .attr("part", "comments")
        .attr("aria-labelledby", HEADING_ID)
        .attr("data-folio-comments", "")
        .child(heading(count, t))
        // The form comes first, as on the seed page ("Submit a Comment", then the list):
        // the list growing when it arrives then moves nothing above it.
        .child(el("div").attr("class", "folio-comment-form-region").attr("data-folio-region", "comment-form"))
        .child(
            el("div")
                .attr("class", "folio-comments-region folio-comments-loading")
                .attr("data-folio-region", "comments-list")
                .attr("aria-live", "polite")
                .attr("aria-busy", "true")
                .child(el("p").attr("class", "folio-loading").text(t.loading)),
        )
}

/// The content of the list region for a loaded page: the sort control, the comments (or
/// "No comments yet") and a "Load more" button when there is a next page; the link to the
/// thread's `feed` when there is one. Comments whose hash is among `authors` (see
/// [`is_by`]) are marked as the page author's.
pub fn list(
    page: &Page,
    now: f64,
    sort: Sort,
    t: &CommentsText,
    body: BodyRenderer,
    authors: &str,
    feed: Option<&str>,
) -> Vec<Node> {
    let mut out = list_shell(page.comments.is_empty() && page.next.is_none(), sort, feed, t);
    if let Some(Node::Element(ol)) = out.get_mut(1) {
        ol.children = items(&page.comments, now, t, body, authors);
    }
    if let Some(cursor) = &page.next {
        out.push(load_more(cursor, t).into());
    }
    out
}

/// The list region of [`list`] without its comments and "Load more": the note of an
/// `empty` thread, else the toolbar (the sort control, and the link to the thread's `feed`
/// when there is one) and an empty `<ol class="folio-comment-list">` that [`items`] fill
/// (the browser adds them a slice at a time).
pub fn list_shell(empty: bool, sort: Sort, feed: Option<&str>, t: &CommentsText) -> Vec<Node> {
    if empty {
        return vec![el("p").attr("class", "folio-comments-empty").text(t.empty).into()];
    }
    let feed = feed.map(|url| el("a").attr("class", "folio-feed").attr("href", url).text(t.feed));
    // "N new comments", hidden until comments posted since the list was drawn are found (the
    // edge writes its words); a polite status, so that it is announced when it shows.
    let fresh = el("p").attr("class", "folio-new-comments").attr("role", "status").child(
        el("button").attr("type", "button").attr("data-folio-action", Action::ShowNew.as_str()).attr("hidden", ""),
    );
    vec![
        el("div")
            .attr("class", "folio-comments-toolbar")
            .child(sort_control(sort, t))
            .child_opt(feed)
            .child(fresh)
            .into(),
        el("ol").attr("class", "folio-comment-list").into(),
    ]
}

/// The sort control: a labelled `<select data-folio-action="sort">`.
pub fn sort_control(sort: Sort, t: &CommentsText) -> Element {
    let mut select = el("select").attr("name", "sort").attr("data-folio-action", Action::Sort.as_str());
    for option in Sort::ALL {
        let label = match option {
            Sort::Oldest => t.sort_oldest,
            Sort::Newest => t.sort_newest,
            Sort::Top => t.sort_top,
        };
        let mut o = el("option").attr("value", option.as_str());
        if option == sort {
            o.set_attr("selected", "");
        }
        select.push(o.text(label));
    }
    el("label").attr("class", "folio-sort").text(t.sort_label).text(" ").child(select)
}

/// The "Load more" button, carrying the cursor of the next page.
pub fn load_more(cursor: &Cursor, t: &CommentsText) -> Element {
    el("button")
        .attr("type", "button")
        .attr("class", "folio-load-more")
        .attr("data-folio-action", Action::LoadMore.as_str())
        .attr("data-folio-cursor", cursor.to_param())
        .text(t.load_more)
}

/// The `<li>` items of top-level comments (for the first page, and to append later pages
/// to the existing `<ol class="folio-comment-list">`), marked as in [`list`].
pub fn items(comments: &[Comment], now: f64, t: &CommentsText, body: BodyRenderer, authors: &str) -> Vec<Node> {
    comments.iter().map(|c| comment(c, 0, now, t, body, authors).into()).collect()
}

/// One comment as `<li>`: the `<article>` and, below it, its replies. `depth` is 0 for a
/// top-level comment. A comment whose hash is among `authors` (the page author's, see
/// [`is_by`]) has the class `folio-comment-page-author` and an "Author" mark after the name.
pub fn comment(c: &Comment, depth: usize, now: f64, t: &CommentsText, body: BodyRenderer, authors: &str) -> Element {
    let mut article_id = String::from("folio-comment-");
    article_id.push_str(&c.id);
    let mut class = String::from("folio-comment ");
    class.push_str(DEPTH_CLASSES[depth.min(MAX_VISUAL_DEPTH)]);
    if c.pending {
        class.push_str(" folio-comment-pending");
    }
    if c.deleted {
        class.push_str(" folio-comment-deleted");
    }
    let by_author = is_by(c, authors);
    if by_author {
        class.push_str(" folio-comment-page-author");
    }

    let mut header = el("header")
        .attr("class", "folio-comment-header")
        .child_opt(super::avatar::avatar(c))
        .child(author(c, t))
        .child_opt(by_author.then(|| el("span").attr("class", "folio-page-author").text(t.page_author)));
    if c.created > 0.0 {
        header.push(
            el("time")
                .attr("class", "folio-comment-time")
                .attr("datetime", iso8601(c.created))
                .attr("title", absolute(c.created))
                .text(relative(now, c.created, t)),
        );
    }
    if let Some(m) = c.modified.filter(|m| *m > 0.0) {
        header.push(el("span").attr("class", "folio-comment-edited").attr("title", absolute(m)).text(t.edited));
    }

    let note = c.pending.then(|| el("p").attr("class", "folio-comment-note").text(t.awaiting_moderation));
    let content = if c.deleted {
        vec![el("p").attr("class", "folio-comment-removed").text(t.deleted).into()]
    } else {
        match &c.body {
            Body::Html(html) => body(html),
            #[cfg(markdown)]
            Body::Markdown { text, hard_wrap } => super::markdown::render_with(text, *hard_wrap),
        }
    };
    let body_el =
        el("div").attr("class", "folio-comment-body").attr("data-folio-html", c.id.as_str()).children(content);

    let mut actions = el("footer").attr("class", "folio-comment-actions");
    if !c.pending && !c.deleted {
        actions.push(action_button(Action::Reply, &c.id).text(t.reply));
        if let Some(likes) = c.likes {
            // Each button's name is its visible text, so speech input can say what it sees
            // and the name never goes stale when the count changes. Likes alone: "Like 3";
            // with down-votes, Isso's score (likes less dislikes) between the two buttons.
            // Pressed: the reader's vote on this page, kept when the thread is drawn again.
            let vote = |action, label| {
                let pressed = c.voted == Some(action == Action::Like);
                action_button(action, &c.id).attr("aria-pressed", if pressed { "true" } else { "false" }).text(label)
            };
            let count = |n| {
                el("span").attr("class", "folio-like-count").attr("data-folio-likes", "").text(crate::date::signed(n))
            };
            match c.dislikes {
                None => actions.push(vote(Action::Like, t.like).text(" ").child(count(likes))),
                Some(dislikes) => {
                    actions.push(vote(Action::Like, t.like));
                    actions.push(count(likes - dislikes));
                    actions.push(vote(Action::Dislike, t.dislike));
                }
            }
        }
    }

    let article = el("article")
        .attr("class", class)
        .attr("id", article_id)
        .attr("data-folio-comment-id", c.id.as_str())
        .attr("part", "comment")
        .child(header)
        .child_opt(note)
        .child(body_el)
        .child_opt((!actions.children.is_empty()).then_some(actions));

    let mut li = el("li").attr("class", "folio-comment-item").child(article);
    if !c.replies.is_empty() {
        let mut class = String::from("folio-comment-list folio-replies");
        if depth + 1 >= MAX_VISUAL_DEPTH {
            class.push_str(" folio-replies-capped");
        }
        let replies = c.replies.iter().map(|r| Node::from(comment(r, depth + 1, now, t, body, authors)));
        li.push(el("ol").attr("class", class).children(replies));
    }
    if c.hidden_replies > 0 {
        li.push(
            action_button(Action::MoreReplies, &c.id)
                .attr("class", "folio-more-replies")
                .text(t.more_replies.with(u64::from(c.hidden_replies))),
        );
    }
    li
}

/// Whether `c` has one of the hashes in `authors`, a list separated by commas or spaces
/// (Isso's `page-author-hashes`).
///
/// ```
/// use folio::comments::{view::is_by, Comment};
/// let c = Comment { hash: Some("7831fe17a8cd".into()), ..Comment::default() };
/// assert!(is_by(&c, "f124cf6b2f01, 7831fe17a8cd"));
/// assert!(!is_by(&c, "7831fe17a8c") && !is_by(&Comment::default(), ", "));
/// ```
pub fn is_by(c: &Comment, authors: &str) -> bool {
    // Bytes, not chars: no char searcher in the wasm.
    c.hash.as_deref().is_some_and(|h| authors.as_bytes().split(|b| matches!(b, b',' | b' ')).any(|a| a == h.as_bytes()))
}

fn action_button(action: Action, id: &str) -> Element {
    el("button").attr("type", "button").attr("data-folio-action", action.as_str()).attr("data-folio-comment-id", id)
}

/// The author: a `nofollow ugc` link when the website is an absolute http(s) URL, plain
/// text otherwise; "Anonymous" when there is no name.
fn author(c: &Comment, t: &CommentsText) -> Element {
    let name = c.author.as_deref().map(plain_author).filter(|n| !n.is_empty());
    let name = name.unwrap_or_else(|| t.anonymous.to_string());
    match c.website.as_deref().and_then(author_website) {
        Some(url) => el("a").attr("class", "folio-comment-author").attr("href", url).attr("rel", LINK_REL).text(name),
        None => el("span").attr("class", "folio-comment-author").text(name),
    }
}

/// The error box shown in the list region: `role="alert"`, the message, and a retry
/// button (`data-folio-action="retry-comments"`).
/// (`loadSection` in `crates/web/js/comments.js` draws the same box, with the words of
/// `data-folio-failed` and `data-folio-retry`, when the comments module cannot be loaded.)
pub fn error_box(err: &CommentsError, t: &CommentsText) -> Element {
    el("div")
        .attr("class", "folio-comments-error")
        .attr("role", "alert")
        .attr("data-folio-error", err.code())
        .child(el("p").text(err.message_in(t)))
        .child(
            el("button")
                .attr("type", "button")
                .attr("data-folio-action", Action::RetryComments.as_str())
                .text(t.section.retry),
        )
}

/// Why a request about the form failed (a preview), as a paragraph.
pub fn form_failure(err: &CommentsError, t: &CommentsText) -> Element {
    el("p").attr("class", "folio-field-error").text(err.message_in(t))
}

/// Edit and Delete buttons for one of the reader's own comments (the edge appends them to
/// the comment's actions while the server still allows changes).
pub fn owner_actions(id: &str, t: &CommentsText) -> Vec<Node> {
    vec![action_button(Action::Edit, id).text(t.edit).into(), action_button(Action::Delete, id).text(t.delete).into()]
}

/// The form that replaces a comment's body while the reader edits it.
pub fn edit_form(id: &str, text: &str, t: &CommentsText) -> Element {
    let mut field_id = String::from("folio-edit-");
    field_id.push_str(id);
    el("form")
        .attr("class", "folio-edit-form")
        .attr("data-folio-edit", id)
        .child(el("label").attr("for", field_id.as_str()).text(t.edit_label))
        .child(
            el("textarea").attr("id", field_id).attr("name", "text").attr("rows", "4").attr("required", "").text(text),
        )
        .child(
            el("div")
                .attr("class", "folio-form-actions")
                .child(el("button").attr("type", "submit").attr("class", "folio-submit").text(t.save))
                .child(action_button(Action::CancelEdit, id).attr("class", "folio-cancel").text(t.cancel)),
        )
        .child(el("p").attr("class", "folio-form-status").attr("role", "status").attr("aria-live", "polite"))
}

/// The status line after a comment was held for moderation.
pub fn moderation_notice(t: &CommentsText) -> &'static str {
    t.moderation
}

/// The status line after a comment was published.
pub fn posted_notice(t: &CommentsText) -> &'static str {
    t.posted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::text::EN;
    use crate::view::html::to_html;

    const NOW: f64 = 1_800_000_000.0;

    fn text_body(html: &str) -> Vec<Node> {
        vec![el("p").text(html).into()]
    }

    fn c(id: &str, replies: Vec<Comment>) -> Comment {
        Comment {
            id: id.into(),
            created: NOW - 180.0,
            likes: Some(2),
            body: Body::Html("<b>x</b>".into()),
            replies,
            ..Comment::default()
        }
    }

    fn render(page: &Page) -> (Vec<Node>, String) {
        let nodes = list(page, NOW, Sort::Oldest, &EN, &text_body, "", None);
        let html = nodes.iter().map(to_html).collect();
        (nodes, html)
    }

    fn all<'a>(nodes: &'a [Node], pred: &dyn Fn(&Element) -> bool) -> Vec<&'a Element> {
        let mut out = Vec::new();
        for n in nodes {
            n.find_all(pred, &mut out);
        }
        out
    }

    #[test]
    fn nested_replies_render_and_are_never_dropped() {
        // Six levels: deeper than the visual cap.
        let mut leaf = c("6", vec![]);
        for id in ["5", "4", "3", "2"] {
            leaf = c(id, vec![leaf]);
        }
        let page = Page { total: 7, comments: vec![c("1", vec![leaf]), c("7", vec![])], next: None, settings: None };
        let (nodes, html) = render(&page);
        let articles = all(&nodes, &|e| e.tag == "article");
        assert_eq!(articles.len(), 7);
        let depth_of = |id: &str| {
            let a = articles.iter().find(|a| a.get_attr("data-folio-comment-id") == Some(id)).unwrap();
            a.get_attr("class").unwrap_or_default().to_string()
        };
        assert!(depth_of("1").contains("folio-depth-0"));
        assert!(depth_of("2").contains("folio-depth-1"));
        assert!(depth_of("3").contains("folio-depth-2"));
        assert!(depth_of("5").contains("folio-depth-4"));
        assert!(depth_of("6").contains("folio-depth-4"));
        assert_eq!(all(&nodes, &|e| e.tag == "ol").len(), 6);
        assert!(html.contains("folio-replies-capped"));
        assert!(html.contains("<article class=\"folio-comment folio-depth-0\" id=\"folio-comment-1\" data-folio-comment-id=\"1\" part=\"comment\">"));
        let replies = all(&nodes, &|e| e.get_attr("data-folio-action") == Some("reply"));
        assert_eq!(replies.len(), 7);
        assert!(replies
            .iter()
            .all(|b| b.get_attr("type") == Some("button") && b.get_attr("data-folio-comment-id").is_some()));
    }

    #[test]
    fn no_event_handlers_anywhere() {
        let page = Page {
            total: 1,
            comments: vec![c("1", vec![c("2", vec![])])],
            next: Some(Cursor::Offset(20)),
            settings: None,
        };
        let (nodes, _) = render(&page);
        let mut trees = nodes;
        trees.push(placeholder(Some(1), &EN.section).into());
        trees.push(error_box(&CommentsError::Network, &EN).into());
        trees.push(crate::comments::form::form("f", &Default::default(), &Default::default(), &EN, Some("1")).into());
        let with_on = all(&trees, &|e| e.attrs.iter().any(|(n, _)| n.len() > 2 && n[..2].eq_ignore_ascii_case("on")));
        assert!(with_on.is_empty());
    }

    #[test]
    fn authors_are_escaped_linked_or_anonymous() {
        let mut evil = c("1", vec![]);
        evil.author = Some("<img src=x onerror=alert(1)> & \"Bob\"".into());
        evil.website = Some("javascript:alert(1)".into());
        let mut linked = c("2", vec![]);
        linked.author = Some("  Ada\n Lovelace ".into());
        linked.website = Some("https://ada.example/".into());
        let mut anon = c("3", vec![]);
        anon.author = Some("   ".into());
        let page = Page { total: 3, comments: vec![evil, linked, anon], next: None, settings: None };
        let (_, html) = render(&page);
        assert!(html
            .contains("<span class=\"folio-comment-author\">&lt;img src=x onerror=alert(1)&gt; &amp; \"Bob\"</span>"));
        assert!(html.contains(
            "<a class=\"folio-comment-author\" href=\"https://ada.example/\" rel=\"nofollow noopener noreferrer ugc\">Ada Lovelace</a>"
        ));
        assert!(html.contains("<span class=\"folio-comment-author\">Anonymous</span>"));
        assert!(!html.contains("<img") && !html.contains("javascript:"));
        // The body closure got the raw HTML, and the text closure kept it text.
        assert!(html.contains("<p>&lt;b&gt;x&lt;/b&gt;</p>"));
    }

    #[test]
    fn the_toolbar_links_to_the_feed_when_there_is_one() {
        let html = |feed| list_shell(false, Sort::Oldest, feed, &EN).iter().map(to_html).collect::<String>();
        assert!(html(Some("/feed?uri=%2Fa"))
            .contains(r#"<a class="folio-feed" href="/feed?uri=%2Fa">Comments feed (Atom)</a>"#));
        assert!(!html(None).contains("folio-feed"));
        assert!(
            list_shell(true, Sort::Oldest, Some("/f"), &EN).iter().all(|n| !to_html(n).contains("folio-feed")),
            "not for an empty thread"
        );
    }

    #[test]
    fn the_page_authors_comments_are_marked() {
        let mut reply = c("2", vec![]);
        reply.hash = Some("f124cf6b2f01".into());
        let mut top = c("1", vec![reply]);
        top.hash = Some("\"><script>".into());
        let mut other = c("3", vec![]);
        other.hash = Some("7831fe17a8cd".into());
        let page = Page { total: 3, comments: vec![top, other], next: None, settings: None };
        let authors = "f124cf6b2f01,\"><script>";
        let nodes = list(&page, NOW, Sort::Oldest, &EN, &text_body, authors, None);
        let marked = |nodes: &[Node]| {
            all(nodes, &|e| {
                e.tag == "article" && e.get_attr("class").is_some_and(|c| c.ends_with(" folio-comment-page-author"))
            })
            .iter()
            .map(|e| e.get_attr("data-folio-comment-id").unwrap_or_default().to_string())
            .collect::<Vec<_>>()
        };
        assert_eq!(marked(&nodes), ["1", "2"], "a reply too; any hash is compared, none is shown");
        let html: String = nodes.iter().map(to_html).collect();
        assert!(
            html.contains(
                r#"<span class="folio-comment-author">Anonymous</span><span class="folio-page-author">Author</span>"#
            ),
            "{html}"
        );
        assert!(!html.contains("f124cf6b2f01") && !html.contains("<script>"));
        assert!(marked(&list(&page, NOW, Sort::Oldest, &EN, &text_body, "", None)).is_empty());
    }

    #[test]
    fn time_likes_pending_and_load_more() {
        let mut pending = c("9", vec![]);
        pending.pending = true;
        let mut undated = c("10", vec![]);
        undated.created = 0.0;
        undated.likes = None;
        undated.hidden_replies = 3;
        let page = Page {
            total: 12,
            comments: vec![c("8", vec![]), pending, undated],
            next: Some(Cursor::Token("n x".into())),
            settings: None,
        };
        let (nodes, html) = render(&page);
        assert!(html.contains("<time class=\"folio-comment-time\" datetime=\"2027-01-15T07:57:00Z\" title=\"2027-01-15 07:57 UTC\">3 minutes ago</time>"));
        assert!(
            html.contains(
                "aria-pressed=\"false\">Like <span class=\"folio-like-count\" data-folio-likes=\"\">2</span></button>"
            ),
            "{html}"
        );
        assert!(html.contains("<p class=\"folio-comment-note\">Awaiting moderation</p>"));
        let actions_of = |id: &str| {
            let mut found = all(&nodes, &|e| e.get_attr("data-folio-comment-id") == Some(id) && e.tag == "button");
            found.sort_by_key(|e| e.get_attr("data-folio-action").map(str::to_string));
            found.iter().filter_map(|e| e.get_attr("data-folio-action")).collect::<Vec<_>>()
        };
        assert_eq!(actions_of("8"), ["like", "reply"]);
        assert_eq!(actions_of("9"), Vec::<&str>::new());
        assert_eq!(actions_of("10"), ["more-replies", "reply"]);
        assert!(html.contains("Show 3 more replies"));
        // With down-votes: Like, the score (likes less dislikes), Dislike.
        let mut voted = c("11", vec![]);
        voted.dislikes = Some(5);
        let (_, two_way) = render(&Page { total: 1, comments: vec![voted], next: None, settings: None });
        let like = r#"<button type="button" data-folio-action="like" data-folio-comment-id="11" aria-pressed="false">Like</button>"#;
        let score = r#"<span class="folio-like-count" data-folio-likes="">-3</span>"#;
        let dislike = r#"<button type="button" data-folio-action="dislike" data-folio-comment-id="11" aria-pressed="false">Dislike</button>"#;
        assert!(two_way.contains(&[like, score, dislike].concat()), "{two_way}");
        // The reader's own vote on this page is drawn pressed.
        let mut disliked = c("11", vec![]);
        (disliked.dislikes, disliked.voted) = (Some(5), Some(false));
        let (_, pressed) = render(&Page { total: 1, comments: vec![disliked], next: None, settings: None });
        let dislike_pressed = dislike.replace("aria-pressed=\"false\"", "aria-pressed=\"true\"");
        assert!(pressed.contains(&[like, score, &dislike_pressed].concat()), "{pressed}");
        let undated_article = all(&nodes, &|e| e.get_attr("id") == Some("folio-comment-10"))[0];
        assert!(Node::from(undated_article.clone()).find(&|e| e.tag == "time").is_none());
        assert!(html.contains("data-folio-action=\"load-more\" data-folio-cursor=\"n x\">Load more comments</button>"));
        assert!(html.contains("<option value=\"oldest\" selected=\"\">Oldest first</option>"));
        assert!(html.contains("data-folio-action=\"sort\""));
        let body = all(&nodes, &|e| e.get_attr("data-folio-html") == Some("8"));
        assert_eq!(body[0].get_attr("class"), Some("folio-comment-body"));
    }

    #[test]
    fn empty_page_and_deleted_comment() {
        let (_, html) = render(&Page::default());
        assert_eq!(html, "<p class=\"folio-comments-empty\">No comments yet. Start the conversation.</p>");
        let mut child = c("5", vec![]);
        child.body = Body::Html("reply".into());
        let mut gone = c("4", vec![child]);
        gone.deleted = true;
        gone.author = None;
        let (nodes, html) = render(&Page { total: 2, comments: vec![gone], next: None, settings: None });
        assert!(html.contains("This comment was deleted."));
        assert!(!html.contains("&lt;b&gt;x"), "a deleted comment's body is not rendered for it");
        assert_eq!(all(&nodes, &|e| e.get_attr("data-folio-action") == Some("reply")).len(), 1);
    }

    #[test]
    fn placeholder_shape() {
        let html = to_html(&placeholder(None, &EN.section).into());
        assert_eq!(
            html,
            "<section class=\"folio-comments\" part=\"comments\" aria-labelledby=\"folio-comments-heading\" data-folio-comments=\"\">\
             <h2 id=\"folio-comments-heading\">Comments</h2>\
             <div class=\"folio-comment-form-region\" data-folio-region=\"comment-form\"></div>\
             <div class=\"folio-comments-region folio-comments-loading\" data-folio-region=\"comments-list\" aria-live=\"polite\" aria-busy=\"true\">\
             <p class=\"folio-loading\">Loading comments\u{2026}</p></div></section>"
        );
        assert_eq!(heading_text(Some(0), &EN.section), "Comments (0)");
    }

    #[test]
    fn error_box_shape() {
        let e = CommentsError::RateLimited { retry_after: Some(5) };
        let html = to_html(&error_box(&e, &EN).into());
        assert_eq!(
            html,
            "<div class=\"folio-comments-error\" role=\"alert\" data-folio-error=\"comments/rate-limited\">\
             <p>Too many comments in a short time. Please wait 5 seconds and try again.</p>\
             <button type=\"button\" data-folio-action=\"retry-comments\">Try again</button></div>"
        );
        let hostile = CommentsError::Rejected { status: 400, message: "<script>x</script>".into() };
        assert!(to_html(&error_box(&hostile, &EN).into()).contains("&lt;script&gt;"));
        assert_ne!(moderation_notice(&EN), posted_notice(&EN));
    }
}
