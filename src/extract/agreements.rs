//! Agreements: where a release names one, and what the name says.
//!
//! Three kinds of mention, each a rule:
//!
//! - a formal title, "Agreement between the Government of Japan and the Government of New
//!   Zealand Concerning ...", quoted or not; its parties are read off it;
//! - a name ending in Agreement, Treaty, Arrangement, Accord or Pact with capitalised words
//!   before it or a capitalised complement after it ("Japan-Australia Information Security
//!   Agreement", "German-Japanese Agreement on the Security of Information", "Defence Logistics
//!   Treaty"); a party prefix ("Japan-UK", "German-Japanese") gives the parties;
//! - an abbreviation the ontology knows or the text defines ("ACSA", "Japan-UK RAA").
//!
//! A parenthesis after a title or name gives its short name and abbreviation
//! (`("Acquisition and Cross-Servicing Agreement," or ACSA)`). Mentions of one agreement are
//! merged by type (by name for type `other`). Trade and economic agreements are not defence or
//! security agreements and are left out.

use std::sync::OnceLock;

use regex::Regex;

use super::dates;
use super::gazetteer::{Gazetteer, large_regex};
use crate::card::AgreementType;
use crate::iri::fold;
use crate::reference::Reference;

/// One mention of an agreement in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The formal title, when this mention is one.
    pub title: Option<String>,
    /// A name as printed (not a formal title).
    pub name: Option<String>,
    /// A short name given in a parenthesis after it.
    pub short_name: Option<String>,
    /// The abbreviation (without a party prefix).
    pub abbreviation: Option<String>,
    /// The parties the mention itself names.
    pub parties: Vec<String>,
    /// The type its words say.
    pub agreement_type: AgreementType,
    /// Byte range in the sentence.
    pub start: usize,
    /// End of the byte range (the parenthesis included).
    pub end: usize,
    /// End of the title (for reading forces off the title alone).
    pub title_end: usize,
    /// Named only by kind, in lower case ("a defence cooperation agreement").
    pub generic: bool,
}

/// The words that end an agreement's name, from the lexicon's instruments (those not printed
/// in capitals), as a regex alternation.
fn heads() -> &'static str {
    static HEADS: OnceLock<String> = OnceLock::new();
    HEADS.get_or_init(|| {
        Gazetteer::get()
            .words("instrument")
            .iter()
            .filter(|w| w.chars().any(char::is_lowercase))
            .map(|w| regex::escape(w).replace(' ', r"\s+"))
            .collect::<Vec<_>>()
            .join("|")
    })
}

/// The words of a name that says only what kind of thing it is ("New Defence Agreement").
const GENERIC_WORDS: [&str; 11] = [
    "new",
    "defence",
    "defense",
    "security",
    "military",
    "agreement",
    "treaty",
    "pact",
    "accord",
    "arrangement",
    "bilateral",
];

/// Words one of which a lower-case agreement name must hold to be a defence or security one.
const GENERIC_CUES: [&str; 10] = [
    "defence",
    "defense",
    "security",
    "military",
    "forces",
    "logistic",
    "classified",
    "reciprocal access",
    "mutual defen",
    "armed",
];

fn generic_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        large_regex(&format!(
            r"(?-u:\b)(?:a|an|the|new|this|its|their|our|proposed)\s+(?:(?:new|proposed|bilateral|historic|landmark|comprehensive|enhanced|formal)\s+)*(?P<name>(?:[A-Z][\w.]*(?:[-–][A-Z][\w.]*)+\s+)?(?:[a-z][a-z-]*\s+){{0,5}}?(?:{}))(?-u:\b)",
            Gazetteer::get().alternation_of("kind-head")
        ))
        .expect("the generic pattern is valid")
    })
}

fn title_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        large_regex(&format!(
            r"(?-u:\b)(?:{}|agreement|treaty)\s+between\s+[^()\x22“”;]+",
            heads()
        ))
        .expect("the title pattern is valid")
    })
}

fn head_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        large_regex(&format!(r"(?-u:\b)(?:{})s?(?-u:\b)", heads()))
            .expect("the head pattern is valid")
    })
}

