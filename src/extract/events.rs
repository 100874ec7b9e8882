//! Events: what a release reports and the card drafted from it.
//!
//! Each sentence is read once for its agreement and person mentions and its triggers (a
//! signing, an entry into force, an exchange of notes, negotiations, an agreement in
//! principle, a meeting; whether it looks back to an earlier time). The first sentence after
//! the headline with a trigger is the lead: it gives the release's kind and its main event's
//! date, time, zone and place, and the agreements it names (else the ones named just before
//! it: "This has been formalised in the ACSA ... The document was signed today"). Who signed:
//! the people named in sentences where someone signs. A meeting after the main event, its
//! participants ("the two ministers": the signatories), topics ("exchanged views on ...") and
//! what was concurred are read from the sentences that report it.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use regex::Regex;

use super::agreements::{self, forces_in};
use super::dates::{
    dates_in, day_before, header_date, time_in, weekday_on_or_before, year_of, zone_in,
};
use super::gazetteer::{Gazetteer, large_regex};
use super::people;
use crate::card::{
    Agreement, AgreementAction, AgreementType, Event, EventKind, Person, ReleaseKind,
};
use crate::iri::{fold, slug};
use crate::reference::Reference;
use crate::text::SourceText;

/// What a sentence reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Trigger {
    EntryIntoForce,
    Signing,
    /// A signing announced ahead: "will sign", "is set to sign", "will be signed".
    Planned,
    Negotiations,
    Principle,
    Meeting,
}

/// One sentence as read.
#[derive(Debug)]
struct Read {
    number: u32,
    text: String,
    heading: bool,
    agreements: Vec<agreements::Mention>,
    people: Vec<people::Mention>,
    eif: bool,
    notes: bool,
    sign_verb: bool,
    sign_noun: bool,
    /// "signed" only in an aside: ", signed in May," or "(signed on ...)".
    sign_aside: bool,
    witnessed: bool,
    /// Says "today" (or, once the release date is known, prints it).
    today: bool,
    /// Names its parties or signers "between A and B".
    between: bool,
    /// Speaks of a signing or meeting still to come.
    future: bool,
    /// "I" or "we": the speaker of a transcript turn, or the publisher's minister.
    first_person: bool,
    /// The speaker of the transcript turn the sentence is in.
    speaker: Option<String>,
    negotiations: bool,
    principle: bool,
    meeting: bool,
    past: bool,
    /// Says "today" or prints the release date: what it reports is current even when it
    /// also looks back ("The Agreement, signed in May, entered into force today").
    current: bool,
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("the trigger patterns are valid"))
}

macro_rules! pattern {
    ($name:ident, $p:expr) => {
        fn $name() -> &'static Regex {
            static CELL: OnceLock<Regex> = OnceLock::new();
            re(&CELL, $p)
        }
    };
}

pattern!(
    eif_re,
    r"(?i)(?-u:\b)(?:entry into (?:force|effect)|enter(?:s|ed|ing)? into (?:force|effect)|(?:come|comes|came|coming) into (?:force|effect)|t(?:ook|akes|ake) effect)(?-u:\b)"
);
pattern!(
    notes_re,
    r"(?i)(?-u:\b)exchang\w*\s+(?:of\s+)?(?:the\s+)?(?:diplomatic\s+)?notes(?-u:\b)"
);
pattern!(
    sign_verb_re,
    r"(?-u:\b)(?:sign|signs|signed)(?-u:\b)|^Signing\s+(?:the|an?|this)(?-u:\b)|(?-u:\b)signing\s+(?:the|an?|this|two|both|of\s+the\s+two)(?-u:\b)"
);
pattern!(
    future_re,
    r"(?i)(?-u:\b)(?:will|shall|would)\s+(?:be\s+)?(?:formally\s+|officially\s+)?sign(?:ed)?(?-u:\b)|(?-u:\b)(?:plan|plans|planned|intend|intends|hope|hopes|agreed|expected)\s+to\s+sign(?-u:\b)|(?-u:\b)(?:set|due|scheduled|expected|slated|poised)\s+to\s+(?:be\s+)?(?:sign|ink|hold|meet)|(?-u:\b)will\s+(?:travel|visit|meet|hold)(?-u:\b)|(?-u:\b)(?:is|are)\s+to\s+(?:sign|meet|ink)(?-u:\b)|(?-u:\b)(?:is|are)\s+(?:expected|likely)\s+to\s+be\s+signed(?-u:\b)|(?-u:\b)tomorrow(?-u:\b)|(?-u:\b)will(?-u:\b)[^.;]{0,140}(?-u:\b)to\s+sign(?-u:\b)|(?-u:\b)signing(?-u:\b)[^.;]{0,80}(?-u:\b)will\s+take\s+place(?-u:\b)"
);
pattern!(
    first_person_re,
    r"(?-u:\b)(?:I|I'[mdv]\w*|I’[mdv]\w*|[Ww]e|[Ww]e'\w+|[Ww]e’\w+)\s"
);
pattern!(
    concluded_re,
    r"(?i)(?-u:\b)(?:conclud\w+|ink\w*|seal\w*)\s+(?:a|an|the|two|their)\s+(?:new\s+|historic\s+|landmark\s+)?(?-i:[A-Z])|(?-u:\b)exchang\w*\s+(?:of\s+)?(?:a|an|the)\s+(?:new\s+)?(?-i:[A-Z])|(?-u:\b)(?:was|were)\s+exchanged(?-u:\b)|(?-u:\b)sign\s+and\s+exchange(?-u:\b)"
);
pattern!(
    between_re,
    r"(?-u:\b)(?:between|by)\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){1,6}[^.;]{0,120}(?-u:\b)and(?-u:\b)"
);
pattern!(
    hedged_re,
    r"(?i)(?-u:\b)(?:until|unless|if|once|cannot|can't|not\s+yet|yet\s+to|delays?\s+in)(?-u:\b)[^.;]{0,100}(?-u:\b)(?:sign|signs|signed|signing|concluded)(?-u:\b)"
);
pattern!(witness_re, r"(?i)(?-u:\b)witness\w*");
pattern!(we_re, r"(?-u:\b)(?:[Ww]e|[Ww]e['’]\w+|[Oo]ur)(?-u:\b)");
pattern!(
    sign_noun_re,
    r"(?i)(?-u:\b)signings?\s+(?:of|ceremony)(?-u:\b)|(?-u:\b)signature\s+of(?-u:\b)"
);
pattern!(
    witnessed_re,
    r"(?i)(?-u:\b)witness(?:ed|es)?\s+the\s+signing"
);
pattern!(
    negotiations_re,
    r"(?i)(?-u:\b)round\s+of\s+(?:negotiations|talks)(?-u:\b)|(?-u:\b)negotiations?(?-u:\b)[^.;]{0,40}(?-u:\b)(?:start|launch|commenc|begin|began|begun|open)\w*|(?-u:\b)(?:start|launch|commenc|begin|began|open)\w*\s+(?:formal\s+|official\s+)?negotiations?(?-u:\b)"
);
pattern!(
    principle_re,
    r"(?i)(?-u:\b)(?:agree\w*|agreement|consensus)\s+in\s+principle(?-u:\b)|(?-u:\b)in[- ]principle\s+(?-i:[A-Z])"
);
/// A meeting reported: held, had, hosted, met, welcomed to one (its nouns from the lexicon).
fn meeting_re() -> &'static Regex {
    static CELL: OnceLock<Regex> = OnceLock::new();
    CELL.get_or_init(|| {
        let nouns = Gazetteer::get().alternation_of("meeting");
        large_regex(&format!(
            r"(?i)(?-u:\b)(?:held|had|hold|holds|holding|convened|attended|chaired|co-chaired)(?-u:\b)[^.;]{{0,60}}?(?-u:\b)(?:{nouns})|(?-u:\b)(?:{nouns})[^.;]{{0,80}}?(?-u:\b)(?:was|were|is|are)\s+(?:being\s+)?held(?-u:\b)|(?-u:\b)(?:{nouns})\s+held\s+(?:here|in|at|on)(?-u:\b)|(?-u:\b)met\s+(?:with\s+)?(?:the\s+)?(?:(?-i:[A-Z])|his(?-u:\b)|her(?-u:\b)|their(?-u:\b))|(?-u:\b)(?:during|preceded\s+by|followed\s+by)\s+(?:(?:the|their|his|her|(?-i:[A-Z])[\w.]*\s+(?-i:[A-Z])\w*(?:’s|'s))\s+)?(?:[\w-]+\s+){{0,2}}?(?:{nouns})|(?-u:\b)meets?\s+(?:with\s+)?(?:(?:his|her|their|the)\s+)?(?-i:[A-Z])|^\s*(?-i:Meeting)\s+(?:for|with|in)(?-u:\b)|(?-u:\b)(?:at|in)\s+(?:the\s+)?(?:{nouns})\s+(?:with|between)(?-u:\b)|(?-u:\b)host(?:ed|s|ing)?\s+an?\s+(?:reception|dinner|lunch|luncheon|banquet)\s+for\s+(?:his|her|their)\s+(?:\w+\s+)?(?:counterpart|colleague|guest)s?(?-u:\b)|(?-u:\b)receiv(?:ed|es|e|ing)\s+(?:(?:his|her|their|the|visiting)\s+)*(?:(?-i:[A-Z])\w*\s+)?(?:counterpart|colleague|delegation)s?(?-u:\b)|(?-u:\b)host(?:ed|s|ing)?\s+(?:(?:the|his|her|their|my|our)\s+)?(?:(?-i:[A-Z])|friends?(?-u:\b)|counterparts?(?-u:\b)|colleagues?(?-u:\b))|(?-u:\b)welcom\w*(?-u:\b)[^.;]{{0,120}}?(?-u:\b)(?:{nouns}|visit)"
        ))
        .expect("the meeting pattern is valid")
    })
}
pattern!(
    past_re,
    r"(?i)(?-u:\b)then-|(?-u:\b)last\s+(?:year|month|week|january|february|march|april|may|june|july|august|september|october|november|december)(?-u:\b)|(?-u:\b)earlier\s+this\s+year(?-u:\b)|(?-u:\b)of\s+this\s+year(?-u:\b)|(?-u:\b)in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)(?-u:\b)|(?-u:\b)in\s+(?:19|20)\d\d(?-u:\b)|(?-u:\b)since\s+(?:19|20)\d\d(?-u:\b)|(?-u:\b)ago(?-u:\b)|(?-u:\b)previously(?-u:\b)|(?-u:\b)recently(?-u:\b)|(?-u:\b)earlier(?-u:\b)"
);
pattern!(
    today_re,
    r"(?i)(?-u:\b)today(?-u:\b)|(?-u:\b)this\s+(?:morning|afternoon|evening)(?-u:\b)|(?-u:\b)tonight(?-u:\b)|(?-u:\b)(?:welcome|welcoming)\s+(?:you\s+)?(?:all\s+)?to\s+this(?-u:\b)"
);
pattern!(yesterday_re, r"(?i)(?-u:\b)yesterday(?-u:\b)");
pattern!(
    weekday_re,
    r"(?-u:\b)(?:on|On)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)"
);
pattern!(
    plural_subject_re,
    r"^\s*(?:The|Both)\s+(?:two\s+)?(?:[Mm]inisters|[Ll]eaders|[Ss]ides|[Oo]fficials|[Cc]hiefs|[Ss]ecretaries)\s+(?:\w+\s+){0,2}?(?:signed|inked|exchanged)(?-u:\b)"
);
pattern!(
    agent_re,
    r"(?i)(?-u:\b)(?:signed|initiall?ed|inked|exchanged)\s+(?:[^\s.;]+\s+){0,4}?by\s"
);
pattern!(
    present_re,
    r"(?i)(?-u:\b)in\s+the\s+presence\s+of(?-u:\b)|(?-u:\b)witnessed\s+by(?-u:\b)"
);
pattern!(
    topics_re,
    r"(?i)(?-u:\b)(?:exchanged\s+(?:their\s+)?(?:views|opinions)|discussed|held\s+discussions|had\s+discussions|talked)\s+(?:on\s+|about\s+|regarding\s+)?(?P<t>[^;]+)"
);
pattern!(
    concurred_re,
    r"(?i)(?-u:\b)(?:concurred|agreed)\s+on\s+(?P<c>[^;]+)"
);
pattern!(
    both_re,
    r"(?i)(?-u:\b)(?:the|both)\s+(?:two\s+)?(?:ministers|leaders|foreign\s+ministers|defen[cs]e\s+ministers|prime\s+ministers|sides)(?-u:\b)|(?-u:\b)they(?-u:\b)"
);
pattern!(
    count_re,
    r"(?i)(?-u:\b)(two|three|four|both)\s+(?:new\s+)?(?:defen[cs]e\s+|security\s+)?(?:agreements|treaties|arrangements)(?-u:\b)"
);
pattern!(
    unknown_place_re,
    r"(?-u:\b)(?:in|at|visiting)\s+(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),\s+"
);

