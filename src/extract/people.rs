//! People: names with an honorific before them ("Mr. MOTEGI Toshimitsu, Minister for Foreign
//! Affairs of Japan", "Senator the Hon Bob Carr", "H.E. Ms. Annalena Baerbock") or a post
//! before them ("Netherlands Minister of Defence Ruben Brekelmans", "the Foreign Secretary
//! Boris Johnson", "Japan's Ambassador to the UK, Koji Tsuruoka"). A first word in capitals
//! is a family name printed first (Japan's style). The post is kept as printed without its
//! country, which goes to the country field ("of Japan", "Netherlands", "Japanese", "Japan's",
//! ", Federal Republic of Germany"); when the text names no country, a post the reference data
//! knows in exactly one country gives it.

use std::sync::OnceLock;

use regex::Regex;

use super::gazetteer::{Gazetteer, large_regex};
use crate::iri::fold;
use crate::reference::{EntityKind, Reference};

/// One mention of a person in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The name as printed.
    pub name: String,
    /// The honorific as printed.
    pub honorific: Option<String>,
    /// The post as printed, without its country.
    pub post: Option<String>,
    /// The country's reference label.
    pub country: Option<String>,
    /// Byte range in the sentence.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Named as someone's counterpart or colleague: of another country than the speaker's.
    pub foreign: bool,
}

/// The titles and ranks printed before a name, from the lexicon: one or more, perhaps with
/// "the" between ("Senator the Hon", "H.E. Mr.", "Lieutenant General Mr.").
fn honorific_pattern() -> String {
    let g = Gazetteer::get();
    let one = format!(
        "(?:{}|{})",
        g.alternation_of("courtesy"),
        g.alternation_of("rank")
    );
    format!(r"(?:[Tt]he\s+)?{one}(?:\s+(?:the\s+)?{one}){{0,2}}")
}
const NAME: &str = r"(?:[A-Z][\p{L}'’\-]+|[A-Z]\.)(?:\s+(?:(?:de|van|von|der|den|da|di|du|le|la|ter|te|bin|al)\s+)*(?:[A-Z][\p{L}'’\-]+|[A-Z]\.)){0,3}(?:,?\s+(?:Jr|Sr)\.)?";
const PORTFOLIO: &str = r"Foreign Affairs and Trade|Foreign and Commonwealth Affairs|Europe and Foreign Affairs|Foreign Affairs|Home Affairs|Economic Security|International Development|Defen[cs]e Industry|Defen[cs]e|Trade|Finance|Economy|Foreign|Veterans'? Affairs|the Armed Forces|Armed Forces";
/// Words that are not part of a name even when capitalised.
const NOT_NAME: [&str; 40] = [
    "Federal",
    "Republic",
    "Government",
    "Governments",
    "Ministry",
    "Kingdom",
    "Commonwealth",
    "State",
    "States",
    "United",
    "Minister",
    "Ministers",
    "Prime",
    "Secretary",
    "Ambassador",
    "President",
    "Defence",
    "Defense",
    "Foreign",
    "Affairs",
    "Agreement",
    "Treaty",
    "Forces",
    "Force",
    "The",
    "And",
    "Of",
    "In",
    "On",
    "At",
    "MP",
    "Chief",
    "Japan-",
    "Office",
    "Department",
    "Embassy",
    "Council",
    "Cabinet",
    "House",
    "Parliament",
];

fn honorific_first() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        large_regex(&format!(
            r"(?P<hon>{})\s+(?P<name>{NAME})",
            honorific_pattern()
        ))
        .expect("the honorific pattern is valid")
    })
}

