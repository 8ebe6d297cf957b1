//! Share-bar options and reading them from the host's JSON config. Reading never fails:
//! a wrong value is replaced by its default and reported as a warning string.

use super::network::{parse_networks, Network};
use crate::json::Value;
use crate::search;

/// Where the widget puts the share bar relative to the article. The bar itself does not
/// read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Placement {
    /// Above the article body (the default: where the seed page had its share row).
    #[default]
    Top,
    /// Below the article body.
    Bottom,
    /// Both above and below.
    Both,
}

/// UTM campaign parameters appended to the shared URL. Each one is optional; an empty
/// value is treated as absent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Utm {
    /// `utm_source`, e.g. `"folio"`.
    pub source: Option<String>,
    /// `utm_medium`, e.g. `"social"`.
    pub medium: Option<String>,
    /// `utm_campaign`, e.g. `"spring-launch"`.
    pub campaign: Option<String>,
}

impl Utm {
    /// The parameters that are set, as `(name, value)` pairs in source, medium, campaign
    /// order.
    pub fn params(&self) -> Vec<(&'static str, &str)> {
        [("utm_source", &self.source), ("utm_medium", &self.medium), ("utm_campaign", &self.campaign)]
            .into_iter()
            .filter_map(|(name, v)| v.as_deref().map(|v| (name, v)))
            .collect()
    }
}

/// How the share bar looks and what it links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareOptions {
    /// The controls to show, in order, each at most once.
    pub networks: Vec<Network>,
    /// Show icons only (the label then lives only in `aria-label`).
    pub icon_only: bool,
    /// UTM parameters to add to the shared URL, if any.
    pub utm: Option<Utm>,
    /// X/Twitter handle credited with `via=`, without `@`.
    pub via: Option<String>,
    /// Hashtags for X/Twitter, without `#`.
    pub hashtags: Vec<String>,
    /// A Mastodon instance (`host` or `host:port`) to share to directly instead of
    /// share.joinmastodon.org. Only bare host names are accepted (see [`is_bare_host`]).
    pub mastodon_instance: Option<String>,
    /// Mark network links with `data-folio-popup` so the edge opens them in a small window.
    pub popup: bool,
    /// Where the widget places the bar.
    pub placement: Placement,
}

impl Default for ShareOptions {
    fn default() -> Self {
        ShareOptions {
            networks: Network::DEFAULT.to_vec(),
            icon_only: false,
            utm: None,
            via: None,
            hashtags: Vec::new(),
            mastodon_instance: None,
            popup: false,
            placement: Placement::Top,
        }
    }
}

