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
    let release = release_of(source, &doc, release_id);
    let (kind, events, agreements, people) = doc.into_parts();
    card_of(release, kind, events, agreements, people)
}

fn release_of(source: &SourceText, doc: &events::Document, release_id: Option<String>) -> Release {
    Release {
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
    }
}

/// Drafts the card of a source text and says why: the rule and sentence behind each main fact.
pub fn draft_explained(
    source: &SourceText,
    release_id: Option<String>,
) -> (Card, Vec<events::Reason>) {
    let doc = events::Document::read(source);
    let release = release_of(source, &doc, release_id);
    let ((kind, events, agreements, people), reasons) = doc.into_parts_explained();
    (card_of(release, kind, events, agreements, people), reasons)
}

fn card_of(
    release: Release,
    kind: crate::card::ReleaseKind,
    events: Vec<crate::card::Event>,
    agreements: Vec<crate::card::Agreement>,
    people: Vec<crate::card::Person>,
) -> Card {
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

    /// Every drafted card is a valid card, whatever the spacing, case, order, noise or cut of
    /// the text: nothing panics, every cited sentence exists.
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
        let mangles: [fn(&str) -> String; 10] = [
            // Shuffled: the lines in another order (every third line first, then the rest
            // reversed), and the sentences of each line reversed.
            |t| {
                let lines: Vec<&str> = t.lines().collect();
                let mut out: Vec<String> =
                    lines.iter().step_by(3).map(|l| (*l).to_owned()).collect();
                out.extend(
                    lines
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % 3 != 0)
                        .rev()
                        .map(|(_, l)| l.rsplit(". ").collect::<Vec<_>>().join(". ")),
                );
                out.join("\n")
            },
            // Garbled: every fifth character replaced by punctuation, quotes or letters out of
            // place.
            |t| {
                const NOISE: [char; 8] = ['(', '“', ':', '-', 'Q', '’', ')', ','];
                t.chars()
                    .enumerate()
                    .map(|(i, c)| {
                        if i % 5 == 4 {
                            NOISE[i % NOISE.len()]
                        } else {
                            c
                        }
                    })
                    .collect()
            },
            // Words dropped: every fourth word gone.
            |t| {
                t.split(' ')
                    .enumerate()
                    .filter(|(i, _)| i % 4 != 3)
                    .map(|(_, w)| w)
                    .collect::<Vec<_>>()
                    .join(" ")
            },
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

    use crate::card::{AgreementAction, AgreementType, ReleaseKind};

    fn card(text: &str) -> Card {
        extract_text(text.to_owned(), Some("t".into())).card
    }

    fn signer_names(card: &Card) -> Vec<String> {
        let mut names: Vec<String> = card
            .events
            .iter()
            .flat_map(|e| e.signatories.iter())
            .filter_map(|k| card.people.iter().find(|p| &p.key == k))
            .map(|p| p.name.clone())
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// "will sign": an announcement, not a signing; nobody has signed yet.
    #[test]
    fn an_announced_signing_is_planned_with_its_date_and_place() {
        let c = card(
            "publisher: Kenya Ministry of Defence\ndate: 2021-03-01\n\nMinisters to sign defence pact\n\nThe Cabinet Secretary for Defence, Amina Otieno, and the Zambian Minister of Defence, Peter Banda, will sign a status of forces agreement in Nairobi on 3 March 2021.\n",
        );
        assert_eq!(c.kind, ReleaseKind::Other);
        assert_eq!(c.events[0].date.as_deref(), Some("2021-03-03"));
        assert_eq!(c.events[0].place.as_deref(), Some("Nairobi"));
        assert!(c.events[0].planned);
        assert!(signer_names(&c).is_empty(), "{:?}", signer_names(&c));
        assert_eq!(c.agreements.len(), 1);
        assert_eq!(c.agreements[0].action, AgreementAction::Planned);
        assert_eq!(
            c.agreements[0].agreement_type,
            AgreementType::StatusOfForces
        );
        let mut parties = c.agreements[0].parties.clone();
        parties.sort();
        assert_eq!(parties, ["Kenya", "Zambia"]);
    }

    /// A transcript's speaker is a person; "we signed" makes the speaker and the counterpart
    /// welcomed in the turn the signatories.
    #[test]
    fn a_speaker_saying_we_signed_is_a_signatory() {
        let c = card(
            "publisher: Australian Minister for Defence\ndate: 2019-05-02\n\nJoint press conference\n\nJANE ROE, MINISTER FOR DEFENCE OF AUSTRALIA: Thank you all for coming. I am pleased to welcome Indonesia's Minister of Defence, Dr Budi Santoso, to Perth for his visit. This morning we signed the Defence Cooperation Agreement, which sets out how our forces train together.\n",
        );
        assert_eq!(c.kind, ReleaseKind::Signing);
        assert_eq!(signer_names(&c), ["Budi Santoso", "Jane Roe"]);
        let roe = c.people.iter().find(|p| p.name == "Jane Roe").unwrap();
        assert_eq!(roe.country.as_deref(), Some("Australia"));
        assert_eq!(roe.post.as_deref(), Some("Minister for Defence"));
        assert_eq!(c.events[0].date.as_deref(), Some("2019-05-02"));
        assert_eq!(c.events[0].place.as_deref(), Some("Perth"));
    }

    /// "his Danish counterpart, NAME": that person is Danish.
    #[test]
    fn a_counterpart_takes_the_country_printed_before_it() {
        let c = card(
            "Secretary of State Mary Major and her Danish counterpart, Lars Holm Jensen, signed a defense cooperation agreement in Washington on December 21, 2023.\n",
        );
        let jensen = c
            .people
            .iter()
            .find(|p| p.name.ends_with("Jensen"))
            .unwrap();
        assert_eq!(jensen.country.as_deref(), Some("Denmark"));
        assert_eq!(signer_names(&c).len(), 2, "{:?}", signer_names(&c));
        assert_eq!(
            c.agreements[0].agreement_type,
            AgreementType::DefenceCooperation
        );
    }

    /// A kind named in lower case is the one named agreement of that kind, not a second one;
    /// a signing the text makes conditional is no signing.
    #[test]
    fn lower_case_kinds_merge_and_conditions_do_not_sign() {
        let c = card(
            "Fiji and Tonga will sign a new defence agreement today. The Status of Forces Agreement will be signed in Suva.\n",
        );
        assert_eq!(c.agreements.len(), 1, "{:?}", c.agreements);
        assert_eq!(
            c.agreements[0].agreement_type,
            AgreementType::StatusOfForces
        );
        let c = card(
            "The new mission cannot begin until the Bilateral Security Agreement between Afghanistan and the United States is signed.\n",
        );
        assert_ne!(c.kind, ReleaseKind::Signing);
        assert_eq!(c.agreements[0].action, AgreementAction::Mentioned);
    }

    /// Trade, economic and police agreements are not defence agreements.
    #[test]
    fn civil_agreements_are_left_out() {
        let c = card(
            "The leaders signed a Digital Economy Agreement, a Green Economy Agreement and an Extradition Treaty in Singapore today.\n",
        );
        assert!(c.agreements.is_empty(), "{:?}", c.agreements);
    }

    /// A news-wire report: the dateline is the place, its stamp is not the event's date, the
    /// agents of "signed by" sign (not the visitor whose visit it was), each for the state
    /// "on behalf of" which they signed, and a lower-case memorandum with its abbreviation and
    /// what it is about is an agreement.
    #[test]
    fn a_wire_report_reads_its_dateline_agents_and_memorandum() {
        let c = card(
            "publisher: Example Wire\ndate: 2024-05-08\n\nCOLOMBO, May 8 (Example Wire) -- Sri Lanka and India on Tuesday signed a memorandum of understanding (MoU) on defence cooperation during Prime Minister Jane Doe's visit to the island. It was signed by Defence Secretary Tom Perera on behalf of Sri Lanka and Foreign Secretary Ravi Kumar on behalf of India.\n",
        );
        assert_eq!(c.kind, ReleaseKind::Signing);
        assert_eq!(c.events[0].place.as_deref(), Some("Colombo"));
        assert_eq!(c.events[0].date.as_deref(), Some("2024-05-07"));
        assert_eq!(c.agreements.len(), 1, "{:?}", c.agreements);
        assert_eq!(c.agreements[0].abbreviation.as_deref(), Some("MoU"));
        assert_eq!(signer_names(&c), ["Ravi Kumar", "Tom Perera"]);
        let country = |name: &str| {
            c.people
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.country.clone())
        };
        assert_eq!(country("Tom Perera").as_deref(), Some("Sri Lanka"));
        assert_eq!(country("Ravi Kumar").as_deref(), Some("India"));
    }

    /// Posts in lower case with the state of the ministry they name, and a lower-case plan
    /// whose prefix names its parties.
    #[test]
    fn lower_case_posts_take_the_state_of_their_ministry() {
        let c = card(
            "Anna Tamm, undersecretary of defence policy for the Estonian Ministry of Defence, and John Smith, assistant secretary of defense at the U.S. Department of Defense, have signed the Estonia-USA security cooperation plan for 2025-2029 in Tallinn.\n",
        );
        assert_eq!(signer_names(&c), ["Anna Tamm", "John Smith"]);
        let tamm = c.people.iter().find(|p| p.name == "Anna Tamm").unwrap();
        assert_eq!(tamm.country.as_deref(), Some("Estonia"));
        let smith = c.people.iter().find(|p| p.name == "John Smith").unwrap();
        assert_eq!(smith.country.as_deref(), Some("United States"));
        assert_eq!(c.agreements.len(), 1, "{:?}", c.agreements);
        let mut parties = c.agreements[0].parties.clone();
        parties.sort();
        assert_eq!(parties, ["Estonia", "United States"]);
    }
}
