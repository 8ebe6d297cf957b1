//! Share links (issue 3): network table, URL templates, share bar -> view tree.
