//! Share links: the network table, the URL templates, and the share bar as a
//! view tree. Pure: no DOM, no I/O; the browser edge wires the copy and native-share
//! buttons (found by their `data-folio-action`) and the optional popup windows.
//!
//! - [`network`]: the controls, their ids and names, config-name parsing.
//! - [`options`]: [`ShareOptions`] and reading them from JSON with warnings.
//! - [`links`]: one share URL per network ([`share_url`]).
//! - [`encode`]: percent-encoding and UTM tagging.
//! - [`grapheme`]: an approximate grapheme counter, for Bluesky's 300-grapheme limit.
//! - [`icons`]: the tiny inline SVG glyphs.
//! - [`bar`]: the bar itself ([`share_bar`]).
//!
//! URLs are checked in one place only, `view::url`, when the bar sets them as `href`.

pub mod bar;
pub mod encode;
pub mod grapheme;
pub mod icons;
pub mod links;
pub mod network;
pub mod options;

pub use bar::share_bar;
pub use links::{share_url, shared_url};
pub use network::{parse_networks, Network};
pub use options::{Placement, ShareOptions, Utm};

/// What is being shared: the article's canonical URL (already validated by the widget),
/// its title and an optional summary (used in the email body).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareTarget<'a> {
    /// The article's canonical URL, used as given.
    pub url: &'a str,
    /// The article's title.
    pub title: &'a str,
    /// A short summary, if the article has one.
    pub summary: Option<&'a str>,
}

/// The share bar's user-visible strings, for one locale. Network names are brand names
/// and are not translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareText {
    /// Accessible name of the bar's `<nav>` ("Share this article").
    pub nav_label: &'static str,
    /// Accessible name of a network link; `{network}` is replaced by the network's name
    /// ("Share on {network}").
    pub share_on: &'static str,
    /// The copy button's label and accessible name ("Copy link").
    pub copy_link: &'static str,
    /// Announced in the live region after a successful copy ("Link copied").
    pub link_copied: &'static str,
    /// Announced when copying failed and the link field is shown instead.
    pub copy_failed: &'static str,
    /// The native-share button's accessible name ("Share…").
    pub native_share: &'static str,
    /// The native-share button's visible label ("Share").
    pub native_share_label: &'static str,
    /// Accessible name of the read-only link field ("Link to this article").
    pub link_field_label: &'static str,
}

impl ShareText {
    /// English (a `const`, so that [`crate::i18n::EN`] can hold it by value).
    pub const EN: ShareText = ShareText {
        nav_label: "Share this article",
        share_on: "Share on {network}",
        copy_link: "Copy link",
        link_copied: "Link copied",
        copy_failed: "Could not copy. Select the link below and copy it.",
        native_share: "Share\u{2026}",
        native_share_label: "Share",
        link_field_label: "Link to this article",
    };

    /// English.
    pub fn en() -> ShareText {
        Self::EN
    }

    /// The [`share_on`](ShareText::share_on) template filled in with `network`.
    ///
    /// ```
    /// use folio::share::ShareText;
    /// assert_eq!(ShareText::en().share_label("LinkedIn"), "Share on LinkedIn");
    /// ```
    pub fn share_label(&self, network: &str) -> String {
        crate::search::replace(self.share_on, "{network}", network)
    }
}

impl Default for ShareText {
    fn default() -> Self {
        ShareText::en()
    }
}
