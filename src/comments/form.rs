//! The comment form: its state, its client-side checks, and its view tree.
//!
//! The form is rendered from a [`Draft`] (the values) and a [`FormState`] (in flight, field
//! errors, status line). Every id is prefixed with a form id the caller chooses, so a page
//! (or shadow root) can hold a top-level form and a reply form at once. The edge wires
//! listeners by the `data-folio-*` attributes; nothing here touches the DOM.

use super::draft::Draft;
use super::markup::Action;
use super::model::MAX_TEXT_CHARS;
use super::sanitize::author_website;
use super::text::CommentsText;
use crate::view::{el, Element};

/// A form field that can carry an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The comment text.
    Text,
    /// The author's name.
    Name,
    /// The author's email.
    Email,
    /// The author's website.
    Website,
}

impl Field {
    /// The field's `name` attribute and id suffix: `text`, `name`, `email`, `website`.
    pub fn key(self) -> &'static str {
        match self {
            Field::Text => "text",
            Field::Name => "name",
            Field::Email => "email",
            Field::Website => "website",
        }
    }
}

/// What the form requires (from the site's configuration or the server's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FormRules {
    /// Longest text, in characters (the textarea's `maxlength`).
    pub max_chars: u32,
    /// Shortest text, in characters, blanks at the end not counted (Isso: 3).
    pub min_chars: u32,
    /// The name must be given.
    pub require_name: bool,
    /// The email must be given.
    pub require_email: bool,
    /// The server tells authors who give an email of replies, if they ask: the form has a
    /// checkbox for it, usable once an email is typed.
    pub notifications: bool,
    /// The server renders previews: the form has a Preview toggle.
    pub preview: bool,
}

impl FormRules {
    /// These rules with the server's `settings` added: what either requires is required.
    pub fn with(self, settings: &super::model::Settings) -> FormRules {
        FormRules {
            require_name: self.require_name || settings.require_name,
            require_email: self.require_email || settings.require_email,
            notifications: settings.notifications,
            preview: settings.preview,
            ..self
        }
    }
}

impl Default for FormRules {
    /// Up to [`MAX_TEXT_CHARS`], at least 3, name and email optional.
    fn default() -> Self {
        FormRules {
            max_chars: MAX_TEXT_CHARS,
            min_chars: 3,
            require_name: false,
            require_email: false,
            notifications: false,
            preview: false,
        }
    }
}

/// Everything about the form that is not the draft's values.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FormState {
    /// A post is in flight: the submit button is disabled and says so, and the text
    /// cannot be changed.
    pub posting: bool,
    /// The draft is a pending post, waiting for the connection or the server: its text
    /// cannot be changed, the submit button is disabled, and a button cancels it.
    pub waiting: bool,
    /// Field errors to show, at most one per field.
    pub errors: Vec<(Field, String)>,
    /// The status line ("Your comment has been posted.", an error message), if any.
    pub status: Option<String>,
    /// What the form requires.
    pub rules: FormRules,
}

