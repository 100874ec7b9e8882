//! The extractor's gazetteers, drawn from the project's reference data and ontology: the names
//! of countries, places, forces and posts as printed (with their aliases), and the labels of the
//! agreement types. Built once per process.

use std::sync::OnceLock;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Term, Triple};
use regex::Regex;

use crate::card::AgreementType;
use crate::reference::{EntityKind, Reference};

const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
const SKOS_ALT: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
const SKOS_PREF: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";

/// The gazetteers.
#[derive(Debug)]
pub struct Gazetteer {
    /// Country names and demonyms, longest first, as a regex alternation (no groups).
    pub countries: String,
    /// Places (cities) as printed, matched whole.
    pub places: Regex,
    /// Force names and abbreviations, matched whole (case-insensitive).
    pub forces: Regex,
    /// Agreement abbreviations the ontology knows ("ACSA", "RAA"), with their type.
    pub abbreviations: Vec<(String, AgreementType)>,
    /// Agreement type labels, folded, with their type.
    pub type_labels: Vec<(String, AgreementType)>,
    /// Every country name and demonym, folded, with the country's label.
    country_names: std::collections::HashMap<String, String>,
    /// The reading vocabulary of `ontology/lexicon.ttl`: each concept's labels, longest first.
    lexicon: std::collections::HashMap<String, Vec<String>>,
}

/// The extractor's reading vocabulary (`ontology/lexicon.ttl`).
pub const LEXICON_TTL: &str = include_str!("../../ontology/lexicon.ttl");
const LEXICON_NS: &str = "https://w3id.org/pactgraph/ontology/lexicon#";

/// The labels of each concept of the lexicon, longest first.
fn lexicon() -> std::collections::HashMap<String, Vec<String>> {
    let mut out: std::collections::HashMap<String, Vec<String>> = std::collections::HashMap::new();
    for quad in RdfParser::from_format(RdfFormat::Turtle).for_slice(LEXICON_TTL.as_bytes()) {
        let t = Triple::from(quad.expect("ontology/lexicon.ttl is valid Turtle"));
        let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &t.subject else {
            continue;
        };
        let (Some(concept), SKOS_ALT, Term::Literal(l)) = (
            s.as_str().strip_prefix(LEXICON_NS),
            t.predicate.as_str(),
            &t.object,
        ) else {
            continue;
        };
        out.entry(concept.to_owned())
            .or_default()
            .push(l.value().to_owned());
    }
    for labels in out.values_mut() {
        labels.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        labels.dedup();
    }
    out
}

/// A regex that may be large (the alternations of every state's names): compiled with room
/// for its lazy DFA, so that it is searched in linear time with a small constant rather than
/// falling back to the slower NFA simulation.
pub fn large_regex(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .size_limit(64 << 20)
        .dfa_size_limit(64 << 20)
        .build()
}

/// English names (labels and aliases) of the reference entities of one kind, as printed.
fn names_of(reference: &Reference, kind: EntityKind) -> Vec<String> {
    let mut names = Vec::new();
    for t in &reference.triples {
        let p = t.predicate.as_str();
        if p != RDFS_LABEL && p != SKOS_ALT {
            continue;
        }
        let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &t.subject else {
            continue;
        };
        if reference.by_iri(s.as_str()).is_none_or(|e| e.kind != kind) {
            continue;
        }
        if let Term::Literal(l) = &t.object
            && l.value().is_ascii()
            && l.value().chars().any(|c| c.is_alphabetic())
        {
            names.push(l.value().to_owned());
        }
    }
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.dedup();
    names
}

fn alternation(names: &[String], spelling: bool) -> String {
    names
        .iter()
        .map(|n| {
            let mut p = regex::escape(n).replace(' ', r"\s+");
            if spelling {
                p = p
                    .replace("Defence", "Defen[cs]e")
                    .replace("Defense", "Defen[cs]e")
                    .replace("defence", "defen[cs]e")
                    .replace("defense", "defen[cs]e");
            }
            p.replace(r"\-", r"[-‐–]")
        })
        .collect::<Vec<_>>()
        .join("|")
}

