//! Source texts: the optional metadata header, sentence numbering and code-point offsets.
//!
//! The extractor cites facts by sentence number and the mapping turns those numbers back into
//! quotes and offsets, so both use this one splitter. The rules, hand-written because no crate
//! splits the way press releases need (abbreviations such as "Mr." and "U.S.", list markers,
//! a missing space after a full stop):
//!
//! - A header of `key: value` lines (`source:`, `publisher:`, `date:`, `title:`) followed by a
//!   blank line at the top of the file is metadata, not text.
//! - Every other non-blank line holds one or more sentences. A sentence ends at `.`, `!` or `?`
//!   (with any closing quotes or brackets) followed by white space and a word that does not start
//!   in lower case, or at a full stop glued to a capitalised word after a lower-case word
//!   ("New Zealand.Following"). Abbreviations, initials and a.m./p.m. do not end sentences.
//! - A list marker at the start of a line ("1.", "•", "-") is not part of the sentence.
//! - Sentences are numbered from 1 in reading order; offsets count Unicode code points from the
//!   start of the file (header included), as the Web Annotation `TextPositionSelector` requires.

use sha2::{Digest, Sha256};

/// One sentence of a source text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// 1-based number in reading order.
    pub number: u32,
    /// Offset of the first code point, from the start of the file.
    pub start: usize,
    /// Offset just past the last code point.
    pub end: usize,
    /// The sentence as printed.
    pub text: String,
}

/// The metadata header of a stored release (all fields optional).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// Where the release was published (`source:`).
    pub source: Option<String>,
    /// Who published it (`publisher:`).
    pub publisher: Option<String>,
    /// The publication date line as written (`date:`).
    pub date: Option<String>,
    /// A title line, when the header has one (`title:`).
    pub title: Option<String>,
}

/// A release's source text, split into sentences.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The whole text as read.
    pub raw: String,
    /// The metadata header.
    pub header: Header,
    /// Code-point offset where the body starts.
    pub body_start: usize,
    /// The sentences of the body.
    pub sentences: Vec<Sentence>,
}

const HEADER_KEYS: [&str; 4] = ["source", "publisher", "date", "title"];
const ABBREVIATIONS: [&str; 30] = [
    "mr", "mrs", "ms", "dr", "hon", "st", "jr", "sr", "no", "nos", "gen", "lt", "col", "capt",
    "sen", "rep", "prof", "gov", "h.e", "u.s", "u.k", "e.g", "i.e", "etc", "vs", "a.m", "p.m",
    "approx", "art", "para",
];

impl SourceText {
    /// Splits a text into its header and sentences.
    pub fn new(raw: impl Into<String>) -> Self {
        let raw = raw.into();
        let (header, body_byte) = parse_header(&raw);
        let body_start = raw[..body_byte].chars().count();
        let sentences = split_sentences(&raw, body_byte);
        Self {
            raw,
            header,
            body_start,
            sentences,
        }
    }

    /// The SHA-256 of the whole text, lower-case hex.
    pub fn sha256(&self) -> String {
        sha256_hex(self.raw.as_bytes())
    }

    /// The sentence with this 1-based number.
    pub fn sentence(&self, number: u32) -> Option<&Sentence> {
        self.sentences
            .get(usize::try_from(number).ok()?.checked_sub(1)?)
    }

    /// Up to `len` code points before and after a sentence, for a `TextQuoteSelector`.
    pub fn context(&self, sentence: &Sentence, len: usize) -> (String, String) {
        let before_start = sentence.start.saturating_sub(len);
        let prefix: String = self
            .raw
            .chars()
            .skip(before_start)
            .take(sentence.start - before_start)
            .collect();
        let suffix: String = self.raw.chars().skip(sentence.end).take(len).collect();
        (prefix, suffix)
    }
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn parse_header(raw: &str) -> (Header, usize) {
    let mut header = Header::default();
    let mut offset = 0;
    let mut seen = false;
    for line in raw.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            return if seen {
                (header, offset + line.len())
            } else {
                (Header::default(), 0)
            };
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            return (Header::default(), 0);
        };
        let key = key.trim().to_ascii_lowercase();
        if !HEADER_KEYS.contains(&key.as_str()) {
            return (Header::default(), 0);
        }
        let value = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        match key.as_str() {
            "source" => header.source = value,
            "publisher" => header.publisher = value,
            "date" => header.date = value,
            _ => header.title = value,
        }
        seen = true;
        offset += line.len();
    }
    (Header::default(), 0)
}

fn split_sentences(raw: &str, body_byte: usize) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut line_start_byte = body_byte;
    let mut line_start_cp = raw[..body_byte].chars().count();
    for line in raw[body_byte..].split_inclusive('\n') {
        split_line(line, line_start_cp, &mut sentences);
        line_start_byte += line.len();
        line_start_cp += line.chars().count();
    }
    debug_assert_eq!(line_start_byte, raw.len());
    sentences
}