impl FormState {
    /// The error shown for `field`, if any.
    pub fn error(&self, field: Field) -> Option<&str> {
        self.errors.iter().find(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }
}

/// Checks a draft before posting; one message per failing field, in form order. The
/// server checks again; this only spares the reader a round trip.
pub fn validate(draft: &Draft, rules: &FormRules, t: &CommentsText) -> Vec<(Field, String)> {
    let mut errors = Vec::new();
    let chars = draft.text.trim_end().chars().count();
    if draft.text.trim().is_empty() {
        errors.push((Field::Text, t.val_text_required.to_string()));
    } else if chars < rules.min_chars as usize {
        errors.push((Field::Text, t.val_text_short.with(u64::from(rules.min_chars))));
    } else if draft.text.chars().count() > rules.max_chars as usize {
        errors.push((Field::Text, t.val_text_long.with(u64::from(rules.max_chars))));
    }
    if rules.require_name && draft.name.trim().is_empty() {
        errors.push((Field::Name, t.val_name_required.to_string()));
    }
    let email = draft.email.trim();
    if email.is_empty() {
        if rules.require_email {
            errors.push((Field::Email, t.val_email_required.to_string()));
        }
    } else if !looks_like_email(email) {
        errors.push((Field::Email, t.val_email_invalid.to_string()));
    }
    let website = draft.website.trim();
    if !website.is_empty() && author_website(website).is_none() {
        errors.push((Field::Website, t.val_website_invalid.to_string()));
    }
    errors
}

/// `local@domain.tld`, no spaces, at most 254 characters: a typo check, not RFC 5322.
fn looks_like_email(s: &str) -> bool {
    let Some(at) = crate::search::rfind(s, "@") else { return false };
    let (local, domain) = (&s[..at], &s[at + 1..]);
    s.len() <= 254
        && !local.is_empty()
        && crate::search::byte(domain, b'.').is_some()
        && !domain.starts_with(".")
        && !domain.ends_with(".")
        && !s.chars().any(char::is_whitespace)
}

/// `"{chars} / {max}"`, the text of the character counter.
pub fn counter_text(chars: usize, max: u32) -> String {
    let mut out = crate::date::number(chars as u64);
    out.push_str(" / ");
    crate::date::push_number(&mut out, max);
    out
}

fn id(form_id: &str, suffix: &str) -> String {
    let mut out = String::with_capacity(form_id.len() + suffix.len() + 1);
    out.push_str(form_id);
    out.push('-');
    out.push_str(suffix);
    out
}

/// The id of the section's comment form (its reply forms are the same form, moved).
pub const FORM_ID: &str = "folio-comment-form";

/// The comment form as pre-rendered markup holds it: the form the section shows first (an
/// empty draft), `inert` until the section replaces it with the live one. The live form
/// then takes the room this one held, so nothing below it moves when the section goes
/// live; readers without JavaScript see the form but cannot use it.
pub fn static_form(rules: FormRules, t: &CommentsText) -> Element {
    let state = FormState { rules, ..FormState::default() };
    form(FORM_ID, &Draft::default(), &state, t, None).attr("inert", "")
}

/// Renders the comment form.
///
/// `form_id` prefixes every id (`{form_id}-text`, `{form_id}-text-counter`,
/// `{form_id}-text-error`, `{form_id}-status`, ...) and must be unique in its document or
/// shadow root. With `parent` the form is a reply form: it says so, carries
/// `data-folio-parent`, and has a Cancel button (`data-folio-action="cancel-reply"`).
///
/// Inputs are described (`aria-describedby`) by their counter, hint and error, and marked
/// `aria-invalid` when they have an error. The honeypot field `folio_hp` is hidden from
/// people and assistive technology; a filled honeypot means a bot.
pub fn form(form_id: &str, draft: &Draft, state: &FormState, t: &CommentsText, parent: Option<&str>) -> Element {
    let rules = &state.rules;
    let heading_id = id(form_id, "heading");
    let mut form = el("form")
        .attr("class", "folio-comment-form")
        .attr("id", form_id)
        .attr("data-folio-form", form_id)
        .attr("novalidate", "")
        .attr("aria-labelledby", heading_id.as_str())
        .attr_opt("data-folio-parent", parent)
        .child(el("h3").attr("id", heading_id).text(if parent.is_some() { t.reply_heading } else { t.form_heading }));

    // The comment text, with its live counter.
    let text_id = id(form_id, "text");
    let counter_id = id(form_id, "text-counter");
    let mut textarea = el("textarea")
        .attr("id", text_id.as_str())
        .attr("name", "text")
        .attr("required", "")
        .attr("rows", "5")
        .attr("maxlength", crate::date::number(rules.max_chars.into()));
    let counter = el("p")
        .attr("id", counter_id.as_str())
        .attr("class", "folio-counter")
        .attr("aria-live", "polite")
        .attr("data-folio-counter", "")
        .text(counter_text(draft.text.chars().count(), rules.max_chars));
    let error = field_error(form_id, Field::Text, state, &mut textarea, counter_id);
    if state.posting || state.waiting {
        textarea.set_attr("readonly", "");
    }
    textarea = textarea.text(draft.text.as_str());
    form.push(
        el("div")
            .attr("class", "folio-field folio-field-text")
            .child(el("label").attr("for", text_id).text(t.text_label))
            .child(textarea)
            .child(counter)
            .child_opt(error),
    );
    // Where the Preview toggle shows the server's rendering of the text, in the text's
    // place; empty (and so announced when it is filled) until then.
    let preview_id = id(form_id, "preview");
    if rules.preview {
        form.push(
            el("div")
                .attr("id", preview_id.as_str())
                .attr("class", "folio-preview folio-comment-body")
                .attr("aria-live", "polite")
                .attr("data-folio-preview", ""),
        );
    }

    form.push(input(
        form_id,
        Field::Name,
        &draft.name,
        t.name_label,
        "text",
        "name",
        rules.require_name,
        None,
        state,
        t,
    ));
    form.push(input(
        form_id,
        Field::Email,
        &draft.email,
        t.email_label,
        "email",
        "email",
        rules.require_email,
        Some(t.email_hint),
        state,
        t,
    ));
    if rules.notifications {
        // Named `notify`, checked as the draft says, and usable once there is an email to
        // write to (the edge keeps `disabled` in step with the email field).
        let check = el("input")
            .attr("type", "checkbox")
            .attr("name", "notify")
            .attr_opt("checked", draft.notify.then_some(""))
            .attr_opt("disabled", draft.email.trim().is_empty().then_some(""));
        form.push(el("div").attr("class", "folio-notify").child(el("label").child(check).text(t.notify_label)));
    }
    form.push(input(form_id, Field::Website, &draft.website, t.website_label, "url", "url", false, None, state, t));

    // Honeypot: people never see it, bots fill it in.
    form.push(
        el("div").attr("class", "folio-hp").attr("aria-hidden", "true").child(
            el("label").text(t.honeypot).child(
                el("input")
                    .attr("type", "text")
                    .attr("name", "folio_hp")
                    .attr("tabindex", "-1")
                    .attr("autocomplete", "off"),
            ),
        ),
    );

    form.push(
        el("p")
            .attr("id", id(form_id, "status"))
            .attr("class", "folio-form-status")
            .attr("role", "status")
            .attr("aria-live", "polite")
            .text(state.status.as_deref().unwrap_or_default()),
    );

    let mut submit = el("button").attr("type", "submit").attr("class", "folio-submit");
    if state.posting {
        submit = submit.attr("disabled", "").attr("aria-busy", "true").text(t.posting);
    } else if state.waiting {
        submit = submit.attr("disabled", "").text(t.submit);
    } else {
        submit = submit.text(t.submit);
    }
    let cancel_sending = state.waiting.then(|| button(Action::CancelSending, t.cancel_sending));
    let cancel = parent
        .filter(|_| !state.waiting)
        .map(|p| button(Action::CancelReply, t.cancel).attr("data-folio-comment-id", p));
    let preview = rules
        .preview
        .then(|| button(Action::Preview, t.preview).attr("aria-pressed", "false").attr("aria-controls", preview_id));
    form.push(
        el("div")
            .attr("class", "folio-form-actions")
            .child(submit)
            .child_opt(preview)
            .child_opt(cancel_sending)
            .child_opt(cancel),
    );
    form
}

/// A button of the form's row besides Submit that does `action`, with `label`.
#[inline(never)]
fn button(action: Action, label: &str) -> Element {
    el("button")
        .attr("type", "button")
        .attr("class", "folio-cancel")
        .attr("data-folio-action", action.as_str())
        .text(label)
}

/// The error paragraph of `field`, if it has one; wires `aria-describedby` (starting with
/// `described_by`) and `aria-invalid` on `control`.
fn field_error(
    form_id: &str,
    field: Field,
    state: &FormState,
    control: &mut Element,
    described_by: String,
) -> Option<Element> {
    let mut ids = described_by;
    let error = state.error(field).map(|message| {
        let mut error_id = id(form_id, field.key());
        error_id.push_str("-error");
        if !ids.is_empty() {
            ids.push(' ');
        }
        ids.push_str(&error_id);
        control.set_attr("aria-invalid", "true");
        el("p").attr("id", error_id).attr("class", "folio-field-error").text(message)
    });
    if !ids.is_empty() {
        control.set_attr("aria-describedby", ids);
    }
    error
}

#[allow(clippy::too_many_arguments)]
fn input(
    form_id: &str,
    field: Field,
    value: &str,
    label: &'static str,
    kind: &'static str,
    autocomplete: &'static str,
    required: bool,
    hint: Option<&'static str>,
    state: &FormState,
    t: &CommentsText,
) -> Element {
    let input_id = id(form_id, field.key());
    let mut label_el = el("label").attr("for", input_id.as_str()).text(label);
    if !required {
        label_el = label_el.text(" ").child(el("span").attr("class", "folio-optional").text(t.optional));
    }
    let mut control = el("input")
        .attr("id", input_id.as_str())
        .attr("name", field.key())
        .attr("type", kind)
        .attr("autocomplete", autocomplete)
        .attr("maxlength", if field == Field::Name { "100" } else { "254" })
        .attr("value", value);
    if required {
        control.set_attr("required", "");
    }
    let hint_el = hint.map(|h| {
        let mut hint_id = input_id.clone();
        hint_id.push_str("-hint");
        el("p").attr("id", hint_id).attr("class", "folio-hint").text(h)
    });
    let hint_id = hint_el.as_ref().and_then(|h| h.get_attr("id")).unwrap_or_default().to_string();
    let error = field_error(form_id, field, state, &mut control, hint_id);
    let mut class = String::from("folio-field folio-field-");
    class.push_str(field.key());
    el("div").attr("class", class).child(label_el).child(control).child_opt(hint_el).child_opt(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::text::EN;
    use crate::view::{html::to_html, Node};

    fn ids(node: &Node) -> Vec<String> {
        let mut all = Vec::new();
        node.find_all(&|e| e.get_attr("id").is_some(), &mut all);
        all.iter().filter_map(|e| e.get_attr("id")).map(str::to_string).collect()
    }

    #[test]
    fn ids_are_unique_and_prefixed() {
        let state = FormState {
            errors: vec![
                (Field::Text, "t".into()),
                (Field::Name, "n".into()),
                (Field::Email, "e".into()),
                (Field::Website, "w".into()),
            ],
            ..FormState::default()
        };
        let a: Node = form("folio-f1", &Draft::default(), &state, &EN, None).into();
        let b: Node = form("folio-f2", &Draft::default(), &state, &EN, Some("7")).into();
        let mut all = ids(&a);
        all.extend(ids(&b));
        let count = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), count, "duplicate ids");
        assert!(all.iter().all(|i| i.starts_with("folio-f1") || i.starts_with("folio-f2")));
    }

