//! The release card: pactgraph's input contract.
//!
//! A card describes one press release: its metadata, the events it reports, the agreements and
//! the people. It is written by hand in YAML or drafted by `pactgraph extract` in JSON; both forms
//! have the same fields. Unknown fields are rejected, and every error names the file, the line and
//! the field, so a typo in a hand-written card is found at once.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// What a release mainly reports.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ReleaseKind {
    /// The signing of one or more agreements.
    Signing,
    /// An agreement's entry into force.
    EntryIntoForce,
    /// A meeting of ministers or leaders.
    Meeting,
    /// Anything else.
    #[default]
    Other,
}

/// The kind of one reported event.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A signing ceremony.
    Signing,
    /// A meeting.
    Meeting,
    /// An exchange of diplomatic notes.
    ExchangeOfNotes,
    /// An entry into force.
    EntryIntoForce,
    /// The start or conduct of negotiations.
    Negotiations,
    /// Anything else.
    #[default]
    Other,
}

/// The type of an agreement.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum AgreementType {
    /// Acquisition and cross-servicing agreement (reciprocal provision of supplies and services).
    Acsa,
    /// Information security agreement (security of information, GSOMIA).
    InformationSecurity,
    /// Reciprocal access agreement (visiting forces).
    ReciprocalAccess,
    /// Defence equipment and technology transfer agreement.
    EquipmentTransfer,
    /// Status of forces or visiting forces agreement (SOFA, SOVFA, VFA): the legal status of one
    /// party's forces in the other's territory.
    StatusOfForces,
    /// Defence (or defence and security) cooperation agreement, framework or road map (DCA,
    /// EDCA, a memorandum of understanding on defence cooperation).
    DefenceCooperation,
    /// Logistics support arrangement between armed forces other than an ACSA (MLSA).
    LogisticsSupport,
    /// Mutual defence treaty: the parties undertake to defend each other.
    MutualDefence,
    /// Any other defence or security agreement.
    #[default]
    Other,
}

/// What the release reports about an agreement.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum AgreementAction {
    /// The agreement was signed.
    Signed,
    /// The agreement entered into force.
    EnteredIntoForce,
    /// The parties agreed on it in principle.
    AgreedInPrinciple,
    /// Negotiations on it started or are under way (a round of negotiations was held).
    NegotiationsStarted,
    /// The release only mentions it.
    #[default]
    Mentioned,
    /// Its signing is planned or scheduled ("will sign", "set to sign").
    Planned,
    /// It was renewed or extended.
    Renewed,
    /// It was amended (a protocol or amendment to it was signed).
    Amended,
    /// Its instruments were exchanged (signed documents handed over).
    Exchanged,
    /// Negotiations on it were concluded (the text agreed, not yet signed).
    NegotiationsConcluded,
    /// It was terminated.
    Terminated,
    /// A party withdrew from it.
    Withdrawn,
}

/// The form of the instrument, as its name says ("Memorandum of Understanding", "Protocol").
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    /// An agreement.
    #[default]
    Agreement,
    /// A treaty.
    Treaty,
    /// An arrangement.
    Arrangement,
    /// An implementing arrangement under another agreement.
    ImplementingArrangement,
    /// A memorandum of understanding.
    MemorandumOfUnderstanding,
    /// A protocol or amendment to another agreement.
    Protocol,
    /// A letter of intent.
    LetterOfIntent,
    /// A road map.
    RoadMap,
    /// A joint declaration or statement that is signed.
    Declaration,
    /// A framework (for cooperation).
    Framework,
}

impl EventKind {
    /// The card spelling of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Signing => "signing",
            Self::Meeting => "meeting",
            Self::ExchangeOfNotes => "exchange_of_notes",
            Self::EntryIntoForce => "entry_into_force",
            Self::Negotiations => "negotiations",
            Self::Other => "other",
        }
    }
}

impl AgreementType {
    /// The slug used in IRIs and concept names (`acsa`, `information-security`, ...).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Acsa => "acsa",
            Self::InformationSecurity => "information-security",
            Self::ReciprocalAccess => "reciprocal-access",
            Self::EquipmentTransfer => "equipment-transfer",
            Self::StatusOfForces => "status-of-forces",
            Self::DefenceCooperation => "defence-cooperation",
            Self::LogisticsSupport => "logistics-support",
            Self::MutualDefence => "mutual-defence",
            Self::Other => "other",
        }
    }

    /// Every type, in declaration order.
    pub const ALL: [Self; 9] = [
        Self::Acsa,
        Self::InformationSecurity,
        Self::ReciprocalAccess,
        Self::EquipmentTransfer,
        Self::StatusOfForces,
        Self::DefenceCooperation,
        Self::LogisticsSupport,
        Self::MutualDefence,
        Self::Other,
    ];

    /// The type whose slug this is.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

impl Instrument {
    /// The slug used in concept names (`memorandum-of-understanding`, ...).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Agreement => "agreement",
            Self::Treaty => "treaty",
            Self::Arrangement => "arrangement",
            Self::ImplementingArrangement => "implementing-arrangement",
            Self::MemorandumOfUnderstanding => "memorandum-of-understanding",
            Self::Protocol => "protocol",
            Self::LetterOfIntent => "letter-of-intent",
            Self::RoadMap => "road-map",
            Self::Declaration => "declaration",
            Self::Framework => "framework",
        }
    }

    /// Every form, in declaration order.
    pub const ALL: [Self; 10] = [
        Self::Agreement,
        Self::Treaty,
        Self::Arrangement,
        Self::ImplementingArrangement,
        Self::MemorandumOfUnderstanding,
        Self::Protocol,
        Self::LetterOfIntent,
        Self::RoadMap,
        Self::Declaration,
        Self::Framework,
    ];

    /// The form whose slug this is.
    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

