//! A small JSON reader: text in, [`Value`] out, with line and column on syntax errors.
//!
//! Folio reads articles, options and comment-server responses with it, natively and in
//! WebAssembly alike. It exists instead of serde_json for two reasons: validation must
//! report *every* problem with its JSON path (a derive stops at the first), and the
//! widget's size budget has no room for a general-purpose parser and float formatter.
//!
//! It only reads. It never evaluates anything, and nesting deeper than [`MAX_DEPTH`] is an
//! error rather than a stack overflow.

use std::fmt;

/// How deeply arrays and objects may nest before the reader gives up.
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value. Object members keep their order; a repeated key keeps both.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any number, as a double.
    Number(f64),
    /// A string, with escapes resolved.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, members in document order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object, or `None` for a missing key or a non-object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The member `key` of an object to change, or `None` for a missing key or a
    /// non-object.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        match self {
            Value::Object(members) => members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Takes the member `key` of an object out, leaving `null` in its place: the value, or
    /// `null` for a missing key or a non-object. Reading a member this way costs no copy.
    ///
    /// ```
    /// let mut v = folio::json::parse(r#"{"a": [1]}"#).unwrap();
    /// assert_eq!(v.take("a"), folio::json::parse("[1]").unwrap());
    /// assert_eq!(v.get("a"), Some(&folio::json::Value::Null));
    /// assert_eq!(v.take("b"), folio::json::Value::Null);
    /// ```
    pub fn take(&mut self, key: &str) -> Value {
        self.get_mut(key).map_or(Value::Null, |v| core::mem::replace(v, Value::Null))
    }

    /// The string inside, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number inside, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// A short name of the value's kind, for error messages ("a string", "null", ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Text that is not valid JSON, with where the reader stopped (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line of the offending character.
    pub line: usize,
    /// 1-based column (in characters) of the offending character.
    pub column: usize,
    /// What was wrong.
    pub reason: Reason,
}

/// What was wrong with a JSON text. Its words are [`Reason::text`]'s alone, so a build
/// that never shows them carries none of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// "unexpected text after the JSON value"
    TrailingText,
    /// "unexpected character"
    UnexpectedCharacter,
    /// "nested too deeply"
    TooDeep,
    /// "unexpected end of input"
    UnexpectedEnd,
    /// "expected ',' or ']'"
    ExpectedCommaOrBracket,
    /// "expected a string key"
    ExpectedKey,
    /// "expected ':'"
    ExpectedColon,
    /// "expected ',' or '}'"
    ExpectedCommaOrBrace,
    /// "invalid escape"
    InvalidEscape,
    /// "unterminated string"
    UnterminatedString,
    /// "control character in string"
    ControlCharacter,
    /// "invalid \u escape"
    InvalidUnicodeEscape,
    /// "expected a digit"
    ExpectedDigit,
    /// "leading zero in number"
    LeadingZero,
    /// "expected a digit after '.'"
    ExpectedFractionDigit,
    /// "expected a digit in exponent"
    ExpectedExponentDigit,
}

impl Reason {
    /// What was wrong, e.g. "expected ',' or '}'".
    pub fn text(self) -> &'static str {
        match self {
            Reason::TrailingText => "unexpected text after the JSON value",
            Reason::UnexpectedCharacter => "unexpected character",
            Reason::TooDeep => "nested too deeply",
            Reason::UnexpectedEnd => "unexpected end of input",
            Reason::ExpectedCommaOrBracket => "expected ',' or ']'",
            Reason::ExpectedKey => "expected a string key",
            Reason::ExpectedColon => "expected ':'",
            Reason::ExpectedCommaOrBrace => "expected ',' or '}'",
            Reason::InvalidEscape => "invalid escape",
            Reason::UnterminatedString => "unterminated string",
            Reason::ControlCharacter => "control character in string",
            Reason::InvalidUnicodeEscape => "invalid \\u escape",
            Reason::ExpectedDigit => "expected a digit",
            Reason::LeadingZero => "leading zero in number",
            Reason::ExpectedFractionDigit => "expected a digit after '.'",
            Reason::ExpectedExponentDigit => "expected a digit in exponent",
        }
    }
}

impl SyntaxError {
    /// "line 3, column 7: expected ':'", built without `core::fmt` (smaller wasm).
    pub fn text(&self) -> String {
        let mut out = self.position();
        out.push_str(": ");
        out.push_str(self.reason.text());
        out
    }