    #[test]
    fn describedby_points_at_existing_ids() {
        let state = FormState {
            errors: vec![(Field::Text, "Please write a comment.".into()), (Field::Email, "bad".into())],
            ..FormState::default()
        };
        let node: Node = form("f", &Draft::default(), &state, &EN, None).into();
        let known = ids(&node);
        let mut described = Vec::new();
        node.find_all(&|e| e.get_attr("aria-describedby").is_some(), &mut described);
        assert_eq!(described.len(), 2, "textarea and email");
        for e in &described {
            for id in e.get_attr("aria-describedby").unwrap_or_default().split(' ') {
                assert!(known.iter().any(|k| k == id), "{id}");
            }
        }
        let textarea = node.find(&|e| e.tag == "textarea").unwrap();
        assert_eq!(textarea.get_attr("aria-describedby"), Some("f-text-counter f-text-error"));
        assert_eq!(textarea.get_attr("aria-invalid"), Some("true"));
        let email = node.find(&|e| e.get_attr("name") == Some("email")).unwrap();
        assert_eq!(email.get_attr("aria-describedby"), Some("f-email-hint f-email-error"));
        let name = node.find(&|e| e.get_attr("name") == Some("name")).unwrap();
        assert_eq!((name.get_attr("aria-describedby"), name.get_attr("aria-invalid")), (None, None));
        let err = node.find(&|e| e.get_attr("id") == Some("f-text-error")).unwrap();
        assert_eq!(err.get_attr("class"), Some("folio-field-error"));
    }