impl AgreementAction {
    /// The slug used in concept names (`signed`, `entered-into-force`, ...).
    pub fn slug(self) -> &'static str {
        match self {
            Self::Signed => "signed",
            Self::EnteredIntoForce => "entered-into-force",
            Self::AgreedInPrinciple => "agreed-in-principle",
            Self::NegotiationsStarted => "negotiations-started",
            Self::Mentioned => "mentioned",
            Self::Planned => "planned",
            Self::Renewed => "renewed",
            Self::Amended => "amended",
            Self::Exchanged => "exchanged",
            Self::NegotiationsConcluded => "negotiations-concluded",
            Self::Terminated => "terminated",
            Self::Withdrawn => "withdrawn",
        }
    }

    /// Every action, in declaration order.
    pub const ALL: [Self; 12] = [
        Self::Signed,
        Self::EnteredIntoForce,
        Self::AgreedInPrinciple,
        Self::NegotiationsStarted,
        Self::Mentioned,
        Self::Planned,
        Self::Renewed,
        Self::Amended,
        Self::Exchanged,
        Self::NegotiationsConcluded,
        Self::Terminated,
        Self::Withdrawn,
    ];
}

/// One release card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// The release as a document.
    pub release: Release,
    /// What the release mainly reports.
    pub kind: ReleaseKind,
    /// The events it reports, the main one first.
    #[serde(default)]
    pub events: Vec<Event>,
    /// The agreements it reports on.
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    /// The people it names.
    #[serde(default)]
    pub people: Vec<Person>,
}

/// The release as a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// A stable identifier for the release (lower-case letters, digits and hyphens); derived from
    /// the date and the title when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The title as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publisher (a ministry or office).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The publication date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the release is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The language of the text, a BCP 47 tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The SHA-256 of the source text, when the card came from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_sha256: Option<String>,
    /// The source text file, relative to the card; gives the sentence quotes and offsets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One event the release reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The key other parts of the card use for it.
    pub key: String,
    /// What kind of event it is.
    pub kind: EventKind,
    /// The date, `YYYY-MM-DD`; `YYYY-MM` or `YYYY` when the release gives only the month or the
    /// year ("in January 2024"), which the graph keeps at that precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The local time as printed, 24 h (`HH:MM` or `HH:MM:SS`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// The offset from UTC (`+09:00`, `Z`), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Where it took place, as printed (a city).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The key of the event it followed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// The release announces it as planned or scheduled, not as having happened.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// Keys of the agreements it concerns.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<String>,
    /// Keys of the people who signed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signatories: Vec<String>,
    /// Keys of the people who took part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// What the participants exchanged views on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// What the participants concurred on, as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concurred: Vec<String>,
    /// Sentence numbers of the source text (1-based) that state it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<u32>,
}

/// One agreement the release reports on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// The key other parts of the card use for it.
    pub key: String,
    /// The formal title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The short name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// The abbreviation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    /// The type.
    #[serde(default, rename = "type")]
    pub agreement_type: AgreementType,
    /// The form of the instrument, when its name says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrument: Option<Instrument>,
    /// The key of the agreement this one amends, implements or supplements (a protocol to a
    /// treaty, an implementing arrangement under a cooperation agreement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The parties, as printed ("Government of Japan"): governments or states, or international
    /// organisations ("NATO", "European Union").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<String>,
    /// The armed forces it concerns, as printed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forces: Vec<String>,
    /// What the release reports about it.
    #[serde(default)]
    pub action: AgreementAction,
    /// What it provides for, as the release summarises it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Sentence numbers of the source text (1-based) that state it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<u32>,
}

/// One person the release names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// The key other parts of the card use for them.
    pub key: String,
    /// The name as printed ("MOTEGI Toshimitsu").
    pub name: String,
    /// The family name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
    /// The given name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_name: Option<String>,
    /// The honorific as printed ("Mr.", "Hon.").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub honorific: Option<String>,
    /// The post held, as printed ("Minister for Foreign Affairs").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post: Option<String>,
    /// The country they act for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Sentence numbers of the source text (1-based) that state it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<u32>,
}

impl Person {
    /// The family and given names: the card's own, or read off the printed name by
    /// [`split_name`].
    pub fn name_parts(&self) -> (Option<String>, Option<String>) {
        if self.family_name.is_some() || self.given_name.is_some() {
            return (self.family_name.clone(), self.given_name.clone());
        }
        split_name(&self.name)
    }

    /// The name in given-name-first order with the family name in title case
    /// ("Toshimitsu Motegi"), the form used for labels and IRIs.
    pub fn display_name(&self) -> String {
        match self.name_parts() {
            (Some(family), Some(given)) => format!("{given} {}", title_case(&family)),
            (Some(family), None) => title_case(&family),
            (None, Some(given)) => given,
            (None, None) => self.name.trim().to_owned(),
        }
    }
}