impl ShareOptions {
    /// Reads the `share` options object. Keys: `networks` (array of names or one
    /// comma-separated string), `labels` (`"shown"` or `"icons"`), `utm` (`{source,
    /// medium, campaign}`), `via`, `hashtags` (array or comma-separated string),
    /// `mastodonInstance`, `popup` (boolean), `placement` (`"top"`, `"bottom"`, `"both"`).
    /// A missing or `null` key keeps its default; a wrong one keeps its default and adds
    /// a warning. Other keys are ignored.
    ///
    /// ```
    /// use folio::{json, share::{Network, ShareOptions}};
    /// let v = json::parse(r#"{"networks": "bluesky, Google+, copy", "popup": "yes"}"#).unwrap();
    /// let (opts, warnings) = ShareOptions::from_json(&v);
    /// assert_eq!(opts.networks, [Network::Bluesky, Network::Copy]);
    /// assert!(!opts.popup);
    /// assert_eq!(warnings.len(), 2);
    /// ```
    pub fn from_json(value: &Value) -> (ShareOptions, Vec<String>) {
        let mut opts = ShareOptions::default();
        let mut warnings = Vec::new();
        match value {
            Value::Object(_) => {}
            Value::Null => return (opts, warnings),
            other => {
                warnings.push(wrong_type("share", "an object", other));
                return (opts, warnings);
            }
        }
        let get = |key: &str| value.get(key).filter(|v| **v != Value::Null);

        if let Some(v) = get("networks") {
            match string_list(v, "share.networks", &mut warnings) {
                Some(names) => {
                    let (nets, w) = parse_networks(names.iter().map(String::as_str));
                    opts.networks = nets;
                    warnings.extend(w);
                }
                None => warnings.push(wrong_type("share.networks", "an array of names or a comma-separated string", v)),
            }
        }
        if let Some(v) = get("labels") {
            match v.as_str() {
                Some("shown") => opts.icon_only = false,
                Some("icons") => opts.icon_only = true,
                _ => warnings.push(wrong_value("share.labels", "\"shown\" or \"icons\"", v)),
            }
        }
        if let Some(v) = get("utm") {
            opts.utm = read_utm(v, &mut warnings);
        }
        if let Some(v) = get("via") {
            match v.as_str().map(|s| search::skip(s.trim(), |b| b == b'@')) {
                Some("") => {}
                Some(s) if s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => opts.via = Some(s.to_string()),
                _ => warnings.push(wrong_value("share.via", "an X handle such as \"@folio\"", v)),
            }
        }
        if let Some(v) = get("hashtags") {
            match string_list(v, "share.hashtags", &mut warnings) {
                Some(tags) => {
                    opts.hashtags = tags
                        .iter()
                        .map(|t| search::skip(t, |b| b == b'#').trim().to_string())
                        .filter(|t| !t.is_empty())
                        .collect()
                }
                None => {
                    warnings.push(wrong_type("share.hashtags", "an array of strings or a comma-separated string", v))
                }
            }
        }
        if let Some(v) = get("mastodonInstance") {
            match v.as_str().map(str::trim) {
                Some(host) if is_bare_host(host) => opts.mastodon_instance = Some(host.to_ascii_lowercase()),
                _ => {
                    let mut w = wrong_value(
                        "share.mastodonInstance",
                        "a bare host name such as \"mastodon.social\" (no scheme or path)",
                        v,
                    );
                    w.push_str(" Sharing via share.joinmastodon.org instead.");
                    warnings.push(w);
                }
            }
        }
        if let Some(v) = get("popup") {
            match v {
                Value::Bool(b) => opts.popup = *b,
                other => warnings.push(wrong_type("share.popup", "true or false", other)),
            }
        }
        if let Some(v) = get("placement") {
            match v.as_str() {
                Some("top") => opts.placement = Placement::Top,
                Some("bottom") => opts.placement = Placement::Bottom,
                Some("both") => opts.placement = Placement::Both,
                _ => warnings.push(wrong_value("share.placement", "\"top\", \"bottom\" or \"both\"", v)),
            }
        }
        (opts, warnings)
    }
}

/// Is `host` a bare `hostname` or `hostname:port`: dot-separated labels of ASCII letters,
/// digits and `-` (not at either end of a label), and an optional port 1–65535?
///
/// ```
/// use folio::share::options::is_bare_host;
/// assert!(is_bare_host("mastodon.social"));
/// assert!(is_bare_host("localhost:3000"));
/// assert!(!is_bare_host("https://mastodon.social"));
/// assert!(!is_bare_host("evil.example/phish?"));
/// ```
pub fn is_bare_host(host: &str) -> bool {
    let (name, port) = match search::byte(host, b':') {
        Some(colon) => (&host[..colon], Some(&host[colon + 1..])),
        None => (host, None),
    };
    let port_ok = port.map_or(true, |p| {
        p.len() <= 5 && !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (1..=65535).contains(&decimal(p))
    });
    let name_ok = !name.is_empty()
        && name.len() <= 253
        && search::split(name, ".").all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with("-")
                && !label.ends_with("-")
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        // A numeric last label makes the URL parser read the host as an IPv4 address, so
        // it must be one ("08", "1.2.3.999", "0x1f" are not); a name ends in a TLD, and
        // every TLD starts with a letter.
        && (is_ipv4(name) || last_label(name).first().is_some_and(u8::is_ascii_alphabetic));
    port_ok && name_ok
}

/// What follows the last `.` of `name` (all of it when there is none). (`search::rfind`
/// looks for a whole needle: measured 2026-12-08, calling it here costs the core ~0.1 KB
/// gzip.)
fn last_label(name: &str) -> &[u8] {
    let name = name.as_bytes();
    &name[name.iter().rposition(|&b| b == b'.').map_or(0, |dot| dot + 1)..]
}

