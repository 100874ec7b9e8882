//! How pactgraph mints IRIs: stable, readable, no blank nodes.
//!
//! Every data IRI is `{base}id/{kind}/{slug}` with one path segment after the kind, so each
//! prints in Turtle as `kind:slug`. Slugs are made by [`slug`]: lower case, Latin diacritics
//! dropped ("Kātua" -> "katua"), British and American spellings folded where they name the same
//! thing ("defence" -> "defense"), every run of other characters a single hyphen; non-Latin
//! scripts are kept as they are (IRIs are Unicode). The rules per kind are in the README
//! ("How IRIs are minted"); the same input always gives the same IRI, and two releases that name
//! the same government, force, person or agreement meet on one node.

use oxigraph::model::NamedNode;
use unicode_normalization::UnicodeNormalization;

use crate::vocab::DEFAULT_BASE;

/// Makes a slug: see the module documentation.
pub fn slug(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    let mut hyphen = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if hyphen && !out.is_empty() {
                out.push('-');
            }
            hyphen = false;
            out.push(c);
        } else {
            hyphen = true;
        }
    }
    out
}

/// Lower case, Latin diacritics dropped, spelling variants folded: the key names are compared by.
pub fn fold(text: &str) -> String {
    let stripped: String = text
        .nfkd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .nfc()
        .collect::<String>()
        .to_lowercase();
    let mut words: Vec<String> = Vec::new();
    for word in stripped.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        let word = word.replace(['\'', '’'], "");
        if word.is_empty() {
            continue;
        }
        let word = match word.as_str() {
            "defence" => "defense",
            "defences" => "defenses",
            "organisation" => "organization",
            "organisations" => "organizations",
            "programme" => "program",
            "centre" => "center",
            other => other,
        };
        words.push(word.to_owned());
    }
    words.join(" ")
}

/// The IRI minter for one base.
#[derive(Debug, Clone)]
pub struct Iris {
    base: String,
}

impl Default for Iris {
    fn default() -> Self {
        Self::new(DEFAULT_BASE).expect("the default base is valid")
    }
}

impl Iris {
    /// A minter for a base IRI, which must end with `/` or `#`.
    pub fn new(base: &str) -> Result<Self, String> {
        oxigraph::model::NamedNode::new(base)
            .map_err(|err| format!("invalid base IRI {base:?}: {err}"))?;
        if !base.ends_with('/') && !base.ends_with('#') {
            return Err(format!(
                "invalid base IRI {base:?}, expected it to end with / or #"
            ));
        }
        Ok(Self {
            base: base.to_owned(),
        })
    }

    /// The base.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `{base}id/{kind}/{segment}`; `segment` must already be a slug or slug-like path segment.
    pub fn id(&self, kind: &str, segment: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}id/{kind}/{segment}", self.base))
    }

    /// Rewrites an IRI minted under the default base to this base (reference data is written
    /// under the default base).
    pub fn rebase(&self, iri: &str) -> NamedNode {
        match iri.strip_prefix(DEFAULT_BASE) {
            Some(rest) if rest.starts_with("id/") && self.base != DEFAULT_BASE => {
                NamedNode::new_unchecked(format!("{}{rest}", self.base))
            }
            _ => NamedNode::new_unchecked(iri),
        }
    }

    /// The inverse of [`Iris::rebase`]: a data IRI under this base written under the default
    /// base, as the reference data names it.
    pub fn unbase(&self, iri: &str) -> String {
        match iri.strip_prefix(&self.base) {
            Some(rest) if rest.starts_with("id/") => format!("{DEFAULT_BASE}{rest}"),
            _ => iri.to_owned(),
        }
    }

    /// The segment of an IRI under `{base}id/{kind}/`, if it is one.
    pub fn segment<'a>(&self, kind: &str, iri: &'a str) -> Option<&'a str> {
        iri.strip_prefix(&self.base)?
            .strip_prefix("id/")?
            .strip_prefix(kind)?
            .strip_prefix('/')
    }

    /// The named graph of a release.
    pub fn release_graph(&self, release_id: &str) -> NamedNode {
        self.id("graph", &format!("release-{release_id}"))
    }

    /// The named graph of the reference data.
    pub fn reference_graph(&self) -> NamedNode {
        self.id("graph", "reference")
    }

    /// The named graph of the ontology.
    pub fn ontology_graph(&self) -> NamedNode {
        self.id("graph", "ontology")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_case_diacritics_and_spelling() {
        assert_eq!(
            slug("New Zealand Defence Force"),
            "new-zealand-defense-force"
        );
        assert_eq!(
            slug("New Zealand Defense Force"),
            "new-zealand-defense-force"
        );
        assert_eq!(slug("Te Ope Kātua o Aotearoa"), "te-ope-katua-o-aotearoa");
        assert_eq!(slug("茂木 敏充"), "茂木-敏充");
        assert_eq!(slug("  \"Quotes\" & <angles> "), "quotes-angles");
        assert_eq!(slug("Japan’s Ambassador"), "japans-ambassador");
    }

    #[test]
    fn rebase_moves_only_data_iris() {
        let iris = Iris::new("http://example.org/kg/").unwrap();
        assert_eq!(
            iris.rebase("https://w3id.org/pactgraph/id/country/japan")
                .as_str(),
            "http://example.org/kg/id/country/japan"
        );
        assert_eq!(
            iris.rebase("https://w3id.org/pactgraph/ontology#Agreement")
                .as_str(),
            "https://w3id.org/pactgraph/ontology#Agreement"
        );
        assert_eq!(
            iris.unbase("http://example.org/kg/id/country/japan"),
            "https://w3id.org/pactgraph/id/country/japan"
        );
        assert!(Iris::new("not an iri").is_err());
        assert!(Iris::new("http://example.org/kg").is_err());
    }
}