fn complement_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s+(?:on|concerning|regarding|relating\s+to|to|for|between)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:of|and|for|the)?\s*[A-Z][\w\-]*)*")
            .expect("the complement pattern is valid")
    })
}

fn abbreviation_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?P<prefix>(?-u:\b)[A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?(?:[-–][A-Z][A-Za-z]+(?:\s[A-Z][a-z]+)?)+\s+)?(?-u:\b)(?P<abbr>[A-Z]{2,}[a-z]?[A-Z]*)(?-u:\b)")
            .expect("the abbreviation pattern is valid")
    })
}

/// Where a formal title ends: before " in Tokyo", " on 19 December", " was signed", ...
fn title_end(sentence: &str, start: usize, end: usize) -> usize {
    let text = &sentence[start..end];
    let mut cut = text.len();
    for stop in [
        ",", " was ", " were ", " signed", " has ", " have ", " will ", " is ", " had ", " which ",
        " that ", ". ",
    ] {
        if let Some(at) = text.find(stop) {
            cut = cut.min(at);
        }
    }
    for joint in [" in ", " at ", " on "] {
        let mut from = 0;
        while let Some(at) = text[from..].find(joint) {
            let at = from + at;
            let rest = &text[at + joint.len()..];
            let first: String = rest.split([' ', ',']).next().unwrap_or_default().to_owned();
            let place = Gazetteer::get()
                .places
                .find(rest)
                .is_some_and(|m| m.start() == 0)
                || Gazetteer::get().country_exact(&first).is_some();
            let date = super::dates::dates_in(rest, Some(2000))
                .first()
                .is_some_and(|d| d.start <= 10);
            if (joint != " on " && place) || date {
                cut = cut.min(at);
                break;
            }
            from = at + joint.len();
        }
    }
    let title = text[..cut].trim_end_matches(['.', ' ']);
    start + title.len()
}

/// The parties a formal title names: "between the Government of Japan and the Government of
/// New Zealand concerning ..." -> ["Government of Japan", "Government of New Zealand"].
fn title_parties(title: &str) -> Vec<String> {
    let Some(at) = title.find(" between ") else {
        return Vec::new();
    };
    let rest = &title[at + 9..];
    let end = [
        " concerning ",
        " Concerning ",
        " on ",
        " On ",
        " regarding ",
        " Regarding ",
        " for ",
        " relating ",
        " in the ",
        " with respect ",
    ]
    .iter()
    .filter_map(|s| rest.find(s))
    .min()
    .unwrap_or(rest.len());
    let reference = Reference::get();
    let mut parties: Vec<String> = Vec::new();
    for piece in rest[..end].split(" and ") {
        let piece = piece.trim();
        let piece = piece.strip_prefix("the ").unwrap_or(piece);
        if let Some(last) = parties.last_mut() {
            let joined = format!("{last} and {piece}");
            let known = |n: &str| {
                reference
                    .country(n)
                    .is_some_and(|c| c.names.contains(&fold(n)))
                    || reference
                        .government(n)
                        .is_some_and(|g| g.names.contains(&fold(n)))
            };
            if !known(piece) && known(&joined) {
                *last = joined;
                continue;
            }
        }
        parties.push(piece.to_owned());
    }
    parties.retain(|p| !p.is_empty());
    parties
}

/// The countries a party prefix names: "Japan-New Zealand" -> [Japan, New Zealand].
pub fn prefix_parties(prefix: &str) -> Vec<String> {
    let g = Gazetteer::get();
    let parts: Vec<&str> = prefix.split(['-', '–', '‐']).map(str::trim).collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in parts {
        match g.country_exact(p) {
            Some(label) => out.push(label.to_owned()),
            None => match Reference::get().organization(p) {
                Some(org) => out.push(org.label.clone()),
                None => return Vec::new(),
            },
        }
    }
    out
}

