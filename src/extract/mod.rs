//! Press release -> draft release card: `pactgraph extract` and `build` on raw text.
//!
//! Hand-written rules over the numbered sentences of [`crate::text::SourceText`] (so every
//! `evidence` number is the one the mapping turns into a quote and offsets), with gazetteers
//! from the project's own reference data ([`crate::reference::Reference`]: countries, places,
//! forces, posts) and the agreement types of the ontology. One file per concern:
//!
//! - [`input`]: bytes to text (UTF-8, not binary, not empty, not too large, English), HTML via
//!   [`html`];
//! - [`dates`]: dates, clock times and time zones as printed;
//! - [`agreements`]: formal titles, short names and abbreviations, types, parties and forces;
//! - [`people`]: names in either order with honorifics, posts and countries;
//! - [`events`]: what happened (signing, entry into force, meeting, negotiations), the main
//!   event's date, time, zone and place, who signed and who met, and each agreement's action.
//!
//! Each rule is a small function or pattern; a new publisher's style is a new pattern in the
//! file of its concern. What the text does not state stays empty: nothing is guessed.

pub mod agreements;
pub mod dates;
pub mod events;
pub mod gazetteer;
pub mod html;
pub mod input;
pub mod people;

use crate::card::{Card, Release};
use crate::text::SourceText;

pub use input::{ExtractError, MAX_INPUT_BYTES, read_input, text_from_bytes};

/// A release read and drafted: the text its evidence numbers refer to and the card.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The text (for HTML, the readable text drawn from the page) as the card cites it.
    pub source: SourceText,
    /// The drafted card.
    pub card: Card,
}

/// Drafts the card of a release text (plain text, or HTML already turned into text).
/// `release_id` names the release when known (from the file name).
pub fn extract_text(raw: String, release_id: Option<String>) -> Extracted {
    let source = SourceText::new(raw);
    let card = draft(&source, release_id);
    Extracted { source, card }
}

/// Drafts the card of a source text.
pub fn draft(source: &SourceText, release_id: Option<String>) -> Card {
    let doc = events::Document::read(source);
    let release = Release {
        id: release_id,
        title: doc.title.clone(),
        publisher: source.header.publisher.clone(),
        date: doc.release_date.clone(),
        url: source
            .header
            .source
            .clone()
            .filter(|u| oxigraph::model::NamedNode::new(u.as_str()).is_ok() && u.contains(':')),
        language: Some("en".into()),
        text_sha256: Some(source.sha256()),
        source: None,
    };
    let (kind, events, agreements, people) = doc.into_parts();
    Card {
        release,
        kind,
        events,
        agreements,
        people,
    }
}

/// A release id made from a file name: lower-case ASCII letters, digits and hyphens, the
/// words as spelled ("nz-defence-news" stays so).
pub fn id_from_file_name(stem: &str) -> Option<String> {
    let mut id = String::with_capacity(stem.len());
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_owned();
    (!id.is_empty()).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::CardFormat;

    /// Every drafted card is a valid card, whatever the spacing, case or cut of the text.
    #[test]
    fn mangled_releases_still_give_valid_cards() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/releases");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        texts.push(crate::inputs::SEED_TEXT.to_owned());
        let mangles: [fn(&str) -> String; 7] = [
            |t| t.replace(' ', "\u{a0}"),
            |t| t.replace(' ', "\u{2003} "),
            |t| t.replace(". ", "é. ").replace(',', " ,"),
            |t| t.to_uppercase(),
            |t| t.to_lowercase(),
            |t| t.replace('\n', " "),
            |t| {
                t.replace("Mr.", "Mr. Mr.")
                    .replace('(', "((")
                    .replace('"', "")
            },
        ];
        for text in &texts {
            let mut variants: Vec<String> = mangles.iter().map(|m| m(text)).collect();
            let chars: Vec<char> = text.chars().collect();
            for cut in (1..chars.len()).step_by(37) {
                variants.push(chars[..cut].iter().collect());
            }
            for variant in variants {
                let drafted = extract_text(variant.clone(), Some("x".into()));
                let json = drafted.card.to_string(CardFormat::Json);
                if let Err(err) = Card::parse(&json, CardFormat::Json, "drafted") {
                    panic!("{err} for {variant:?}");
                }
                for n in drafted.card.cited_sentences() {
                    assert!(
                        drafted.source.sentence(n).is_some(),
                        "sentence {n} of {variant:?}"
                    );
                }
            }
        }
    }
}