/// Why the extractor stated a fact: the rule and the sentence it read it from
/// (`pactgraph extract --explain`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// The fact, as "slot: value".
    pub fact: String,
    /// The rule, in words a reader of releases would use.
    pub rule: &'static str,
    /// The sentence number it was read from, when one sentence gives it.
    pub sentence: Option<u32>,
}

/// What a release card is drafted from: its kind, events, agreements and people.
pub type Parts = (ReleaseKind, Vec<Event>, Vec<Agreement>, Vec<Person>);

/// A release read sentence by sentence.
#[derive(Debug)]
pub struct Document {
    /// The headline, when the text has one.
    pub title: Option<String>,
    /// The publication date.
    pub release_date: Option<String>,
    /// The publisher's country (reference label), when the publisher names one.
    pub publisher_country: Option<String>,
    /// The place of a dateline: a line above the text holding only a known place, or a
    /// dated one ("NAIROBI, Kenya, December 9, 2015").
    pub dateline: Option<String>,
    sentences: Vec<Read>,
}

const LABELS: [&str; 8] = [
    "press releases",
    "press release",
    "news",
    "article",
    "latest news",
    "photo",
    "back to press releases",
    "media release",
];

impl Document {
    /// Reads a source text.
    pub fn read(source: &SourceText) -> Self {
        let raw_chars: Vec<char> = source
            .raw
            .chars()
            .take(source.sentences.get(12).map_or(usize::MAX, |s| s.end + 2))
            .collect();
        let mut sentences: Vec<Read> = source
            .sentences
            .iter()
            .map(|s| {
                let line_end = raw_chars
                    .get(s.end)
                    .is_none_or(|c| *c == '\n' || *c == '\r')
                    && (s.start == 0 || raw_chars.get(s.start - 1).is_none_or(|c| *c == '\n'))
                    && usize::try_from(s.number).is_ok_and(|n| n <= 12);
                read_sentence(s.number, &s.text, line_end)
            })
            .collect();
        let mut turn: Option<String> = None;
        for s in &mut sentences {
            if let Some(m) = people::speaker(&s.text) {
                turn = Some(m.name.clone());
                if s.people.iter().all(|p| p.start >= m.end) {
                    s.people.insert(0, m);
                }
            }
            s.speaker.clone_from(&turn);
        }
        let release_date = source
            .header
            .date
            .as_deref()
            .and_then(header_date)
            .or_else(|| {
                sentences.iter().take(6).find_map(|s| {
                    dates_in(&s.text, None)
                        .into_iter()
                        .find(|d| d.year_printed && d.start < 4)
                        .and_then(|d| d.date)
                })
            });
        let year = release_date.as_deref().and_then(year_of);
        for s in &mut sentences {
            s.today |= release_date.is_some()
                && dates_in(&s.text, year)
                    .iter()
                    .any(|d| d.date == release_date);
            s.current = s.past && s.today;
            if s.current {
                s.past = false;
            }
        }
        let title = sentences
            .iter()
            .take(6)
            .find(|s| {
                s.heading
                    && s.text.split_whitespace().count() >= 3
                    && !LABELS.contains(&s.text.to_lowercase().as_str())
                    && !s.text.starts_with('(')
                    && !s.text.starts_with("Source:")
                    && !s.text.trim_end().ends_with('|')
                    && dates_in(&s.text, None).first().is_none_or(|d| d.start > 0)
            })
            .map(|s| s.text.clone());
        let reference = Reference::get();
        let publisher_country = source.header.publisher.as_deref().and_then(|p| {
            let iri = reference
                .ministry(p)
                .and_then(|m| m.country.clone())
                .or_else(|| reference.countries_in(p).first().map(|c| c.iri.clone()))?;
            reference.by_iri(&iri).map(|c| c.label.clone())
        });
        let dateline = sentences.iter().take(8).find_map(|s| {
            let line = s
                .text
                .trim()
                .trim_end_matches([',', '.', ' ', '-', '–', '—']);
            // "NAIROBI, Kenya, ...": a city printed in capitals.
            let line = &title_case_caps(line);
            let g = Gazetteer::get();
            let whole = g.places.find(line).filter(|m| m.start() == 0)?;
            // A newswire dateline prints the city in capitals ("ANKARA.", "KUALA LUMPUR, Oct
            // 30 -"); otherwise a date or the agency's name in brackets follows it ("Colombo,
            // Apr 5 (PTI)").
            let in_capitals = s
                .text
                .trim()
                .get(..whole.end())
                .is_some_and(|p| !p.chars().any(char::is_lowercase));
            let after = &line[whole.end()..];
            let separated = after.is_empty()
                || after.starts_with([',', '.'])
                || after.trim_start().starts_with(['(', '-', '–', '—']);
            let rest = after.trim_start_matches([',', ' ', '.']);
            let country_then = g.country_exact(rest.split(',').next().unwrap_or_default().trim());
            let date = dates_in(rest, None)
                .into_iter()
                .next()
                .filter(|d| d.start < 25);
            let dated = date.as_ref().is_some_and(|d| d.year_printed);
            let agency = date.is_some() && rest.contains('(') || rest.starts_with('(');
            (s.heading && rest.is_empty()
                || separated && in_capitals
                || separated && agency
                || dated && (country_then.is_some() || rest.starts_with(char::is_uppercase)))
            .then(|| whole.as_str().to_owned())
        });
        Self {
            title,
            release_date,
            dateline,
            publisher_country,
            sentences,
        }
    }

    fn year(&self) -> Option<i32> {
        self.release_date.as_deref().and_then(year_of)
    }

    /// The release kind, the events, agreements and people.
    pub fn into_parts(self) -> (ReleaseKind, Vec<Event>, Vec<Agreement>, Vec<Person>) {
        self.into_parts_explained().0
    }

    /// The parts, and why each main fact was stated.
    pub fn into_parts_explained(self) -> (Parts, Vec<Reason>) {
        let mut reasons = Vec::new();
        let parts = Drafter::new(self).draft(&mut reasons);
        (parts, reasons)
    }
}

