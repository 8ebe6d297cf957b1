//! Percent-encoding of URL parameter values, the one encoder in the crate (share links and
//! comment-server requests both use it).
//!
//! Encoding follows RFC 3986 on the UTF-8 bytes: only the unreserved characters
//! `A-Z a-z 0-9 - . _ ~` are written as they are, every other byte becomes `%XX` with
//! upper-case hex (so a space is `%20`, never `+`).

/// Appends `s` to `out`, percent-encoded as a URL parameter value.
///
/// ```
/// use folio::percent::encode_into;
/// let mut out = String::from("q=");
/// encode_into(&mut out, "a&b é~");
/// assert_eq!(out, "q=a%26b%20%C3%A9~");
/// ```
pub fn encode_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// `s` percent-encoded as a URL parameter value (see [`encode_into`]).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    encode_into(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreserved_kept_everything_else_escaped() {
        assert_eq!(encode("AZaz09-._~"), "AZaz09-._~");
        assert_eq!(encode(" !\"#$%&'()*+,/:;=?@[]"), "%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D");
        assert_eq!(encode("שלום 😀"), "%D7%A9%D7%9C%D7%95%D7%9D%20%F0%9F%98%80");
        assert_eq!(encode("\n\u{0}"), "%0A%00");
    }
}
