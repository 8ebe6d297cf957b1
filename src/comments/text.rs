//! Every string the comments section shows a reader, in one table per language.
//!
//! This module holds the shape ([`CommentsText`], with the section's frame,
//! [`SectionText`], which the core shows before the comments module is there) and the
//! English tables ([`EN`], [`EN_SECTION`]); the other languages are in [`crate::i18n`]. Counted phrases are [`Plural`]s with a `{n}`
//! placeholder, one form per CLDR plural category of their language. Nothing here formats
//! markup: the strings are text and reach the page through the view tree.

pub use crate::plural::{fill, Plural, PluralCategory, PluralRule};

/// The words of the section's frame, which the page shows before the comments module is
/// there: the heading, the loading line, and the error box when the module or the list
/// cannot be had. The core carries these and not the rest of [`CommentsText`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionText {
    /// Section heading, e.g. "Comments" (the count is added as " (N)").
    pub heading: &'static str,
    /// Shown while the list loads.
    pub loading: &'static str,
    /// Retry button in the error box.
    pub retry: &'static str,
    /// Error: no answer from the server.
    pub err_network: &'static str,
}

/// The visible strings of the comments section, its form and its errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentsText {
    /// The section's frame (heading, loading line, retry, network error).
    pub section: SectionText,
    /// A thread's number of comments where it stands alone, "12 comments" (the count
    /// element of index pages, `js/count.js`, reads it from the locale files).
    pub count: Plural,
    /// Shown when a thread has no comments.
    pub empty: &'static str,
    /// Label of the sort control.
    pub sort_label: &'static str,
    /// Sort option: oldest first.
    pub sort_oldest: &'static str,
    /// Sort option: newest first.
    pub sort_newest: &'static str,
    /// Sort option: most liked first.
    pub sort_top: &'static str,
    /// The link to the thread's feed, when the server publishes one.
    pub feed: &'static str,
    /// The "Load more" button.
    pub load_more: &'static str,
    /// The button that reveals replies the server held back.
    pub more_replies: Plural,
    /// The button that shows comments posted since the list was drawn.
    pub new_comments: Plural,
    /// Author name shown when a comment has none.
    pub anonymous: &'static str,
    /// The reply button.
    pub reply: &'static str,
    /// The like button.
    pub like: &'static str,
    /// The dislike button, where the server keeps down-votes.
    pub dislike: &'static str,
    /// The form's toggle that shows the text as the server will render it.
    pub preview: &'static str,
    /// Marker on edited comments.
    pub edited: &'static str,
    /// Note on a comment held for moderation.
    pub awaiting_moderation: &'static str,
    /// Body of a comment deleted on the server but kept because it has replies.
    pub deleted: &'static str,
    /// Heading of the new-comment form.
    pub form_heading: &'static str,
    /// Heading of the form when replying.
    pub reply_heading: &'static str,
    /// Label of the comment textarea.
    pub text_label: &'static str,
    /// Label of the name field.
    pub name_label: &'static str,
    /// Label of the email field.
    pub email_label: &'static str,
    /// Hint under the email field.
    pub email_hint: &'static str,
    /// Label of the website field.
    pub website_label: &'static str,
    /// Label of the checkbox that asks for replies by email, when the server offers it.
    pub notify_label: &'static str,
    /// The mark after the name of the page author's comments: "Author".
    pub page_author: &'static str,
    /// Marker added to the label of optional fields.
    pub optional: &'static str,
    /// Submit button.
    pub submit: &'static str,
    /// Submit button while the comment is being sent.
    pub posting: &'static str,
    /// Cancel button of a reply form.
    pub cancel: &'static str,
    /// Label of the honeypot field (hidden from people, visible to naive bots).
    pub honeypot: &'static str,
    /// Status after a comment was published.
    pub posted: &'static str,
    /// Status after a comment was held for moderation.
    pub moderation: &'static str,
    /// Button on the reader's own comment, while the server allows edits.
    pub edit: &'static str,
    /// Button saving an edited comment.
    pub save: &'static str,
    /// Button deleting the reader's own comment (first press).
    pub delete: &'static str,
    /// The delete button's second state, asking for confirmation.
    pub confirm_delete: &'static str,
    /// Label of the textarea when editing a comment.
    pub edit_label: &'static str,
    /// After a failed post's message, while Folio tries again by itself.
    pub retrying: &'static str,
    /// When the server took a comment but its answer could not be read.
    pub sent_unconfirmed: &'static str,
    /// After a failed post's message, once Folio has stopped trying.
    pub draft_kept: &'static str,
    /// A post kept to be sent when the connection or the server is back (a pending post).
    pub waiting: &'static str,
    /// The button that cancels a pending post (the text stays in the form).
    pub cancel_sending: &'static str,
    /// Relative time under a minute.
    pub just_now: &'static str,
    /// Relative time in minutes.
    pub minutes_ago: Plural,
    /// Relative time in hours.
    pub hours_ago: Plural,
    /// Relative time of one day.
    pub yesterday: &'static str,
    /// Relative time in days.
    pub days_ago: Plural,
    /// Relative time in months.
    pub months_ago: Plural,
    /// Relative time in years.
    pub years_ago: Plural,
    /// Error: the server failed (5xx).
    pub err_server: &'static str,
    /// Error: rate limited.
    pub err_rate_limited: &'static str,
    /// Follows `err_rate_limited` when the server said how long to wait.
    pub err_wait: Plural,
    /// Follows `err_rate_limited` when it did not.
    pub err_wait_unknown: &'static str,
    /// Error: the server refused the comment; its own reason follows after ": ".
    pub err_rejected: &'static str,
    /// Error: the answer could not be read.
    pub err_bad_response: &'static str,
    /// Error: the comment is too long for the server.
    pub err_too_large: &'static str,
    /// Validation: no comment text.
    pub val_text_required: &'static str,
    /// Validation: comment text too short.
    pub val_text_short: Plural,
    /// Validation: comment text too long.
    pub val_text_long: Plural,
    /// Validation: name required.
    pub val_name_required: &'static str,
    /// Validation: email required.
    pub val_email_required: &'static str,
    /// Validation: email malformed.
    pub val_email_invalid: &'static str,
    /// Validation: website not an http(s) address.
    pub val_website_invalid: &'static str,
}