fn read_sentence(number: u32, text: &str, line: bool) -> Read {
    let trimmed = text.trim_end_matches(['"', '”', '’', ')', ']']);
    let terminal = trimmed.ends_with(['.', '!', '?', ':']);
    Read {
        number,
        text: text.to_owned(),
        heading: line && !terminal,
        agreements: agreements::mentions(text),
        people: people::mentions(text),
        eif: eif_re().is_match(text),
        notes: notes_re().is_match(text),
        sign_verb: (sign_verb_re().is_match(text) || concluded_re().is_match(text))
            && !hedged_re().is_match(text),
        sign_noun: sign_noun_re().is_match(text),
        sign_aside: sign_verb_re()
            .find_iter(text)
            .all(|m| text[..m.start()].trim_end().ends_with([',', '(']) && m.as_str() == "signed"),
        witnessed: witnessed_re().is_match(text),
        future: future_re().is_match(text),
        today: today_re().is_match(text),
        between: between_re().is_match(text),
        first_person: first_person_re().is_match(text),
        speaker: None,
        negotiations: negotiations_re().is_match(text),
        principle: principle_re().is_match(text),
        meeting: meeting_re().is_match(text),
        past: past_re().is_match(text),
        current: false,
    }
}

impl Read {
    /// The strongest thing the sentence reports, if it reports something happening now.
    fn trigger(&self) -> Option<Trigger> {
        if self.eif && (self.notes || !self.sign_verb || self.sign_aside) && !self.past {
            return Some(Trigger::EntryIntoForce);
        }
        if self.sign_verb && self.future && !self.past {
            return Some(Trigger::Planned);
        }
        if (self.sign_verb && (!self.witnessed || self.between) || self.sign_noun && self.today)
            && !self.past
        {
            return Some(Trigger::Signing);
        }
        if self.negotiations && !self.past {
            return Some(Trigger::Negotiations);
        }
        if self.principle && !self.past {
            return Some(Trigger::Principle);
        }
        if self.meeting && !self.past {
            return Some(Trigger::Meeting);
        }
        None
    }
}

/// One agreement being assembled from its mentions.
#[derive(Debug, Default)]
struct AgreementDraft {
    title: Option<String>,
    name: Option<String>,
    short_name: Option<String>,
    abbreviation: Option<String>,
    parties: Vec<String>,
    /// The countries of `parties` (reference IRIs), to compare mentions by.
    party_keys: BTreeSet<String>,
    /// Its names without party prefix, folded, to compare mentions by.
    cores: Vec<String>,
    /// Named only by kind ("a defence agreement") in every mention so far.
    generic: bool,
    agreement_type: AgreementType,
    forces: Vec<String>,
    sentences: Vec<u32>,
    action: Option<AgreementAction>,
}

/// One person being assembled from their mentions.
#[derive(Debug, Default, Clone)]
struct PersonDraft {
    /// The folded family name people are merged by.
    key: String,
    name: String,
    honorific: Option<String>,
    post: Option<String>,
    country: Option<String>,
    /// Named as a counterpart or colleague somewhere.
    foreign: bool,
    sentences: Vec<u32>,
}

fn family_key_of(name: &str) -> String {
    fold(&crate::card::split_name(name).0.unwrap_or_default())
}

struct Drafter {
    doc: Document,
    agreements: Vec<AgreementDraft>,
    /// For each sentence, the agreement indices it names.
    named: Vec<Vec<usize>>,
    /// (sentence, mention) -> the draft the mention went to, before resolution.
    mention_index: std::collections::HashMap<(usize, usize), usize>,
    people: Vec<PersonDraft>,
    /// For each sentence, the person indices it names.
    persons_in: Vec<Vec<usize>>,
}

impl Drafter {
    fn new(doc: Document) -> Self {
        let mut d = Self {
            named: vec![Vec::new(); doc.sentences.len()],
            persons_in: vec![Vec::new(); doc.sentences.len()],
            doc,
            mention_index: std::collections::HashMap::new(),
            agreements: Vec::new(),
            people: Vec::new(),
        };
        d.collect_agreements();
        d.resolve_agreements();
        d.collect_people();
        d
    }

    fn collect_agreements(&mut self) {
        for (i, s) in self.doc.sentences.iter().enumerate() {
            for (j, m) in s.agreements.iter().enumerate() {
                let next_start = s.agreements.get(j + 1).map_or(s.text.len(), |n| n.start);
                let span = if m.title.is_some() {
                    &s.text[m.start..m.title_end]
                } else {
                    &s.text[m.start..next_start.max(m.end)]
                };
                let forces = forces_in(span);
                let index = match self.find_agreement(m) {
                    Some(index) => index,
                    None => {
                        self.agreements.push(AgreementDraft {
                            agreement_type: m.agreement_type,
                            generic: m.generic,
                            ..AgreementDraft::default()
                        });
                        self.agreements.len() - 1
                    }
                };
                let a = &mut self.agreements[index];
                a.generic &= m.generic;
                if a.title.is_none() {
                    a.title.clone_from(&m.title);
                }
                if a.name.is_none() {
                    a.name = m.name.as_ref().map(|n| strip_article(n).to_owned());
                }
                if a.short_name.is_none() {
                    a.short_name.clone_from(&m.short_name);
                }
                if a.abbreviation.is_none() {
                    a.abbreviation.clone_from(&m.abbreviation);
                }
                // A formal title's parties, as printed, over a prefix's countries.
                if a.parties.is_empty() || (m.title.is_some() && !m.parties.is_empty()) {
                    a.parties.clone_from(&m.parties);
                    a.party_keys = party_keys(&m.parties);
                }
                if a.agreement_type == AgreementType::Other {
                    a.agreement_type = m.agreement_type;
                }
                for f in forces {
                    let key = force_key(&f);
                    if !a.forces.iter().any(|x| force_key(x) == key) {
                        a.forces.push(f);
                    }
                }
                if !a.sentences.contains(&s.number) {
                    a.sentences.push(s.number);
                }
                for name in [&m.name, &m.title, &m.short_name].into_iter().flatten() {
                    let core = core_of(name);
                    if !a.cores.contains(&core) {
                        a.cores.push(core);
                    }
                }
                if !self.named[i].contains(&index) {
                    self.named[i].push(index);
                }
                self.mention_index.insert((i, j), index);
            }
        }
    }