/// Splits one line; `base` is the code-point offset of its first character.
fn split_line(line: &str, base: usize, out: &mut Vec<Sentence>) {
    let chars: Vec<char> = line.chars().collect();
    let mut i = skip_marker(&chars);
    let mut start = i;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '.' | '!' | '?') && ends_sentence(&chars, start, i) {
            let mut end = i + 1;
            while end < chars.len() && is_closer(chars[end]) {
                end += 1;
            }
            push(&chars, start, end, base, out);
            i = end;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            start = i;
            continue;
        }
        i += 1;
    }
    push(&chars, start, chars.len(), base, out);
}

fn push(chars: &[char], start: usize, end: usize, base: usize, out: &mut Vec<Sentence>) {
    let mut s = start;
    let mut e = end;
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if s == e || !chars[s..e].iter().any(|c| c.is_alphanumeric()) {
        return;
    }
    let number = u32::try_from(out.len() + 1).unwrap_or(u32::MAX);
    out.push(Sentence {
        number,
        start: base + s,
        end: base + e,
        text: chars[s..e].iter().collect(),
    });
}

/// The index after a list marker and its white space ("1. ", "(2) ", "• ", "- "), else the
/// index of the first non-space character.
fn skip_marker(chars: &[char]) -> usize {
    let mut i = 0;
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    let first = i;
    if i < chars.len() && matches!(chars[i], '•' | '-' | '*' | '–' | '·') {
        i += 1;
    } else {
        let open = i < chars.len() && chars[i] == '(';
        if open {
            i += 1;
        }
        let digits = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let closed = i > digits && i < chars.len() && matches!(chars[i], '.' | ')');
        if !closed || (open && chars[i] != ')') {
            return first;
        }
        i += 1;
    }
    if i < chars.len() && chars[i].is_whitespace() {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        i
    } else {
        first
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn ends_sentence(chars: &[char], start: usize, at: usize) -> bool {
    let mut next = at + 1;
    while next < chars.len() && is_closer(chars[next]) {
        next += 1;
    }
    if next >= chars.len() || chars[next] == '\n' || chars[next] == '\r' {
        return chars[at] != '.' || !is_abbreviation(chars, start, at);
    }
    if chars[next].is_whitespace() {
        let mut word = next;
        while word < chars.len() && chars[word].is_whitespace() {
            word += 1;
        }
        if word >= chars.len() {
            return true;
        }
        if chars[word].is_lowercase() || matches!(chars[word], ',' | ';' | ':') {
            return false;
        }
        return chars[at] != '.' || !is_abbreviation(chars, start, at);
    }
    // A full stop glued to the next sentence: "Zealand.Following".
    chars[at] == '.'
        && next == at + 1
        && chars[next].is_uppercase()
        && chars.get(next + 1).is_some_and(|c| c.is_lowercase())
        && at >= 2
        && chars[at - 1].is_lowercase()
        && chars[at - 2].is_lowercase()
}

/// Whether the word before the full stop at `at` is an abbreviation or an initial.
fn is_abbreviation(chars: &[char], start: usize, at: usize) -> bool {
    let mut w = at;
    while w > start && !chars[w - 1].is_whitespace() && !matches!(chars[w - 1], '(' | '"' | '“') {
        w -= 1;
    }
    let word: String = chars[w..at].iter().collect::<String>().to_lowercase();
    if word.is_empty() {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters == 1 && word.chars().count() == 1 || ABBREVIATIONS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(raw: &str) -> Vec<String> {
        SourceText::new(raw)
            .sentences
            .into_iter()
            .map(|s| s.text)
            .collect()
    }

    #[test]
    fn header_is_metadata() {
        let text = SourceText::new(
            "source: https://x\npublisher: MOFA\ndate: 2025-12-19\n\nHello there.\n",
        );
        assert_eq!(text.header.publisher.as_deref(), Some("MOFA"));
        assert_eq!(text.header.date.as_deref(), Some("2025-12-19"));
        assert_eq!(text.sentences.len(), 1);
        assert_eq!(text.sentences[0].start, 52);
        let chars: String = text.raw.chars().skip(52).take(12).collect();
        assert_eq!(chars, "Hello there.");
    }

    #[test]
    fn abbreviations_markers_and_glued_stops() {
        assert_eq!(
            texts(
                "signed by Mr. MOTEGI Toshimitsu, and Hon. Judith Collins, of New Zealand.Following the ceremony, they met.\n  1. The U.S. engagement at 11:40 a.m. in Tokyo matters. It does.\n"
            ),
            vec![
                "signed by Mr. MOTEGI Toshimitsu, and Hon. Judith Collins, of New Zealand.",
                "Following the ceremony, they met.",
                "The U.S. engagement at 11:40 a.m. in Tokyo matters.",
                "It does.",
            ]
        );
    }

    #[test]
    fn offsets_count_code_points() {
        let text = SourceText::new("Te Ope Kātua o Aotearoa signed. 茂木敏充 met.\n");
        let second = &text.sentences[1];
        let quoted: String = text
            .raw
            .chars()
            .skip(second.start)
            .take(second.end - second.start)
            .collect();
        assert_eq!(quoted, "茂木敏充 met.");
        assert_eq!(second.start, 32);
    }
}