    #[test]
    fn values_come_from_the_draft_and_are_escaped() {
        let d = Draft {
            text: "</textarea><script>alert(1)</script>".into(),
            name: "\"><img src=x onerror=alert(1)>".into(),
            email: "a@b.example".into(),
            website: "https://ada.example/".into(),
            parent: None,
            notify: false,
            pending: None,
        };
        let html = to_html(&form("f", &d, &FormState::default(), &EN, None).into());
        assert!(html.contains("&lt;/textarea&gt;&lt;script&gt;"));
        assert!(html.contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
        assert!(!html.contains("<script") && !html.contains("<img"));
        assert!(html.contains("value=\"https://ada.example/\""));
        assert!(html.contains(">36 / 10000</p>"));
        assert!(html.contains("<h3 id=\"f-heading\">Submit a Comment</h3>"));
        assert!(html.contains(
            "<div class=\"folio-hp\" aria-hidden=\"true\"><label>Leave this empty<input type=\"text\" name=\"folio_hp\" tabindex=\"-1\" autocomplete=\"off\"></label></div>"
        ));
        assert!(
            html.contains("autocomplete=\"email\"")
                && html.contains("autocomplete=\"url\"")
                && html.contains("autocomplete=\"name\"")
        );
        assert!(html.contains("role=\"status\" aria-live=\"polite\""));
        assert!(!html.contains("folio-cancel"));
    }

    #[test]
    fn the_servers_settings_add_to_the_sites_rules() {
        use crate::comments::Settings;
        let site = FormRules { require_name: true, ..FormRules::default() };
        let server = Settings { require_email: true, notifications: true, ..Settings::default() };
        let rules = site.with(&server);
        assert!(rules.require_name && rules.require_email && rules.notifications);
        assert_eq!(site.with(&Settings::default()), site, "the server cannot lift the site's requirements");
        let html =
            |draft: &Draft| to_html(&form("f", draft, &FormState { rules, ..FormState::default() }, &EN, None).into());
        // The checkbox is named, labelled by its text, checked as the draft says, and
        // usable once there is an email.
        let empty = html(&Draft::default());
        assert!(empty.contains(r#"<div class="folio-notify"><label><input type="checkbox" name="notify" disabled="">Notify me of replies by email</label></div>"#), "{empty}");
        let asked = html(&Draft { email: "a@b.example".into(), notify: true, ..Draft::default() });
        assert!(asked.contains(r#"<input type="checkbox" name="notify" checked="">"#), "{asked}");
        assert!(
            asked.contains(
                r#"name="email" type="email" autocomplete="email" maxlength="254" value="a@b.example" required="""#
            ),
            "{asked}"
        );
        let without = to_html(&form("f", &Draft::default(), &FormState::default(), &EN, None).into());
        assert!(!without.contains("notify"));
        assert!(!without.contains("preview"));
    }

    #[test]
    fn a_server_that_renders_previews_gets_a_preview_toggle() {
        use crate::comments::Settings;
        let rules = FormRules::default().with(&Settings { preview: true, ..Settings::default() });
        let html =
            to_html(&form("f", &Draft::default(), &FormState { rules, ..FormState::default() }, &EN, None).into());
        // The region after the text field, announced when filled, and the toggle it names.
        assert!(
            html.contains(r#"</div><div id="f-preview" class="folio-preview folio-comment-body" aria-live="polite" data-folio-preview=""></div><div class="folio-field folio-field-name">"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<button type="button" class="folio-cancel" data-folio-action="preview" aria-pressed="false" aria-controls="f-preview">Preview</button>"#),
            "{html}"
        );
    }

    #[test]
    fn posting_and_reply_states() {
        let state = FormState { posting: true, status: Some("Sending".into()), ..FormState::default() };
        let node: Node = form("r", &Draft::default(), &state, &EN, Some("42")).into();
        let submit = node.find(&|e| e.get_attr("type") == Some("submit")).unwrap();
        assert_eq!(submit.get_attr("disabled"), Some(""));
        assert_eq!(Node::from(submit.clone()).text_content(), "Posting\u{2026}");
        let cancel = node.find(&|e| e.get_attr("data-folio-action") == Some("cancel-reply")).unwrap();
        assert_eq!(cancel.get_attr("data-folio-comment-id"), Some("42"));
        let root = node.find(&|e| e.tag == "form").unwrap();
        assert_eq!(root.get_attr("data-folio-parent"), Some("42"));
        assert_eq!(root.get_attr("novalidate"), Some(""));
        assert!(node.text_content().contains("Write a Reply"));
        assert!(node.text_content().contains("Sending"));
    }

    #[test]
    fn validation() {
        let rules = FormRules::default();
        let d = |text: &str, email: &str, website: &str| Draft {
            text: text.into(),
            email: email.into(),
            website: website.into(),
            ..Draft::default()
        };
        let fields = |d: &Draft, r: &FormRules| validate(d, r, &EN).into_iter().map(|(f, _)| f).collect::<Vec<_>>();
        assert_eq!(fields(&d("Nice piece", "", ""), &rules), []);
        assert_eq!(fields(&d("  ", "", ""), &rules), [Field::Text]);
        assert_eq!(validate(&d("ab  ", "", ""), &rules, &EN)[0].1, "Comments need at least 3 characters.");
        assert_eq!(fields(&d(&"x".repeat(10_001), "", ""), &rules), [Field::Text]);
        assert_eq!(fields(&d("okay", "nope", "javascript:alert(1)"), &rules), [Field::Email, Field::Website]);
        assert_eq!(fields(&d("okay", "a@b.example", "https://ok.example"), &rules), []);
        for bad in ["a@b", "@b.example", "a b@c.example", "a@.example", "a@example."] {
            assert_eq!(fields(&d("okay", bad, ""), &rules), [Field::Email], "{bad}");
        }
        let strict = FormRules { require_name: true, require_email: true, ..rules };
        assert_eq!(fields(&d("okay", "", ""), &strict), [Field::Name, Field::Email]);
    }
}