fn post_first() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let countries = &Gazetteer::get().countries;
        // Posts read in any case ("Defense minister Shin Won-sik"); those that name a country
        // and the ranks only as printed, so that the country names stay one small pattern.
        let any_case = format!(
            r"Deputy Prime Minister|Prime Minister|Foreign Minister|Defen[cs]e Minister|Foreign Secretary|Defen[cs]e Secretary|Secretary of State for (?:{PORTFOLIO})|Secretary of State|Secretary-General|(?:State |Deputy |Under |Assistant |Cabinet )?Secretary (?:for|of) (?:National )?(?:{PORTFOLIO})|State Secretary|(?:Federal |State |Deputy |Vice )?Minister (?:for|of) (?:National )?(?:{PORTFOLIO})|Minister|National Security Advis[eo]r|President|Chancellor|Chief of Defen[cs]e(?: Force| Staff)?|Chief of Staff"
        );
        let as_printed = format!(
            r"High Commissioner(?: to (?:the )?(?:{countries}))?|CS (?:{PORTFOLIO})|[Aa]mbassador to (?:the )?(?:{countries})|[Aa]mbassador|General|Admiral"
        );
        large_regex(&format!(
            r"(?-u:\b)(?P<cty>(?:{countries})(?:['’]s)?\s+)?(?P<post>(?-u:\b)(?:{as_printed}|(?i:{any_case})))(?:\s+of\s+(?:the\s+)?(?P<of>{countries}))?\s*,?\s+(?P<hon>(?:{hon})\s+)?(?P<name>{NAME})",
            hon = honorific_pattern()
        ))
        .expect("the post pattern is valid")
    })
}

fn counterpart_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let countries = &Gazetteer::get().countries;
        large_regex(&format!(
            r"(?-u:\b)(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur)\s+(?:(?P<cty>{countries})\s+)?(?:counterpart|colleague|opposite number)s?(?:\s+from\s+(?:the\s+)?(?P<from>{countries}))?\s*,?\s*"
        ))
        .expect("the counterpart pattern is valid")
    })
}

fn name_post_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        large_regex(&format!(
            r"(?:(?:(?-u:\b)by|(?-u:\b)and|(?-u:\b)between|(?-u:\b)with)\s+|^)(?P<name>{NAME}),\s"
        ))
        .expect("the name-post pattern is valid")
    })
}

fn bare_name_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| large_regex(&format!("^{NAME}")).expect("the name pattern is valid"))
}

/// Trims a name at the first word that cannot be part of one.
fn clean_name(name: &str) -> Option<(String, usize)> {
    let gazetteer = Gazetteer::get();
    let mut kept = Vec::new();
    let mut end = 0;
    for word in name.split_whitespace() {
        let bare = word
            .trim_end_matches(['’', '\'', 's'])
            .trim_end_matches(['’', '\'']);
        if NOT_NAME.contains(&word)
            || NOT_NAME.contains(&bare)
            || gazetteer.country_exact(word).is_some()
        {
            break;
        }
        // "Prime Minister Narendra Modi’s visit": the possessive ends the name.
        if let Some(owner) = word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")) {
            if !kept.is_empty() && owner.starts_with(char::is_uppercase) {
                kept.push(owner);
                end = owner.as_ptr() as usize - name.as_ptr() as usize + owner.len();
            }
            break;
        }
        kept.push(word);
        // Where the word ends in the text as printed (its spaces may be wider than one).
        end = word.as_ptr() as usize - name.as_ptr() as usize + word.len();
    }
    (!kept.is_empty()).then(|| (kept.join(" "), end))
}

