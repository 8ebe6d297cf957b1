//! The names the comment section's markup and its edge share: what each control does
//! ([`Action`], written as its `data-folio-action`), the regions, and the selectors the
//! edge finds the parts of the section by. The views ([`view`](super::view),
//! [`form`](super::form)) write the markup; the tests below check that every selector
//! here finds what they write, so a renamed class cannot leave the edge looking for the
//! old one.

/// What a control of the comment section does: its `data-folio-action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The sort `<select>`.
    Sort,
    /// "Load more comments" (the button carries the next page's cursor).
    LoadMore,
    /// "Try again" after the list failed to load.
    RetryComments,
    /// "Reply" under a comment: the form moves under it.
    Reply,
    /// "Cancel" on the reply form: the form goes back to its region.
    CancelReply,
    /// "Like" (its `aria-pressed` says whether the reader liked it).
    Like,
    /// "Dislike", where the server keeps down-votes too (its `aria-pressed` says whether
    /// the reader disliked it).
    Dislike,
    /// "N more replies": the hidden replies of a comment.
    MoreReplies,
    /// "Edit" on the reader's own comment.
    Edit,
    /// "Cancel" on the edit form.
    CancelEdit,
    /// "Delete" on the reader's own comment (a second press confirms).
    Delete,
    /// "Cancel sending" while a post waits to be retried.
    CancelSending,
    /// "Preview" on the form (its `aria-pressed` says whether the preview is shown).
    Preview,
    /// "N new comments": puts the comments posted since the list was drawn into it.
    ShowNew,
}

impl Action {
    /// Every action.
    pub const ALL: [Action; 14] = [
        Action::Sort,
        Action::LoadMore,
        Action::RetryComments,
        Action::Reply,
        Action::CancelReply,
        Action::Like,
        Action::Dislike,
        Action::MoreReplies,
        Action::Edit,
        Action::CancelEdit,
        Action::Delete,
        Action::CancelSending,
        Action::Preview,
        Action::ShowNew,
    ];

    /// The `data-folio-action` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Sort => "sort",
            Action::LoadMore => "load-more",
            Action::RetryComments => "retry-comments",
            Action::Reply => "reply",
            Action::CancelReply => "cancel-reply",
            Action::Like => "like",
            Action::Dislike => "dislike",
            Action::MoreReplies => "more-replies",
            Action::Edit => "edit",
            Action::CancelEdit => "cancel-edit",
            Action::Delete => "delete",
            Action::CancelSending => "cancel-sending",
            Action::Preview => "preview",
            Action::ShowNew => "show-new",
        }
    }

    /// The action a `data-folio-action` value names.
    pub fn parse(value: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == value)
    }

    /// A selector for the controls of the actions the edge looks for by name:
    /// `[data-folio-action="like"]`, `[data-folio-action="dislike"]`,
    /// `[data-folio-action="reply"]`, `[data-folio-action="retry-comments"]` (the split
    /// core's Retry, before the comments module runs); [`ANY_ACTION`] for the others.
    #[inline]
    pub fn selector(self) -> &'static str {
        match self {
            Action::Like => r#"[data-folio-action="like"]"#,
            Action::Dislike => r#"[data-folio-action="dislike"]"#,
            Action::Reply => r#"[data-folio-action="reply"]"#,
            Action::RetryComments => r#"[data-folio-action="retry-comments"]"#,
            _ => ANY_ACTION,
        }
    }
}

/// Any control with an action (what a delegated listener looks for).
pub const ANY_ACTION: &str = "[data-folio-action]";

/// The section's regions (`data-folio-region`), each filled on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Region {
    /// The comment form's place (the form is there unless it replies to a comment).
    Form,
    /// The list, its loading line or its error box.
    List,
}

impl Region {
    /// The `data-folio-region` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Region::Form => "comment-form",
            Region::List => "comments-list",
        }
    }

    /// A selector for the region.
    pub fn selector(self) -> &'static str {
        match self {
            Region::Form => r#"[data-folio-region="comment-form"]"#,
            Region::List => r#"[data-folio-region="comments-list"]"#,
        }
    }
}

