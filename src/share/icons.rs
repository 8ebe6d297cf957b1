//! The share bar's icons: one tiny inline SVG glyph per control, simplified from each
//! network's mark and drawn in `currentColor` so they follow the button's text colour.
//! Each path stays under 250 bytes and all of them together under 2.5 KB.

use super::Network;
use crate::view::{el, Element};

/// The SVG path data of a control's glyph (24×24 viewBox), and whether it needs the
/// even-odd fill rule for its holes.
pub fn path(network: Network) -> (&'static str, bool) {
    match network {
        Network::X => ("M3 3h5.5L21 21h-5.5zM18.6 3H21l-7.1 8.1-1.3-1.6zM3 21h2.4l6.3-7.2-1.3-1.6z", false),
        Network::Facebook => ("M13.5 22v-8h2.7l.4-3.2h-3.1V8.8c0-.9.3-1.6 1.6-1.6h1.7V4.3a22 22 0 0 0-2.5-.1c-2.4 0-4.1 1.5-4.1 4.2v2.4H7.5V14h2.7v8z", false),
        Network::LinkedIn => ("M4 9h4v12H4zM6 3a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm4 6h3.8v1.7c.6-1 1.9-2 3.9-2 4 0 4.3 2.6 4.3 6V21h-4v-5.6c0-1.4 0-3.1-1.9-3.1s-2.1 1.5-2.1 3V21h-4z", false),
        Network::Bluesky => ("M12 10.5C10.5 7.5 6 3 3.6 3 2 3 2 4.6 2 6c0 1.6.8 5.3 4.6 5.6C3 12.3 3.6 16 6.3 17.5 9 19 11 15.5 12 13.5c1 2 3 5.5 5.7 4s3.3-5.2-.3-5.9C21.2 11.3 22 7.6 22 6c0-1.4 0-3-1.6-3C18 3 13.5 7.5 12 10.5z", false),
        Network::Mastodon => ("M21 8c0-4-2.7-5-5-5H8C5.7 3 3 4 3 8v5c0 5 2.5 7.5 7 8 2 .2 4-.2 5.5-1v-2c-1.5.5-3.3.7-5 .5-1.5-.2-2.5-1-2.5-2.5 4 .8 8 .5 10-.3s3-2.5 3-5zM17 13h-2V9c0-1.5-2-1.5-2 0v2.5h-2V9c0-1.5-2-1.5-2 0v4H7V8.5c0-3 4-3.5 5-1 1-2.5 5-2 5 1z", true),
        Network::Threads => ("M12 2a10 10 0 1 0 5 18.7l-1-1.7a8 8 0 1 1 4-7v1c0 1-.7 1.7-1.5 1.7S17 14 17 13V8h-2v.5A4.5 4.5 0 1 0 16.2 15c.6 1 1.5 1.7 2.8 1.7 1.9 0 3-1.5 3-3.7v-1A10 10 0 0 0 12 2zm0 7.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z", true),
        Network::Reddit => ("M12 8.5c-4.6 0-8.5 2.4-8.5 5.6s3.9 5.6 8.5 5.6 8.5-2.4 8.5-5.6-3.9-5.6-8.5-5.6zm-3 4a1.3 1.3 0 1 0 .1 0zm6 0a1.3 1.3 0 1 0 .1 0zM11.3 8.5l1.6-6.1 3.6.9-.3 1.2-2.4-.6-1.2 4.6zM17.5 3a1.5 1.5 0 1 0 .1 0z", true),
        Network::HackerNews => ("M3 3h18v18H3zm5 4 3 6.5V18h2v-4.5L16 7h-2.2L12 11.2 10.2 7z", true),
        Network::Telegram => ("M21.3 3.3 2.6 10.6c-1 .4-1 1.8.1 2.1l4.6 1.5 1.8 5.4c.2.7 1.1.9 1.6.4l2.6-2.4 4.8 3.5c.6.5 1.6.1 1.7-.7l3-15.6c.2-.9-.6-1.6-1.5-1.3zm-3.7 4.2-8 7.2-.4 3.6-1.5-4.6z", false),
        Network::WhatsApp => ("M12 2a10 10 0 0 0-8.6 15L2 22l5.1-1.3A10 10 0 1 0 12 2zm0 2a8 8 0 1 1-4.3 14.8l-2.8.7.7-2.7A8 8 0 0 1 12 4zM9 7.5c-.5 0-1.5.7-1.5 2s1.8 4.2 4.5 5.5 3.6 1 4-.5l-2-1.5-1.2 1c-1-.4-2.3-1.7-2.8-2.8l1-1.2z", true),
        Network::Email => ("M3 5h18a1 1 0 0 1 1 1v.4l-10 6.3L2 6.4V6a1 1 0 0 1 1-1zm-1 3.7 10 6.3 10-6.3V18a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1z", false),
        Network::Copy => ("M8 3h11a2 2 0 0 1 2 2v11h-2V5H8zM5 7h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2zm0 2v10h10V9z", false),
        Network::Native => ("M18 2a3 3 0 1 1-2.2 5l-6.9 3.9a3 3 0 0 1 0 2.2l6.9 3.9A3 3 0 1 1 15 19v-.2l-7-3.9a3 3 0 1 1 0-5.8l7-3.9V5a3 3 0 0 1 3-3z", false),
    }
}

/// The inline SVG for a control: decorative, hidden from assistive technology (the
/// accessible name is on the link or button) and never focusable.
pub fn icon(network: Network) -> Element {
    let (d, even_odd) = path(network);
    let mut p = el("path").attr("fill", "currentColor");
    if even_odd {
        p.set_attr("fill-rule", "evenodd");
    }
    el("svg")
        .attr("class", "folio-share-icon")
        .attr("viewBox", "0 0 24 24")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .attr("width", "18")
        .attr("height", "18")
        .child(p.attr("d", d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icons_stay_tiny() {
        let mut total = 0;
        for n in Network::ALL {
            let (d, _) = path(n);
            assert!(!d.is_empty() && d.len() < 250, "{n:?}: {} bytes", d.len());
            assert!(d.starts_with('M') && d.bytes().all(|b| b.is_ascii_graphic() || b == b' '), "{n:?}");
            total += d.len();
        }
        assert!(total < 2500, "{total} bytes");
    }

    #[test]
    fn icon_is_decorative() {
        let svg = icon(Network::X);
        assert_eq!(svg.get_attr("aria-hidden"), Some("true"));
        assert_eq!(svg.get_attr("focusable"), Some("false"));
        assert_eq!(svg.get_attr("viewBox"), Some("0 0 24 24"));
    }
}