/// The post and country of an appositive: "Minister for Foreign Affairs of the Commonwealth of
/// Australia" -> ("Minister for Foreign Affairs", Australia).
fn split_post(text: &str) -> (Option<String>, Option<String>) {
    let text = text.trim().trim_end_matches(['.', ',']);
    let reference = Reference::get();
    // "Ambassador ... of Japan to the Kingdom of Sweden": the envoy's own country is the one
    // before "to".
    if text.starts_with("Ambassador")
        && let Some(to) = text.find(" to ")
    {
        let (head, rest) = text.split_at(to);
        if let Some(of) = head.find(" of ") {
            let named = &head[of + 4..];
            if let Some(c) = reference.country(named)
                && is_country_phrase(named)
            {
                return (
                    Some(format!("{}{rest}", &head[..of])),
                    Some(c.label.clone()),
                );
            }
        }
        return (Some(text.to_owned()), None);
    }
    let lower = text.to_lowercase();
    let mut cut = text.len();
    let mut country = None;
    let mut from = 0;
    // "... of <country>" or "... for <country>" at the end ("Minister of State for Defense
    // Affairs for Qatar").
    while let Some(at) = [" of ", " for "]
        .iter()
        .filter_map(|w| lower[from..].find(w).map(|i| (i, w.len())))
        .min()
    {
        let (start, width) = (from + at.0, at.1);
        let tail = &text[start + width..];
        if let Some(c) = reference.country(tail)
            && is_country_phrase(tail)
        {
            cut = start;
            country = Some(c.label.clone());
            break;
        }
        from = start + width;
    }
    // "undersecretary ... for the Estonian Ministry of Defense", "... at the U.S. Department of
    // Defense": a post in a named state's ministry is that state's.
    if country.is_none() {
        for institution in ["Ministry", "Department"] {
            let Some(at) = text.find(institution) else {
                continue;
            };
            let around = &text[text[..at]
                .rfind([' '])
                .map_or(0, |i| text[..i].rfind(' ').map_or(0, |j| j + 1))..];
            if let [one] = reference.countries_in(around).as_slice() {
                country = Some(one.label.clone());
                break;
            }
        }
    }
    let post = text[..cut].trim();
    let post = if is_post(post) {
        Some(post.to_owned())
    } else {
        None
    };
    (post, country)
}

/// "Commonwealth of Australia", "the United Kingdom", "Federal Republic of Germany": a country
/// name, perhaps after the words of a state's formal name.
fn is_country_phrase(text: &str) -> bool {
    const FORMAL: [&str; 14] = [
        "the",
        "of",
        "commonwealth",
        "republic",
        "kingdom",
        "federal",
        "state",
        "states",
        "united",
        "peoples",
        "democratic",
        "islamic",
        "socialist",
        "grand",
    ];
    let folded = fold(text);
    let Some(country) = Reference::get().countries_in(text).into_iter().next() else {
        return false;
    };
    country.names.iter().any(|name| {
        folded.strip_suffix(name.as_str()).is_some_and(|rest| {
            rest.is_empty()
                || rest.ends_with(' ') && rest.split_whitespace().all(|w| FORMAL.contains(&w))
        })
    })
}

const POST_HEADS: [&str; 24] = [
    "Director",
    "Commander",
    "Head",
    "Under",
    "Undersecretary",
    "Assistant",
    "Permanent",
    "Minister",
    "Prime",
    "Secretary",
    "Ambassador",
    "President",
    "Chancellor",
    "Federal",
    "Deputy",
    "Vice",
    "Chief",
    "Senior",
    "State",
    "Parliamentary",
    "Foreign",
    "Defence",
    "Defense",
    "Governor",
];

/// Whether an appositive is a post: it starts with a post's first word and holds a post's
/// head word, in any case ("Minister of Defence", "undersecretary of defense policy").
fn is_post(text: &str) -> bool {
    let first = capitalise(text.split_whitespace().next().unwrap_or_default());
    !text.is_empty()
        && text.len() < 120
        && POST_HEADS.contains(&first.as_str())
        && text.split_whitespace().any(|w| {
            let w = capitalise(w);
            let lower = w.to_lowercase();
            lower.contains("minister")
                || lower.contains("secretary")
                || matches!(
                    w.as_str(),
                    "Ambassador"
                        | "President"
                        | "Chancellor"
                        | "Chief"
                        | "Governor"
                        | "Director"
                        | "Commander"
                        | "Head"
                )
        })
}