impl Gazetteer {
    /// The shared gazetteer.
    pub fn get() -> &'static Self {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Self::build)
    }

    fn build() -> Self {
        let reference = Reference::get();
        let countries = alternation(&names_of(reference, EntityKind::Country), false);
        let places = large_regex(&format!(
            r"(?-u:\b)(?:{})(?-u:\b)",
            alternation(&names_of(reference, EntityKind::Place), false)
        ))
        .expect("place names make a pattern");
        let forces = large_regex(&format!(
            r"(?i)(?-u:\b)(?:{})(?-u:\b)",
            alternation(&names_of(reference, EntityKind::Force), true)
        ))
        .expect("force names make a pattern");
        let (abbreviations, type_labels) = agreement_types();
        let mut country_names = std::collections::HashMap::new();
        for e in &reference.entities {
            if e.kind == EntityKind::Country {
                for n in &e.names {
                    country_names.insert(n.clone(), e.label.clone());
                }
            }
        }
        Self {
            lexicon: lexicon(),
            country_names,
            countries,
            places,
            forces,
            abbreviations,
            type_labels,
        }
    }

    /// The labels of a lexicon concept ("courtesy", "rank", "not-defence", "instrument",
    /// "meeting"), longest first.
    pub fn words(&self, concept: &str) -> &[String] {
        self.lexicon.get(concept).map_or(&[], Vec::as_slice)
    }

    /// A regex alternation of a lexicon concept's labels, longest first (no groups).
    pub fn alternation_of(&self, concept: &str) -> String {
        self.words(concept)
            .iter()
            .map(|w| {
                let p = regex::escape(w).replace(' ', r"\s+");
                if w.ends_with(|c: char| c.is_alphanumeric()) {
                    format!(r"{p}(?-u:\b)")
                } else {
                    p
                }
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    /// Whether a name's words mark a trade, economic or other civil agreement.
    pub fn not_defence(&self, name: &str) -> bool {
        let folded = format!(" {} ", crate::iri::fold(name));
        self.words("not-defence")
            .iter()
            .any(|w| folded.contains(&format!(" {w} ")))
    }

    /// The label of the country a name (or demonym) is, exactly: "UK" is the United Kingdom,
    /// "the Netherlands" the Netherlands, "Japan-UK" nothing.
    pub fn country_exact(&self, name: &str) -> Option<&str> {
        let key = crate::iri::fold(name);
        self.country_names
            .get(&key)
            .or_else(|| {
                self.country_names
                    .get(key.strip_prefix("the ").unwrap_or(&key))
            })
            .map(String::as_str)
    }

    /// The type of an agreement from its name: an ontology label or alias, else the words that
    /// mark each type.
    pub fn agreement_type(&self, name: &str) -> AgreementType {
        let folded = crate::iri::fold(name);
        let padded = format!(" {folded} ");
        for (abbr, t) in &self.abbreviations {
            if padded.contains(&format!(" {} ", abbr.to_lowercase())) {
                return *t;
            }
        }
        for (label, t) in &self.type_labels {
            if folded.contains(label.as_str()) {
                return *t;
            }
        }
        // The words that mark a type in titles and names.
        const MARKS: [(&str, AgreementType); 11] = [
            ("cross servicing", AgreementType::Acsa),
            ("supplies and services", AgreementType::Acsa),
            ("logistic", AgreementType::Acsa),
            (
                "security of information",
                AgreementType::InformationSecurity,
            ),
            ("information security", AgreementType::InformationSecurity),
            ("classified information", AgreementType::InformationSecurity),
            ("military information", AgreementType::InformationSecurity),
            ("reciprocal access", AgreementType::ReciprocalAccess),
            ("visiting forces", AgreementType::ReciprocalAccess),
            ("equipment and technology", AgreementType::EquipmentTransfer),
            (
                "transfer of defense equipment",
                AgreementType::EquipmentTransfer,
            ),
        ];
        MARKS
            .iter()
            .find(|(mark, _)| folded.contains(mark))
            .map_or(AgreementType::Other, |(_, t)| *t)
    }
}

/// The agreement types' abbreviations and labels from the ontology's `pg:AgreementTypes`.
/// Names with the agreement type they mean.
type TypedNames = Vec<(String, AgreementType)>;

fn agreement_types() -> (TypedNames, TypedNames) {
    let triples: Vec<Triple> = RdfParser::from_format(RdfFormat::Turtle)
        .for_slice(crate::store::ONTOLOGY_TTL.as_bytes())
        .filter_map(|q| q.ok().map(Triple::from))
        .collect();
    let prefix = format!("{}agreement-type-", crate::vocab::pg::NAMESPACE);
    let mut abbreviations = Vec::new();
    let mut labels = Vec::new();
    for t in &triples {
        let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &t.subject else {
            continue;
        };
        let Some(slug) = s.as_str().strip_prefix(&prefix) else {
            continue;
        };
        let Some(kind) = AgreementType::from_slug(slug).filter(|t| *t != AgreementType::Other)
        else {
            continue;
        };
        let p = t.predicate.as_str();
        if !(p == RDFS_LABEL || p == SKOS_ALT || p == SKOS_PREF) {
            continue;
        }
        if let Term::Literal(l) = &t.object {
            let v = l.value();
            if v.len() >= 2 && v.chars().all(|c| c.is_ascii_uppercase()) {
                abbreviations.push((v.to_owned(), kind));
            } else {
                labels.push((crate::iri::fold(v), kind));
            }
        }
    }
    abbreviations.sort();
    abbreviations.dedup();
    labels.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
    labels.dedup();
    (abbreviations, labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_ontology_and_the_words() {
        let g = Gazetteer::get();
        assert!(
            g.abbreviations
                .iter()
                .any(|(a, t)| a == "ACSA" && *t == AgreementType::Acsa)
        );
        assert_eq!(g.agreement_type("Japan-Germany ACSA"), AgreementType::Acsa);
        assert_eq!(
            g.agreement_type("Defence Logistics Treaty"),
            AgreementType::Acsa
        );
        assert_eq!(
            g.agreement_type("German-Japanese Agreement on the Security of Information"),
            AgreementType::InformationSecurity
        );
        assert_eq!(
            g.agreement_type("Japan-UK RAA"),
            AgreementType::ReciprocalAccess
        );
        assert_eq!(
            g.agreement_type("Treaty of Friendship"),
            AgreementType::Other
        );
        assert!(g.places.is_match("in Tokyo today"));
        assert!(g.forces.is_match("the New Zealand Defense Force"));
    }
}