    /// One agreement under several names: an alias ("the X, known as the Y", "X, or the Y"),
    /// an abbreviation the text defines and uses bare later ("the DCA"), a kind named in lower
    /// case when the release names one agreement of that kind ("a new defence agreement ...
    /// The Status of Forces Agreement"); and the forces an agreement is "between".
    fn resolve_agreements(&mut self) {
        let n = self.agreements.len();
        let mut target: Vec<usize> = (0..n).collect();
        // Aliases within a sentence.
        for (i, s) in self.doc.sentences.iter().enumerate() {
            let named: Vec<&agreements::Mention> = s.agreements.iter().collect();
            for w in named.windows(2) {
                let gap = s.text[w[0].end.min(w[1].start)..w[1].start].to_lowercase();
                let gap = gap.trim_matches([' ', ',', '(', '“', '"', '‘']);
                let alias = matches!(
                    gap.trim_end_matches(" the").trim(),
                    "known as"
                        | "also known as"
                        | "also called"
                        | "called"
                        | "or"
                        | "dubbed"
                        | "otherwise known as"
                        | "named"
                        | "referred to as"
                );
                if !alias {
                    continue;
                }
                let (Some(a), Some(b)) = (self.index_of(i, w[0]), self.index_of(i, w[1])) else {
                    continue;
                };
                if a != b {
                    target[b] = a;
                    let short = w[1].name.clone().map(|x| strip_article(&x).to_owned());
                    if self.agreements[a].short_name.is_none() {
                        self.agreements[a].short_name = short;
                    }
                }
            }
        }
        // Lower-case kinds into the one named agreement of their kind they can be; a kind
        // said of two other countries is another agreement.
        for g in 0..n {
            if !self.agreements[g].generic || target[g] != g {
                continue;
            }
            let kind = self.agreements[g].agreement_type;
            let here = self.countries_of(&self.agreements[g].sentences);
            let candidates: Vec<usize> = (0..n)
                .filter(|&o| o != g && target[o] == o && !self.agreements[o].generic)
                .filter(|&o| {
                    let t = self.agreements[o].agreement_type;
                    kind == AgreementType::Other || t == kind
                })
                .filter(|&o| {
                    let other = &self.agreements[o];
                    let theirs = if other.party_keys.is_empty() {
                        self.countries_of(&other.sentences)
                    } else {
                        other.party_keys.clone()
                    };
                    here.len() < 2 || theirs.is_empty() || here == theirs
                })
                .collect();
            if let [one] = candidates.as_slice() {
                target[g] = *one;
            }
        }
        // Lower-case kinds left over that say the same kind of the same countries are one
        // agreement ("the U.S.-Moroccan defense roadmap", "the defense cooperation road map").
        for g in 0..n {
            if !self.agreements[g].generic || target[g] != g {
                continue;
            }
            let kind = self.agreements[g].agreement_type;
            let here = self.countries_of(&self.agreements[g].sentences);
            // The instrument a lower-case kind ends in ("road map" and "roadmap" alike).
            let head = |a: &AgreementDraft| {
                let name = fold(
                    a.name
                        .as_deref()
                        .or(a.short_name.as_deref())
                        .unwrap_or_default(),
                )
                .replace("road map", "roadmap");
                name.rsplit(' ').next().unwrap_or_default().to_owned()
            };
            let own_head = head(&self.agreements[g]);
            if let Some(first) = (0..g).find(|&o| {
                let other = &self.agreements[o];
                target[o] == o
                    && other.generic
                    && other.agreement_type == kind
                    && (kind != AgreementType::Other || head(other) == own_head)
                    && {
                        let theirs = self.countries_of(&other.sentences);
                        theirs.iter().all(|c| here.contains(c))
                            || here.iter().all(|c| theirs.contains(c))
                    }
            }) {
                target[g] = first;
            }
        }
        // A name only the headline prints ("Russia-EU Agreement on the protection of ...")
        // is the one agreement the body names, when the body names one.
        let heading_only = |a: &AgreementDraft, doc: &Document| {
            a.sentences
                .iter()
                .all(|&n| doc.sentences[n as usize - 1].heading)
        };
        let body: Vec<usize> = (0..n)
            .filter(|&o| target[o] == o && !heading_only(&self.agreements[o], &self.doc))
            .collect();
        if let [one] = body.as_slice() {
            for (h, t) in target.iter_mut().enumerate() {
                if *t == h
                    && h != *one
                    && heading_only(&self.agreements[h], &self.doc)
                    && self.agreements[h].abbreviation.is_none()
                {
                    *t = *one;
                }
            }
        }
        // Follow chains, then fold each merged draft into its target.
        for i in 0..n {
            let mut t = target[i];
            while target[t] != t {
                t = target[t];
            }
            target[i] = t;
        }
        for (i, &t) in target.iter().enumerate() {
            if t == i {
                continue;
            }
            let from = std::mem::take(&mut self.agreements[i]);
            let a = &mut self.agreements[t];
            for x in from.sentences {
                if !a.sentences.contains(&x) {
                    a.sentences.push(x);
                }
            }
            for f in from.forces {
                if !a.forces.contains(&f) {
                    a.forces.push(f);
                }
            }
            if a.parties.is_empty() {
                a.parties = from.parties;
                a.party_keys = from.party_keys;
            }
            a.cores.extend(from.cores);
        }
        let kept: Vec<usize> = (0..n).filter(|&i| target[i] == i).collect();
        let new_index: Vec<Option<usize>> = (0..n)
            .map(|i| kept.iter().position(|&k| k == target[i]))
            .collect();
        let mut drafts = std::mem::take(&mut self.agreements);
        self.agreements = kept
            .iter()
            .map(|&k| std::mem::take(&mut drafts[k]))
            .collect();
        for list in &mut self.named {
            let mut mapped: Vec<usize> = Vec::new();
            for &x in list.iter() {
                if let Some(y) = new_index[x]
                    && !mapped.contains(&y)
                {
                    mapped.push(y);
                }
            }
            *list = mapped;
        }
        // Abbreviations the text defined, used bare later.
        for a in 0..self.agreements.len() {
            let Some(abbr) = self.agreements[a].abbreviation.clone() else {
                continue;
            };
            if abbr.len() < 2 {
                continue;
            }
            for (i, s) in self.doc.sentences.iter().enumerate() {
                if self.named[i].contains(&a) {
                    continue;
                }
                let found = s.text.match_indices(abbr.as_str()).any(|(at, _)| {
                    let before = s.text[..at].chars().next_back();
                    let after = s.text[at + abbr.len()..].chars().next();
                    before.is_none_or(|c| !c.is_alphanumeric())
                        && after.is_none_or(|c| !c.is_alphanumeric() || c == 's')
                });
                if found {
                    self.named[i].push(a);
                    let number = s.number;
                    if !self.agreements[a].sentences.contains(&number) {
                        self.agreements[a].sentences.push(number);
                    }
                }
            }
        }
        // Forces the agreement is "between": in a sentence naming it (or "the agreement" when
        // the release names one), the forces after "between".
        let only = self.agreements.len() == 1;
        for (i, s) in self.doc.sentences.iter().enumerate() {
            let target = match self.named[i].as_slice() {
                [one] => Some(*one),
                [] if only && s.text.to_lowercase().contains("agreement") => Some(0),
                _ => None,
            };
            let Some(a) = target.filter(|&a| self.agreements[a].forces.is_empty()) else {
                continue;
            };
            let Some(at) = s.text.find(" between ") else {
                continue;
            };
            // "cooperation between the ADF and the JSDF", not "an exercise ... between".
            let lead_in: Vec<&str> = s.text[..at].rsplit(' ').take(3).collect();
            if !lead_in.iter().any(|w| {
                let w = w.to_lowercase();
                [
                    "cooperation",
                    "co-operation",
                    "relationship",
                    "relations",
                    "framework",
                    "ties",
                    "activities",
                    "agreement",
                    "arrangement",
                ]
                .iter()
                .any(|c| w.starts_with(c))
            }) {
                continue;
            }
            let span = s.text[at..].split([';', '.']).next().unwrap_or_default();
            let forces = forces_in(span);
            if forces.len() < 2 {
                continue;
            }
            let a = &mut self.agreements[a];
            for f in forces {
                let key = force_key(&f);
                if !a.forces.iter().any(|x| force_key(x) == key) {
                    a.forces.push(f);
                }
            }
        }
    }

    /// Who "I" and "we" are in a sentence of a transcript turn: the speaker, and for "we" the
    /// people with a post the speaker named earlier in the turn (the counterpart welcomed).
    fn first_person_signers(&self, j: usize) -> Vec<usize> {
        let t = &self.doc.sentences[j];
        let (true, Some(speaker)) = (t.first_person, &t.speaker) else {
            return Vec::new();
        };
        let key = family_key_of(speaker);
        let Some(me) = self.people.iter().position(|p| p.key == key) else {
            return Vec::new();
        };
        let mut out = vec![me];
        if we_re().is_match(&t.text) {
            let start = (0..=j)
                .rev()
                .find(|&k| people::speaker(&self.doc.sentences[k].text).is_some())
                .unwrap_or(j);
            for k in start..=j {
                for &p in &self.persons_in[k] {
                    let other = &self.people[p];
                    if p != me && other.post.is_some() && !out.contains(&p) && out.len() < 3 {
                        out.push(p);
                    }
                }
            }
        }
        out
    }

    /// The countries (reference IRIs) named in some sentences.
    fn countries_of(&self, numbers: &[u32]) -> BTreeSet<String> {
        let reference = Reference::get();
        numbers
            .iter()
            .flat_map(|&n| reference.countries_in(&self.doc.sentences[n as usize - 1].text))
            .map(|c| c.iri.clone())
            .collect()
    }

    /// The draft index a mention in sentence `i` went to.
    fn index_of(&self, i: usize, m: &agreements::Mention) -> Option<usize> {
        let pos = self.doc.sentences[i]
            .agreements
            .iter()
            .position(|x| std::ptr::eq(x, m))?;
        self.mention_index.get(&(i, pos)).copied()
    }

    fn find_agreement(&self, m: &agreements::Mention) -> Option<usize> {
        let mine_keys = party_keys(&m.parties);
        let mine = mention_core(m);
        self.agreements.iter().position(|a| {
            let parties_agree =
                a.parties.is_empty() || m.parties.is_empty() || a.party_keys == mine_keys;
            if !parties_agree {
                return false;
            }
            if m.agreement_type != AgreementType::Other && m.agreement_type == a.agreement_type {
                return true;
            }
            if let (Some(x), Some(y)) = (&m.abbreviation, &a.abbreviation)
                && x == y
            {
                return true;
            }
            mine.as_ref().is_some_and(|mine| a.cores.contains(mine))
        })
    }

    fn collect_people(&mut self) {
        for (i, s) in self.doc.sentences.iter().enumerate() {
            for m in &s.people {
                let draft = PersonDraft {
                    key: family_key_of(&m.name),
                    name: m.name.clone(),
                    honorific: m.honorific.clone(),
                    post: m.post.clone(),
                    country: m.country.clone(),
                    foreign: m.foreign,
                    sentences: vec![s.number],
                };
                let key = draft.key.clone();
                let index = match self.people.iter().position(|p| p.key == key) {
                    Some(index) => {
                        let p = &mut self.people[index];
                        if m.name.split_whitespace().count() > p.name.split_whitespace().count() {
                            p.name.clone_from(&m.name);
                        }
                        if p.honorific.is_none() {
                            p.honorific.clone_from(&m.honorific);
                        }
                        // The fuller post: "Minister for Foreign Affairs" (as printed after
                        // the name) over "Minister", or over a caption's "Foreign Minister".
                        let longer = match (&p.post, &m.post) {
                            (None, Some(_)) => true,
                            (Some(old), Some(new)) => {
                                new.split_whitespace().count() > old.split_whitespace().count()
                            }
                            _ => false,
                        };
                        if longer {
                            p.post.clone_from(&m.post);
                        }
                        if p.country.is_none() {
                            p.country.clone_from(&m.country);
                        }
                        p.foreign |= m.foreign;
                        if !p.sentences.contains(&s.number) {
                            p.sentences.push(s.number);
                        }
                        index
                    }
                    None => {
                        self.people.push(draft);
                        self.people.len() - 1
                    }
                };
                if !self.persons_in[i].contains(&index) {
                    self.persons_in[i].push(index);
                }
            }
        }
    }