/// The appositive after a name: ", Minister for Foreign Affairs of Japan, and ..." up to the
/// clause's end; and a country appositive after it (", Federal Republic of Germany").
fn appositive(rest: &str) -> (Option<String>, Option<String>, usize) {
    let mut rest_start = 0;
    let mut text = rest;
    for skip in [", MP", ", QC", ", KC", " MP"] {
        if let Some(r) = text.strip_prefix(skip) {
            rest_start += skip.len();
            text = r;
        }
    }
    let Some(after) = text.strip_prefix(',') else {
        return (None, None, 0);
    };
    let after_trim = after.trim_start();
    let offset = rest_start + 1 + (after.len() - after_trim.len());
    let stops = [
        ",",
        ";",
        ":",
        "(",
        ")",
        " who ",
        " whom ",
        " which ",
        " signed",
        " held ",
        " met ",
        " said",
        " will ",
        " was ",
        " were ",
        " had ",
        " has ",
        " have ",
        " and the ",
        " and Mr",
        " and Ms",
        " and Hon",
        " and H.E",
        " and Senator",
        " and Dr",
        " and Sir",
        ". ",
    ];
    // A full stop ends it unless it ends an initial ("the U.S. Department of Defense").
    let full_stop = after_trim.match_indices(". ").map(|(i, _)| i).find(|&i| {
        let before: Vec<char> = after_trim[..i].chars().rev().take(2).collect();
        !(before.first().is_some_and(|c| c.is_uppercase()) && before.get(1) == Some(&'.'))
    });
    let end = stops
        .iter()
        .filter(|s| **s != ". ")
        .filter_map(|s| after_trim.find(s))
        .chain(full_stop)
        .min()
        .unwrap_or(after_trim.len());
    let phrase = &after_trim[..end];
    let (post, mut country) = split_post(phrase);
    if post.is_none() {
        return (None, None, 0);
    }
    let mut consumed = offset + end;
    // ", Federal Republic of Germany"
    if country.is_none()
        && let Some(next) = after_trim[end..].strip_prefix(", ")
    {
        let next_end = [",", ".", ";", " and ", " who "]
            .iter()
            .filter_map(|s| next.find(s))
            .min()
            .unwrap_or(next.len());
        let candidate = &next[..next_end];
        if let Some(c) = Reference::get().country(candidate)
            && is_country_phrase(candidate)
        {
            country = Some(c.label.clone());
            consumed += 2 + next_end;
        }
    }
    (post, country, consumed)
}

/// The country a post phrase's prefix names ("Netherlands", "Japanese", "Japan's").
fn country_of_prefix(prefix: &str) -> Option<String> {
    let bare = prefix.trim().trim_end_matches("'s").trim_end_matches("’s");
    Reference::get().country(bare).map(|c| c.label.clone())
}

/// The one country where the reference data knows this post, if only one.
pub fn country_of_post(post: &str) -> Option<String> {
    let reference = Reference::get();
    let key = fold(post);
    let mut countries: Vec<&str> = reference
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Post && e.names.contains(&key))
        .filter_map(|e| e.country.as_deref())
        .collect();
    countries.sort();
    countries.dedup();
    match countries.as_slice() {
        [one] => reference.by_iri(one).map(|c| c.label.clone()),
        _ => None,
    }
}

/// A country's name at the start of a text ("PNG Minister for ...", "New Zealand-Japan ...").
pub(super) fn leading_country_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        large_regex(&format!(r"^(?:{})(?-u:\b)\s*", Gazetteer::get().countries))
            .expect("the country names make a pattern")
    })
}