/// Four dotted decimal numbers 0-255 without leading zeros: an IPv4 address as written.
fn is_ipv4(s: &str) -> bool {
    let parts: Vec<&str> = search::split(s, ".").collect();
    parts.len() == 4
        && parts.iter().all(|p| {
            !p.is_empty()
                && p.len() <= 3
                && p.bytes().all(|b| b.is_ascii_digit())
                && !(p.len() > 1 && p.starts_with("0"))
                && decimal(p) <= 255
        })
}

/// The value of a few ASCII digits that the caller has checked (at most 9, so it cannot
/// overflow): what `str::parse` would give, without its general parser in the wasm.
/// (`date::parse_number` checks digits and overflow in any radix again: measured
/// 2026-12-08, calling it here costs the core ~0.1 KB gzip.)
fn decimal(digits: &str) -> u32 {
    digits.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

/// Reads an array of strings or one comma-separated string. Non-string array items are
/// skipped with a warning; `None` when `v` is neither form.
fn string_list(v: &Value, path: &str, warnings: &mut Vec<String>) -> Option<Vec<String>> {
    match v {
        Value::String(s) => {
            Some(search::split(s, ",").map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect())
        }
        Value::Array(items) => Some(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| match item {
                    Value::String(s) => Some(s.clone()),
                    other => {
                        let mut p = String::from(path);
                        p.push('[');
                        crate::date::push_u64(&mut p, i as u64);
                        p.push(']');
                        warnings.push(wrong_type(&p, "a string", other));
                        None
                    }
                })
                .collect(),
        ),
        _ => None,
    }
}

fn read_utm(v: &Value, warnings: &mut Vec<String>) -> Option<Utm> {
    if !matches!(v, Value::Object(_)) {
        warnings.push(wrong_type("share.utm", "an object with source, medium and campaign", v));
        return None;
    }
    let mut field = |key: &str, path: &str| match v.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(s.trim().to_string()),
        Some(other) => {
            warnings.push(wrong_type(path, "a string", other));
            None
        }
    };
    let utm = Utm {
        source: field("source", "share.utm.source"),
        medium: field("medium", "share.utm.medium"),
        campaign: field("campaign", "share.utm.campaign"),
    };
    (utm != Utm::default()).then_some(utm)
}

/// "`path`: expected `expected`, found a number; ignored."
fn wrong_type(path: &str, expected: &str, found: &Value) -> String {
    let mut w = String::from(path);
    w.push_str(": expected ");
    w.push_str(expected);
    w.push_str(", found ");
    w.push_str(found.kind());
    w.push_str("; ignored.");
    w
}

/// Like [`wrong_type`], quoting the string when the type was right but the value not.
fn wrong_value(path: &str, expected: &str, found: &Value) -> String {
    let Some(s) = found.as_str() else { return wrong_type(path, expected, found) };
    let mut w = String::from(path);
    w.push_str(": expected ");
    w.push_str(expected);
    w.push_str(", found \"");
    w.push_str(s);
    w.push_str("\"; ignored.");
    w
}

#[cfg(test)]
mod host_tests {
    use super::is_bare_host;