    fn draft(mut self, reasons: &mut Vec<Reason>) -> Parts {
        let sentences = &self.doc.sentences;
        let title_number = self
            .doc
            .title
            .as_ref()
            .and_then(|t| sentences.iter().find(|s| &s.text == t).map(|s| s.number));
        let mut lead = sentences
            .iter()
            .position(|s| !s.heading && s.trigger().is_some());
        // A meeting whose principals sign something the same day is a signing: a later
        // sentence in which named people (or the speaker, "we") sign.
        if let Some(i) = lead
            && sentences[i].trigger() == Some(Trigger::Meeting)
            && let Some(j) = (i + 1..sentences.len()).find(|&j| {
                let t = &sentences[j];
                t.trigger() == Some(Trigger::Signing)
                    && (!self.persons_in[j].is_empty() || t.first_person)
                    && !t.witnessed
            })
        {
            lead = Some(j);
        }
        let title_trigger = title_number
            .and_then(|n| sentences.get(n as usize - 1))
            .and_then(|s| {
                if s.eif {
                    Some(Trigger::EntryIntoForce)
                } else if s.sign_verb || s.sign_noun {
                    Some(Trigger::Signing)
                } else if s.meeting || s.text.contains("Meeting") || s.text.contains("Talks") {
                    Some(Trigger::Meeting)
                } else {
                    None
                }
            });
        let trigger = lead.and_then(|i| sentences[i].trigger()).or(title_trigger);
        let lead_number = lead.map(|i| sentences[i].number);
        let trigger_rule = match (lead.and_then(|i| sentences[i].trigger()), trigger) {
            (Some(Trigger::Planned), _) => {
                "the first sentence reporting something announces a signing (\"will sign\", \"set to sign\")"
            }
            (Some(Trigger::Signing), _) => {
                "the first sentence reporting something reports a signing (or an exchange) by named people"
            }
            (Some(Trigger::EntryIntoForce), _) => {
                "the first sentence reporting something reports an entry into force"
            }
            (Some(Trigger::Negotiations), _) => {
                "the first sentence reporting something reports negotiations"
            }
            (Some(Trigger::Principle), _) => {
                "the first sentence reporting something reports an agreement in principle"
            }
            (Some(Trigger::Meeting), _) => {
                "the first sentence reporting something reports a meeting held, hosted or attended"
            }
            (None, Some(_)) => "no sentence reports an event: the headline's",
            (None, None) => "nothing is reported as happening",
        };
        let kind = match trigger {
            Some(Trigger::Signing) => ReleaseKind::Signing,
            Some(Trigger::EntryIntoForce) => ReleaseKind::EntryIntoForce,
            Some(Trigger::Meeting) => ReleaseKind::Meeting,
            _ => ReleaseKind::Other,
        };
        let planned = trigger == Some(Trigger::Planned)
            || lead.is_some_and(|i| sentences[i].future && trigger == Some(Trigger::Meeting));
        let mut events: Vec<Event> = Vec::new();
        let mut main_agreements: Vec<usize> = Vec::new();
        let mut main_signatories: Vec<usize> = Vec::new();
        let year = self.doc.year();
        let release_date = self.doc.release_date.clone();
        if let (Some(i), Some(trigger)) = (lead, trigger) {
            let s = &sentences[i];
            let found_dates: Vec<_> = dates_in(&s.text, year)
                .into_iter()
                .filter(|d| !aside_date(&s.text, d.start) && d.date.is_some())
                .collect();
            // Of several dates, the one printed after what happened ("Signed ... 1 June 2010,
            // the Agreement ... entered into force on 1 September 2010").
            let at = match trigger {
                Trigger::EntryIntoForce => eif_re().find(&s.text).map(|m| m.start()),
                Trigger::Signing | Trigger::Planned => {
                    sign_verb_re().find(&s.text).map(|m| m.start())
                }
                _ => None,
            };
            // A date stamped at the head of the lead ("10 March 2014 - The panels concluded
            // ... from March 4 to 6") is the release's when the lead prints another.
            // So is a newswire stamp glued to it ("ENA, November 20/2019Ethiopia and ..."):
            // a date after at most an agency's or city's name, run into the text.
            let stamped = found_dates.first().is_some_and(|d| {
                let before = &s.text[..d.start];
                let after =
                    s.text[d.end..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '/');
                // Run into the text, or followed by the agency and a dash ("ADDIS ABABA, March
                // 24 (Xinhua) -- ...").
                let glued = after.starts_with(char::is_uppercase)
                    || after.trim_start().starts_with(['(', '-', '–', '—']);
                d.start < 3 && found_dates.len() > 1
                    || glued
                        && before.split_whitespace().count() <= 3
                        && !before.chars().any(char::is_lowercase)
            });
            let date = found_dates
                .iter()
                .skip(usize::from(stamped))
                .find(|d| at.is_some_and(|a| d.start >= a) && found_dates.len() > 1)
                .or(found_dates.get(usize::from(stamped)))
                .and_then(|d| {
                    let date = d.date.clone()?;
                    // A run of days ("from March 4 to 6"): the event ends on the last.
                    Some(range_end(&s.text[d.end..], &date).unwrap_or(date))
                })
                .or_else(|| {
                    if today_re().is_match(&s.text) {
                        release_date.clone()
                    } else if yesterday_re().is_match(&s.text) {
                        release_date.as_deref().and_then(day_before)
                    } else {
                        let day = weekday_re().captures(&s.text)?;
                        weekday_on_or_before(release_date.as_deref()?, &day[1])
                    }
                })
                .or_else(|| {
                    // After a stamp, the next sentence reporting the same signing may say the
                    // day ("... have signed the MoU on Tuesday").
                    if !stamped {
                        return None;
                    }
                    sentences[i + 1..sentences.len().min(i + 3)]
                        .iter()
                        .filter(|t| t.trigger() == Some(trigger) && !t.past && !t.future)
                        .find_map(|t| {
                            let day = weekday_re().captures(&t.text)?;
                            weekday_on_or_before(release_date.as_deref()?, &day[1])
                        })
                })
                .or_else(|| {
                    // An announced signing: the date of the sentence saying when it will take
                    // place ("The signing of the MOU will take place on Saturday, 20 November").
                    (trigger == Trigger::Planned)
                        .then(|| {
                            sentences.iter().find_map(|t| {
                                (t.future && (t.sign_verb || t.sign_noun))
                                    .then(|| {
                                        dates_in(&t.text, year).into_iter().find_map(|d| d.date)
                                    })
                                    .flatten()
                            })
                        })
                        .flatten()
                })
                .or_else(|| {
                    // The report around the lead says "today" of what it describes: the
                    // release date ("Our engagement today builds on ...").
                    let near = i.saturating_sub(2)..sentences.len().min(i + 7);
                    sentences[near]
                        .iter()
                        .any(|t| t.today && !t.past)
                        .then(|| release_date.clone())
                        .flatten()
                });
            // Where: the lead, else the headline, else a dateline, else the report around it.
            let title_text = title_number
                .and_then(|n| sentences.get(n as usize - 1))
                .map(|t| t.text.as_str());
            let place = place_in(&s.text)
                .or_else(|| title_text.and_then(place_in_title))
                .or_else(|| self.doc.dateline.clone())
                .or_else(|| {
                    (i + 1..sentences.len().min(i + 4))
                        .chain((i.saturating_sub(2)..i).rev())
                        .filter(|&j| {
                            let t = &sentences[j];
                            !t.past
                                && !t.heading
                                && t.trigger()
                                    .is_none_or(|x| x == trigger || x == Trigger::Meeting)
                        })
                        .find_map(|j| place_in(&sentences[j].text))
                });
            let clock = time_in(&s.text).map(|c| (c, s.text.as_str())).or_else(|| {
                (i + 1..sentences.len().min(i + 5)).find_map(|j| {
                    let t = &sentences[j];
                    time_in(&t.text)
                        .filter(|_| !t.past)
                        .map(|c| (c, t.text.as_str()))
                })
            });
            let time = clock.as_ref().map(|(t, _)| t.0.clone());
            // The zone printed right after the time ("11:40 a.m. (Japan time)"); "local time"
            // or nothing: the place's fixed offset ("5:30 p.m. local time (2:30 a.m., Japan
            // time)" in London has none).
            let timezone = clock.as_ref().and_then(|((_, _, end), text)| {
                let after: String = text[*end..].chars().take(16).collect();
                let local = after.trim_start().starts_with("local time");
                (!local)
                    .then(|| zone_in(&after).map(str::to_owned))
                    .flatten()
                    .or_else(|| {
                        let p = place.as_deref()?;
                        Reference::get().place(p)?.utc_offset.clone()
                    })
            });
            // The agreements of the main event: named in the lead, else just before it.
            main_agreements.clone_from(&self.named[i]);
            let counted =
                count_re()
                    .captures(&s.text)
                    .map(|c| match c[1].to_lowercase().as_str() {
                        "three" => 3,
                        "four" => 4,
                        _ => 2,
                    });
            if main_agreements.is_empty()
                && trigger != Trigger::Meeting
                && let Some(n) = counted
            {
                for j in i + 1..sentences.len().min(i + 2 + n) {
                    for &a in &self.named[j] {
                        if main_agreements.len() < n && !main_agreements.contains(&a) {
                            main_agreements.push(a);
                        }
                    }
                }
            }
            if main_agreements.is_empty() && trigger != Trigger::Meeting {
                main_agreements = (0..i)
                    .rev()
                    .take(3)
                    .find(|&j| !self.named[j].is_empty())
                    .map(|j| self.named[j].clone())
                    .or_else(|| {
                        (i + 1..sentences.len())
                            .take(2)
                            .find(|&j| !self.named[j].is_empty())
                            .map(|j| self.named[j].clone())
                    })
                    .unwrap_or_default();
            }
            let mut evidence = vec![s.number];
            let (event_kind, key) = match trigger {
                Trigger::Signing | Trigger::Planned => (EventKind::Signing, "signing"),
                Trigger::EntryIntoForce if s.notes => {
                    (EventKind::ExchangeOfNotes, "exchange_of_notes")
                }
                Trigger::EntryIntoForce => (EventKind::EntryIntoForce, "entry_into_force"),
                Trigger::Negotiations => (EventKind::Negotiations, "negotiations"),
                Trigger::Principle => (EventKind::Other, "agreement_in_principle"),
                Trigger::Meeting => (EventKind::Meeting, "meeting"),
            };
            let mut participants = Vec::new();
            if trigger == Trigger::Signing {
                let reporting: Vec<usize> = (0..sentences.len())
                    .filter(|&j| {
                        let t = &sentences[j];
                        let signing_here = t.sign_verb
                            && (!t.witnessed || t.between)
                            && !t.future
                            && (!t.past || j == i);
                        let other_date = signing_here
                            && j != i
                            && dates_in(&t.text, year)
                                .iter()
                                .filter_map(|d| d.date.as_ref())
                                .any(|d| Some(d) != date.as_ref());
                        signing_here
                            && !other_date
                            && (!self.persons_in[j].is_empty()
                                || t.first_person && t.speaker.is_some()
                                || plural_subject_re().is_match(&t.text))
                    })
                    .collect();
                // "It was signed by A ... and B": where the release names the signers as the
                // agent of "signed by", they are the signatories, and the people around them
                // in other sentences (a visit's host, a talks partner) are not.
                let agent_at = |j: usize| {
                    let t = &sentences[j];
                    agent_re()
                        .find(&t.text)
                        .map(|m| m.end())
                        .filter(|&b| t.people.iter().any(|m| m.start >= b))
                };
                let agents: Vec<Option<usize>> = reporting.iter().map(|&j| agent_at(j)).collect();
                let by_agent = agents.iter().any(Option::is_some);
                for (&j, &agent) in reporting.iter().zip(&agents) {
                    let t = &sentences[j];
                    // With an agent elsewhere, a sentence's own signers are its subjects, the
                    // people named before its verb ("C, Director of ..., signed on behalf of").
                    let (after, before) = match (by_agent, agent) {
                        (false, _) => (0, t.text.len()),
                        (true, Some(b)) => (b, t.text.len()),
                        (true, None) => (0, sign_verb_re().find(&t.text).map_or(0, |m| m.start())),
                    };
                    let present = present_re()
                        .find_iter(&t.text)
                        .map(|m| m.start())
                        .collect::<Vec<_>>();
                    let witnesses: Vec<String> = t
                        .people
                        .iter()
                        .filter(|m| present.iter().any(|&at| at < m.start && m.start - at < 40))
                        .map(|m| family_key_of(&m.name))
                        .collect();
                    let witnessing = witness_re().find(&t.text).map_or(0, |m| m.end());
                    for (k, &p) in self.persons_in[j].iter().enumerate() {
                        if witnesses.contains(&self.people[p].key) {
                            continue;
                        }
                        // Before "signed by", or named as the owner of something ("during
                        // Prime Minister Modi's visit"): not a signer.
                        if t.people.get(k).is_some_and(|m| {
                            m.start < after
                                || m.start >= before
                                || t.text[m.end..].starts_with(['’', '\''])
                                    && t.text[m.end..].chars().nth(1) == Some('s')
                        }) {
                            continue;
                        }
                        // "A and B witnessed the exchange ... between C and D".
                        if t.witnessed && t.people.get(k).is_some_and(|m| m.start < witnessing) {
                            continue;
                        }
                        if !main_signatories.contains(&p) {
                            main_signatories.push(p);
                        }
                    }
                    for p in self.first_person_signers(j) {
                        if !main_signatories.contains(&p) {
                            main_signatories.push(p);
                        }
                    }
                    // "The Ministers signed ...": the people the sentence before named.
                    if self.persons_in[j].is_empty() && plural_subject_re().is_match(&t.text) {
                        let named = (j.saturating_sub(2)..j)
                            .rev()
                            .map(|k| &self.persons_in[k])
                            .find(|people| people.len() >= 2);
                        for &p in named.into_iter().flatten() {
                            if !main_signatories.contains(&p) {
                                main_signatories.push(p);
                            }
                        }
                    }
                    if !evidence.contains(&t.number) {
                        evidence.push(t.number);
                    }
                }
            } else if trigger == Trigger::Meeting {
                participants.clone_from(&self.persons_in[i]);
            }
            events.push(Event {
                key: key.into(),
                kind: event_kind,
                date,
                time,
                timezone,
                place,
                agreements: main_agreements.iter().map(|&a| a.to_string()).collect(),
                signatories: main_signatories.iter().map(|&p| p.to_string()).collect(),
                participants: participants.iter().map(|&p| p.to_string()).collect(),
                evidence,
                planned,
                ..Event::default()
            });
            // Actions of the main event's agreements.
            let action = match trigger {
                Trigger::Signing => Some(AgreementAction::Signed),
                Trigger::Planned => Some(AgreementAction::Planned),
                Trigger::EntryIntoForce => Some(AgreementAction::EnteredIntoForce),
                Trigger::Negotiations => Some(AgreementAction::NegotiationsStarted),
                Trigger::Principle => Some(AgreementAction::AgreedInPrinciple),
                Trigger::Meeting => None,
            };
            for &a in &main_agreements {
                self.agreements[a].action = action;
            }
            if trigger == Trigger::Meeting {
                self.meeting_details(&mut events, 0, i);
            } else if let Some(m) = (i..sentences.len()).chain(0..i).find(|&j| {
                let t = &sentences[j];
                t.meeting && !t.past && !t.heading
            }) {
                let t = &sentences[m];
                let mut named: Vec<usize> = self.persons_in[m].clone();
                if named.is_empty() && both_re().is_match(&t.text) {
                    named.clone_from(&main_signatories);
                }
                let date = dates_in(&t.text, year).into_iter().find_map(|d| d.date);
                events.push(Event {
                    key: "meeting".into(),
                    kind: EventKind::Meeting,
                    date,
                    after: Some(key.into()),
                    participants: named.iter().map(|&p| p.to_string()).collect(),
                    evidence: vec![t.number],
                    ..Event::default()
                });
                let index = events.len() - 1;
                self.meeting_details(&mut events, index, m);
            }
        }
        // Each other agreement's action, from the sentences that name it.
        let mut secondary_signed = Vec::new();
        for (index, a) in self.agreements.iter_mut().enumerate() {
            if a.action.is_some() {
                continue;
            }
            let mut action = AgreementAction::Mentioned;
            for n in &a.sentences {
                let s = &sentences[*n as usize - 1];
                if s.past {
                    continue;
                }
                if s.eif {
                    action = AgreementAction::EnteredIntoForce;
                } else if s.sign_verb && s.future {
                    action = AgreementAction::Planned;
                } else if s.sign_verb
                    || s.sign_noun && (s.today || s.witnessed)
                    || listed_after_signing(sentences, *n as usize - 1, &self.named)
                {
                    action = AgreementAction::Signed;
                    secondary_signed.push((index, *n));
                } else if s.negotiations {
                    action = AgreementAction::NegotiationsStarted;
                } else if s.principle {
                    action = AgreementAction::AgreedInPrinciple;
                } else {
                    continue;
                }
                break;
            }
            a.action = Some(action);
        }
        if !secondary_signed.is_empty() {
            let mut evidence: Vec<u32> = secondary_signed.iter().map(|(_, n)| *n).collect();
            evidence.dedup();
            let mut signatories = Vec::new();
            for n in &evidence {
                let s = &sentences[*n as usize - 1];
                if s.sign_verb && !s.witnessed {
                    signatories.extend(self.persons_in[*n as usize - 1].iter().copied());
                }
            }
            signatories.dedup();
            // The main event may be a signing too: keys stay unique.
            let key = (1..)
                .map(|n| match n {
                    1 => "signing".to_owned(),
                    n => format!("signing-{n}"),
                })
                .find(|k| events.iter().all(|e| &e.key != k))
                .expect("some key is free");
            events.push(Event {
                key,
                kind: EventKind::Signing,
                after: events.first().map(|e| e.key.clone()),
                agreements: secondary_signed
                    .iter()
                    .map(|(a, _)| a.to_string())
                    .collect(),
                signatories: signatories.iter().map(|p| p.to_string()).collect(),
                evidence,
                ..Event::default()
            });
            if let Some(e) = events.last_mut() {
                e.agreements.dedup();
            }
        }
        let parts = self.finish(kind, events);
        explain(&parts, lead_number, title_number, trigger_rule, reasons);
        parts
    }

