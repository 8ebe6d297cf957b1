//! The share controls Folio knows: their stable ids, display names, and the parsing of
//! the names a host writes in its config (`"Twitter"`, `"hn"`, `"linked in"`, ...).

/// One control of the share bar: a network link, or the copy / native-share button.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Network {
    /// X (formerly Twitter).
    X,
    /// Facebook.
    Facebook,
    /// LinkedIn.
    LinkedIn,
    /// Bluesky.
    Bluesky,
    /// Mastodon (via share.joinmastodon.org, or a fixed instance).
    Mastodon,
    /// Threads.
    Threads,
    /// Reddit.
    Reddit,
    /// Hacker News.
    HackerNews,
    /// Telegram.
    Telegram,
    /// WhatsApp.
    WhatsApp,
    /// Email (a `mailto:` link).
    Email,
    /// The "Copy link" button (the browser edge wires the Clipboard API).
    Copy,
    /// The native share button, shown only where `navigator.canShare` is true.
    Native,
}

impl Network {
    /// Every control, in the order of the id list in the docs.
    pub const ALL: [Network; 13] = [
        Network::X,
        Network::Facebook,
        Network::LinkedIn,
        Network::Bluesky,
        Network::Mastodon,
        Network::Threads,
        Network::Reddit,
        Network::HackerNews,
        Network::Telegram,
        Network::WhatsApp,
        Network::Email,
        Network::Copy,
        Network::Native,
    ];

    /// The default bar, in order (Threads is available but not on by default).
    pub const DEFAULT: [Network; 12] = [
        Network::X,
        Network::Facebook,
        Network::LinkedIn,
        Network::Bluesky,
        Network::Mastodon,
        Network::Reddit,
        Network::HackerNews,
        Network::WhatsApp,
        Network::Telegram,
        Network::Email,
        Network::Copy,
        Network::Native,
    ];

    /// The stable id written to `data-folio-share` (`"x"`, `"hackernews"`, `"copy"`, ...).
    pub fn id(self) -> &'static str {
        match self {
            Network::X => "x",
            Network::Facebook => "facebook",
            Network::LinkedIn => "linkedin",
            Network::Bluesky => "bluesky",
            Network::Mastodon => "mastodon",
            Network::Threads => "threads",
            Network::Reddit => "reddit",
            Network::HackerNews => "hackernews",
            Network::Telegram => "telegram",
            Network::WhatsApp => "whatsapp",
            Network::Email => "email",
            Network::Copy => "copy",
            Network::Native => "native",
        }
    }

    /// The network's display name (`"LinkedIn"`, `"Hacker News"`), used in the visible
    /// label and the "Share on {network}" accessible name. `None` for the copy and native
    /// buttons, whose labels come from [`ShareText`](super::ShareText).
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Network::X => "X",
            Network::Facebook => "Facebook",
            Network::LinkedIn => "LinkedIn",
            Network::Bluesky => "Bluesky",
            Network::Mastodon => "Mastodon",
            Network::Threads => "Threads",
            Network::Reddit => "Reddit",
            Network::HackerNews => "Hacker News",
            Network::Telegram => "Telegram",
            Network::WhatsApp => "WhatsApp",
            Network::Email => "Email",
            Network::Copy | Network::Native => return None,
        })
    }

    /// Is this a link to a network (as opposed to the copy or native-share button)?
    pub fn is_link(self) -> bool {
        !matches!(self, Network::Copy | Network::Native)
    }

    /// Reads one name from a config: case-insensitive, surrounding spaces ignored, with
    /// the usual aliases. Google+ and unknown names are errors that say why.
    ///
    /// ```
    /// use folio::share::{Network, network::NameError};
    /// assert_eq!(Network::parse(" Twitter "), Ok(Network::X));
    /// assert_eq!(Network::parse("hacker-news"), Ok(Network::HackerNews));
    /// assert_eq!(Network::parse("G+"), Err(NameError::Unknown));
    /// assert_eq!(Network::parse("gplus"), Err(NameError::GooglePlus));
    /// ```
    pub fn parse(name: &str) -> Result<Network, NameError> {
        let name = name.trim().to_ascii_lowercase();
        // Every id names its network; these are the other names hosts write.
        const ALIASES: [(&str, Result<Network, NameError>); 10] = [
            ("twitter", Ok(Network::X)),
            ("linked in", Ok(Network::LinkedIn)),
            ("hn", Ok(Network::HackerNews)),
            ("hacker-news", Ok(Network::HackerNews)),
            ("mail", Ok(Network::Email)),
            ("google+", Err(NameError::GooglePlus)),
            ("googleplus", Err(NameError::GooglePlus)),
            ("google-plus", Err(NameError::GooglePlus)),
            ("gplus", Err(NameError::GooglePlus)),
            ("google", Err(NameError::GooglePlus)),
        ];
        if let Some(n) = Network::ALL.into_iter().find(|n| n.id() == name) {
            return Ok(n);
        }
        ALIASES.iter().find(|(alias, _)| *alias == name).map_or(Err(NameError::Unknown), |(_, n)| *n)
    }
}