/// A family name for display: "MOTEGI" becomes "Motegi", mixed case is kept.
pub fn display_family(family: &str) -> String {
    title_case(family)
}

/// Lower-case words that belong to a family name ("Anna de Vries").
const PARTICLES: [&str; 14] = [
    "de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "ter", "te", "bin", "al",
];

/// Family and given name of a printed name: a first word in capitals, with no other word in
/// capitals, is a family name printed first ("MOTEGI Toshimitsu"); otherwise the last word is
/// the family name, with the particles before it ("Anna de Vries") and without a "Jr."/"Sr."
/// after it ("Gilberto Teodoro Jr.").
pub fn split_name(name: &str) -> (Option<String>, Option<String>) {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 2 && matches!(words.last(), Some(&("Jr." | "Sr." | "Jr" | "Sr"))) {
        words.pop();
    }
    match words.as_slice() {
        [] => (None, None),
        [one] => (Some((*one).to_owned()), None),
        [first, rest @ ..]
            if is_capitalised_family_name(first)
                && !rest.iter().any(|w| is_capitalised_family_name(w)) =>
        {
            (Some((*first).to_owned()), Some(rest.join(" ")))
        }
        _ => {
            let mut split = words.len() - 1;
            // Particles before the family name, in lower case or, before another particle,
            // capitalised ("Ursula Von der Leyen"); the Arabic article belongs to the family
            // name however it is printed ("Khalid bin Mohamed Al Attiyah").
            while split > 1
                && (PARTICLES.contains(&words[split - 1])
                    || PARTICLES.contains(&words[split - 1].to_lowercase().as_str())
                        && PARTICLES.contains(&words[split])
                    || matches!(words[split - 1], "Al" | "El") && split == words.len() - 1)
            {
                split -= 1;
            }
            (
                Some(words[split..].join(" ")),
                Some(words[..split].join(" ")),
            )
        }
    }
}

fn is_capitalised_family_name(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// "MOTEGI" -> "Motegi"; words already in mixed case are kept.
fn title_case(word: &str) -> String {
    if !is_capitalised_family_name(word) {
        return word.to_owned();
    }
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// Why a card was rejected: the file, the line when known, the field and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct CardError {
    /// The file (or `<embedded seed>`, `<stdin>`).
    pub origin: String,
    /// The 1-based line, when known.
    pub line: Option<usize>,
    /// The field path, such as `events[0].date`.
    pub field: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for CardError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.origin)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message.replace('\n', " "))
    }
}

/// The two written forms of a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardFormat {
    /// YAML, for cards written by hand.
    Yaml,
    /// JSON, for cards written by machines.
    Json,
}

impl CardFormat {
    /// The form a file name's extension says, if any.
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "yaml" | "yml" => Some(Self::Yaml),
            "json" => Some(Self::Json),
            _ => None,
        }
    }
}

impl Card {
    /// Parses and checks a card from its text. `origin` names it in errors.
    pub fn parse(text: &str, format: CardFormat, origin: &str) -> Result<Self, CardError> {
        if let Some((line, depth)) = too_deep(text) {
            return Err(CardError {
                origin: origin.to_owned(),
                line: Some(line),
                field: None,
                message: format!(
                    "brackets nested {depth} deep, expected at most {MAX_CARD_NESTING} levels of [ and {{"
                ),
            });
        }
        let card: Card = match format {
            CardFormat::Yaml => {
                let de = serde_yaml_ng::Deserializer::from_str(text);
                serde_path_to_error::deserialize(de).map_err(|err| {
                    let path = err.path().to_string();
                    let inner = err.into_inner();
                    let line = inner.location().map(|l| l.line());
                    CardError {
                        origin: origin.to_owned(),
                        line,
                        field: field_path(&path),
                        message: strip_location(&inner.to_string()),
                    }
                })?
            }
            CardFormat::Json => {
                let mut de = serde_json::Deserializer::from_str(text);
                let card = serde_path_to_error::deserialize(&mut de).map_err(|err| {
                    let path = err.path().to_string();
                    let inner = err.into_inner();
                    CardError {
                        origin: origin.to_owned(),
                        line: (inner.line() > 0).then_some(inner.line()),
                        field: field_path(&path),
                        message: strip_location(&inner.to_string()),
                    }
                })?;
                // One card a file: anything after it (a second object, garbage) is refused.
                de.end().map_err(|err| CardError {
                    origin: origin.to_owned(),
                    line: (err.line() > 0).then_some(err.line()),
                    field: None,
                    message: "data after the card, expected one JSON object per file".into(),
                })?;
                card
            }
        };
        card.check().map_err(|(field, value, message)| {
            // The field's own line, else the line of the value it holds.
            let by_path = line_of_path(text, &field);
            let line = match (&value, by_path) {
                (Some(v), Some(p)) => line_of_from(text, v, p - 1).or(Some(p)),
                (Some(v), None) => line_of(text, v),
                (None, p) => p,
            };
            CardError {
                origin: origin.to_owned(),
                line,
                field: Some(field),
                message,
            }
        })?;
        Ok(card)
    }