    /// Topics and what was concurred, from the meeting's sentence onwards.
    fn meeting_details(&self, events: &mut [Event], index: usize, from: usize) {
        let sentences = &self.doc.sentences;
        for s in &sentences[from..] {
            let mut used = false;
            if let Some(c) = topics_re().captures(&s.text) {
                let mut text = c["t"].to_owned();
                for stop in [
                    " and confirmed",
                    " and agreed",
                    " and concurred",
                    " and reaffirmed",
                    " and shared",
                    " and welcomed",
                    ", and confirmed",
                    ", and agreed",
                ] {
                    if let Some(at) = text.find(stop) {
                        text.truncate(at);
                    }
                }
                let text = text.trim_end_matches(['.', ' ']);
                for topic in split_list(text) {
                    if !events[index].topics.contains(&topic) {
                        events[index].topics.push(topic);
                    }
                }
                used = true;
            }
            if let Some(c) = concurred_re().captures(&s.text) {
                let text = c["c"].trim().trim_end_matches('.').to_owned();
                if !text.is_empty() {
                    events[index].concurred.push(text);
                    used = true;
                }
            }
            if used && !events[index].evidence.contains(&s.number) {
                events[index].evidence.push(s.number);
            }
        }
    }

    /// Keys, parties, people: the card's lists.
    fn finish(
        mut self,
        kind: ReleaseKind,
        mut events: Vec<Event>,
    ) -> (ReleaseKind, Vec<Event>, Vec<Agreement>, Vec<Person>) {
        let reference = Reference::get();
        // The first speaker of a transcript the publisher issued: the publisher's own.
        if let (Some(first), Some(country)) = (
            self.doc.sentences.iter().find_map(|s| s.speaker.clone()),
            self.doc.publisher_country.clone(),
        ) {
            let key = family_key_of(&first);
            for p in &mut self.people {
                if p.key == key && p.country.is_none() && !p.foreign {
                    p.country = Some(country.clone());
                }
            }
        }
        // Parties the mentions did not give: the countries of the sentences naming it, else
        // of the lead, else of the headline.
        let lead_numbers: Vec<u32> = events
            .first()
            .map(|e| e.evidence.clone())
            .unwrap_or_default();
        for a in &mut self.agreements {
            if !a.parties.is_empty() {
                continue;
            }
            let pools: Vec<Vec<u32>> = vec![
                a.sentences.clone(),
                lead_numbers.clone(),
                self.doc
                    .title
                    .as_ref()
                    .and_then(|t| self.doc.sentences.iter().find(|s| &s.text == t))
                    .map(|s| vec![s.number])
                    .unwrap_or_default(),
            ];
            let found: Vec<Vec<String>> = pools
                .into_iter()
                .map(|pool| {
                    let mut found: Vec<String> = Vec::new();
                    for n in pool {
                        let text = &self.doc.sentences[n as usize - 1].text;
                        for c in reference.countries_in(text) {
                            if !found.contains(&c.label) {
                                found.push(c.label.clone());
                            }
                        }
                    }
                    found
                })
                .collect();
            // Two countries named where it is; else one, with the publisher's own (a New
            // Zealand release on "a Status of Forces Agreement" signed with Timor-Leste).
            if let Some(two) = found.iter().find(|f| f.len() >= 2) {
                a.parties.clone_from(two);
            } else if let (Some(one), Some(own)) = (
                found.iter().find(|f| f.len() == 1),
                self.doc.publisher_country.as_ref(),
            ) && &one[0] != own
            {
                a.parties = vec![one[0].clone(), own.clone()];
            }
        }
        // Two signatories of a two-party agreement sign one for each party: the one the
        // text gives no country signs for the other party ("British High Commissioner Nic
        // Hailey and CS Defence Raychelle Omamo" of a UK-Kenya agreement).
        for e in &events {
            let signers: Vec<usize> = e
                .signatories
                .iter()
                .filter_map(|k| k.parse::<usize>().ok())
                .collect();
            let Some(a) = e
                .agreements
                .first()
                .and_then(|k| k.parse::<usize>().ok())
                .and_then(|i| self.agreements.get(i))
            else {
                continue;
            };
            let parties: Vec<String> = a
                .parties
                .iter()
                .filter_map(|p| reference.country(p).map(|c| c.label.clone()))
                .collect();
            if let ([x, y], [p, q]) = (signers.as_slice(), parties.as_slice())
                && p != q
            {
                for (known, open) in [(*x, *y), (*y, *x)] {
                    let (Some(kc), None) = (
                        self.people[known].country.clone(),
                        self.people[open].country.clone(),
                    ) else {
                        continue;
                    };
                    if &kc == p {
                        self.people[open].country = Some(q.clone());
                    } else if &kc == q {
                        self.people[open].country = Some(p.clone());
                    }
                }
            }
        }
        // A post with no country named, held by the only such person: the publisher's own
        // ("Defence Minister Judith Collins" in a New Zealand release), else the one country
        // whose post the reference data knows by that name.
        let publisher_country = self.doc.publisher_country.clone();
        let open: Vec<usize> = (0..self.people.len())
            .filter(|&i| self.people[i].country.is_none() && self.people[i].post.is_some())
            .collect();
        for &i in &open {
            let post = self.people[i].post.clone().unwrap_or_default();
            let same_post = open
                .iter()
                .filter(|&&j| self.people[j].post.as_deref().map(fold) == Some(fold(&post)))
                .count();
            let envoy = post.to_lowercase().contains("ambassador");
            self.people[i].country = match &publisher_country {
                Some(country) if same_post == 1 && !envoy && !self.people[i].foreign => {
                    Some(country.clone())
                }
                _ if !envoy => people::country_of_post(&post),
                _ => None,
            };
        }
        // Keys.
        let mut used: BTreeSet<String> = events.iter().map(|e| e.key.clone()).collect();
        let mut unique = |base: String| {
            let base = if base.is_empty() {
                "x".to_owned()
            } else {
                base
            };
            let mut key = base.clone();
            let mut n = 2;
            while !used.insert(key.clone()) {
                key = format!("{base}-{n}");
                n += 1;
            }
            key
        };
        let agreement_keys: Vec<String> = self
            .agreements
            .iter()
            .map(|a| {
                let base = match (&a.abbreviation, a.agreement_type) {
                    (Some(abbr), _) => slug(abbr),
                    (None, AgreementType::Acsa) => "acsa".into(),
                    (None, AgreementType::InformationSecurity) => "isa".into(),
                    (None, AgreementType::ReciprocalAccess) => "raa".into(),
                    (None, AgreementType::EquipmentTransfer) => "equipment-transfer".into(),
                    (
                        None,
                        t @ (AgreementType::StatusOfForces
                        | AgreementType::DefenceCooperation
                        | AgreementType::LogisticsSupport
                        | AgreementType::MutualDefence),
                    ) => t.slug().into(),
                    (None, AgreementType::Other) => {
                        let name = a
                            .name
                            .as_deref()
                            .or(a.title.as_deref())
                            .unwrap_or("agreement");
                        let core = agreements::split_prefix(name).1;
                        slug(&core).split('-').take(4).collect::<Vec<_>>().join("-")
                    }
                };
                unique(base)
            })
            .collect();
        let person_keys: Vec<String> = self.people.iter().map(|p| unique(slug(&p.key))).collect();
        for e in &mut events {
            e.agreements = e
                .agreements
                .iter()
                .filter_map(|i| i.parse::<usize>().ok().map(|i| agreement_keys[i].clone()))
                .collect();
            for list in [&mut e.signatories, &mut e.participants] {
                let mut keys: Vec<String> = list
                    .iter()
                    .filter_map(|i| i.parse::<usize>().ok().map(|i| person_keys[i].clone()))
                    .collect();
                let mut seen = BTreeSet::new();
                keys.retain(|k| seen.insert(k.clone()));
                *list = keys;
            }
            e.evidence.sort_unstable();
            e.evidence.dedup();
        }
        let agreements = self
            .agreements
            .into_iter()
            .zip(&agreement_keys)
            .map(|(a, key)| {
                let short_name = a.short_name.or_else(|| {
                    a.name
                        .clone()
                        .filter(|n| Some(n) != a.abbreviation.as_ref())
                });
                let mut evidence = a.sentences;
                evidence.sort_unstable();
                Agreement {
                    key: key.clone(),
                    title: a.title,
                    short_name,
                    abbreviation: a.abbreviation,
                    agreement_type: a.agreement_type,
                    instrument: None,
                    parent: None,
                    parties: a.parties,
                    forces: a.forces.iter().map(|f| force_display(f)).collect(),
                    action: a.action.unwrap_or_default(),
                    summary: None,
                    evidence,
                }
            })
            .collect();
        let people = self
            .people
            .into_iter()
            .zip(&person_keys)
            .map(|(p, key)| {
                let (family, given) = crate::card::split_name(&p.name);
                let mut evidence = p.sentences;
                evidence.sort_unstable();
                Person {
                    key: key.clone(),
                    name: p.name,
                    family_name: family,
                    given_name: given,
                    honorific: p.honorific,
                    post: p.post,
                    country: p.country,
                    evidence,
                }
            })
            .collect();
        (kind, events, agreements, people)
    }
}