    /// "line 3, column 7": where the reader stopped.
    pub fn position(&self) -> String {
        let mut out = String::from("line ");
        crate::date::push_number(&mut out, self.line as u32);
        out.push_str(", column ");
        crate::date::push_number(&mut out, self.column as u32);
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// Parses a whole JSON document. Leading and trailing white space is allowed; anything
/// else after the value is an error.
///
/// ```
/// use folio::json::{parse, Value};
/// let v = parse(r#"{"title": "Hi", "tags": ["a"]}"#).unwrap();
/// assert_eq!(v.get("title").and_then(Value::as_str), Some("Hi"));
/// assert!(parse("{").is_err());
/// ```
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader { text: text.as_bytes(), src: text, pos: 0 };
    // A byte-order mark is not JSON, but editors write it; skip it.
    if text.starts_with("\u{feff}") {
        reader.pos = 3;
    }
    reader.skip_ws();
    let value = reader.value(0)?;
    reader.skip_ws();
    if reader.pos < reader.text.len() {
        return Err(reader.error(Reason::TrailingText));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a [u8],
    src: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn error(&self, reason: Reason) -> SyntaxError {
        let before = &self.src[..floor_char_boundary(self.src, self.pos)];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let column = before[crate::search::rfind(before, "\n").map_or(0, |i| i + 1)..].chars().count() + 1;
        SyntaxError { line, column, reason }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8, reason: Reason) -> Result<(), SyntaxError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(reason))
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.text[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error(Reason::UnexpectedCharacter))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error(Reason::TooDeep));
        }
        match self.peek() {
            None => Err(self.error(Reason::UnexpectedEnd)),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(Reason::UnexpectedCharacter)),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error(Reason::ExpectedCommaOrBracket)),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error(Reason::ExpectedKey));
            }
            let key = self.string()?;
            self.skip_ws();
            self.eat(b':', Reason::ExpectedColon)?;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.error(Reason::ExpectedCommaOrBrace)),
            }
        }
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.pos;
            // One pass over the plain run of bytes (most of a document is string content).
            self.pos += self.text[start..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(self.text.len() - start);
            // `start..pos` never splits a character: it stops only at ASCII bytes.
            out.push_str(&self.src[start..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.error(Reason::InvalidEscape)),
                    };
                    self.pos += 1;
                    out.push(escaped);
                }
                None => return Err(self.error(Reason::UnterminatedString)),
                Some(_) => return Err(self.error(Reason::ControlCharacter)),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.text.get(self.pos..self.pos + 4).ok_or_else(|| self.error(Reason::InvalidUnicodeEscape))?;
        let mut n = 0;
        for &d in digits {
            let v = (d as char).to_digit(16).ok_or_else(|| self.error(Reason::InvalidUnicodeEscape))?;
            n = n * 16 + v;
        }
        self.pos += 4;
        Ok(n)
    }

    /// Reads the four hex digits after `\u` (and a low surrogate after a high one).
    /// Lone surrogates become U+FFFD rather than an error: hostile input loses nothing.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.text[self.pos..].starts_with(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(c).unwrap_or('\u{fffd}'));
            }
            self.pos = save;
        }
        Ok(char::from_u32(first).unwrap_or('\u{fffd}'))
    }

    /// Numbers are read by hand (sign, digits, fraction, exponent) to keep the float
    /// parser out of the binary; the result is exact for integers up to 2^53 and within
    /// a few ulps otherwise, which is all Folio's numbers (levels, counts, times) need.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let mut value = 0f64;
        let int_start = self.pos;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            value = value * 10.0 + f64::from(d - b'0');
            self.pos += 1;
        }
        if self.pos == int_start {
            return Err(self.error(Reason::ExpectedDigit));
        }
        if self.text[int_start] == b'0' && self.pos - int_start > 1 {
            return Err(self.error(Reason::LeadingZero));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let frac_start = self.pos;
            let mut scale = 1f64;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                scale /= 10.0;
                value += f64::from(d - b'0') * scale;
                self.pos += 1;
            }
            if self.pos == frac_start {
                return Err(self.error(Reason::ExpectedFractionDigit));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            let exp_negative = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    true
                }
                Some(b'+') => {
                    self.pos += 1;
                    false
                }
                _ => false,
            };
            let exp_start = self.pos;
            let mut exp: i32 = 0;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                exp = exp.saturating_mul(10).saturating_add(i32::from(d - b'0'));
                self.pos += 1;
            }
            if self.pos == exp_start {
                return Err(self.error(Reason::ExpectedExponentDigit));
            }
            value *= 10f64.powi(if exp_negative { -exp } else { exp });
        }
        Ok(Value::Number(if negative { -value } else { value }))
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Writes `s` as a JSON string literal (with quotes) onto `out`. Used for drafts and
/// request bodies; the only JSON Folio writes.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as u32;
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(HEX[((n >> shift) & 0xf) as usize] as char);
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind() {
        let v = parse(r#" {"a": [1, -2.5, 3e2, true, false, null], "b": "x\"y\u00e9\ud83d\ude00"} "#).unwrap();
        assert_eq!(
            v.get("a").unwrap(),
            &Value::Array(vec![
                Value::Number(1.0),
                Value::Number(-2.5),
                Value::Number(300.0),
                Value::Bool(true),
                Value::Bool(false),
                Value::Null
            ])
        );
        assert_eq!(v.get("b").and_then(Value::as_str), Some("x\"yé😀"));
    }

    #[test]
    fn reports_line_and_column() {
        let err = parse("{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert_eq!((err.line, err.column), (3, 7));
        assert_eq!(err.reason, Reason::ExpectedColon);
        assert_eq!(err.to_string(), "line 3, column 7: expected ':'");
    }

    #[test]
    fn rejects_malformed_documents() {
        for bad in ["", "{", "[1,]", "{\"a\":}", "01", "1.", "\"abc", "tru", "[1] x", "\"\t\"", "\"\\x\"", "-"] {
            assert!(parse(bad).is_err(), "{bad:?} should fail");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep).unwrap_err().reason, Reason::TooDeep);
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        assert_eq!(parse(r#""\ud800x""#).unwrap(), Value::String("\u{fffd}x".into()));
    }

    #[test]
    fn numbers_are_accurate_enough() {
        let v = parse("[1700000000.123456, 0.1, 12345678901234]").unwrap();
        let n: Vec<f64> = v.as_array().unwrap().iter().filter_map(Value::as_f64).collect();
        assert!((n[0] - 1_700_000_000.123_456).abs() < 1e-5);
        assert!((n[1] - 0.1).abs() < 1e-15);
        assert_eq!(n[2], 12_345_678_901_234.0);
    }

    #[test]
    fn writes_strings_that_read_back() {
        let original = "a\"b\\c\nd\u{1}\u{2028}é😀";
        let mut out = String::new();
        write_string(&mut out, original);
        assert_eq!(parse(&out).unwrap(), Value::String(original.into()));
    }
}