/// Why a configured network name was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameError {
    /// Google+, which was shut down on 2019-04-02.
    GooglePlus,
    /// A name Folio does not know.
    Unknown,
}

/// The warning for Google+, word for word.
pub const GOOGLE_PLUS_WARNING: &str = "Google+ was shut down on 2019-04-02; its share button is dropped.";

/// Reads a list of configured names into networks, in the order given, each once.
/// Google+ and unknown names are dropped, each with a warning; the rest still render.
///
/// ```
/// use folio::share::{parse_networks, Network};
/// let (nets, warnings) = parse_networks(["reddit", "Google+", "myspace", "x", "twitter"]);
/// assert_eq!(nets, [Network::Reddit, Network::X]);
/// assert_eq!(warnings.len(), 2);
/// ```
pub fn parse_networks<'a>(names: impl IntoIterator<Item = &'a str>) -> (Vec<Network>, Vec<String>) {
    let mut networks = Vec::new();
    let mut warnings = Vec::new();
    let mut warned_google = false;
    for raw in names {
        match Network::parse(raw) {
            Ok(n) if networks.contains(&n) => {}
            Ok(n) => networks.push(n),
            Err(NameError::GooglePlus) if warned_google => {}
            Err(NameError::GooglePlus) => {
                warned_google = true;
                warnings.push(GOOGLE_PLUS_WARNING.to_string());
            }
            Err(NameError::Unknown) => {
                let mut w = String::from("Unknown share network \"");
                w.push_str(raw.trim());
                w.push_str("\" is dropped. Known: x, facebook, linkedin, bluesky, mastodon, threads, reddit, hackernews, telegram, whatsapp, email, copy, native.");
                warnings.push(w);
            }
        }
    }
    (networks, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        for n in Network::ALL {
            assert_eq!(Network::parse(n.id()), Ok(n));
        }
        for n in Network::DEFAULT {
            assert!(Network::ALL.contains(&n));
        }
    }

    #[test]
    fn aliases_case_and_spaces() {
        for (name, n) in [
            ("X", Network::X),
            ("TWITTER", Network::X),
            ("  hn ", Network::HackerNews),
            ("HackerNews", Network::HackerNews),
            ("Hacker-News", Network::HackerNews),
            ("Mail", Network::Email),
            ("EMAIL", Network::Email),
            ("LinkedIn", Network::LinkedIn),
            ("Linked In", Network::LinkedIn),
            ("WhatsApp", Network::WhatsApp),
        ] {
            assert_eq!(Network::parse(name), Ok(n), "{name}");
        }
    }

    #[test]
    fn google_plus_and_unknown_dropped_others_kept_in_order() {
        let (nets, warnings) = parse_networks([
            "email",
            "Google+",
            "facebook",
            "GooglePlus",
            "google-plus",
            "GPlus",
            "google",
            "myspace",
            "x",
            "Email",
            " X ",
        ]);
        assert_eq!(nets, [Network::Email, Network::Facebook, Network::X]);
        assert_eq!(
            warnings,
            [
                GOOGLE_PLUS_WARNING.to_string(),
                "Unknown share network \"myspace\" is dropped. Known: x, facebook, linkedin, bluesky, mastodon, threads, reddit, hackernews, telegram, whatsapp, email, copy, native.".to_string(),
            ]
        );
    }

    #[test]
    fn every_google_plus_spelling_is_recognised() {
        for name in ["google+", "googleplus", "google-plus", "gplus", "google", " Google+ "] {
            assert_eq!(Network::parse(name), Err(NameError::GooglePlus), "{name}");
        }
    }
}