/// A name without article and party prefix, folded: "the Japan-UK Defence Logistics Treaty"
/// and "Defence Logistics Treaty" are one.
fn core_of(name: &str) -> String {
    fold(&agreements::split_prefix(strip_article(name)).1)
}

fn mention_core(m: &agreements::Mention) -> Option<String> {
    m.name.as_deref().or(m.title.as_deref()).map(core_of)
}

/// The countries of party names (reference IRIs).
fn party_keys(parties: &[String]) -> BTreeSet<String> {
    let reference = Reference::get();
    parties
        .iter()
        .filter_map(|p| reference.country(p).map(|c| c.iri.clone()))
        .collect()
}

fn strip_article(name: &str) -> &str {
    let name = name.trim();
    let name = ["the ", "The ", "a ", "A "]
        .iter()
        .fold(name, |n, a| n.strip_prefix(a).unwrap_or(n));
    // "New Defence Agreement" but not "New Zealand-Japan ACSA".
    match name
        .strip_prefix("New ")
        .or_else(|| name.strip_prefix("new "))
    {
        Some(rest) if !starts_with_country(name) => rest,
        _ => name,
    }
}

/// Whether a name starts with a country's name ("New Zealand", "Papua New Guinea").
fn starts_with_country(name: &str) -> bool {
    people::leading_country_re().is_match(name)
}

