//! Property-based fuzzing of what reads untrusted input: the card reader (and the mapping of
//! what it accepts), the extractor, and the query parameter binding. Each property runs
//! `PROPTEST_CASES` cases (64 under `cargo test`; `tests/fuzz.sh` runs many more for a bounded
//! time). Every input that ever failed is kept by proptest in `tests/proptest-regressions/` and
//! tried first on every later run.

use pactgraph::card::{Card, CardFormat};
use pactgraph::iri::Iris;
use pactgraph::mapping::{MapOptions, map_card};
use pactgraph::reference::Reference;
use proptest::prelude::*;

const SEED: &str = include_str!("../releases/mofa-2025-12-19-jp-nz-acsa-isa.yaml");
const SEED_TEXT: &str = include_str!("../releases/mofa-2025-12-19-jp-nz-acsa-isa.txt");

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::Direct(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/proptest-regressions/fuzz.txt"
            )),
        )),
        ..ProptestConfig::default()
    }
}

/// Characters that break parsers and outputs: controls, quotes, brackets, separators, BOM,
/// noncharacters, non-Latin scripts.
fn nasty_char() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::char::range('\u{0}', '\u{7f}'),
        Just('\u{feff}'),
        Just('\u{fffe}'),
        Just('\u{ffff}'),
        Just('\u{2028}'),
        Just('\u{85}'),
        Just('ā'),
        Just('日'),
        Just('"'),
        Just('\''),
        Just('{'),
        Just('['),
        Just(':'),
        Just('-'),
        Just('#'),
        Just('&'),
        Just('<'),
        any::<char>(),
    ]
}

/// A mutation of a text: a few insertions, deletions and duplications at char boundaries.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    let edits = proptest::collection::vec(
        (
            any::<prop::sample::Index>(),
            0u8..4,
            proptest::collection::vec(nasty_char(), 0..8),
        ),
        1..6,
    );
    edits.prop_map(move |edits| {
        let mut text: Vec<char> = base.chars().collect();
        for (at, kind, chars) in edits {
            let i = at.index(text.len() + 1);
            match kind {
                0 => {
                    text.splice(i..i, chars);
                }
                1 => {
                    let end = (i + chars.len() * 4).min(text.len());
                    text.drain(i..end);
                }
                2 => {
                    let end = (i + 40).min(text.len());
                    let copy: Vec<char> = text[i..end].to_vec();
                    text.splice(i..i, copy);
                }
                _ => {
                    if i < text.len() {
                        text[i] = chars.first().copied().unwrap_or(' ');
                    }
                }
            }
        }
        text.into_iter().collect()
    })
}

fn one_line(message: &str) -> bool {
    !message.contains('\n') && !message.contains('\r')
}

fn map(card: &Card) {
    let iris = Iris::default();
    let options = MapOptions {
        iris: &iris,
        reference: Reference::get(),
        build_time: None,
    };
    if let Err(err) = map_card(card, "fuzz.yaml", &"0".repeat(64), None, &options) {
        assert!(one_line(&err.to_string()), "{err}");
    }
}

proptest! {
    #![proptest_config(config())]

    /// The card reader never panics on a mutated card, its errors are one line, and every card
    /// it accepts maps (or is refused with one line) without panicking.
    #[test]
    fn card_reader_survives_mutated_cards(text in mutated(SEED)) {
        for format in [CardFormat::Yaml, CardFormat::Json] {
            match Card::parse(&text, format, "fuzz") {
                Ok(card) => map(&card),
                Err(err) => prop_assert!(one_line(&err.to_string()), "{}", err),
            }
        }
    }

    /// The same for a mutated JSON card.
    #[test]
    fn card_reader_survives_mutated_json(text in mutated(*SEED_JSON)) {
        match Card::parse(&text, CardFormat::Json, "fuzz") {
            Ok(card) => map(&card),
            Err(err) => prop_assert!(one_line(&err.to_string()), "{}", err),
        }
    }

    /// The extractor never panics on a mutated release, and what it drafts serialises.
    #[test]
    fn extractor_survives_mutated_releases(text in mutated(SEED_TEXT)) {
        let extracted = pactgraph::extract::extract_text(text, Some("fuzz".into()));
        let json = extracted.card.to_string(CardFormat::Json);
        prop_assert!(!json.is_empty());
    }

    /// A parameter value is one RDF term or refused with one line; a bound one never changes
    /// the query's shape: the query still runs and answers one column.
    #[test]
    fn parameter_binding_holds_any_value(value in proptest::collection::vec(nasty_char(), 0..40)) {
        let value: String = value.into_iter().collect();
        let base = pactgraph::vocab::DEFAULT_BASE;
        match pactgraph::query::parse_param(&format!("v={value}"), base) {
            Err(message) => prop_assert!(one_line(&message), "{}", message),
            Ok((variable, term)) => {
                let store = store();
                let options = pactgraph::query::QueryOptions {
                    graphs: Vec::new(),
                    params: vec![(variable, term)],
                    timeout: Some(std::time::Duration::from_secs(30)),
                };
                let answer = pactgraph::query::run(
                    store,
                    "SELECT ?v WHERE { OPTIONAL { ?s rdfs:label ?v } } LIMIT 1",
                    "fuzz",
                    &options,
                );
                match answer {
                    Ok(pactgraph::query::Answer::Solutions { variables, .. }) => {
                        prop_assert_eq!(variables.len(), 1);
                    }
                    other => prop_assert!(false, "{:?}", other.map(|_| ())),
                }
            }
        }
    }

    /// The nesting check never panics, whatever the text.
    #[test]
    fn nesting_check_survives_any_text(text in proptest::collection::vec(nasty_char(), 0..200)) {
        let text: String = text.into_iter().collect();
        if let Err(message) = pactgraph::query::check_nesting(&text) {
            prop_assert!(one_line(&message));
        }
    }
}

static SEED_JSON: std::sync::LazyLock<&'static str> = std::sync::LazyLock::new(|| {
    let card = Card::parse(SEED, CardFormat::Yaml, "seed").expect("the seed parses");
    Box::leak(card.to_string(CardFormat::Json).into_boxed_str())
});

fn store() -> &'static pactgraph::store::GraphStore {
    static STORE: std::sync::OnceLock<pactgraph::store::GraphStore> = std::sync::OnceLock::new();
    STORE.get_or_init(|| {
        let iris = Iris::default();
        let graphs = pactgraph::inputs::load_all(&[], &iris, None).expect("the seed loads");
        let store = pactgraph::store::GraphStore::in_memory(iris).unwrap();
        store.load(&graphs, true).unwrap();
        store
    })
}