/// The length of the words after a lower-case kind that say what it is about ("on defence
/// cooperation", "to enhance bilateral defense cooperation"): a preposition and up to six words,
/// ending at punctuation or at a word that starts another clause; 0 when there are none.
fn lower_complement(after: &str) -> usize {
    const OPENERS: [&str; 7] = [
        "on",
        "to",
        "for",
        "concerning",
        "regarding",
        "pertaining",
        "relating",
    ];
    const CLAUSE: [&str; 16] = [
        "between", "with", "and", "during", "which", "that", "signed", "was", "were", "is", "will",
        "by", "in", "at", "under", "from",
    ];
    let mut words = after.split(' ').peekable();
    let mut len = 0;
    // The leading spaces.
    while words.peek() == Some(&"") {
        words.next();
        len += 1;
    }
    let Some(first) = words.next().filter(|w| OPENERS.contains(w)) else {
        return 0;
    };
    len += first.len();
    let mut taken = 0;
    for word in words {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        // A date is not what it is about ("a memorandum of understanding on Tuesday").
        let when = dates::is_day_or_month(bare);
        if taken == 6
            || bare.is_empty()
            || CLAUSE.contains(&bare)
            || when
            || !bare.starts_with(char::is_alphabetic)
        {
            break;
        }
        len += 1 + bare.len();
        taken += 1;
        if bare.len() != word.len() {
            break;
        }
    }
    if taken == 0 { 0 } else { len }
}

/// Reads a parenthesis right after a mention: the short name and the abbreviation.
fn parenthesis(after: &str) -> (Option<String>, Option<String>, usize) {
    let trimmed = after.trim_start_matches([' ', '”', '"', '’']);
    let skipped = after.len() - trimmed.len();
    let Some(inner_start) = trimmed.strip_prefix('(') else {
        return (None, None, 0);
    };
    let Some(close) = inner_start.find(')') else {
        return (None, None, 0);
    };
    let inner = &inner_start[..close];
    let used = skipped + 1 + close + 1;
    let quoted: Vec<String> = quoted_parts(inner);
    let (first, rest) = match inner.find(" or ") {
        Some(at) => (&inner[..at], Some(&inner[at + 4..])),
        None => (inner, None),
    };
    let clean = |s: &str| {
        s.trim()
            .trim_matches(['"', '“', '”', ',', ' ', '\''])
            .trim_end_matches(',')
            .trim()
            .to_owned()
    };
    let first = clean(first);
    let is_abbr = |s: &str| {
        let last = s.rsplit([' ', '-', '–']).next().unwrap_or(s);
        last.len() >= 2
            && last.len() <= 8
            && last.chars().filter(|c| c.is_uppercase()).count() >= 2
            && !last.chars().any(char::is_whitespace)
    };
    let strip_prefix = |s: &str| s.rsplit(' ').next().unwrap_or(s).to_owned();
    if first.starts_with("signed") || first.starts_with("hereinafter") && quoted.is_empty() {
        return (None, None, 0);
    }
    match rest {
        Some(r) => {
            let r = clean(r);
            let short = if is_abbr(&first) && !first.contains(' ') {
                None
            } else {
                Some(first)
            };
            let abbr = is_abbr(&r).then(|| strip_prefix(&r));
            (short, abbr, used)
        }
        None if is_abbr(&first) && !first.contains(' ') => (None, Some(first), used),
        None if first.split_whitespace().count() >= 2
            && (!quoted.is_empty() || head_regex().is_match(&first)) =>
        {
            (Some(first), None, used)
        }
        None => (None, None, 0),
    }
}

fn quoted_parts(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for c in text.chars() {
        match (c, &mut current) {
            ('"' | '“' | '”', Some(s)) => {
                out.push(std::mem::take(s));
                current = None;
            }
            ('"' | '“', None) => current = Some(String::new()),
            (c, Some(s)) => s.push(c),
            _ => {}
        }
    }
    out
}