/// The English frame words.
pub const EN_SECTION: SectionText = SectionText {
    heading: "Comments",
    loading: "Loading comments\u{2026}",
    retry: "Try again",
    err_network: "The comment server did not answer. Check your connection and try again.",
};

/// The English table (a `const`, so that [`crate::i18n::EN`] can hold it by value).
pub const EN: CommentsText = CommentsText {
    section: EN_SECTION,
    count: Plural::one_other(PluralRule::En, "1 comment", "{n} comments"),
    empty: "No comments yet. Start the conversation.",
    sort_label: "Sort by",
    sort_oldest: "Oldest first",
    sort_newest: "Newest first",
    sort_top: "Most liked",
    feed: "Comments feed (Atom)",
    load_more: "Load more comments",
    more_replies: Plural::one_other(PluralRule::En, "Show 1 more reply", "Show {n} more replies"),
    new_comments: Plural::one_other(PluralRule::En, "1 new comment", "{n} new comments"),
    anonymous: "Anonymous",
    reply: "Reply",
    like: "Like",
    dislike: "Dislike",
    preview: "Preview",
    edited: "edited",
    awaiting_moderation: "Awaiting moderation",
    deleted: "This comment was deleted.",
    form_heading: "Submit a Comment",
    reply_heading: "Write a Reply",
    text_label: "Comment",
    name_label: "Name",
    email_label: "Email",
    email_hint: "Never shown publicly.",
    website_label: "Website",
    notify_label: "Notify me of replies by email",
    page_author: "Author",
    optional: "(optional)",
    submit: "Post Comment",
    posting: "Posting\u{2026}",
    cancel: "Cancel",
    honeypot: "Leave this empty",
    posted: "Your comment has been posted.",
    moderation: "Thank you! Your comment will appear once a moderator has approved it.",
    edit: "Edit",
    save: "Save",
    delete: "Delete",
    confirm_delete: "Really delete?",
    edit_label: "Edit your comment",
    retrying: "Trying again\u{2026}",
    sent_unconfirmed:
        "Your comment was sent, but the server's answer could not be read. It should appear when the comments reload.",
    draft_kept: "Your comment is kept here; post it again when you are ready.",
    waiting: "Waiting to send: your comment goes out as soon as the comment server can be reached.",
    cancel_sending: "Cancel sending",
    just_now: "just now",
    minutes_ago: Plural::one_other(PluralRule::En, "1 minute ago", "{n} minutes ago"),
    hours_ago: Plural::one_other(PluralRule::En, "1 hour ago", "{n} hours ago"),
    yesterday: "yesterday",
    days_ago: Plural::one_other(PluralRule::En, "1 day ago", "{n} days ago"),
    months_ago: Plural::one_other(PluralRule::En, "1 month ago", "{n} months ago"),
    years_ago: Plural::one_other(PluralRule::En, "1 year ago", "{n} years ago"),
    err_server: "The comment server ran into a problem. Please try again in a moment.",
    err_rate_limited: "Too many comments in a short time.",
    err_wait: Plural::one_other(
        PluralRule::En,
        "Please wait 1 second and try again.",
        "Please wait {n} seconds and try again.",
    ),
    err_wait_unknown: "Please wait a little and try again.",
    err_rejected: "The comment was not accepted",
    err_bad_response: "The comment server sent an answer that could not be read. Please try again later.",
    err_too_large: "This comment is too long to post. Please shorten it.",
    val_text_required: "Please write a comment.",
    val_text_short: Plural::one_other(
        PluralRule::En,
        "Comments need at least 1 character.",
        "Comments need at least {n} characters.",
    ),
    val_text_long: Plural::one_other(
        PluralRule::En,
        "Please keep the comment to 1 character.",
        "Please keep the comment to {n} characters or fewer.",
    ),
    val_name_required: "Please enter your name.",
    val_email_required: "Please enter your email address.",
    val_email_invalid: "Please enter a valid email address, like name@example.com.",
    val_website_invalid: "Please enter a full web address starting with https://",
};

impl CommentsText {
    /// The English strings.
    pub fn en() -> &'static CommentsText {
        &EN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_fill_the_number() {
        assert_eq!(EN.err_wait.with(1), "Please wait 1 second and try again.");
        assert_eq!(EN.more_replies.with(0), "Show 0 more replies");
        assert_eq!(fill("no placeholder", 3), "no placeholder");
    }

    #[test]
    fn missing_forms_fall_back_to_other() {
        let p = Plural { two: Some("two of them"), ..Plural::one_other(PluralRule::He, "just one", "{n} of them") };
        assert_eq!(
            (p.with(1), p.with(2), p.with(3), p.with(0)),
            ("just one".into(), "two of them".into(), "3 of them".into(), "0 of them".into())
        );
        let ja = Plural::new(PluralRule::Ja, "{n}件");
        assert_eq!((ja.with(1), ja.form_for(PluralCategory::One)), ("1件".to_string(), None));
        // A Russian phrase missing its `many` form uses `other` there, and only there.
        let ru = Plural { one: Some("{n} one"), few: Some("{n} few"), ..Plural::new(PluralRule::Ru, "{n} other") };
        assert_eq!([ru.with(21), ru.with(22), ru.with(25)], ["21 one", "22 few", "25 other"]);
    }
}