fn speaker_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^\s*(?P<label>(?:[A-Z][A-Z.'’\-]*\s+){1,4}[A-Z][A-Z.'’\-]+)(?:,\s*(?P<post>[A-Z][A-Z ,.'’&\-]+?))?\s*:(?:\s|$)")
            .expect("the speaker pattern is valid")
    })
}

/// "Stephen" from "STEPHEN"; particles stay lower case ("von der").
fn title_case(word: &str) -> String {
    let lower = word.to_lowercase();
    if matches!(
        lower.as_str(),
        "de" | "van" | "von" | "der" | "den" | "da" | "di" | "du" | "of" | "for" | "and" | "the"
    ) {
        return lower;
    }
    capitalise(&lower)
}

/// "Nairobi" from "NAIROBI" or "nairobi": the first letter upper case, the rest lower.
pub(super) fn capitalise(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The speaker of a transcript turn: "ANTHONY ALBANESE, PRIME MINISTER OF AUSTRALIA: Well,
/// ..." or "SECRETARY BLINKEN: ...", with the title, post and country the label prints.
pub fn speaker(sentence: &str) -> Option<Mention> {
    let caps = speaker_re().captures(sentence)?;
    let label = caps.name("label")?;
    let g = Gazetteer::get();
    let courtesy: Vec<String> = g
        .words("courtesy")
        .iter()
        .chain(g.words("rank"))
        .map(|w| w.to_uppercase())
        .collect();
    let post_words = [
        "SECRETARY",
        "MINISTER",
        "PRIME",
        "PRESIDENT",
        "CHANCELLOR",
        "AMBASSADOR",
        "SENATOR",
        "GENERAL",
        "ADMIRAL",
    ];
    let mut honorific: Vec<String> = Vec::new();
    let mut post_head: Vec<String> = Vec::new();
    let mut name: Vec<String> = Vec::new();
    for word in label.as_str().split_whitespace() {
        if name.is_empty() && post_words.contains(&word) {
            post_head.push(title_case(word));
        } else if name.is_empty() && courtesy.iter().any(|c| c == word) {
            honorific.push(title_case(word));
        } else {
            name.push(
                word.split('-')
                    .map(title_case)
                    .collect::<Vec<_>>()
                    .join("-"),
            );
        }
    }
    let generic = [
        "QUESTION",
        "MODERATOR",
        "JOURNALIST",
        "REPORTER",
        "SUBJECTS",
        "SUBJECT",
        "PARTICIPANT",
        "SPEAKER",
        "NOTE",
        "MEDIA",
        "SOURCE",
        "OPERATOR",
        "STAFF",
    ];
    if name.is_empty()
        || name.len() + post_head.len() < 2
        || label
            .as_str()
            .split_whitespace()
            .any(|w| generic.contains(&w))
    {
        return None;
    }
    let (mut post, mut country) = (None, None);
    if let Some(p) = caps.name("post") {
        let printed: String = p
            .as_str()
            .split_whitespace()
            .map(title_case)
            .collect::<Vec<_>>()
            .join(" ");
        let (rest, prefix_country) = match leading_country_re().find(&printed) {
            Some(m) if m.end() < printed.len() => {
                (printed[m.end()..].to_owned(), country_of_prefix(m.as_str()))
            }
            _ => (printed.clone(), None),
        };
        let (split, of) = split_post(&rest);
        post = split
            .or(Some(rest.clone()))
            .filter(|x| is_post(x) || x.split_whitespace().count() <= 6);
        country = prefix_country.or(of);
    } else if !post_head.is_empty() {
        post = Some(post_head.join(" "));
    }
    Some(Mention {
        name: name.join(" "),
        honorific: (!honorific.is_empty()).then(|| honorific.join(" ")),
        post,
        country,
        start: label.start(),
        end: caps.get(0).map_or(label.end(), |m| m.end()),
        foreign: false,
    })
}

/// Every person mention in a sentence, in order.
pub fn mentions(sentence: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    // Cheap checks first: most sentences name nobody.
    let posts = [
        "inister",
        "ecretary",
        "mbassador",
        "resident",
        "hancellor",
        "hief",
        "eneral",
        "dmiral",
        "ommissioner",
        "dvis",
        "CS ",
    ]
    .iter()
    .any(|w| sentence.contains(w));
    for caps in post_first().captures_iter(sentence).take_while(|_| posts) {
        let whole = caps.get(0).expect("a match");
        let name_m = caps.name("name").expect("a name");
        let Some((name, len)) = clean_name(name_m.as_str()) else {
            continue;
        };
        let (name, len) = with_suffix(sentence, name_m.start() + len, name, len);
        let mut post = caps["post"].trim().to_owned();
        let mut honorific = caps.name("hon").map(|h| h.as_str().trim().to_owned());
        // "Chief of Defence General X": the rank joins the post.
        if let Some(h) = &honorific
            && matches!(h.as_str(), "General" | "Gen." | "Admiral")
        {
            post = format!("{post}, {h}");
            honorific = None;
        }
        let country = caps
            .name("cty")
            .or_else(|| caps.name("of"))
            .and_then(|c| country_of_prefix(c.as_str()))
            .or_else(|| {
                // "Qatari deputy prime minister and defense minister X": the state before the
                // first of two posts joined by "and".
                let before = sentence[..whole.start()].trim_end().strip_suffix(" and")?;
                for w in before.rsplit(' ').take(5) {
                    if let Some(c) = country_of_prefix(w) {
                        return Some(c);
                    }
                    // Only lower-case post words between them ("deputy prime minister").
                    if !w.starts_with(char::is_lowercase) {
                        return None;
                    }
                }
                None
            });
        found.push(Mention {
            end: name_m.start() + len,
            name,
            honorific,
            post: Some(post),
            country,
            start: whole.start(),
            foreign: false,
        });
    }
    for caps in honorific_first().captures_iter(sentence) {
        let name_m = caps.name("name").expect("a name");
        let Some((name, len)) = clean_name(name_m.as_str()) else {
            continue;
        };
        let (name, len) = with_suffix(sentence, name_m.start() + len, name, len);
        let name_end = name_m.start() + len;
        let (post, country, used) = appositive(&sentence[name_end..]);
        let hon = caps["hon"].trim().to_owned();
        found.push(Mention {
            name,
            honorific: Some(hon),
            post,
            country,
            start: caps.get(0).expect("a match").start(),
            end: name_end + used,
            foreign: false,
        });
    }
    // "Lieutenant General Mr. X, Deputy Minister of ...": a rank read as the post gives way to
    // the post printed after the same name.
    let ranked: Vec<bool> = found
        .iter()
        .map(|m| {
            m.post.as_deref().is_some_and(|p| RANKS.contains(&p))
                && found.iter().any(|o| {
                    o.name == m.name && o.post.as_deref().is_some_and(|p| !RANKS.contains(&p))
                })
        })
        .collect();
    let mut ranked = ranked.into_iter();
    found.retain(|_| !ranked.next().unwrap_or(false));
    // "signed by Hulusi Akar, Minister of National Defense, and ...": a name with no title
    // before it, then its post in apposition.
    for caps in name_post_re().captures_iter(sentence) {
        let name_m = caps.name("name").expect("a name");
        let Some((name, len)) = clean_name(name_m.as_str()) else {
            continue;
        };
        // A name in capitals before a post is a speaker's label, read as a turn.
        if len != name_m.as_str().len()
            || name.split_whitespace().count() < 2
            || !name.chars().any(char::is_lowercase)
        {
            continue;
        }
        let name_end = name_m.start() + len;
        let (post, country, used) = appositive(&sentence[name_end..]);
        if post.is_none() {
            continue;
        }
        found.push(Mention {
            name,
            honorific: None,
            post,
            country,
            start: name_m.start(),
            end: name_end + used,
            foreign: false,
        });
    }
    // "his counterpart from the United Kingdom, State Secretary for Defense Michael Fallon",
    // "her German colleague, Ursula von der Leyen": the person after it is of that country (or
    // of another country than the subject's, when none is named).
    for caps in counterpart_re().captures_iter(sentence) {
        let whole = caps.get(0).expect("a match");
        let country = caps
            .name("cty")
            .or_else(|| caps.name("from"))
            .and_then(|c| country_of_prefix(c.as_str()));
        if let Some(m) = found
            .iter_mut()
            .find(|m| m.start >= whole.end() && m.start <= whole.end() + 2)
        {
            m.foreign = true;
            if country.is_some() {
                m.country = country;
            }
            continue;
        }
        let rest = &sentence[whole.end()..];
        let Some(name_m) = bare_name_re().find(rest) else {
            continue;
        };
        let Some((name, len)) = clean_name(name_m.as_str()) else {
            continue;
        };
        if name.split_whitespace().count() < 2 {
            continue;
        }
        found.push(Mention {
            name,
            honorific: None,
            post: None,
            country,
            start: whole.end() + name_m.start(),
            end: whole.end() + name_m.start() + len,
            foreign: true,
        });
    }
    // Of two readings that overlap, the one that starts first ("Defence Secretary Sir Michael
    // Fallon" over "Sir Michael Fallon"; "Mr. SATO Jiro, Ambassador Extraordinary ..." over
    // "Ambassador Extraordinary").
    found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Mention> = Vec::new();
    for m in found {
        if out.iter().all(|o| m.end <= o.start || o.end <= m.start) {
            out.push(m);
        }
    }
    // "... signed on behalf of Nigeria": the person before it is of that country.
    for i in 0..out.len() {
        let until = out.get(i + 1).map_or(sentence.len(), |n| n.start);
        let Some(at) = sentence[out[i].end..until].find("on behalf of ") else {
            continue;
        };
        let from = out[i].end + at + "on behalf of ".len();
        let named = sentence[from..]
            .trim_start_matches("the ")
            .split([',', '.', ';'])
            .next()
            .unwrap_or_default();
        if let Some(c) = leading_country_re()
            .find(named)
            .and_then(|c| country_of_prefix(c.as_str()))
        {
            out[i].country = Some(c);
        }
    }
    for m in &mut out {
        // Japan's style prints a Japanese national's family name first, in capitals, and other
        // names in their own order: "H.E. Mr. YAMADA Takio, Ambassador to Viet Nam".
        if m.country.is_none() && family_name_first(&m.name) {
            m.country = Reference::get().country("Japan").map(|c| c.label.clone());
        }
    }
    out
}

/// Military ranks that the post-first pattern can read as a post.
const RANKS: [&str; 2] = ["General", "Admiral"];

/// Whether a name is printed family name first, in capitals ("MOTEGI Toshimitsu").
fn family_name_first(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or_default();
    let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
    words.next().is_some() && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// "Gilberto Teodoro Jr" followed by "." is "Gilberto Teodoro Jr."; `end` is where the name
/// ends in the sentence and `len` its length there.
fn with_suffix(sentence: &str, end: usize, name: String, len: usize) -> (String, usize) {
    if (name.ends_with(" Jr") || name.ends_with(" Sr")) && sentence[end..].starts_with('.') {
        (format!("{name}."), len + 1)
    } else {
        (name, len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::card::split_name;

    type Row = (String, Option<String>, Option<String>, Option<String>);

    fn one(sentence: &str) -> Vec<Row> {
        mentions(sentence)
            .into_iter()
            .map(|m| (m.name, m.honorific, m.post, m.country))
            .collect()
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    #[test]
    fn honorific_then_name_then_post() {
        assert_eq!(
            one(
                "were signed by Mr. MOTEGI Toshimitsu, Minister for Foreign Affairs of Japan, and Hon. Judith Collins, Minister of Defence of New Zealand."
            ),
            vec![
                (
                    "MOTEGI Toshimitsu".into(),
                    s("Mr."),
                    s("Minister for Foreign Affairs"),
                    s("Japan")
                ),
                (
                    "Judith Collins".into(),
                    s("Hon."),
                    s("Minister of Defence"),
                    s("New Zealand")
                ),
            ]
        );
        assert_eq!(
            one(
                "and Senator the Hon Bob Carr, Minister for Foreign Affairs of the Commonwealth of Australia, on his visit"
            ),
            vec![(
                "Bob Carr".into(),
                s("Senator the Hon"),
                s("Minister for Foreign Affairs"),
                s("Australia")
            )]
        );
        assert_eq!(
            one(
                "with H.E. Ms. Annalena Baerbock, Federal Minister for Foreign Affairs, Federal Republic of Germany."
            ),
            vec![(
                "Annalena Baerbock".into(),
                s("H.E. Ms."),
                s("Federal Minister for Foreign Affairs"),
                s("Germany")
            )]
        );
        assert_eq!(
            one(
                "and the Hon. Scott Morrison, MP, Prime Minister of the Commonwealth of Australia."
            ),
            vec![(
                "Scott Morrison".into(),
                s("the Hon."),
                s("Prime Minister"),
                s("Australia")
            )]
        );
    }

    /// A rank printed before the name is part of the honorific, never the post.
    #[test]
    fn a_rank_before_the_honorific_is_not_the_post() {
        assert_eq!(
            one(
                "H.E. Mr. YAMADA Takio, Ambassador to Vietnam, and Lieutenant General Mr. Hoang Xuan Chien, Deputy Minister of National Defence of Vietnam, signed the Agreement."
            ),
            vec![
                (
                    "YAMADA Takio".into(),
                    s("H.E. Mr."),
                    s("Ambassador to Vietnam"),
                    s("Japan")
                ),
                (
                    "Hoang Xuan Chien".into(),
                    s("Lieutenant General Mr."),
                    s("Deputy Minister of National Defence"),
                    s("Viet Nam")
                ),
            ]
        );
    }

    #[test]
    fn a_post_of_a_country_then_the_name() {
        assert_eq!(
            one(
                "Prime Minister Rishi Sunak hosted the Prime Minister of Japan, Fumio Kishida, at the Tower of London."
            ),
            vec![
                ("Rishi Sunak".into(), None, s("Prime Minister"), None),
                (
                    "Fumio Kishida".into(),
                    None,
                    s("Prime Minister"),
                    s("Japan")
                ),
            ]
        );
    }

    /// A post printed without a country leaves the mention's country empty: the release
    /// settles it (the publisher's own, else the one country with that post).
    #[test]
    fn post_then_name() {
        assert_eq!(
            one(
                "signed today by Netherlands Minister of Defence Ruben Brekelmans and Japanese ambassador Rokuichiro Michii."
            ),
            vec![
                (
                    "Ruben Brekelmans".into(),
                    None,
                    s("Minister of Defence"),
                    s("Netherlands")
                ),
                (
                    "Rokuichiro Michii".into(),
                    None,
                    s("ambassador"),
                    s("Japan")
                ),
            ]
        );
        assert_eq!(
            one("Signing the treaty, the Foreign Secretary Boris Johnson said:"),
            vec![("Boris Johnson".into(), None, s("Foreign Secretary"), None)]
        );
        assert_eq!(
            one("Japan’s Ambassador to the UK, Koji Tsuruoka, who signed the treaty"),
            vec![(
                "Koji Tsuruoka".into(),
                None,
                s("Ambassador to the UK"),
                s("Japan")
            )]
        );
        assert_eq!(
            one("The Foreign Secretary, Rt Hon James Cleverly, said:"),
            vec![(
                "James Cleverly".into(),
                s("Rt Hon"),
                s("Foreign Secretary"),
                None
            )]
        );
        assert_eq!(
            one("and the Rt Hon Grant Shapps MP, Secretary of State for Defence, signed"),
            vec![(
                "Grant Shapps".into(),
                s("the Rt Hon"),
                s("Secretary of State for Defence"),
                None
            )]
        );
        assert_eq!(
            one("Defence Secretary Sir Michael Fallon welcomed the agreement"),
            vec![(
                "Michael Fallon".into(),
                s("Sir"),
                s("Defence Secretary"),
                None
            )]
        );
    }

    #[test]
    fn wide_spaces_keep_the_offsets_right() {
        let found = mentions(
            "signed by Hon.\u{a0}Judith\u{a0}\u{a0}Collins,\tMinister of Defence of New Zealand, and Mr.\u{2003}TANAKA Hiroshi.",
        );
        let names: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["Judith Collins", "TANAKA Hiroshi"]);
        assert_eq!(found[0].post.as_deref(), Some("Minister of Defence"));
    }

    #[test]
    fn name_order() {
        assert_eq!(
            split_name("MOTEGI Toshimitsu"),
            (s("MOTEGI"), s("Toshimitsu"))
        );
        assert_eq!(split_name("Judith Collins"), (s("Collins"), s("Judith")));
        assert_eq!(split_name("Abe"), (s("Abe"), None));
        assert_eq!(split_name("Anna de Vries"), (s("de Vries"), s("Anna")));
        assert_eq!(
            split_name("Gilberto Teodoro Jr."),
            (s("Teodoro"), s("Gilberto"))
        );
        assert_eq!(
            one(
                "by Mr. SATO Jiro, Ambassador Extraordinary and Plenipotentiary of Japan to the Kingdom of Sweden, and H.E. Mr. Gilberto Teodoro Jr., Secretary of National Defense of the Republic of the Philippines"
            ),
            vec![
                (
                    "SATO Jiro".into(),
                    s("Mr."),
                    s("Ambassador Extraordinary and Plenipotentiary to the Kingdom of Sweden"),
                    s("Japan")
                ),
                (
                    "Gilberto Teodoro Jr.".into(),
                    s("H.E. Mr."),
                    s("Secretary of National Defense"),
                    s("Philippines")
                ),
            ]
        );
    }
}
