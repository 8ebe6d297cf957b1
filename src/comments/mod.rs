//! Comments (issue 4): comment model, sanitizing rules, retry schedule, drafts, backends.