    #[test]
    fn numeric_last_labels_are_not_hosts() {
        for bad in ["08", "1.2.3.999", "0xffffffffffffffff", "mastodon.08", "a.0x1f", "1.2.3", "01.2.3.4"] {
            assert!(!is_bare_host(bad), "{bad}");
        }
        for ok in ["mastodon.social", "m.example:8443", "xn--mstdon-9ua.example", "a1.b2c", "1.2.3.4"] {
            assert!(is_bare_host(ok), "{ok}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn read(text: &str) -> (ShareOptions, Vec<String>) {
        ShareOptions::from_json(&parse(text).expect("test JSON is valid"))
    }

    #[test]
    fn empty_object_and_null_give_defaults() {
        assert_eq!(read("{}"), (ShareOptions::default(), vec![]));
        assert_eq!(read("null"), (ShareOptions::default(), vec![]));
        assert_eq!(read(r#"{"networks": null, "popup": null}"#), (ShareOptions::default(), vec![]));
    }

    #[test]
    fn reads_every_key() {
        let (o, w) = read(
            r##"{"networks": ["Twitter", "hn", "Mail", "copy"], "labels": "icons",
                "utm": {"source": "folio", "campaign": "launch"}, "via": "@folio_news",
                "hashtags": "#rust, wasm ,", "mastodonInstance": " Mastodon.Social:443 ",
                "popup": true, "placement": "both"}"##,
        );
        assert_eq!(w, Vec::<String>::new());
        assert_eq!(o.networks, [Network::X, Network::HackerNews, Network::Email, Network::Copy]);
        assert!(o.icon_only);
        assert_eq!(o.utm, Some(Utm { source: Some("folio".into()), medium: None, campaign: Some("launch".into()) }));
        assert_eq!(o.via.as_deref(), Some("folio_news"));
        assert_eq!(o.hashtags, ["rust", "wasm"]);
        assert_eq!(o.mastodon_instance.as_deref(), Some("mastodon.social:443"));
        assert!(o.popup);
        assert_eq!(o.placement, Placement::Both);
    }

    #[test]
    fn wrong_types_warn_and_keep_defaults() {
        let (o, w) = read(
            r#"{"networks": 3, "labels": true, "utm": "folio", "via": 1, "hashtags": {"a": 1},
                "mastodonInstance": ["x"], "popup": "yes", "placement": "left"}"#,
        );
        assert_eq!(o, ShareOptions::default());
        assert_eq!(
            w,
            [
                "share.networks: expected an array of names or a comma-separated string, found a number; ignored.",
                "share.labels: expected \"shown\" or \"icons\", found a boolean; ignored.",
                "share.utm: expected an object with source, medium and campaign, found a string; ignored.",
                "share.via: expected an X handle such as \"@folio\", found a number; ignored.",
                "share.hashtags: expected an array of strings or a comma-separated string, found an object; ignored.",
                "share.mastodonInstance: expected a bare host name such as \"mastodon.social\" (no scheme or path), found an array; ignored. Sharing via share.joinmastodon.org instead.",
                "share.popup: expected true or false, found a string; ignored.",
                "share.placement: expected \"top\", \"bottom\" or \"both\", found \"left\"; ignored.",
            ]
        );
        let (_, w) = read("[1]");
        assert_eq!(w, ["share: expected an object, found an array; ignored."]);
    }

    #[test]
    fn bad_items_inside_lists_are_skipped() {
        let (o, w) = read(r#"{"networks": ["x", 2, "gplus", "reddit"], "utm": {"source": 5, "medium": "social"}}"#);
        assert_eq!(o.networks, [Network::X, Network::Reddit]);
        assert_eq!(o.utm, Some(Utm { source: None, medium: Some("social".into()), campaign: None }));
        assert_eq!(
            w,
            [
                "share.networks[1]: expected a string, found a number; ignored.",
                "Google+ was shut down on 2019-04-02; its share button is dropped.",
                "share.utm.source: expected a string, found a number; ignored.",
            ]
        );
    }

    #[test]
    fn mastodon_instance_must_be_a_bare_host() {
        for bad in [
            "https://mastodon.social",
            "mastodon.social/",
            "mastodon.social/@x",
            "user@mastodon.social",
            "mastodon.social:0",
            "mastodon.social:99999",
            "mastodon.social:",
            "-bad.example",
            "a..b",
            ".example",
            "ex ample.org",
            "exämple.org",
            "javascript:alert(1)",
            "",
        ] {
            assert!(!is_bare_host(bad), "{bad:?}");
            let mut json = String::from(r#"{"mastodonInstance": ""#);
            json.push_str(bad);
            json.push_str("\"}");
            let (o, w) = read(&json);
            assert_eq!(o.mastodon_instance, None, "{bad:?}");
            assert_eq!(w.len(), 1, "{bad:?}");
        }
        for good in ["mastodon.social", "fosstodon.org", "localhost", "my-instance.example:8443", "10.0.0.1"] {
            assert!(is_bare_host(good), "{good}");
        }
    }

    #[test]
    fn invalid_via_is_ignored() {
        let (o, w) = read(r#"{"via": "folio news"}"#);
        assert_eq!(o.via, None);
        assert_eq!(w, ["share.via: expected an X handle such as \"@folio\", found \"folio news\"; ignored."]);
    }
}