    /// Reads, parses and checks a card file (`.yaml`, `.yml` or `.json`).
    pub fn from_path(path: &Path) -> Result<Self, CardError> {
        let origin = path.display().to_string();
        let format = CardFormat::from_path(path).ok_or_else(|| CardError {
            origin: origin.clone(),
            line: None,
            field: None,
            message: "expected a release card with the extension .yaml, .yml or .json".into(),
        })?;
        let text = std::fs::read_to_string(path).map_err(|err| CardError {
            origin: origin.clone(),
            line: None,
            field: None,
            message: format!("cannot read the card: {err}"),
        })?;
        Self::parse(&text, format, &origin)
    }

    /// Writes the card in the given form, fields in the documented order.
    pub fn to_string(&self, format: CardFormat) -> String {
        match format {
            CardFormat::Yaml => serde_yaml_ng::to_string(self).expect("a card always serialises"),
            CardFormat::Json => {
                let mut text =
                    serde_json::to_string_pretty(self).expect("a card always serialises");
                text.push('\n');
                text
            }
        }
    }

    /// Checks what serde cannot: keys unique and defined, dates, times and offsets valid, the
    /// release id well-formed. On failure: the field path, the offending value (to find its
    /// line) and the message.
    fn check(&self) -> Result<(), (String, Option<String>, String)> {
        let fail = |field: String, value: &str, message: String| {
            Err((field, Some(value.to_owned()), message))
        };
        self.check_characters()?;
        self.check_names()?;
        if let Some(id) = &self.release.id
            && id.chars().count() > MAX_ID_CHARS
        {
            return Err((
                "release.id".into(),
                None,
                format!(
                    "the id has {} characters, expected at most {MAX_ID_CHARS}",
                    id.chars().count()
                ),
            ));
        }
        if let Some(url) = &self.release.url
            && let Err(err) = oxigraph::model::NamedNode::new(url.trim())
        {
            return fail(
                "release.url".into(),
                url,
                format!(
                    "invalid URL {}, expected an absolute IRI: {}",
                    escape_quoted(url),
                    escape_quoted(&err.to_string()).trim_matches('"')
                ),
            );
        }
        if let Some(language) = &self.release.language
            && oxigraph::model::Literal::new_language_tagged_literal("", language).is_err()
        {
            return fail(
                "release.language".into(),
                language,
                format!(
                    "invalid language tag {}, expected a BCP 47 tag such as en",
                    escape_quoted(language)
                ),
            );
        }
        if let Some(url) = &self.release.url
            && let Some(c) = url
                .trim()
                .chars()
                .find(|&c| c.is_whitespace() || c.is_control() || is_format_char(c))
        {
            return fail(
                "release.url".into(),
                url,
                format!(
                    "{} contains {}, expected an absolute IRI without spaces or control characters",
                    escape_quoted(url),
                    escape_quoted(&c.to_string())
                ),
            );
        }
        if let Some(id) = &self.release.id
            && (id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
        {
            return fail(
                "release.id".into(),
                id,
                format!("invalid id {id:?}, expected lower-case letters, digits and hyphens"),
            );
        }
        if let Some(date) = &self.release.date {
            check_date(date).or_else(|m| fail("release.date".into(), date, m))?;
        }
        if let Some(sha) = &self.release.text_sha256
            && (sha.len() != 64 || !sha.chars().all(|c| c.is_ascii_hexdigit()))
        {
            return fail(
                "release.text_sha256".into(),
                sha,
                "expected 64 hexadecimal digits".into(),
            );
        }
        let mut keys = BTreeSet::new();
        let event_keys: BTreeSet<&str> = self.events.iter().map(|e| e.key.as_str()).collect();
        let agreement_keys: BTreeSet<&str> =
            self.agreements.iter().map(|a| a.key.as_str()).collect();
        let person_keys: BTreeSet<&str> = self.people.iter().map(|p| p.key.as_str()).collect();
        let all_keys = self
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| ("events", i, e.key.as_str()))
            .chain(
                self.agreements
                    .iter()
                    .enumerate()
                    .map(|(i, a)| ("agreements", i, a.key.as_str())),
            )
            .chain(
                self.people
                    .iter()
                    .enumerate()
                    .map(|(i, p)| ("people", i, p.key.as_str())),
            );
        for (section, i, key) in all_keys {
            if key.trim().is_empty() {
                return Err((
                    format!("{section}[{i}].key"),
                    None,
                    "empty key, expected a name".into(),
                ));
            }
            if !keys.insert(key) {
                return fail(
                    format!("{section}[{i}].key"),
                    key,
                    format!(
                        "duplicate key {}, expected each key once in the card",
                        escape_quoted(key)
                    ),
                );
            }
        }
        for (i, event) in self.events.iter().enumerate() {
            let at = |field: &str| format!("events[{i}].{field}");
            if let Some(date) = &event.date {
                let precision =
                    check_event_date(date).map_err(|m| (at("date"), Some(date.clone()), m))?;
                if let (Some(time), false) = (&event.time, precision == DatePrecision::Day) {
                    return fail(
                        at("time"),
                        time,
                        format!(
                            "a time of day on the date {date:?}, expected a date YYYY-MM-DD with it"
                        ),
                    );
                }
            }
            if let Some(time) = &event.time {
                check_time(time).or_else(|m| fail(at("time"), time, m))?;
            }
            if let Some(zone) = &event.timezone {
                check_offset(zone).or_else(|m| fail(at("timezone"), zone, m))?;
            }
            if let Some(after) = &event.after
                && (!event_keys.contains(after.as_str()) || after == &event.key)
            {
                return fail(at("after"), after, undefined("event", after, &event_keys));
            }
            for key in &event.agreements {
                if !agreement_keys.contains(key.as_str()) {
                    return fail(
                        at("agreements"),
                        key,
                        undefined("agreement", key, &agreement_keys),
                    );
                }
            }
            for (field, list) in [
                ("signatories", &event.signatories),
                ("participants", &event.participants),
            ] {
                for key in list {
                    if !person_keys.contains(key.as_str()) {
                        return fail(at(field), key, undefined("person", key, &person_keys));
                    }
                }
            }
            check_evidence(&event.evidence).map_err(|m| (at("evidence"), None, m))?;
        }
        for (i, agreement) in self.agreements.iter().enumerate() {
            let named = [
                &agreement.title,
                &agreement.short_name,
                &agreement.abbreviation,
            ]
            .iter()
            .any(|n| n.as_deref().is_some_and(|n| !n.trim().is_empty()));
            if !named {
                return fail(
                    format!("agreements[{i}]"),
                    &agreement.key,
                    "expected at least one of title, short_name or abbreviation".into(),
                );
            }
            if let Some(parent) = &agreement.parent
                && (!agreement_keys.contains(parent.as_str()) || parent == &agreement.key)
            {
                return fail(
                    format!("agreements[{i}].parent"),
                    parent,
                    undefined("agreement", parent, &agreement_keys),
                );
            }
            check_evidence(&agreement.evidence)
                .map_err(|m| (format!("agreements[{i}].evidence"), None, m))?;
        }
        for (i, person) in self.people.iter().enumerate() {
            if person.name.trim().is_empty() {
                return fail(
                    format!("people[{i}].name"),
                    &person.key,
                    "empty name, expected the name as printed".into(),
                );
            }
            check_evidence(&person.evidence)
                .map_err(|m| (format!("people[{i}].evidence"), None, m))?;
        }
        Ok(())
    }

