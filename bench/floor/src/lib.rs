//! `bench/floor`'s module: every piece of pure work the comment section does, each behind a
//! plain export (strings and numbers in; DOM fragments built by the one DOM builder, or
//! strings, out), with none of the section's browser edge: no listeners, timers, fetches,
//! storage, observers, closures or shared state handles. Built the way the package's
//! modules are built, its size is what any design of the comments module must carry for
//! today's features, however thin its edge: a sans-IO state machine driven from JS, a
//! leaner edge, or the same work split across modules (the `write` feature: with it the
//! writing side too; without it, what a reader who only reads needs).
//!
//! It is a measuring device, not a product: nothing loads it. `bench/floor/run` builds both
//! variants and prints their sizes next to the comments module's.

#![deny(missing_docs)]

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::DocumentFragment;

use folio::comments::config::CommentsConfig;
use folio::comments::draft::Draft;
use folio::comments::embedded::{self, Embedded};
use folio::comments::form::{counter_text, form, validate, FormState, FORM_ID};
use folio::comments::listing::Listing;
use folio::comments::{contract, sanitize, thread, view};
use folio::comments::{Backend, Cursor, HttpRequest, HttpResponse, Page, Settings, Sort, ThreadRef};
use folio::i18n::{self, Lang};
use folio::json;
use folio::view::Node;

#[cfg(feature = "write")]
use folio::comments::own::OwnComment;

/// What the section holds between two events.
struct Section {
    /// The HTTP backend; `None` for the host's callbacks, whose answers are the contract's.
    backend: Option<Box<dyn Backend>>,
    list: Listing,
    draft: Draft,
    #[cfg(feature = "write")]
    own: Vec<OwnComment>,
    form: FormState,
    lang: Lang,
    thread: ThreadRef,
    settings: Settings,
    authors: String,
    #[cfg(feature = "write")]
    title: String,
}

thread_local! {
    static SECTION: RefCell<Option<Section>> = const { RefCell::new(None) };
}

/// Runs `f` on the section started by [`start`]; the default value before that.
fn with<R: Default>(f: impl FnOnce(&mut Section) -> R) -> R {
    SECTION.with(|cell| cell.borrow_mut().as_mut().map(f).unwrap_or_default())
}

/// `nodes` as a fragment of the page's document.
fn fragment(nodes: &[Node]) -> Option<DocumentFragment> {
    folio_web::dom::document().and_then(|d| folio_web::dom::build::fragment(&d, nodes)).ok()
}

/// A request as a JS driver would send it: `[method, url, header, value, ..., body?]`.
fn request_text(r: &HttpRequest) -> String {
    let mut out = String::from("[");
    json::write_string(&mut out, r.method.as_str());
    out.push(',');
    json::write_string(&mut out, &r.url);
    for (name, value) in &r.headers {
        out.push(',');
        json::write_string(&mut out, name);
        out.push(',');
        json::write_string(&mut out, value);
    }
    if let Some(body) = &r.body {
        out.push(',');
        json::write_string(&mut out, body);
    }
    out.push_str(if r.credentials { ",1]" } else { "]" });
    out
}

/// The thread of the top-level comment at `at` as `<li>` nodes (none without one).
fn items(s: &Section, at: Option<usize>, now: f64) -> Vec<Node> {
    let comments = at.and_then(|i| s.list.comments.get(i..i + 1)).unwrap_or(&[]);
    view::items(comments, now, s.lang.comments(), &sanitize::comment_body, &s.authors)
}

impl Section {
    /// Reads a list answer as the section's server writes it.
    fn read_page(
        &self,
        sort: Sort,
        cursor: Option<&Cursor>,
        r: &HttpResponse,
    ) -> Result<Page, folio::comments::CommentsError> {
        match &self.backend {
            Some(backend) => backend.parse_list(sort, cursor, r),
            None => contract::parse_list(r),
        }
    }
}

/// Starts the section: the configuration (the `comments` option's JSON), the thread and
/// title, the saved draft and own comments, the clock (Unix seconds) and the locale
/// table's text (empty: English).
#[wasm_bindgen]
pub fn start(
    config: &str,
    thread: String,
    title: String,
    draft: &str,
    own: &str,
    now: f64,
    locale: &str,
) -> Result<(), JsValue> {
    let value = json::parse(config).map_err(|e| JsValue::from_str(&e.position()))?;
    let config = CommentsConfig::from_json(&value)
        .map_err(|e| JsValue::from_str(&e))?
        .ok_or_else(|| JsValue::from_str("no comments configuration"))?;
    let lang =
        if locale.is_empty() { Lang::EN } else { i18n::register(locale).map_err(|e| JsValue::from_str(&e.text()))? };
    let section = Section {
        backend: config.http_server().map(|server| server.backend()),
        list: Listing::new(config.sort, config.count),
        draft: Draft::from_json(draft).unwrap_or_default(),
        #[cfg(feature = "write")]
        own: folio::comments::own::from_json(own, now),
        form: FormState { rules: config.rules, ..FormState::default() },
        lang,
        thread: ThreadRef::new(thread),
        settings: Settings::default(),
        authors: config.author_hashes.clone().unwrap_or_default(),
        #[cfg(feature = "write")]
        title,
    };
    // Read only by the writing side.
    #[cfg(not(feature = "write"))]
    let _ = (own, now, title);
    SECTION.with(|cell| *cell.borrow_mut() = Some(section));
    Ok(())
}

