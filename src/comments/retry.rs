//! The schedules: retrying a request (exponential backoff with full jitter, and
//! `Retry-After` honoured), and checking for new comments while the reader is on the page
//! ([`next_check_wait`]).
//!
//! Pure arithmetic. The edge owns the timer and supplies the random number
//! (`Math.random()`), so the schedule is deterministic under test. Whether an error is
//! worth retrying at all is [`CommentsError::is_retryable`]; what follows a failed
//! attempt at sending the reader's post is [`after_failure`].

use super::error::CommentsError;

/// How long to wait between attempts.
///
/// The delay before retry `n` (1 = the first retry) is a uniformly random value in
/// `0 ..= min(cap_ms, base_ms * factor^(n-1))` ("full jitter", which spreads a crowd of
/// widgets retrying against one server). A `Retry-After` from the server replaces the
/// computed delay, up to [`Backoff::max_retry_after_secs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// Ceiling of the first delay, in milliseconds.
    pub base_ms: u32,
    /// Growth of the ceiling per attempt.
    pub factor: u32,
    /// Largest ceiling, in milliseconds.
    pub cap_ms: u32,
    /// Attempts in all, the first one included; after that many, give up.
    pub max_attempts: u32,
    /// The longest `Retry-After` honoured, in seconds; longer requests are cut to this.
    pub max_retry_after_secs: u32,
}

impl Default for Backoff {
    /// 1 s, doubling, capped at 30 s, five attempts, `Retry-After` up to 120 s.
    fn default() -> Self {
        Backoff { base_ms: 1000, factor: 2, cap_ms: 30_000, max_attempts: 5, max_retry_after_secs: 120 }
    }
}

impl Backoff {
    /// Milliseconds to wait after `attempt` attempts have failed (1 after the first
    /// failure), or `None` when all `max_attempts` are used up.
    ///
    /// `random01` is a random number in `[0, 1]` (out-of-range and NaN values are
    /// clamped). `retry_after_secs` is the server's `Retry-After`, which wins when present.
    ///
    /// ```
    /// use folio::comments::retry::Backoff;
    /// let b = Backoff::default();
    /// assert_eq!(b.delay_ms(1, 1.0, None), Some(1000));
    /// assert_eq!(b.delay_ms(3, 0.5, None), Some(2000));
    /// assert_eq!(b.delay_ms(2, 0.0, Some(7)), Some(7000));
    /// assert_eq!(b.delay_ms(5, 1.0, None), None);
    /// ```
    pub fn delay_ms(&self, attempt: u32, random01: f64, retry_after_secs: Option<u32>) -> Option<u32> {
        let attempt = attempt.max(1);
        if attempt >= self.max_attempts {
            return None;
        }
        if let Some(secs) = retry_after_secs {
            return Some(secs.min(self.max_retry_after_secs).saturating_mul(1000));
        }
        let mut ceiling = u64::from(self.base_ms);
        for _ in 1..attempt {
            ceiling = ceiling.saturating_mul(u64::from(self.factor));
            if ceiling >= u64::from(self.cap_ms) {
                break;
            }
        }
        let ceiling = ceiling.min(u64::from(self.cap_ms)) as f64;
        let r = if random01 > 0.0 { random01.min(1.0) } else { 0.0 };
        Some((ceiling * r).round() as u32)
    }
}

/// What follows a failed attempt at sending the reader's post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AfterFailure {
    /// The post stays pending, to be sent again; `false`: it is not sent again, and its
    /// text stays in the form.
    pub keep: bool,
    /// Some attempt may have reached the server: the thread is looked at for the post
    /// before it is sent again, so that it is never stored twice.
    pub unsure: bool,
    /// Milliseconds until the next attempt; `None`: none is planned (the post waits for
    /// the network, the reader or the next visit, or it is not kept).
    pub retry_in: Option<u32>,
}

/// Decides what follows attempt `attempt` (1 = the first) failing with `error`: a failure
/// that may pass keeps the post, and while the browser is `online` it is sent again after
/// the [`Backoff`] delay (the server's `Retry-After` when it gave one), up to the last
/// attempt. `unsure`: whether an earlier attempt may have arrived, which no later failure
/// undoes. `random01`: the jitter's random number, asked for only when there is a delay.
///
/// ```
/// use folio::comments::{retry::after_failure, CommentsError};
/// let next = after_failure(&CommentsError::Network, 1, false, true, || 1.0);
/// assert!(next.keep && next.unsure);
/// assert_eq!(next.retry_in, Some(1000));
/// ```
pub fn after_failure(
    error: &CommentsError,
    attempt: u32,
    unsure: bool,
    online: bool,
    random01: impl FnOnce() -> f64,
) -> AfterFailure {
    let keep = error.is_retryable();
    AfterFailure {
        keep,
        unsure: unsure || error.may_have_arrived(),
        retry_in: if keep && online {
            Backoff::default().delay_ms(attempt, random01(), error.retry_after())
        } else {
            None
        },
    }
}

/// The longest wait between two checks for new comments (ms), unless the configured
/// interval is longer: ten minutes.
pub const MAX_CHECK_WAIT_MS: u32 = 600_000;