    /// Refuses characters that XML 1.0 and the RDF tools cannot carry, in every text field:
    /// C0 control characters other than tab, line feed and carriage return, and the
    /// noncharacters U+FFFE and U+FFFF.
    fn check_characters(&self) -> Result<(), (String, Option<String>, String)> {
        fn walk(
            value: &serde_json::Value,
            path: &str,
        ) -> Result<(), (String, Option<String>, String)> {
            match value {
                serde_json::Value::String(text) => {
                    if text.chars().count() > MAX_FIELD_CHARS {
                        return Err((
                            path.to_owned(),
                            None,
                            format!(
                                "{} characters, expected at most {MAX_FIELD_CHARS}",
                                text.chars().count()
                            ),
                        ));
                    }
                    if let Some(c) = text.chars().find(|&c| is_forbidden_char(c)) {
                        return Err((
                            path.to_owned(),
                            None,
                            format!(
                                "{} contains the character U+{:04X}, expected text without control characters (other than tab and line breaks) or U+FFFE/U+FFFF",
                                escape_quoted(&text.chars().take(80).collect::<String>()),
                                c as u32
                            ),
                        ));
                    }
                    Ok(())
                }
                serde_json::Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        walk(item, &format!("{path}[{i}]"))?;
                    }
                    Ok(())
                }
                serde_json::Value::Object(fields) => {
                    for (name, item) in fields {
                        let at = if path.is_empty() {
                            name.clone()
                        } else {
                            format!("{path}.{name}")
                        };
                        walk(item, &at)?;
                    }
                    Ok(())
                }
                _ => Ok(()),
            }
        }
        let value = serde_json::to_value(self).expect("a card always serialises");
        walk(&value, "")
    }

    /// Refuses names that would mint an empty IRI segment: a person's name, country or post,
    /// a party, a force, a place, a publisher or a topic with no letter or digit.
    fn check_names(&self) -> Result<(), (String, Option<String>, String)> {
        let empty = |field: String, value: &str| {
            Err((
                field,
                Some(value.to_owned()),
                format!(
                    "{} has no letter or digit, expected a name (its IRI would be empty)",
                    escape_quoted(value)
                ),
            ))
        };
        let blank = |v: &str| crate::iri::slug(v).is_empty();
        if let Some(p) = &self.release.publisher
            && blank(p)
        {
            return empty("release.publisher".into(), p);
        }
        for (i, e) in self.events.iter().enumerate() {
            if let Some(place) = &e.place
                && blank(place)
            {
                return empty(format!("events[{i}].place"), place);
            }
            if let Some((j, t)) = e.topics.iter().enumerate().find(|(_, t)| blank(t)) {
                return empty(format!("events[{i}].topics[{j}]"), t);
            }
        }
        for (i, a) in self.agreements.iter().enumerate() {
            for (field, list) in [("parties", &a.parties), ("forces", &a.forces)] {
                if let Some((j, v)) = list.iter().enumerate().find(|(_, v)| blank(v)) {
                    return empty(format!("agreements[{i}].{field}[{j}]"), v);
                }
            }
        }
        for (i, p) in self.people.iter().enumerate() {
            if !p.name.trim().is_empty() && blank(&p.name) {
                return empty(format!("people[{i}].name"), &p.name);
            }
            for (field, value) in [("country", &p.country), ("post", &p.post)] {
                if let Some(v) = value
                    && blank(v)
                {
                    return empty(format!("people[{i}].{field}"), v);
                }
            }
        }
        Ok(())
    }

    /// The first citation of a sentence past `count` (the sentences of the source text): its
    /// field path and the number.
    pub fn citation_beyond(&self, count: usize) -> Option<(String, u32)> {
        let sections = self
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (format!("events[{i}].evidence"), &e.evidence))
            .chain(
                self.agreements
                    .iter()
                    .enumerate()
                    .map(|(i, a)| (format!("agreements[{i}].evidence"), &a.evidence)),
            )
            .chain(
                self.people
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (format!("people[{i}].evidence"), &p.evidence)),
            );
        for (path, evidence) in sections {
            for (j, &n) in evidence.iter().enumerate() {
                if n == 0 || usize::try_from(n).map_or(true, |n| n > count) {
                    return Some((format!("{path}[{j}]"), n));
                }
            }
        }
        None
    }

    /// The sentence numbers any part of the card cites.
    pub fn cited_sentences(&self) -> BTreeSet<u32> {
        let events = self.events.iter().flat_map(|e| &e.evidence);
        let agreements = self.agreements.iter().flat_map(|a| &a.evidence);
        let people = self.people.iter().flat_map(|p| &p.evidence);
        events.chain(agreements).chain(people).copied().collect()
    }
}

