//! Comment avatars as view trees: the picture the server links to, or an identicon drawn
//! from the comment's hash.
//!
//! - **Picture**: when the server sends one (Isso's `gravatar_image`, present only while
//!   its `gravatar` setting is on; the contract's `avatar`), an `<img>` of it, fetched
//!   lazily and without a referrer. Folio never makes up a third-party URL itself: a site
//!   that wants no request to Gravatar or the like leaves that setting off, and no picture
//!   is fetched from anywhere but where its own server points.
//! - **Identicon**: otherwise, when the comment has a hash, a 5 x 5 pattern mirrored about
//!   its middle column in one of eight colours, drawn exactly as Isso's client draws it for
//!   the same hash (the low 18 bits of the hash read as hexadecimal: 15 for the cells, 3
//!   for the colour). A hash that is not hexadecimal still gives one fixed pattern. It is
//!   one SVG `<path>`, nothing is fetched.
//!
//! Both are decorative (the author's name is beside them): the image has an empty `alt`,
//! the SVG `aria-hidden`. Both are [`SIZE`] pixels square from their attributes, so the
//! space is reserved before an image arrives and nothing moves.

use super::model::Comment;
use crate::view::{el, Element};

/// The class of every avatar, picture or identicon.
pub const CLASS: &str = "folio-comment-avatar";

/// Width and height, in CSS pixels.
pub const SIZE: &str = "32";

/// The eight identicon colours, as Isso's client has them (`data-isso-avatar-fg`'s
/// default), seven bytes each.
pub const COLORS: &str = "#9abf88#5698c4#e279a3#9163b6#be5168#f19670#e4bf80#447c69";

/// The avatar of `c`: its picture, else its identicon, else none (no hash).
pub fn avatar(c: &Comment) -> Option<Element> {
    match (&c.avatar, &c.hash) {
        (Some(url), _) => Some(
            sized("img")
                .attr("src", url.as_str())
                .attr("alt", "")
                .attr("loading", "lazy")
                .attr("referrerpolicy", "no-referrer"),
        ),
        (None, Some(hash)) => Some(identicon(hash)),
        (None, None) => None,
    }
}

/// The identicon of `hash`.
///
/// ```
/// use folio::comments::avatar::identicon;
/// let a = identicon("1cb6cc0309a2");
/// assert_eq!(a.tag, "svg");
/// assert_eq!(identicon("1cb6cc0309a2"), a);
/// assert_ne!(identicon("2af4e1a6c96a"), a);
/// ```
pub fn identicon(hash: &str) -> Element {
    let bits = pattern(hash);
    let mut d = String::new();
    for y in 0..5u8 {
        for x in 0..5u8 {
            // Isso's client reads the cells column by column from the high bit, then mirrors
            // the two left columns onto the two right ones.
            if bits >> (17 - x.min(4 - x) * 5 - y) & 1 == 1 {
                d.push('M');
                d.push(char::from(b'0' + x));
                d.push(' ');
                d.push(char::from(b'0' + y));
                d.push_str("h1v1h-1z");
            }
        }
    }
    let colour = (bits as usize & 7) * 7;
    // One path: its cells are filled as one shape, so no seam shows between two of them.
    sized("svg")
        .attr("aria-hidden", "true")
        .attr("viewBox", "-.5 -.5 6 6")
        .child(el("path").attr("fill", &COLORS[colour..colour + 7]).attr("d", d))
}

/// The low 18 bits of `hash` read as hexadecimal digits (Isso's hashes are 12 of them);
/// any other byte counts as some digit, so every string has a pattern.
fn pattern(hash: &str) -> u32 {
    let digit = |b: u8| u32::from(b & 15) + 9 * u32::from(b >> 6 & 1);
    hash.bytes().fold(0u32, |v, b| v.wrapping_mul(16).wrapping_add(digit(b))) & 0x3ffff
}

