//! The retry schedule: exponential backoff with full jitter, and `Retry-After` honoured.
//!
//! Pure arithmetic. The edge owns the timer and supplies the random number
//! (`Math.random()`), so the schedule is deterministic under test. Whether an error is
//! worth retrying at all is [`CommentsError::is_retryable`](super::CommentsError::is_retryable).

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

#[cfg(test)]
mod tests {
    use super::*;

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
