//! Query parameters for share links: the crate's percent-encoding ([`crate::percent`],
//! re-exported here) and UTM tagging of the shared URL. This module checks nothing about
//! what a URL points to: that is `view::url`'s job.

pub use crate::percent::{encode, encode_into};
use crate::search;

/// Appends `name=value` query parameters to `url`, keeping its existing query and putting
/// them before the fragment. A parameter whose name is already in the query is not added
/// again (the page's own value wins). Values are percent-encoded; names are used as given.
///
/// ```
/// use folio::share::encode::append_query;
/// assert_eq!(
///     append_query("https://a.example/p?id=1#top", &[("utm_source", "x y"), ("id", "2")]),
///     "https://a.example/p?id=1&utm_source=x%20y#top"
/// );
/// ```
pub fn append_query(url: &str, params: &[(&str, &str)]) -> String {
    let (base, fragment) = match search::byte(url, b'#') {
        Some(i) => url.split_at(i),
        None => (url, ""),
    };
    let query = search::byte(base, b'?').map_or("", |i| &base[i + 1..]);
    let mut out = String::with_capacity(url.len() + 64);
    out.push_str(base);
    let mut needs_separator = !matches!(base.as_bytes().last(), Some(b'?' | b'&'));
    let mut first = search::byte(base, b'?').is_none();
    for (name, value) in params {
        if has_param(query, name) || has_param_in(&out[base.len()..], name) {
            continue;
        }
        if first {
            out.push('?');
            first = false;
        } else if needs_separator {
            out.push('&');
        }
        needs_separator = true;
        out.push_str(name);
        out.push('=');
        encode_into(&mut out, value);
    }
    out.push_str(fragment);
    out
}

/// Does the query string (without `?`) hold a parameter named `name`?
fn has_param(query: &str, name: &str) -> bool {
    search::split(query, "&").any(|pair| pair[..search::byte(pair, b'=').unwrap_or(pair.len())] == *name)
}

/// Same check on what [`append_query`] has added so far (starts with `?` or `&`).
fn has_param_in(added: &str, name: &str) -> bool {
    has_param(search::skip(added, |b| b == b'?' || b == b'&'), name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_before_fragment_after_existing_query() {
        let p = [("utm_source", "folio"), ("utm_medium", "share")];
        assert_eq!(append_query("https://a.example/", &p), "https://a.example/?utm_source=folio&utm_medium=share");
        assert_eq!(append_query("https://a.example/?", &p), "https://a.example/?utm_source=folio&utm_medium=share");
        assert_eq!(
            append_query("https://a.example/?a=1&b=2#x?y", &p),
            "https://a.example/?a=1&b=2&utm_source=folio&utm_medium=share#x?y"
        );
        assert_eq!(
            append_query("https://a.example/#frag", &p),
            "https://a.example/?utm_source=folio&utm_medium=share#frag"
        );
        assert_eq!(
            append_query("https://a.example/?a=1&", &p),
            "https://a.example/?a=1&utm_source=folio&utm_medium=share"
        );
    }

    #[test]
    fn existing_parameters_are_not_duplicated() {
        let p = [("utm_source", "folio"), ("utm_medium", "share"), ("utm_source", "again")];
        assert_eq!(
            append_query("https://a.example/?utm_source=news#f", &p),
            "https://a.example/?utm_source=news&utm_medium=share#f"
        );
        // A name that merely contains the parameter name is a different parameter.
        assert_eq!(
            append_query("https://a.example/?xutm_medium=1", &p[1..2]),
            "https://a.example/?xutm_medium=1&utm_medium=share"
        );
        // A name in the fragment is not in the query.
        assert_eq!(
            append_query("https://a.example/#utm_medium=1", &p[1..2]),
            "https://a.example/?utm_medium=share#utm_medium=1"
        );
    }
}