/// The request for a page of the list (`cursor`: the next page's token), or for every
/// reply of comment `replies_of`.
#[wasm_bindgen]
pub fn list_request(sort: &str, cursor: Option<String>, replies_of: Option<String>) -> String {
    with(|s| {
        let sort = Sort::parse(sort).unwrap_or(s.list.sort);
        let Some(backend) = &s.backend else { return String::new() };
        let request = match replies_of {
            Some(id) => backend.replies_request(&s.thread, &id, sort),
            None => Some(backend.list_request(&s.thread, sort, cursor.map(Cursor::Token).as_ref())),
        };
        request.as_ref().map(request_text).unwrap_or_default()
    })
}

/// A list answer taken in (appended to the list when `append`): the list's nodes with
/// its toolbar and "Load more", or the error box.
#[wasm_bindgen]
pub fn list_answer(status: u16, body: String, append: bool, now: f64) -> Option<DocumentFragment> {
    with(|s| {
        let page = s.read_page(s.list.sort, s.list.next.as_ref(), &HttpResponse::new(status, body));
        let t = s.lang.comments();
        let page = match page {
            Ok(page) => page,
            Err(e) => return fragment(&[view::error_box(&e, t).into()]),
        };
        if let Some(settings) = s.list.take(page, append) {
            s.settings = settings;
            s.form.rules = s.form.rules.with(&settings);
        }
        let feed = s.backend.as_ref().filter(|_| s.settings.feed).and_then(|b| b.feed_url(&s.thread));
        let mut nodes = view::list_shell(s.list.comments.is_empty(), s.list.sort, feed.as_deref(), t);
        nodes.extend(view::items(&s.list.comments, now, t, &sanitize::comment_body, &s.authors));
        if let Some(cursor) = &s.list.next {
            nodes.push(view::load_more(cursor, t).into());
        }
        fragment(&nodes)
    })
}

/// Every reply of comment `id` taken in: its thread's nodes, or the failure's words.
#[wasm_bindgen]
pub fn replies_answer(id: &str, status: u16, body: String, now: f64) -> Option<DocumentFragment> {
    with(|s| match s.read_page(s.list.sort, None, &HttpResponse::new(status, body)) {
        Ok(page) => {
            thread::show_replies(&mut s.list.comments, id, page.comments);
            fragment(&items(s, thread::thread_of(&s.list.comments, id), now))
        }
        Err(e) => fragment(&[folio::view::text(e.message_in(s.lang.comments()))]),
    })
}

/// A check for new comments answered: the offer's words, the next wait, and the new
/// comments' ids once they are put in.
#[wasm_bindgen]
pub fn check_answer(status: u16, body: String, wait: u32, every: u32) -> String {
    with(|s| {
        let found =
            s.read_page(Sort::Newest, None, &HttpResponse::new(status, body)).is_ok_and(|p| s.list.note(p.comments));
        let mut out = s.lang.comments().new_comments.with(s.list.fresh.len() as u64);
        out.push_str(&folio::date::number(u64::from(folio::comments::retry::next_check_wait(found, wait, every))));
        while let Some((id, _)) = s.list.put_fresh() {
            out.push_str(&id);
        }
        out
    })
}

/// Folio-render's embedded first page adopted: whether it is used and its markup kept.
// The embedded page's attributes and text, each as the edge reads it.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen]
pub fn adopt(
    format: &str,
    thread: &str,
    sort: &str,
    fetched: &str,
    body: &str,
    now: f64,
    max_age: u32,
    fingerprint: &str,
) -> bool {
    with(|s| {
        let found = Embedded { format, thread, sort, fetched, body };
        let Ok(page) = embedded::read(&found, &s.thread.uri, s.list.sort, now, max_age, true) else { return false };
        s.list.take(page, false);
        let page = Page {
            total: s.list.total.unwrap_or(0),
            comments: std::mem::take(&mut s.list.comments),
            next: s.list.next.clone(),
            settings: None,
        };
        let nodes =
            view::list(&page, f64::NAN, s.list.sort, s.lang.comments(), &sanitize::comment_body, &s.authors, None);
        s.list.comments = page.comments;
        folio::view::fingerprint(&nodes) == fingerprint
    })
}