/// The wait (ms) before the next check for new comments after one that `found` some or
/// none: the configured interval `every` again after a find; else twice the last `wait`, up
/// to [`MAX_CHECK_WAIT_MS`] (or `every`, when that is longer).
///
/// ```
/// use folio::comments::retry::next_check_wait;
/// assert_eq!(next_check_wait(false, 30_000, 30_000), 60_000);
/// assert_eq!(next_check_wait(true, 480_000, 30_000), 30_000);
/// ```
pub fn next_check_wait(found: bool, wait: u32, every: u32) -> u32 {
    if found {
        every
    } else {
        wait.saturating_mul(2).min(MAX_CHECK_WAIT_MS.max(every))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_for_new_comments_back_off_and_come_back() {
        // Every 30 s: nothing found doubles the wait up to ten minutes, and it stays there.
        let mut wait = 30_000;
        let mut waits = Vec::new();
        for _ in 0..7 {
            wait = next_check_wait(false, wait, 30_000);
            waits.push(wait);
        }
        assert_eq!(waits, [60_000, 120_000, 240_000, 480_000, 600_000, 600_000, 600_000]);
        // A find brings the configured interval back.
        assert_eq!(next_check_wait(true, 600_000, 30_000), 30_000);
        // An interval longer than the ceiling is kept as it is.
        assert_eq!(next_check_wait(false, 900_000, 900_000), 900_000);
        // No overflow near the top of the range.
        assert_eq!(next_check_wait(false, u32::MAX, u32::MAX), u32::MAX);
    }

    #[test]
    fn a_failed_post_is_kept_retried_or_given_back() {
        let after = |e: &CommentsError, attempt, unsure, online| {
            let a = after_failure(e, attempt, unsure, online, || 1.0);
            (a.keep, a.unsure, a.retry_in)
        };
        // No answer: it may have arrived; sent again after the backoff while online, kept
        // waiting offline, kept waiting after the last attempt.
        let network = CommentsError::Network;
        assert_eq!(after(&network, 1, false, true), (true, true, Some(1000)));
        assert_eq!(after(&network, 2, false, true), (true, true, Some(2000)));
        assert_eq!(after(&network, 1, false, false), (true, true, None));
        assert_eq!(after(&network, 5, false, true), (true, true, None));
        // The server failed on its way: it may have stored the post; its Retry-After wins.
        let server = CommentsError::Server { status: 503, retry_after: Some(7) };
        assert_eq!(after(&server, 1, false, true), (true, true, Some(7000)));
        // Rate limited: not stored, sent again when the server says.
        let limited = CommentsError::RateLimited { retry_after: Some(3) };
        assert_eq!(after(&limited, 1, false, true), (true, false, Some(3000)));
        // ... but an earlier attempt's doubt stays.
        assert_eq!(after(&limited, 2, true, true), (true, true, Some(3000)));
        // Refused or too large: never sent again; the text stays in the form.
        let refused = CommentsError::Rejected { status: 400, message: "text is too short".into() };
        assert_eq!(after(&refused, 1, false, true), (false, false, None));
        assert_eq!(after(&CommentsError::TooLarge, 1, false, true), (false, false, None));
        // An answer cut short is worth another try; an unreadable whole one is not.
        let cut = CommentsError::BadResponse { reason: "cut", truncated: true };
        assert_eq!(after(&cut, 1, false, true), (true, true, Some(1000)));
        let odd = CommentsError::BadResponse { reason: "odd", truncated: false };
        assert_eq!(after(&odd, 1, false, true), (false, true, None));
    }

    #[test]
    fn schedule_with_fixed_randomness() {
        let b = Backoff::default();
        let full: Vec<_> = (1..=5).map(|n| b.delay_ms(n, 1.0, None)).collect();
        assert_eq!(full, [Some(1000), Some(2000), Some(4000), Some(8000), None]);
        let half: Vec<_> = (1..=4).map(|n| b.delay_ms(n, 0.5, None)).collect();
        assert_eq!(half, [Some(500), Some(1000), Some(2000), Some(4000)]);
        let zero: Vec<_> = (1..=4).map(|n| b.delay_ms(n, 0.0, None)).collect();
        assert_eq!(zero, [Some(0); 4]);
    }

    #[test]
    fn cap_applies() {
        let b = Backoff { max_attempts: 100, ..Backoff::default() };
        assert_eq!(b.delay_ms(6, 1.0, None), Some(30_000));
        assert_eq!(b.delay_ms(99, 1.0, None), Some(30_000));
        let huge = Backoff {
            base_ms: u32::MAX,
            factor: u32::MAX,
            cap_ms: u32::MAX,
            max_attempts: 100,
            max_retry_after_secs: 1,
        };
        assert_eq!(huge.delay_ms(50, 1.0, None), Some(u32::MAX));
    }

    #[test]
    fn exhaustion_and_odd_inputs() {
        let b = Backoff::default();
        assert_eq!(b.delay_ms(5, 0.5, Some(1)), None);
        assert_eq!(b.delay_ms(u32::MAX, 0.5, None), None);
        assert_eq!(b.delay_ms(0, 1.0, None), Some(1000));
        assert_eq!(b.delay_ms(1, f64::NAN, None), Some(0));
        assert_eq!(b.delay_ms(1, 7.0, None), Some(1000));
        assert_eq!(b.delay_ms(1, -1.0, None), Some(0));
        let once = Backoff { max_attempts: 1, ..Backoff::default() };
        assert_eq!(once.delay_ms(1, 1.0, None), None);
    }

    #[test]
    fn retry_after_wins_and_is_capped() {
        let b = Backoff::default();
        assert_eq!(b.delay_ms(1, 0.0, Some(30)), Some(30_000));
        assert_eq!(b.delay_ms(4, 1.0, Some(0)), Some(0));
        assert_eq!(b.delay_ms(1, 1.0, Some(3600)), Some(120_000));
        assert_eq!(b.delay_ms(1, 1.0, Some(u32::MAX)), Some(120_000));
    }
}
