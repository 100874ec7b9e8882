#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod build;
pub mod bundled;
pub mod card;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod export;
pub mod extract;
pub mod format;
pub mod generate;
pub mod inputs;
pub mod iri;
pub mod mapping;
pub mod projection;
pub mod query;
pub mod reference;
pub mod spill;
pub mod store;
pub mod text;
pub mod validate;
pub mod vocab;

/// An error message as one line of plain text: line breaks become spaces, and every other
/// control character (an escape, a carriage return, a bell) is written as an escape such as
/// `\u{1b}`, so that no quoted input moves the cursor or colours the terminal.
pub fn one_line(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for c in message.chars() {
        match c {
            '\n' => out.push(' '),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.extend(c.escape_default())
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn error_messages_escape_control_characters() {
        assert_eq!(
            super::one_line("bad \u{1b}[31mred\r\nnext\ttab"),
            "bad \\u{1b}[31mred\\r nexttab".replace("nexttab", "next\\ttab")
        );
    }
}