/// How one thread's change can be drawn (see [`thread::Patch`]), and the heading's words.
#[wasm_bindgen]
pub fn patch(on_screen: usize, index: usize) -> String {
    with(|s| {
        let patch = thread::Patch::of(on_screen, s.list.comments.len(), index) as u8;
        folio::date::number(u64::from(patch)) + &view::heading_text(s.list.total, s.lang.section())
    })
}

/// The form, under comment `parent` or at the top.
#[wasm_bindgen]
pub fn form_nodes(parent: Option<String>) -> Option<DocumentFragment> {
    with(|s| fragment(&[form(FORM_ID, &s.draft, &s.form, s.lang.comments(), parent.as_deref()).into()]))
}

/// The form's fields read into the draft: the counter's words and the draft to store.
#[wasm_bindgen]
pub fn draft_input(text: String, name: String, email: String, website: String, notify: bool) -> String {
    with(|s| {
        s.draft = Draft { text, name, email, website, notify, ..std::mem::take(&mut s.draft) };
        counter_text(s.draft.text.chars().count(), s.form.rules.max_chars) + &s.draft.to_json()
    })
}

/// The form checked against its rules: the first error's words, if any.
#[wasm_bindgen]
pub fn check_form() -> String {
    with(|s| {
        s.form.errors = validate(&s.draft, &s.form.rules, s.lang.comments());
        s.form.errors.first().map(|(_, e)| e.clone()).unwrap_or_default()
    })
}

#[cfg(feature = "write")]
mod write {
    //! The writing side: posting (look-up, answer, retries), votes, previews, edits and
    //! deletions, and the reader's own comments.

    use super::*;
    use folio::comments::draft::Pending;
    use folio::comments::own;
    use folio::comments::posting::{outcome, Outcome};
    use folio::comments::retry::after_failure;
    use folio::comments::CommentsError;

    /// The draft sent as post `key` at `now`: the look-up (when an earlier attempt may
    /// have arrived) and the post's requests, and the draft to store.
    #[wasm_bindgen]
    pub fn post_request(key: String, now: f64, unsure: bool) -> String {
        with(|s| {
            s.draft.pending = Some(Pending { key, since: now as u64, unsure });
            let unsure = s.draft.attempt().is_some_and(|p| p.unsure);
            let comment = s.draft.to_new_comment(&s.thread.uri, &s.title);
            let mut out = match &s.backend {
                Some(b) => request_text(&b.post_request(&comment)),
                None => request_text(&contract::post("", &comment)),
            };
            if let Some(lookup) = s.backend.as_ref().and_then(|b| b.lookup_request(&comment)).filter(|_| unsure) {
                out.push_str(&request_text(&lookup));
            }
            out + &s.draft.to_json()
        })
    }

    /// The look-up's answer: the id of the comment the thread already holds, if any.
    #[wasm_bindgen]
    pub fn lookup_answer(status: u16, body: String, since: f64) -> Option<String> {
        with(|s| {
            let comment = s.draft.to_new_comment(&s.thread.uri, &s.title);
            let backend = s.backend.as_ref()?;
            backend.parse_lookup(&comment, since as u64, &HttpResponse::new(status, body)).ok().flatten()
        })
    }

    /// The post's answer (`status` < 0: none came): the new comment's thread and the form
    /// with its notice, or the form with why and the wait before the next attempt.
    #[wasm_bindgen]
    pub fn post_answer(
        status: i32,
        body: String,
        attempt: u32,
        unsure: bool,
        online: bool,
        random: f64,
        now: f64,
    ) -> Option<DocumentFragment> {
        with(|s| {
            let answer =
                u16::try_from(status).map(|st| HttpResponse::new(st, body)).map_err(|_| CommentsError::Network);
            let t = s.lang.comments();
            let read = outcome(answer, |r| match &s.backend {
                Some(b) => b.parse_post(r),
                None => contract::parse_post(r),
            });
            let mut nodes = Vec::new();
            match read {
                Outcome::Accepted(posted) => {
                    s.own.push(OwnComment { id: posted.comment.id.clone(), posted: now, text: s.draft.text.clone() });
                    let at = s.list.posted(posted.comment, posted.pending);
                    s.draft.delivered();
                    let notice = if posted.pending { view::moderation_notice(t) } else { view::posted_notice(t) };
                    s.form = FormState { rules: s.form.rules, status: Some(notice.into()), ..FormState::default() };
                    nodes = items(s, at, now);
                    nodes.push(folio::view::text(own::to_json(&s.own, now)));
                }
                Outcome::Stored { found } => {
                    s.draft.delivered();
                    let status = if found { view::posted_notice(t) } else { t.sent_unconfirmed };
                    s.form = FormState { rules: s.form.rules, status: Some(status.into()), ..FormState::default() };
                }
                Outcome::Failed(error) => {
                    let next = after_failure(&error, attempt, unsure, online, || random);
                    s.draft.failed(next.keep, next.unsure);
                    let mut status = error.message_in(t);
                    status.push_str(if next.keep { t.waiting } else { t.draft_kept });
                    s.form = FormState {
                        rules: s.form.rules,
                        waiting: next.keep,
                        status: Some(status),
                        ..FormState::default()
                    };
                    nodes.push(folio::view::text(folio::date::number(u64::from(next.retry_in.unwrap_or(0)))));
                }
            }
            nodes.push(form(FORM_ID, &s.draft, &s.form, t, None).into());
            fragment(&nodes)
        })
    }