fn undefined(what: &str, key: &str, defined: &BTreeSet<&str>) -> String {
    let known: Vec<&str> = defined.iter().copied().collect();
    if known.is_empty() {
        format!("unknown {what} key {key:?}, the card defines no {what}")
    } else {
        format!(
            "unknown {what} key {key:?}, expected one of: {}",
            known.join(", ")
        )
    }
}

fn check_evidence(evidence: &[u32]) -> Result<(), String> {
    if evidence.contains(&0) {
        return Err("sentence numbers start at 1".into());
    }
    Ok(())
}

/// How precisely a card dates an event: to the day, the month or the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    /// `YYYY`: the release gives the year only.
    Year,
    /// `YYYY-MM`: the release gives the month ("January 2024").
    Month,
    /// `YYYY-MM-DD`.
    Day,
}

impl DatePrecision {
    /// The precision of a date as a card writes it (its length), without checking it.
    pub fn of(date: &str) -> Self {
        match date.len() {
            4 => Self::Year,
            7 => Self::Month,
            _ => Self::Day,
        }
    }

    /// The word for it (`year`, `month`, `day`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
        }
    }
}

/// An event's date: a calendar date `YYYY-MM-DD` that exists, or a month `YYYY-MM` or a year
/// `YYYY` when the release is no more precise.
pub fn check_event_date(date: &str) -> Result<DatePrecision, String> {
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    match bytes.len() {
        4 if digits(0..4) => Ok(DatePrecision::Year),
        7 if digits(0..4) && bytes[4] == b'-' && digits(5..7) => {
            if (1..=12).contains(&date[5..7].parse::<u32>().unwrap_or(0)) {
                Ok(DatePrecision::Month)
            } else {
                Err(format!(
                    "impossible month {date:?}, expected YYYY-MM with a month from 01 to 12"
                ))
            }
        }
        10 => check_date(date).map(|()| DatePrecision::Day),
        _ => Err(format!(
            "invalid date {date:?}, expected YYYY-MM-DD, or YYYY-MM or YYYY when the release gives only the month or year"
        )),
    }
}

/// A calendar date, `YYYY-MM-DD`, that exists.
pub fn check_date(date: &str) -> Result<(), String> {
    let bytes = date.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return Err(format!("invalid date {date:?}, expected YYYY-MM-DD"));
    }
    if date_exists(date) {
        Ok(())
    } else {
        Err(format!(
            "impossible date {date:?}, expected a day that exists in the calendar"
        ))
    }
}

fn date_exists(date: &str) -> bool {
    let (Ok(year), Ok(month), Ok(day)) = (
        date[0..4].parse::<u32>(),
        date[5..7].parse::<u32>(),
        date[8..10].parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// A 24-hour local time, `HH:MM` or `HH:MM:SS`.
pub fn check_time(time: &str) -> Result<(), String> {
    let parts: Vec<&str> = time.split(':').collect();
    let ok = matches!(parts.len(), 2 | 3)
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0].parse::<u32>().is_ok_and(|h| h < 24)
        && parts[1].parse::<u32>().is_ok_and(|m| m < 60)
        && parts
            .get(2)
            .is_none_or(|s| s.parse::<u32>().is_ok_and(|s| s < 60));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "impossible time {time:?}, expected HH:MM or HH:MM:SS on a 24-hour clock"
        ))
    }
}

/// An offset from UTC, `Z` or `±HH:MM` within ±14:00.
pub fn check_offset(offset: &str) -> Result<(), String> {
    if offset == "Z" {
        return Ok(());
    }
    let bytes = offset.as_bytes();
    let ok = bytes.len() == 6
        && matches!(bytes[0], b'+' | b'-')
        && bytes[3] == b':'
        && offset[1..3].parse::<u32>().is_ok_and(|h| h <= 14)
        && offset[4..6].parse::<u32>().is_ok_and(|m| m < 60)
        && bytes[1..]
            .iter()
            .enumerate()
            .all(|(i, b)| i == 2 || b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "invalid time zone {offset:?}, expected an offset such as +09:00 or Z"
        ))
    }
}