/// A force as the card names it: an abbreviation the reference data knows ("NZDF") by its
/// name ("New Zealand Defence Force"), else as printed.
fn force_display(printed: &str) -> String {
    let abbreviation = !printed.chars().any(char::is_lowercase);
    match Reference::get().force(printed) {
        Some(e) if abbreviation => e.label.clone(),
        _ => printed.to_owned(),
    }
}

fn force_key(name: &str) -> String {
    Reference::get()
        .force(name)
        .map_or_else(|| fold(name), |e| e.iri.clone())
}

/// "A, B, and C" -> [A, B, C].
fn split_list(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    for part in text.split(", ") {
        let part = part.strip_prefix("and ").unwrap_or(part);
        let p = part.trim();
        if !p.is_empty() {
            items.push(p.to_owned());
        }
    }
    items
}

/// "Ministers have signed several memoranda. There's a new Defence Cooperation Agreement":
/// a sentence naming agreements right after a signing sentence that names none.
fn listed_after_signing(sentences: &[Read], i: usize, named: &[Vec<usize>]) -> bool {
    i > 0 && {
        let prev = &sentences[i - 1];
        prev.sign_verb && !prev.past && !prev.future && named[i - 1].is_empty()
    }
}

/// Why the main facts of a drafted card were stated: the lead's trigger, the event's date and
/// place, each agreement's names, parties and action, each signatory.
fn explain(
    (kind, events, agreements, people): &Parts,
    lead: Option<u32>,
    title: Option<u32>,
    trigger_rule: &'static str,
    reasons: &mut Vec<Reason>,
) {
    let mut say = |fact: String, rule: &'static str, sentence: Option<u32>| {
        reasons.push(Reason {
            fact,
            rule,
            sentence,
        });
    };
    say(
        format!("kind: {}", card_spelling(kind)),
        trigger_rule,
        lead.or(title),
    );
    if let Some(e) = events.first() {
        if let Some(d) = &e.date {
            say(
                format!("date: {d}"),
                "printed in the lead, else \"today\" (or a weekday) there or around it against the release date, else the date an announced signing is set for",
                lead,
            );
        }
        if let Some(t) = &e.time {
            say(
                format!("time: {t}"),
                "a clock time in the lead or the sentences reporting it",
                lead,
            );
        }
        if let Some(p) = &e.place {
            say(
                format!("place: {p}"),
                "a known city after \"in\", \"at\" or \"to\" in the lead, else the headline's, the dateline's, or a following sentence's",
                lead,
            );
        }
    }
    for a in agreements {
        let first = a.evidence.first().copied();
        let name = a
            .title
            .clone()
            .or_else(|| a.short_name.clone())
            .or_else(|| a.abbreviation.clone())
            .unwrap_or_default();
        say(
            format!("agreement {}: {name}", a.key),
            "a formal title, a name ending in an instrument word, an abbreviation, or a lower-case kind with a defence or security word",
            first,
        );
        if !a.parties.is_empty() {
            say(
                format!("parties of {}: {}", a.key, a.parties.join(", ")),
                "printed in its title or party prefix, else the countries named where it is named (with the publisher's own when one is named)",
                first,
            );
        }
        say(
            format!("action of {}: {}", a.key, card_spelling(&a.action)),
            "what the sentences naming it report, unless they look back (\"in 2012\", \"recently\") or ahead (\"will sign\")",
            first,
        );
    }
    for e in events {
        for key in &e.signatories {
            let p = people.iter().find(|p| &p.key == key);
            let sentence = p.and_then(|p| {
                p.evidence
                    .iter()
                    .find(|n| e.evidence.contains(n))
                    .or(p.evidence.first())
                    .copied()
            });
            say(
                format!(
                    "signatory of {}: {}",
                    e.key,
                    p.map_or(key.as_str(), |p| p.name.as_str())
                ),
                "named in a sentence reporting the signing (not a witness), or the speaker saying \"I\" or \"we\" signed",
                sentence,
            );
        }
    }
}

/// A value as the card spells it ("entry_into_force").
fn card_spelling<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The last day of a run printed right after a date: "to 6", "-6", "–6" after "March 4".
fn range_end(after: &str, date: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^\s*(?:to|until|through|-|–)\s*(\d{1,2})(?-u:\b)(?:\s*,?\s*\d{4})?")
            .expect("the range pattern is valid")
    });
    let day: u32 = re.captures(after)?[1].parse().ok()?;
    let first: u32 = date.get(8..10)?.parse().ok()?;
    let end = format!("{}-{day:02}", date.get(..7)?);
    (day > first && crate::card::check_date(&end).is_ok()).then_some(end)
}

/// A date printed as an agreement's own earlier history ("..., signed on December 1, 1988",
/// "(dated 5 May 2001)"), not the reported event's.
fn aside_date(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end().to_lowercase();
    ["signed on", "signed in", "dated", "of"]
        .iter()
        .any(|w| before.ends_with(w))
        && before
            .rfind([',', '('])
            .is_some_and(|at| before.len() - at < 20)
}

/// Words printed all in capitals (of two letters or more) in title case: "NAIROBI" ->
/// "Nairobi".
fn title_case_caps(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            if w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
            {
                people::capitalise(w)
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A place in a headline: "Press conference - Canberra", "... talks in Manila".
fn place_in_title(title: &str) -> Option<String> {
    place_in(title).or_else(|| {
        let g = Gazetteer::get();
        let last = title.rsplit([',', '-', '–', '—', '|', ':']).next()?.trim();
        g.places
            .find(last)
            .filter(|m| m.start() == 0 && m.end() == last.len())
            .map(|m| m.as_str().to_owned())
    })
}

/// The city where the lead says the event took place: a place the reference data knows after
/// "in", "at" or "visiting", else "in City, Country".
fn place_in(text: &str) -> Option<String> {
    let g = Gazetteer::get();
    // The country named right after a city: "London, UK, Japan and ..." -> "UK".
    let country_after = |rest: &str| -> Option<String> {
        let country = rest.split([',', '.', ';']).next()?.trim();
        g.country_exact(country).map(|_| country.to_owned())
    };
    for m in g.places.find_iter(text) {
        let before = text[..m.start()].trim_end();
        let word = before.rsplit(' ').next().unwrap_or_default();
        if matches!(word, "in" | "at" | "In" | "At" | "visiting" | "to") {
            let country = text[m.end()..].strip_prefix(", ").and_then(country_after);
            return Some(match country {
                Some(country) => format!("{}, {country}", m.as_str()),
                None => m.as_str().to_owned(),
            });
        }
    }
    unknown_place_re().captures_iter(text).find_map(|caps| {
        let city = caps.name("city")?.as_str();
        let country = country_after(&text[caps.get(0)?.end()..])?;
        g.country_exact(city)
            .is_none()
            .then(|| format!("{city}, {country}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trigger(text: &str) -> Option<Trigger> {
        let mut s = read_sentence(1, text, false);
        s.current = s.past && today_re().is_match(text);
        if s.current {
            s.past = false;
        }
        s.trigger()
    }

    /// "from March 4 to 6": the last day; a later number that is no day of a run is not.
    #[test]
    fn a_run_of_days_ends_on_its_last() {
        assert_eq!(
            range_end(" to 6 on a proposed agreement", "2014-03-04").as_deref(),
            Some("2014-03-06")
        );
        assert_eq!(
            range_end("–9, 2015", "2015-12-07").as_deref(),
            Some("2015-12-09")
        );
        assert_eq!(range_end(" to 2 delegations", "2014-03-04"), None);
        assert_eq!(range_end(", the ministers", "2014-03-04"), None);
    }

    #[test]
    fn what_a_sentence_reports() {
        assert_eq!(
            trigger(
                "The Japan-Italy Information Security Agreement, signed in May 2024, entered into force today."
            ),
            Some(Trigger::EntryIntoForce)
        );
        assert_eq!(
            trigger(
                "The two ministers signed the agreement, which will enter into force after ratification."
            ),
            Some(Trigger::Signing)
        );
        assert_eq!(
            trigger(
                "Japan and the UK exchanged diplomatic notes for the entry into force of the RAA (signed on January 11, 2023)."
            ),
            Some(Trigger::EntryIntoForce)
        );
        assert_eq!(
            trigger(
                "Minister Suzuki welcomed the signing of the Japan-Philippines RAA in July of last year."
            ),
            None
        );
        assert_eq!(
            trigger(
                "General Eichelsheim met his then-counterpart General Yoshida in Japan in April 2023."
            ),
            None
        );
        assert_eq!(
            trigger(
                "They witnessed the signing of a new Acquisition and Cross-Servicing Agreement."
            ),
            None
        );
        assert_eq!(
            trigger("Prime Minister Harper and Prime Minister Sato held talks in Canberra today."),
            Some(Trigger::Meeting)
        );
        assert_eq!(
            trigger("The ACSA negotiations were officially started at the NATO summit."),
            Some(Trigger::Negotiations)
        );
        assert_eq!(
            trigger(
                "The Prime Minister hosted Prime Minister Sato at the official residence today."
            ),
            Some(Trigger::Meeting)
        );
        assert_eq!(
            trigger("The city hosted a reception for the delegations."),
            None
        );
        assert_eq!(
            trigger(
                "The Prime Minister welcomed the new in principle Reciprocal Access Agreement."
            ),
            Some(Trigger::Principle)
        );
    }
}