    /// The request that likes (`up`) or dislikes comment `id`.
    #[wasm_bindgen]
    pub fn vote_request(id: &str, up: bool) -> String {
        with(|s| {
            s.backend.as_ref().and_then(|b| b.vote_request(id, up)).map(|(r, _)| request_text(&r)).unwrap_or_default()
        })
    }

    /// The vote's answer: the score to show, or why it failed.
    #[wasm_bindgen]
    pub fn vote_answer(id: &str, up: bool, status: u16, body: String) -> String {
        with(|s| {
            let Some((_, read)) = s.backend.as_ref().and_then(|b| b.vote_request(id, up)) else { return String::new() };
            match read(&HttpResponse::new(status, body)) {
                Ok(votes) => {
                    s.list.voted(id, up, votes);
                    folio::date::signed(votes.likes - votes.dislikes)
                }
                Err(e) => e.message_in(s.lang.comments()),
            }
        })
    }

    /// The request that renders the draft as the server would.
    #[wasm_bindgen]
    pub fn preview_request() -> String {
        with(|s| {
            let request = s.backend.as_ref().and_then(|b| b.preview_request(&s.draft.text));
            request.map(|(r, _)| request_text(&r)).unwrap_or_default()
        })
    }

    /// The preview's answer: the sanitized nodes, or the failure's note.
    #[wasm_bindgen]
    pub fn preview_answer(status: u16, body: String) -> Option<DocumentFragment> {
        with(|s| {
            let (_, read) = s.backend.as_ref()?.preview_request("")?;
            match read(&HttpResponse::new(status, body)) {
                Ok(html) => fragment(&sanitize::comment_body(&html)),
                Err(e) => fragment(&[view::form_failure(&e, s.lang.comments()).into()]),
            }
        })
    }

    /// The request that edits (`Some(text)`) or deletes the reader's comment `id`.
    #[wasm_bindgen]
    pub fn change_request(id: &str, text: Option<String>) -> String {
        with(|s| {
            let request = s.backend.as_ref().and_then(|b| b.change_request(id, text.as_deref()));
            request.map(|(r, _)| request_text(&r)).unwrap_or_default()
        })
    }

    /// The change's answer: the comment's thread drawn again, or why it failed.
    #[wasm_bindgen]
    pub fn change_answer(
        id: &str,
        text: Option<String>,
        status: u16,
        body: String,
        now: f64,
    ) -> Option<DocumentFragment> {
        with(|s| {
            let (_, read) = s.backend.as_ref()?.change_request(id, text.as_deref())?;
            match read(&HttpResponse::new(status, body)) {
                Ok(updated) => {
                    let at = s.list.changed(id, updated, text.is_none());
                    match text {
                        Some(t) => s.own.iter_mut().filter(|c| c.id == id).for_each(|c| c.text = t.clone()),
                        None => s.own.retain(|c| c.id != id),
                    }
                    let mut nodes = items(s, at, now);
                    nodes.push(folio::view::text(own::to_json(&s.own, now)));
                    fragment(&nodes)
                }
                Err(e) => fragment(&[folio::view::text(e.message_in(s.lang.comments()))]),
            }
        })
    }

    /// Edit and Delete for the reader's comment `id` while it can be changed, and the
    /// edit form with its text.
    #[wasm_bindgen]
    pub fn own_controls(id: &str, now: f64) -> Option<DocumentFragment> {
        with(|s| {
            let mine = s.own.iter().find(|c| c.id == id && c.editable(now))?;
            let t = s.lang.comments();
            let mut nodes = view::owner_actions(id, t);
            nodes.push(view::edit_form(id, &mine.text, t).into());
            fragment(&nodes)
        })
    }
}