/// serde_path_to_error prints `.` for the root.
fn field_path(path: &str) -> Option<String> {
    (path != "." && !path.is_empty()).then(|| path.to_owned())
}

/// The parsers append "at line L column C" to their messages and the YAML one starts them with
/// the path; both are reported separately.
fn strip_location(message: &str) -> String {
    let message = message.lines().next().unwrap_or_default();
    let message = match message.split_once(": ") {
        Some((path, rest)) if !path.contains(' ') && !path.is_empty() => rest,
        _ => message,
    };
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// The deepest nesting of flow brackets (`[`, `{`) a card may have: a card needs four levels;
/// deeper ones are refused before parsing (the YAML parser takes quadratic time on deep flow
/// nesting).
pub const MAX_CARD_NESTING: usize = 16;

/// The longest text field, in characters.
pub const MAX_FIELD_CHARS: usize = 100_000;

/// The largest card file, in bytes (as for a release text).
pub const MAX_CARD_BYTES: u64 = 16 * 1024 * 1024;

/// The line and depth where a card's brackets nest deeper than [`MAX_CARD_NESTING`], counted
/// outside quoted scalars and comments.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let (mut depth, mut line) = (0usize, 1usize);
    let mut quote: Option<char> = None;
    let mut previous = '\n';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
        }
        match quote {
            Some(q) => {
                if c == '\\' && q == '"' {
                    chars.next();
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                '"' | '\'' if previous.is_whitespace() || "[{,:".contains(previous) => {
                    quote = Some(c);
                }
                '#' if previous.is_whitespace() => {
                    while chars.peek().is_some_and(|&n| n != '\n') {
                        chars.next();
                    }
                }
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_CARD_NESTING {
                        return Some((line, depth));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        previous = c;
    }
    None
}

/// The longest release id, in characters.
pub const MAX_ID_CHARS: usize = 128;

/// A character no text field may hold (see [`Card::parse`]).
pub fn is_forbidden_char(c: char) -> bool {
    (c.is_control() && (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r'))
        || c == '\u{fffe}'
        || c == '\u{ffff}'
}

/// A line or paragraph separator or other invisible format character, which no URL holds.
fn is_format_char(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{feff}')
}

/// Quotes a value for an error message, control characters escaped (`"\u{1b}"`), so that a
/// message stays one line and prints no terminal escapes.
pub fn escape_quoted(value: &str) -> String {
    format!("{value:?}")
}

/// The first line where a field of this name is given (`name:` in YAML, `"name":` in JSON).
pub fn line_of_field(text: &str, name: &str) -> Option<usize> {
    let yaml = format!("{name}:");
    let json = format!("\"{name}\"");
    text.lines()
        .position(|line| {
            let line = line.trim_start().trim_start_matches("- ");
            line.starts_with(&yaml) || line.starts_with(&json)
        })
        .map(|i| i + 1)
}

/// The line of a field given by its path (`agreements[1].parties[0]`), in a card written
/// in block YAML or indented JSON (as `extract` writes both): each name is looked for among
/// the lines indented under the one before it, each index counts the list's items. Where the
/// path cannot be followed to its end, the line of the deepest part found.
pub fn line_of_path(text: &str, path: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    let blank = |l: &str| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---"
    };
    // (line index, indent of the scope's keys); -1 outside everything.
    let (mut at, mut scope): (Option<usize>, isize) = (None, -1);
    for part in path.split('.') {
        let (name, indices) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            let start = at.unwrap_or(0);
            let yaml = format!("{name}:");
            let json = format!("\"{name}\":");
            let mut found = None;
            for (i, line) in lines.iter().enumerate().skip(start) {
                if blank(line) {
                    continue;
                }
                let content = line.trim_start();
                let (key_indent, content) = match content.strip_prefix("- ") {
                    Some(rest) => (indent(line) + 2, rest.trim_start()),
                    None => (indent(line), content),
                };
                if (indent(line) as isize) <= scope && i > start {
                    break;
                }
                if (key_indent as isize) > scope
                    && (content.starts_with(&yaml) || content.starts_with(&json))
                {
                    found = Some((i, key_indent as isize));
                    break;
                }
            }
            let (i, key_indent) = found?;
            at = Some(i);
            scope = key_indent;
        }
        for index in indices
            .split(['[', ']'])
            .filter(|s| !s.is_empty())
            .filter_map(|s| s.parse::<usize>().ok())
        {
            let key_line = at?;
            let rest = lines[key_line]
                .split_once(':')
                .map(|(_, r)| r.trim())
                .unwrap_or("");
            if !rest.is_empty() && rest != "[" && rest != "{" {
                // A flow list on the key's line.
                return Some(key_line + 1);
            }
            let mut item_indent = None;
            let mut count = 0usize;
            let mut hit = None;
            for (i, line) in lines.iter().enumerate().skip(key_line + 1) {
                if blank(line) {
                    continue;
                }
                let d = indent(line);
                let content = line.trim_start();
                if content.starts_with(']') || content.starts_with('}') {
                    if item_indent.is_some_and(|x| d < x) || item_indent.is_none() {
                        break;
                    }
                    continue;
                }
                let x = *item_indent.get_or_insert(d);
                if d < x || ((d as isize) <= scope && !content.starts_with('-')) {
                    break;
                }
                if d == x {
                    if count == index {
                        hit = Some(i);
                        break;
                    }
                    count += 1;
                }
            }
            let i = hit?;
            at = Some(i);
            scope = indent(lines[i]) as isize;
        }
    }
    at.map(|i| i + 1)
}

/// The first line holding `value` as a YAML or JSON scalar, to point at a semantic error.
fn line_of(text: &str, value: &str) -> Option<usize> {
    line_of_from(text, value, 0)
}

/// As [`line_of`], from the 0-based line `start` on.
fn line_of_from(text: &str, value: &str, start: usize) -> Option<usize> {
    text.lines()
        .enumerate()
        .skip(start)
        .find(|(_, line)| {
            let line = line.trim();
            line.ends_with(&format!(": {value}"))
                || line.ends_with(&format!(": \"{value}\""))
                || line.ends_with(&format!(": \"{value}\","))
                || line.contains(&format!("\"{value}\""))
                || line == format!("- {value}")
                || line
                    .split(['[', ']', ',', ' '])
                    .any(|token| token.trim_matches(['"', '\'']) == value)
        })
        .map(|(i, _)| i + 1)
}

impl FromStr for CardFormat {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.to_ascii_lowercase().as_str() {
            "yaml" | "yml" => Ok(Self::Yaml),
            "json" => Ok(Self::Json),
            other => Err(format!(
                "unknown card format {other:?}, expected yaml or json"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Person {
        Person {
            key: "p".into(),
            name: name.into(),
            ..Person::default()
        }
    }

    #[test]
    fn japanese_order_is_understood() {
        let motegi = person("MOTEGI Toshimitsu");
        assert_eq!(
            motegi.name_parts(),
            (Some("MOTEGI".into()), Some("Toshimitsu".into()))
        );
        assert_eq!(motegi.display_name(), "Toshimitsu Motegi");
        assert_eq!(person("Judith Collins").display_name(), "Judith Collins");
        assert_eq!(
            person("Toshimitsu Motegi").display_name(),
            "Toshimitsu Motegi"
        );
    }

    #[test]
    fn dates_times_and_offsets_are_checked() {
        assert!(check_date("2025-12-19").is_ok());
        assert!(check_date("2024-02-29").is_ok());
        assert!(check_date("2025-02-29").is_err());
        assert!(check_date("2025-13-01").is_err());
        assert!(check_date("19 December 2025").is_err());
        assert_eq!(check_event_date("2024-01"), Ok(DatePrecision::Month));
        assert_eq!(check_event_date("2024"), Ok(DatePrecision::Year));
        assert_eq!(check_event_date("2025-12-19"), Ok(DatePrecision::Day));
        assert!(check_event_date("2024-13").is_err());
        assert!(check_event_date("2024-1").is_err());
        assert!(check_event_date("January 2024").is_err());
        assert!(check_time("11:40").is_ok());
        assert!(check_time("24:00").is_err());
        assert!(check_time("11:60").is_err());
        assert!(check_offset("+09:00").is_ok());
        assert!(check_offset("+9").is_err());
    }

    #[test]
    fn unknown_fields_name_the_line_and_field() {
        let text = "release:\n  title: x\nkind: signing\nevents:\n  - key: s\n    kind: signing\n    signatory: [a]\n";
        let err = Card::parse(text, CardFormat::Yaml, "x.yaml").unwrap_err();
        assert_eq!(err.line, Some(7), "{err}");
        assert!(err.message.contains("unknown field `signatory`"), "{err}");
        assert_eq!(err.field.as_deref(), Some("events[0].signatory"), "{err}");
        assert!(
            err.message
                .starts_with("unknown field `signatory`, expected one of `key`"),
            "{err}"
        );
    }

    #[test]
    fn a_month_date_is_valid_but_takes_no_time_of_day() {
        let card = "release:\n  title: x\nkind: entry_into_force\nevents:\n  - key: e\n    kind: entry_into_force\n    date: 2024-01\n";
        let parsed = Card::parse(card, CardFormat::Yaml, "x.yaml").unwrap();
        assert_eq!(parsed.events[0].date.as_deref(), Some("2024-01"));
        let timed = format!("{card}    time: \"10:00\"\n");
        let err = Card::parse(&timed, CardFormat::Yaml, "x.yaml").unwrap_err();
        assert_eq!(err.field.as_deref(), Some("events[0].time"), "{err}");
        assert!(err.message.contains("expected a date YYYY-MM-DD"), "{err}");
        let bad = card.replace("2024-01", "2024-13");
        let err = Card::parse(&bad, CardFormat::Yaml, "x.yaml").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.yaml:7: events[0].date: impossible month \"2024-13\", expected YYYY-MM with a month from 01 to 12"
        );
    }

    #[test]
    fn undefined_keys_are_reported_at_their_line() {
        let text = "release:\n  title: x\nkind: signing\nevents:\n  - key: s\n    kind: signing\n    signatories: [colins]\npeople:\n  - key: collins\n    name: Judith Collins\n";
        let err = Card::parse(text, CardFormat::Yaml, "x.yaml").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.yaml:7: events[0].signatories: unknown person key \"colins\", expected one of: collins"
        );
    }
}
