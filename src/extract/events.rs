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
use super::gazetteer::Gazetteer;
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
    r"(?i)\b(?:entry into force|enter(?:s|ed)? into force|(?:come|comes|came) into force)\b"
);
pattern!(
    notes_re,
    r"(?i)\bexchang\w*\s+(?:of\s+)?(?:the\s+)?(?:diplomatic\s+)?notes\b"
);
pattern!(
    sign_verb_re,
    r"\b(?:sign|signs|signed)\b|^Signing\s+(?:the|an?|this)\b|\bsigning\s+(?:the|an?|this|two|both|of\s+the\s+two)\b"
);
pattern!(sign_noun_re, r"(?i)\bsignings?\s+(?:of|ceremony)\b");
pattern!(witnessed_re, r"(?i)\bwitness(?:ed|es)?\s+the\s+signing");
pattern!(
    negotiations_re,
    r"(?i)\bnegotiations?\b[^.;]{0,40}\b(?:start|launch|commenc|begin|began|begun|open)\w*|\b(?:start|launch|commenc|begin|began|open)\w*\s+(?:formal\s+|official\s+)?negotiations?\b"
);
pattern!(
    principle_re,
    r"(?i)\b(?:agree\w*|agreement|consensus)\s+in\s+principle\b|\bin[- ]principle\s+(?-i:[A-Z])"
);
pattern!(
    meeting_re,
    r"(?i)\b(?:held|had|hold|holds|holding)\b[^.;]{0,60}?\b(?:meeting|talks|summit|consultations?|dialogue|telephone\s+call|video\s+conference)\b|\bmeeting\s+(?:was|were)\s+held\b|\bmet\s+(?:with\s+)?(?:[A-Z]|his\b|her\b|their\b)|\bhost(?:ed|s)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?-i:[A-Z])"
);
pattern!(
    past_re,
    r"(?i)\bthen-|\blast\s+(?:year|month|week|january|february|march|april|may|june|july|august|september|october|november|december)\b|\bearlier\s+this\s+year\b|\bof\s+this\s+year\b|\bin\s+(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\bin\s+(?:19|20)\d\d\b|\bsince\s+(?:19|20)\d\d\b|\bago\b|\bpreviously\b"
);
pattern!(
    today_re,
    r"(?i)\btoday\b|\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b"
);
pattern!(yesterday_re, r"(?i)\byesterday\b");
pattern!(
    weekday_re,
    r"\b(?:on|On)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
);
pattern!(
    present_re,
    r"(?i)\bin\s+the\s+presence\s+of\b|\bwitnessed\s+by\b"
);
pattern!(
    topics_re,
    r"(?i)\b(?:exchanged\s+(?:their\s+)?(?:views|opinions)|discussed|held\s+discussions|had\s+discussions|talked)\s+(?:on\s+|about\s+|regarding\s+)?(?P<t>[^;]+)"
);
pattern!(
    concurred_re,
    r"(?i)\b(?:concurred|agreed)\s+on\s+(?P<c>[^;]+)"
);
pattern!(
    both_re,
    r"(?i)\b(?:the|both)\s+(?:two\s+)?(?:ministers|leaders|foreign\s+ministers|defen[cs]e\s+ministers|prime\s+ministers|sides)\b|\bthey\b"
);
pattern!(
    count_re,
    r"(?i)\b(two|three|four|both)\s+(?:new\s+)?(?:defen[cs]e\s+|security\s+)?(?:agreements|treaties|arrangements)\b"
);
pattern!(
    unknown_place_re,
    r"\b(?:in|at|visiting)\s+(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),\s+"
);

/// A release read sentence by sentence.
#[derive(Debug)]
pub struct Document {
    /// The headline, when the text has one.
    pub title: Option<String>,
    /// The publication date.
    pub release_date: Option<String>,
    /// The publisher's country (reference label), when the publisher names one.
    pub publisher_country: Option<String>,
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
        let sentences: Vec<Read> = source
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
        let mut sentences = sentences;
        for s in &mut sentences {
            s.current = s.past
                && (today_re().is_match(&s.text)
                    || release_date.is_some()
                        && dates_in(&s.text, year)
                            .iter()
                            .any(|d| d.date == release_date));
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
        Self {
            title,
            release_date,
            publisher_country,
            sentences,
        }
    }

    fn year(&self) -> Option<i32> {
        self.release_date.as_deref().and_then(year_of)
    }