fn sized(tag: &'static str) -> Element {
    el(tag).attr("class", CLASS).attr("width", SIZE).attr("height", SIZE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::Node;

    fn path(e: &Element) -> (&str, &str) {
        match &e.children[..] {
            [Node::Element(p)] => (p.get_attr("fill").unwrap_or_default(), p.get_attr("d").unwrap_or_default()),
            other => panic!("{other:?}"),
        }
    }

    /// The cells Isso's client fills for `hash` (app/lib/identicons.js, transcribed): the
    /// last 16 hex digits as a number, modulo 2^18, as 18 binary digits; digit `x * 5 + y`
    /// fills cell (x, y) and its mirror (4 - x, y); the last three pick the colour.
    fn isso(hash: &str) -> (usize, Vec<(u8, u8)>) {
        let key = &hash[hash.len().saturating_sub(16)..];
        let n = u64::from_str_radix(key, 16).unwrap() % (1 << 18);
        let binary = format!("{n:018b}");
        let mut cells = Vec::new();
        for x in 0..3u8 {
            for y in 0..5u8 {
                if binary.as_bytes()[usize::from(x * 5 + y)] == b'1' {
                    cells.push((x, y));
                    if x < 2 {
                        cells.push((4 - x, y));
                    }
                }
            }
        }
        cells.sort_by_key(|&(x, y)| (y, x));
        (usize::from_str_radix(&binary[15..], 2).unwrap(), cells)
    }

    fn cells(d: &str) -> Vec<(u8, u8)> {
        d.split('M')
            .filter(|s| !s.is_empty())
            .map(|s| {
                let b = s.as_bytes();
                assert_eq!(&s[3..], "h1v1h-1z", "{d}");
                (b[0] - b'0', b[2] - b'0')
            })
            .collect()
    }

    #[test]
    fn identicons_are_the_ones_isso_draws() {
        for hash in
            ["1cb6cc0309a2", "2af4e1a6c96a", "e644f6ee43c0", "f124cf6b2f01", "000000000000", "fffffffffff", "3FFFF"]
        {
            let (colour, want) = isso(hash);
            let icon = identicon(hash);
            let (fill, d) = path(&icon);
            assert_eq!((fill, cells(d)), (&COLORS[colour * 7..colour * 7 + 7], want), "{hash}");
        }
        assert_eq!(path(&identicon("000000000000")).1, "");
        let full = identicon("3ffff");
        assert_eq!(cells(path(&full).1).len(), 25);
    }

    #[test]
    fn any_hash_gives_one_fixed_pattern() {
        for hash in ["", "not hex at all", "日本語", "<svg onload=alert(1)>"] {
            let icon = identicon(hash);
            assert_eq!(identicon(hash), icon);
            let (_, d) = path(&icon);
            assert!(cells(d).iter().all(|&(x, y)| x < 5 && y < 5), "{hash}");
        }
        assert_ne!(identicon("comment by ada"), identicon("comment by bob"));
    }

    #[test]
    fn the_servers_picture_comes_first_and_is_decorative_and_sized() {
        let picture = Comment {
            avatar: Some("https://www.gravatar.com/avatar/ab?d=identicon&s=55".into()),
            hash: Some("1cb6cc0309a2".into()),
            ..Comment::default()
        };
        let img = avatar(&picture).unwrap();
        assert_eq!(img.tag, "img");
        assert_eq!(img.get_attr("src"), Some("https://www.gravatar.com/avatar/ab?d=identicon&s=55"));
        for (name, value) in [("alt", ""), ("width", SIZE), ("height", SIZE), ("referrerpolicy", "no-referrer")] {
            assert_eq!(img.get_attr(name), Some(value), "{name}");
        }
        let hostile = Comment { avatar: Some("javascript:alert(1)".into()), ..Comment::default() };
        assert_eq!(avatar(&hostile).unwrap().get_attr("src"), None);

        let icon = avatar(&Comment { hash: Some("1cb6cc0309a2".into()), ..Comment::default() }).unwrap();
        assert_eq!((icon.get_attr("aria-hidden"), icon.get_attr("width")), (Some("true"), Some(SIZE)));
        assert_eq!(avatar(&Comment::default()), None);
    }
}
