//! From bytes to the text the extractor reads: refuses what is not a press release in English
//! text (empty, binary, too large, another language), turns HTML into text.

use std::io::Read;
use std::path::Path;

/// The largest input read, in bytes: press releases are kilobytes, web pages at most a few
/// megabytes.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// Why a release could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The file could not be read.
    #[error("{origin}: cannot read: {message}")]
    Read {
        /// The file.
        origin: String,
        /// The system's message.
        message: String,
    },
    /// Nothing but white space.
    #[error("{origin}: empty file, expected the text of a press release")]
    Empty {
        /// The file.
        origin: String,
    },
    /// NUL bytes or invalid UTF-8.
    #[error(
        "{origin}: binary or non-UTF-8 data at byte {at}, expected a press release as UTF-8 text or HTML"
    )]
    Binary {
        /// The file.
        origin: String,
        /// Byte offset of the first bad byte.
        at: usize,
    },
    /// Larger than [`MAX_INPUT_BYTES`].
    #[error("{origin}: {size} bytes, larger than the {max} bytes a press release can be")]
    TooLarge {
        /// The file.
        origin: String,
        /// Its size (at least).
        size: u64,
        /// The limit.
        max: u64,
    },
    /// Text in another language (or none).
    #[error(
        "{origin}: the text does not read as English ({reason}), expected a release in English"
    )]
    NotEnglish {
        /// The file.
        origin: String,
        /// What was measured.
        reason: String,
    },
}

/// Reads a release file (`-` is standard input) into text: HTML pages become their readable
/// text with a metadata header. Returns the text and whether it came from HTML.
pub fn read_input(path: &Path) -> Result<(String, bool), ExtractError> {
    let origin = if path.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    };
    let read_err = |err: std::io::Error| ExtractError::Read {
        origin: origin.clone(),
        message: err.to_string(),
    };
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(read_err)?;
    } else {
        let file = std::fs::File::open(path).map_err(read_err)?;
        let size = file.metadata().map_err(read_err)?.len();
        if size > MAX_INPUT_BYTES {
            return Err(ExtractError::TooLarge {
                origin,
                size,
                max: MAX_INPUT_BYTES,
            });
        }
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(read_err)?;
    }
    let html_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"));
    text_from_bytes(&bytes, &origin, html_name)
}

/// Checks bytes and turns them into release text; `html` forces HTML reading (else it is
/// recognised by its start).
pub fn text_from_bytes(
    bytes: &[u8],
    origin: &str,
    html: bool,
) -> Result<(String, bool), ExtractError> {
    let size = bytes.len() as u64;
    if size > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge {
            origin: origin.to_owned(),
            size,
            max: MAX_INPUT_BYTES,
        });
    }
    let invalid = std::str::from_utf8(bytes).err().map(|e| e.valid_up_to());
    let nul = bytes.iter().position(|&b| b == 0);
    if let Some(at) = [invalid, nul].into_iter().flatten().min() {
        return Err(ExtractError::Binary {
            origin: origin.to_owned(),
            at,
        });
    }
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ExtractError::Empty {
            origin: origin.to_owned(),
        });
    }
    let is_html = html || super::html::looks_like_html(text);
    let text = if is_html {
        super::html::html_to_text(text)
    } else {
        text.to_owned()
    };
    if text.trim().is_empty() {
        return Err(ExtractError::Empty {
            origin: origin.to_owned(),
        });
    }
    check_english(&text, origin)?;
    Ok((text, is_html))
}

/// English function words: a release in English uses them in nearly every sentence.
const FUNCTION_WORDS: [&str; 14] = [
    "the", "of", "and", "to", "in", "a", "on", "for", "with", "by", "is", "was", "will", "has",
];

fn check_english(text: &str, origin: &str) -> Result<(), ExtractError> {
    let sample: String = text.chars().take(20_000).collect();
    let letters = sample.chars().filter(|c| c.is_alphabetic()).count();
    let latin = sample
        .chars()
        .filter(|c| c.is_alphabetic() && (c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(c)))
        .count();
    if letters == 0 {
        return Err(ExtractError::NotEnglish {
            origin: origin.to_owned(),
            reason: "no letters".into(),
        });
    }
    if latin * 2 < letters {
        return Err(ExtractError::NotEnglish {
            origin: origin.to_owned(),
            reason: format!("{}% of the letters are Latin", latin * 100 / letters),
        });
    }
    let words: Vec<String> = sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() >= 30 {
        let function = words
            .iter()
            .filter(|w| FUNCTION_WORDS.contains(&w.as_str()))
            .count();
        if function * 12 < words.len() {
            return Err(ExtractError::NotEnglish {
                origin: origin.to_owned(),
                reason: format!(
                    "{function} of {} words are common English words",
                    words.len()
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_bytes_are_refused_with_a_reason() {
        let err = |b: &[u8]| text_from_bytes(b, "x.txt", false).unwrap_err().to_string();
        assert_eq!(
            err(b"  \n"),
            "x.txt: empty file, expected the text of a press release"
        );
        assert!(err(b"abc\0def").contains("binary or non-UTF-8 data at byte 3"));
        assert!(err(b"abc\xff").contains("at byte 3"));
        assert!(
            err("防衛装備品の移転に関する協定が署名された。".as_bytes())
                .contains("does not read as English")
        );
        let german = "Das Abkommen wurde heute in Tokio von den beiden Ministern unterzeichnet und tritt nach der Ratifizierung durch beide Parlamente in Kraft, wie das Auswärtige Amt mitteilte, sodass die Zusammenarbeit weiter vertieft wird.";
        assert!(
            err(german.as_bytes()).contains("common English words"),
            "{}",
            err(german.as_bytes())
        );
        assert!(text_from_bytes(b"Japan and Canada signed the agreement.", "x", false).is_ok());
    }
}