    /// The release kind, the events, agreements and people.
    pub fn into_parts(self) -> (ReleaseKind, Vec<Event>, Vec<Agreement>, Vec<Person>) {
        Drafter::new(self).draft()
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
        sign_verb: sign_verb_re().is_match(text),
        sign_noun: sign_noun_re().is_match(text),
        sign_aside: sign_verb_re()
            .find_iter(text)
            .all(|m| text[..m.start()].trim_end().ends_with([',', '(']) && m.as_str() == "signed"),
        witnessed: witnessed_re().is_match(text),
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
        if self.sign_verb && !self.witnessed && !self.past {
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
            agreements: Vec::new(),
            people: Vec::new(),
        };
        d.collect_agreements();
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
                            ..AgreementDraft::default()
                        });
                        self.agreements.len() - 1
                    }
                };
                let a = &mut self.agreements[index];
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
            }
        }
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

    fn draft(mut self) -> (ReleaseKind, Vec<Event>, Vec<Agreement>, Vec<Person>) {
        let sentences = &self.doc.sentences;
        let title_number = self
            .doc
            .title
            .as_ref()
            .and_then(|t| sentences.iter().find(|s| &s.text == t).map(|s| s.number));
        let lead = sentences
            .iter()
            .position(|s| !s.heading && s.trigger().is_some());
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
        let kind = match trigger {
            Some(Trigger::Signing) => ReleaseKind::Signing,
            Some(Trigger::EntryIntoForce) => ReleaseKind::EntryIntoForce,
            Some(Trigger::Meeting) => ReleaseKind::Meeting,
            _ => ReleaseKind::Other,
        };
        let mut events: Vec<Event> = Vec::new();
        let mut main_agreements: Vec<usize> = Vec::new();
        let mut main_signatories: Vec<usize> = Vec::new();
        let year = self.doc.year();
        let release_date = self.doc.release_date.clone();
        if let (Some(i), Some(trigger)) = (lead, trigger) {
            let s = &sentences[i];
            let date = dates_in(&s.text, year)
                .into_iter()
                .find_map(|d| d.date)
                .or_else(|| {
                    if today_re().is_match(&s.text) {
                        release_date.clone()
                    } else if yesterday_re().is_match(&s.text) {
                        release_date.as_deref().and_then(day_before)
                    } else {
                        let day = weekday_re().captures(&s.text)?;
                        weekday_on_or_before(release_date.as_deref()?, &day[1])
                    }
                });
            let place = place_in(&s.text);
            let clock = time_in(&s.text);
            let time = clock.as_ref().map(|t| t.0.clone());
            // The zone printed right after the time ("11:40 a.m. (Japan time)"); "local time"
            // or nothing: the place's fixed offset ("5:30 p.m. local time (2:30 a.m., Japan
            // time)" in London has none).
            let timezone = clock.as_ref().and_then(|(_, _, end)| {
                let after: String = s.text[*end..].chars().take(16).collect();
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
                Trigger::Signing => (EventKind::Signing, "signing"),
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
                for (j, t) in sentences.iter().enumerate() {
                    let signing_here = t.sign_verb && !t.witnessed && (!t.past || j == i);
                    let other_date = signing_here
                        && j != i
                        && dates_in(&t.text, year)
                            .iter()
                            .filter_map(|d| d.date.as_ref())
                            .any(|d| Some(d) != date.as_ref());
                    if signing_here && !other_date && !self.persons_in[j].is_empty() {
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
                        for &p in &self.persons_in[j] {
                            if witnesses.contains(&self.people[p].key) {
                                continue;
                            }
                            if !main_signatories.contains(&p) {
                                main_signatories.push(p);
                            }
                        }
                        if !evidence.contains(&t.number) {
                            evidence.push(t.number);
                        }
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
                ..Event::default()
            });
            // Actions of the main event's agreements.
            let action = match trigger {
                Trigger::Signing => Some(AgreementAction::Signed),
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
            } else if let Some(m) = (i..sentences.len()).find(|&j| {
                let t = &sentences[j];
                t.meeting && !t.past
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
                } else if s.sign_verb || s.sign_noun {
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
        self.finish(kind, events)
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
        // A post with no country named, held by the only such person, in a release of a
        // government that has that post: the publisher's own ("Defence Minister Judith Collins"
        // in a New Zealand release).
        if let Some(country) = self.doc.publisher_country.clone() {
            let country_iri = reference.country(&country).map(|c| c.iri.clone());
            let open: Vec<usize> = (0..self.people.len())
                .filter(|&i| self.people[i].country.is_none() && self.people[i].post.is_some())
                .collect();
            for &i in &open {
                let post = self.people[i].post.clone().unwrap_or_default();
                let same_post = open
                    .iter()
                    .filter(|&&j| self.people[j].post.as_deref().map(fold) == Some(fold(&post)))
                    .count();
                if same_post == 1
                    && !post.to_lowercase().contains("ambassador")
                    && reference.post(&post, country_iri.as_deref()).is_some()
                {
                    self.people[i].country = Some(country.clone());
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
            for pool in pools {
                let mut found: Vec<String> = Vec::new();
                for n in pool {
                    for c in reference.countries_in(&self.doc.sentences[n as usize - 1].text) {
                        if !found.contains(&c.label) {
                            found.push(c.label.clone());
                        }
                    }
                }
                if found.len() >= 2 {
                    a.parties = found;
                    break;
                }
            }
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
                    forces: a.forces,
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
    ["the ", "The ", "a ", "A ", "new ", "New "]
        .iter()
        .fold(name, |n, a| n.strip_prefix(a).unwrap_or(n))
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