/// The section heading, `<h2 id="folio-comments-heading">`.
pub const HEADING: &str = "#folio-comments-heading";
/// The `<ol>` of top-level comments.
pub const LIST: &str = ".folio-comment-list";
/// Each top-level comment (with its replies) of [`LIST`], from the list.
pub const LIST_ITEMS: &str = ":scope > li";
/// "N new comments" in the list's toolbar (hidden until there are some).
pub const NEW_COMMENTS: &str = r#"[data-folio-action="show-new"]"#;
/// The "Load more comments" button.
pub const LOAD_MORE: &str = ".folio-load-more";
/// A comment's `<article>` is `#` this and its id (made safe for a selector).
pub const COMMENT_ID_PREFIX: &str = "#folio-comment-";
/// A comment's body.
pub const COMMENT_BODY: &str = ".folio-comment-body";
/// A comment's footer of controls (Reply, Like, Edit, Delete).
pub const COMMENT_ACTIONS: &str = ".folio-comment-actions";
/// The like count inside a Like button.
pub const LIKES: &str = "[data-folio-likes]";
/// The comment form.
pub const FORM: &str = "[data-folio-form]";
/// The comment form when it replies to a comment.
pub const REPLY_FORM: &str = "[data-folio-form][data-folio-parent]";
/// The comment form's text.
pub const FORM_TEXT: &str = "[data-folio-form] textarea";
/// The comment form's text field: its label, the text, the counter and the error (hidden
/// while the preview is shown).
pub const FORM_TEXT_FIELD: &str = "[data-folio-form] .folio-field-text";
/// Where the comment form shows the preview.
pub const FORM_PREVIEW: &str = "[data-folio-form] [data-folio-preview]";
/// The comment form's character counter.
pub const FORM_COUNTER: &str = "[data-folio-form] [data-folio-counter]";
/// The comment form's submit button.
pub const FORM_SUBMIT: &str = "[data-folio-form] .folio-submit";
/// The comment form's honeypot field (left empty by people).
pub const FORM_HONEYPOT: &str = r#"[data-folio-form] [name="folio_hp"]"#;
/// The comment form's field `name` (`text`, `name`, `email`, `website`: `form::Field::key`).
pub fn form_field(name: &str) -> String {
    let mut selector = String::from(r#"[data-folio-form] [name=""#);
    selector.push_str(name);
    selector.push_str(r#""]"#);
    selector
}

/// A form's status line (the comment form's, or an edit form's inside a comment).
pub const STATUS: &str = ".folio-form-status";
/// The comment form's status line.
pub const FORM_STATUS: &str = "[data-folio-form] .folio-form-status";
/// The comment form's reply-notification checkbox (when the server offers it).
pub const FORM_NOTIFY: &str = r#"[data-folio-form] [name="notify"]"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::form::{form, FormRules, FormState};
    use crate::comments::model::{Body, Comment, Cursor, Page, Sort};
    use crate::comments::text::EN;
    use crate::comments::view;
    use crate::view::html::to_html;
    use crate::view::{Element, Node};

    /// Whether `e` matches a simple selector: `#id`, `.class`, `[attr]`, `[attr="value"]`,
    /// `tag`, or several of them together (`[a][b]`, `[a].b`).
    fn matches(e: &Element, selector: &str) -> bool {
        let mut rest = selector;
        while !rest.is_empty() {
            let end = rest[1..].find(['.', '#', '[']).map_or(rest.len(), |i| i + 1);
            let (part, tail) = rest.split_at(end);
            rest = tail;
            let ok = match part.as_bytes()[0] {
                b'#' => e.get_attr("id") == Some(&part[1..]),
                b'.' => e.get_attr("class").is_some_and(|c| c.split(' ').any(|c| c == &part[1..])),
                b'[' => match part[1..part.len() - 1].split_once('=') {
                    Some((name, value)) => e.get_attr(name) == Some(value.trim_matches('"')),
                    None => e.get_attr(&part[1..part.len() - 1]).is_some(),
                },
                _ => e.tag == part,
            };
            if !ok {
                return false;
            }
        }
        true
    }

    /// Whether some element of `nodes` matches `selector`, a descendant selector of simple
    /// ones (`[data-folio-form] textarea`).
    fn finds(nodes: &[Node], selector: &str) -> bool {
        fn within(nodes: &[Node], parts: &[&str]) -> bool {
            nodes.iter().any(|n| match n {
                Node::Element(e) => {
                    let (first, rest) = (parts[0], &parts[1..]);
                    (matches(e, first) && (rest.is_empty() || within(&e.children, rest))) || within(&e.children, parts)
                }
                _ => false,
            })
        }
        within(nodes, &selector.split(' ').collect::<Vec<_>>())
    }

    fn comment(id: &str) -> Comment {
        Comment {
            id: id.into(),
            parent: None,
            author: Some("Ann".into()),
            website: None,
            created: 1.0,
            modified: None,
            likes: Some(2),
            dislikes: None,
            hash: None,
            avatar: None,
            body: Body::Html("<p>Hi</p>".into()),
            pending: false,
            deleted: false,
            replies: Vec::new(),
            hidden_replies: 1,
            voted: None,
        }
    }

    /// The whole section as the edge sees it: the placeholder with a list and a form.
    fn section() -> Vec<Node> {
        let page = Page {
            total: 2,
            comments: vec![comment("1"), Comment { dislikes: Some(1), ..comment("2") }],
            next: Some(Cursor::Offset(1)),
            settings: None,
        };
        let body = |_: &str| vec![Node::Text("Hi".into())];
        let mut nodes = vec![view::placeholder(Some(2), &EN.section).into()];
        nodes.extend(view::list(&page, 10.0, Sort::Oldest, &EN, &body, "", None));
        nodes.push(view::load_more(&Cursor::Offset(1), &EN).into());
        nodes.push(view::error_box(&crate::comments::CommentsError::Network, &EN).into());
        nodes.extend(view::owner_actions("1", &EN));
        nodes.push(view::edit_form("1", "Hi", &EN).into());
        let rules = FormRules::default();
        nodes.push(form("f", &Default::default(), &FormState { rules, ..FormState::default() }, &EN, Some("1")).into());
        let notifications = FormRules { notifications: true, preview: true, ..rules };
        nodes.push(
            form("n", &Default::default(), &FormState { rules: notifications, ..FormState::default() }, &EN, None)
                .into(),
        );
        let waiting = FormState { rules, waiting: true, ..FormState::default() };
        nodes.push(form("g", &Default::default(), &waiting, &EN, None).into());
        nodes
    }

    #[test]
    fn every_selector_finds_what_the_views_write() {
        let nodes = section();
        for selector in [
            HEADING,
            LIST,
            LOAD_MORE,
            COMMENT_BODY,
            COMMENT_ACTIONS,
            LIKES,
            FORM,
            REPLY_FORM,
            FORM_TEXT,
            FORM_COUNTER,
            FORM_SUBMIT,
            FORM_HONEYPOT,
            STATUS,
            FORM_STATUS,
            FORM_NOTIFY,
            FORM_TEXT_FIELD,
            FORM_PREVIEW,
            NEW_COMMENTS,
            ANY_ACTION,
            &[COMMENT_ID_PREFIX, "1"].concat(),
            Region::Form.selector(),
            Region::List.selector(),
            &form_field("text"),
            &form_field("name"),
            &form_field("email"),
            &form_field("website"),
        ] {
            assert!(finds(&nodes, selector), "nothing matches {selector}");
        }
        for action in Action::ALL {
            let selector = [r#"[data-folio-action=""#, action.as_str(), r#""]"#].concat();
            assert!(finds(&nodes, &selector), "no control does {}", action.as_str());
            assert!([ANY_ACTION, &selector].contains(&action.selector()), "{selector}");
            assert_eq!(Action::parse(action.as_str()), Some(action));
        }
        for region in [Region::Form, Region::List] {
            let selector = [r#"[data-folio-region=""#, region.as_str(), r#""]"#].concat();
            assert_eq!(region.selector(), selector);
        }
        assert_eq!(Action::parse("copy"), None);
        assert!(!finds(&nodes, ".folio-no-such-class"), "the matcher can fail");
        let html: String = nodes.iter().map(to_html).collect();
        assert!(html.contains(r#"<ol class="folio-comment-list">"#), "{html}");
    }
}