/// Where a name ending at `head` starts: back over capitalised words ("Military Framework")
/// that are not an article or a sentence's first word of another kind.
fn named_start(sentence: &str, head: usize) -> usize {
    let mut start = head;
    for word in sentence[..head].trim_end().rsplit(' ') {
        let bare = word.trim_start_matches(['“', '"', '‘', '\'']);
        let joiner = matches!(bare, "and" | "of" | "for" | "on");
        if bare.is_empty()
            || !is_capitalised(bare) && !joiner
            || matches!(bare, "The" | "A" | "An" | "This" | "That" | "Its" | "Their")
            || bare.ends_with([',', ';', ':', ')', '”', '"'])
            || Gazetteer::get().country_exact(bare).is_some() && word.len() == bare.len()
        {
            break;
        }
        start = word.as_ptr() as usize - sentence.as_ptr() as usize + (word.len() - bare.len());
        if word.len() != bare.len() {
            break;
        }
    }
    // A joiner is only inside a name: "Defence and Security Treaty", not "and Treaty".
    while let Some(first) = sentence[start..head].split(' ').next()
        && matches!(first, "and" | "of" | "for" | "on")
    {
        start += first.len() + 1;
    }
    start
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Every agreement mention in a sentence, in order.
pub fn mentions(sentence: &str) -> Vec<Mention> {
    let g = Gazetteer::get();
    let mut out: Vec<Mention> = Vec::new();
    // Formal titles.
    for m in title_regex().find_iter(sentence) {
        let end = title_end(sentence, m.start(), m.end());
        // "the Military Framework Agreement between Turkey and Tajikistan": the capitalised
        // words of its name before the head belong to the title.
        let start = named_start(sentence, m.start());
        let title = sentence[start..end].to_owned();
        let (short, abbr, used) = parenthesis(&sentence[end..]);
        let parties = title_parties(&title);
        // "an Implementing Arrangement between Minister X and ...": people, not parties.
        {
            let reference = Reference::get();
            let known = parties.iter().any(|p| {
                reference.country(p).is_some()
                    || reference.government(p).is_some()
                    || reference.organization(p).is_some()
                    || reference.force(p).is_some()
                    || !forces_in(p).is_empty()
            });
            if !parties.is_empty() && !known {
                continue;
            }
        }
        // "the agreement between Germany and Japan on ...": a description, not a formal
        // title; it names an agreement only when both sides are states.
        if title.starts_with(char::is_lowercase) {
            let reference = Reference::get();
            let states = parties
                .iter()
                .filter(|p| reference.government(p).is_some())
                .count();
            if states < 2 || states != parties.len() {
                continue;
            }
            out.push(Mention {
                title: None,
                name: Some(title.clone()),
                short_name: short,
                abbreviation: abbr,
                agreement_type: g.agreement_type(&title),
                parties: parties
                    .iter()
                    .filter_map(|p| reference.country(p).map(|c| c.label.clone()))
                    .collect(),
                start,
                end: end + used,
                title_end: end,
                generic: false,
            });
            continue;
        }
        let kind = g.agreement_type(&format!("{title} {}", short.clone().unwrap_or_default()));
        out.push(Mention {
            title: Some(title),
            name: None,
            short_name: short,
            abbreviation: abbr,
            parties,
            agreement_type: kind,
            start,
            end: end + used,
            title_end: end,
            generic: false,
        });
    }
    // Names ending in a head word.
    for m in head_regex().find_iter(sentence) {
        if out
            .iter()
            .any(|o| o.start <= m.start() && m.start() < o.end)
        {
            continue;
        }
        if m.as_str().ends_with('s') && !m.as_str().ends_with("ss") {
            continue;
        }
        // "North Atlantic Treaty Organization": the head word inside a longer name.
        if sentence[m.end()..]
            .strip_prefix(' ')
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
        {
            continue;
        }
        // Walk left over capitalised words and joiners.
        let before = sentence[..m.start()].trim_end();
        let mut start = m.start();
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut pos = before.len();
        for word in before.split(' ').rev() {
            let word_start = pos - word.len();
            if word.is_empty() {
                break;
            }
            words.push((word_start, word));
            if word_start == 0 {
                break;
            }
            pos = word_start - 1;
        }
        let mut taken = 0;
        for (i, (ws, w)) in words.iter().enumerate() {
            let opener = w.starts_with(['“', '"', '(', '‘']);
            let bare = w.trim_start_matches(['“', '"', '(', '‘']);
            let joiner = matches!(bare, "and" | "of" | "on" | "for")
                && words
                    .get(i + 1)
                    .is_some_and(|(_, n)| is_capitalised(n.trim_start_matches(['“', '"', '('])));
            if bare.ends_with([',', ';', ':', ')', '”', '"']) {
                break;
            }
            let action_word = [
                "Sign", "Hail", "Welcom", "Histor", "Landmark", "Conclu", "Renew",
            ]
            .iter()
            .any(|w| bare.starts_with(w));
            if (is_capitalised(bare)
                && !action_word
                && !matches!(bare, "The" | "A" | "An" | "This" | "That" | "Its" | "Their"))
                || joiner
            {
                start = ws + (w.len() - bare.len());
                taken = i + 1;
                if opener {
                    break;
                }
            } else {
                break;
            }
        }
        // Drop trailing joiners taken at the left edge.
        while taken > 0 {
            let first = &sentence[start..m.start()];
            let first_word = first.split(' ').next().unwrap_or_default();
            if matches!(first_word, "and" | "of" | "on" | "for") {
                start += first_word.len() + 1;
                taken -= 1;
            } else {
                break;
            }
        }
        // Walk right over "on/concerning the Capitalised Words".
        let after = &sentence[m.end()..];
        let mut end = m.end();
        let complement = complement_regex().find(after).map(|c| c.end());
        // "the MoU on Tuesday": a day or month is when, not what it is about.
        let dated = after.split_whitespace().nth(1).is_some_and(|w| {
            dates::is_day_or_month(w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        });
        if let Some(len) = complement
            && !after.trim_start().starts_with("between")
            && !dated
        {
            end += len;
        }
        // A bare instrument word is a name only with its own abbreviation after it ("a
        // Memorandum of Understanding (MoU) with ...").
        if taken == 0 && end == m.end() && parenthesis(&sentence[end..]).1.is_none() {
            continue;
        }
        let name = sentence[start..end].trim_end_matches(['.', ',']).to_owned();
        if g.not_defence(&name) {
            continue;
        }
        let (prefix, core) = split_prefix(&name);
        let (short, abbr, used) = parenthesis(&sentence[end..]);
        // "NATO Status of Forces Agreement": an organisation's own agreement.
        let organisation = name
            .split_whitespace()
            .next()
            .and_then(|w| Reference::get().organization(w))
            .map(|e| e.label.clone());
        // "New Defence Agreement": a name of kind words only is generic.
        let generic = abbr.is_none()
            && short.is_none()
            && prefix.is_none()
            && fold(&core).split(' ').all(|w| GENERIC_WORDS.contains(&w));
        out.push(Mention {
            title: None,
            name: Some(name.clone()),
            short_name: short,
            abbreviation: abbr,
            parties: prefix
                .map(prefix_parties)
                .filter(|p| !p.is_empty())
                .or_else(|| organisation.map(|o| vec![o]))
                .unwrap_or_default(),
            agreement_type: g.agreement_type(&core),
            start,
            end: end + used,
            title_end: end,
            generic,
        });
    }
    // Abbreviations.
    for caps in abbreviation_regex().captures_iter(sentence) {
        let abbr = caps.name("abbr").expect("an abbreviation");
        if out
            .iter()
            .any(|o| o.start <= abbr.start() && abbr.start() < o.end)
        {
            continue;
        }
        let Some((_, kind)) = g.abbreviations.iter().find(|(a, _)| a == abbr.as_str()) else {
            continue;
        };
        let prefix = caps.name("prefix");
        let parties = prefix
            .map(|p| prefix_parties(p.as_str().trim()))
            .unwrap_or_default();
        let start = if parties.is_empty() {
            abbr.start()
        } else {
            prefix.map_or(abbr.start(), |p| p.start())
        };
        let name = sentence[start..abbr.end()].to_owned();
        out.push(Mention {
            title: None,
            name: Some(name),
            short_name: None,
            abbreviation: Some(abbr.as_str().to_owned()),
            parties,
            agreement_type: *kind,
            start,
            end: abbr.end(),
            title_end: abbr.end(),
            generic: false,
        });
    }
    // Agreements named by kind in lower case: "a defence cooperation agreement", "the status
    // of forces agreement", "a security treaty" (a defence or security word must be there).
    for caps in generic_regex().captures_iter(sentence) {
        let m = caps.name("name").expect("a name");
        if out.iter().any(|o| o.start < m.end() && m.start() < o.end) {
            continue;
        }
        // "in this case an interstate agreement": the name starts after the last article.
        let m_start = m
            .as_str()
            .match_indices(' ')
            .map(|(i, _)| i + 1)
            .rfind(|&i| {
                let before = m.as_str()[..i - 1].rsplit(' ').next().unwrap_or_default();
                matches!(before, "a" | "an" | "the")
            })
            .map_or(m.start(), |i| m.start() + i);
        let (short, abbr, used) = parenthesis(&sentence[m.end()..]);
        let cued = |text: &str| {
            let folded = fold(text);
            GENERIC_CUES.iter().any(|c| folded.contains(c))
        };
        // Without a defence word of its own, the words after it may say what it is about
        // ("a memorandum of understanding (MoU) on defence cooperation").
        let mut end = m.end();
        if !cued(&sentence[m_start..m.end()]) {
            let about = end + used + lower_complement(&sentence[end + used..]);
            if !cued(&sentence[end..about]) {
                continue;
            }
            end = about;
        }
        let name = sentence[m_start..end].to_owned();
        if g.not_defence(&name) {
            continue;
        }
        // "the Estonia-USA security cooperation plan": the prefix names the parties; so do
        // two states after it ("a framework document on defence cooperation between Estonia
        // and Finland").
        let parties = match split_prefix(&name) {
            (Some(prefix), _) => prefix_parties(prefix),
            (None, _) => {
                let clause = sentence[end..]
                    .split([',', ';', '.', '('])
                    .next()
                    .unwrap_or_default();
                let clause = [
                    " with ", " in ", " at ", " during ", " to ", " that ", " which ",
                ]
                .iter()
                .filter_map(|w| clause.find(w))
                .min()
                .map_or(clause, |cut| &clause[..cut]);
                let reference = Reference::get();
                let between = if clause.trim_start().starts_with("between ") {
                    title_parties(&format!(" {}", clause.trim_start()))
                } else {
                    Vec::new()
                };
                let named: Vec<String> = between
                    .iter()
                    .filter_map(|p| reference.country(p).map(|c| c.label.clone()))
                    .collect();
                if named.len() >= 2 { named } else { Vec::new() }
            }
        };
        let generic = abbr.is_none();
        out.push(Mention {
            title: None,
            agreement_type: g.agreement_type(&name),
            name: Some(name),
            short_name: short.filter(|_| end == m.end()),
            abbreviation: abbr,
            parties,
            start: m_start,
            end: end.max(m.end() + used),
            title_end: end,
            generic,
        });
    }
    out.sort_by_key(|m| m.start);
    out
}

/// "Japan-New Zealand Information Security Agreement" -> (Some("Japan-New Zealand"),
/// "Information Security Agreement").
pub fn split_prefix(name: &str) -> (Option<&str>, String) {
    let words: Vec<&str> = name.split(' ').collect();
    // A prefix ends with the word that joins its parties ("Papua New Guinea–Australia").
    for n in (1..words.len().min(6)).rev() {
        if !words[n - 1].contains(['-', '–', '‐']) {
            continue;
        }
        let prefix = words[..n].join(" ");
        if !prefix_parties(&prefix).is_empty() {
            let len = prefix.len();
            return (Some(&name[..len]), name[len..].trim().to_owned());
        }
    }
    (None, name.to_owned())
}

/// The forces named in a text, as printed, each once.
pub fn forces_in(text: &str) -> Vec<String> {
    static GENERIC: OnceLock<Regex> = OnceLock::new();
    let generic = GENERIC.get_or_init(|| {
        let countries = &Gazetteer::get().countries;
        large_regex(&format!(
            r"(?-u:\b)(?:(?:[A-Z][\w’'\-]*\s+){{1,4}}(?:Self-Defen[cs]e Forces?|Defen[cs]e Forces?|Armed Forces|Army|Navy|Air Force|Marine Corps|Coast Guard)|(?:Self-Defen[cs]e Forces|Armed Forces|Defen[cs]e Forces?)\s+of\s+(?:the\s+)?(?:{countries}))(?-u:\b)"
        ))
        .expect("the force pattern is valid")
    });
    let reference = Reference::get();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for m in Gazetteer::get().forces.find_iter(text) {
        spans.push((m.start(), m.end()));
    }
    for m in generic.find_iter(text) {
        let mut s = m.start();
        let found = m.as_str();
        for article in ["The ", "And "] {
            if found.starts_with(article) {
                s += article.len();
            }
        }
        if !spans.iter().any(|&(a, b)| a < m.end() && s < b) {
            spans.push((s, m.end()));
        } else if let Some(span) = spans.iter_mut().find(|(a, b)| *a < m.end() && s < *b) {
            // Prefer the longer reading ("Armed Forces of the United Kingdom of ...").
            if m.end() - s > span.1 - span.0 {
                *span = (s, m.end());
            }
        }
    }
    spans.sort();
    let mut out: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for (a, b) in spans {
        let printed = text[a..b].trim().to_owned();
        let key = reference
            .force(&printed)
            .map_or_else(|| fold(&printed), |e| e.iri.clone());
        if !keys.contains(&key) {
            keys.push(key);
            out.push(printed);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formal_title_with_its_short_name() {
        let s = "On December 19, the Agreement between the Government of Japan and the Government of New Zealand Concerning Reciprocal Provision of Supplies and Services between the Self-Defense Forces of Japan and the New Zealand Defence Force (\"Acquisition and Cross-Servicing Agreement,\" or ACSA) and the Agreement between the Government of Japan and the Government of New Zealand on the Security of Information (\"Information Security Agreement\") were signed.";
        let found = mentions(s);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            found[0].short_name.as_deref(),
            Some("Acquisition and Cross-Servicing Agreement")
        );
        assert_eq!(found[0].abbreviation.as_deref(), Some("ACSA"));
        assert_eq!(
            found[0].parties,
            ["Government of Japan", "Government of New Zealand"]
        );
        assert_eq!(found[0].agreement_type, AgreementType::Acsa);
        assert_eq!(
            found[1].short_name.as_deref(),
            Some("Information Security Agreement")
        );
        assert_eq!(found[1].agreement_type, AgreementType::InformationSecurity);
        assert_eq!(
            forces_in(&s[found[0].start..found[0].title_end]),
            ["Self-Defense Forces of Japan", "New Zealand Defence Force"]
        );
    }

    #[test]
    fn titles_stop_before_the_place_and_parties_keep_long_names() {
        let s = "signed the Agreement between the Government of Japan and the Government of Australia on the Security of Information in Tokyo.";
        let found = mentions(s);
        assert_eq!(
            found[0].title.as_deref(),
            Some(
                "Agreement between the Government of Japan and the Government of Australia on the Security of Information"
            )
        );
        let t = "of the “Agreement between Japan and the United Kingdom of Great Britain and Northern Ireland concerning the Facilitation of Reciprocal Access” (“Japan-UK Reciprocal Access Agreement”, or “Japan-UK RAA”) (signed on January 11, 2023).";
        let found = mentions(t);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            found[0].parties,
            [
                "Japan",
                "United Kingdom of Great Britain and Northern Ireland"
            ]
        );
        assert_eq!(
            found[0].short_name.as_deref(),
            Some("Japan-UK Reciprocal Access Agreement")
        );
        assert_eq!(found[0].abbreviation.as_deref(), Some("RAA"));
    }

    #[test]
    fn names_abbreviations_and_what_is_left_out() {
        let found = mentions(
            "including the signing of the Japan-Germany ACSA in January, and the bilateral Economic Partnership Agreement.",
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].name.as_deref(), Some("Japan-Germany ACSA"));
        assert_eq!(found[0].parties, ["Japan", "Germany"]);
        let found = mentions(
            "The German-Japanese Agreement on the Security of Information was signed today.",
        );
        assert_eq!(
            found[0].name.as_deref(),
            Some("German-Japanese Agreement on the Security of Information")
        );
        assert_eq!(found[0].parties, ["Germany", "Japan"]);
        assert!(
            mentions("Japan and the Netherlands sign Agreement on security cooperation").is_empty()
        );
        assert!(mentions("The Agreement will also promote their closer cooperation.").is_empty());
    }
}
