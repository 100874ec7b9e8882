//! A synthetic corpus of release cards for benchmarks and scale tests.
//!
//! [`generate`] writes `N` JSON cards that look like the real thing and are the same bytes for the
//! same seed: about 190 states, each with its government, ministries and armed forces; a pool of
//! people per state whose posts change from one two-year term to the next; agreements of every
//! type between pairs of states that recur across releases (a signing, then a later release
//! reporting the same agreement's entry into force); meetings with topics and what the
//! participants concurred on. Names come in Latin script, in Japanese script and with Māori
//! macrons; titles and summaries carry quotes and ampersands, so every writer's escaping is
//! exercised. A release maps to about 50 quads on average.
//!
//! Cards are sharded into subdirectories of 1,000 (`DIR/0000/gen-…-0000000.json`), so a
//! million files stay manageable. The random numbers come from SplitMix64 seeded by
//! `(seed, release number)`, so each card can be written independently and in parallel.

use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::card::{
    Agreement, AgreementAction, AgreementType, Card, CardFormat, Event, EventKind, Person, Release,
    ReleaseKind,
};

/// Cards per shard directory.
pub const SHARD_SIZE: u64 = 1_000;

/// Why the corpus could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{path}: cannot write: {source}")]
pub struct GenerateError {
    /// The file or directory.
    pub path: String,
    /// What the file system said.
    pub source: std::io::Error,
}

/// The states of the synthetic world (names as a release would print them).
const STATES: &[&str] = &[
    "Afghanistan",
    "Albania",
    "Algeria",
    "Andorra",
    "Angola",
    "Antigua and Barbuda",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahamas",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia and Herzegovina",
    "Botswana",
    "Brazil",
    "Brunei",
    "Bulgaria",
    "Burkina Faso",
    "Burundi",
    "Cabo Verde",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Central African Republic",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Comoros",
    "Congo",
    "Costa Rica",
    "Côte d'Ivoire",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Democratic Republic of the Congo",
    "Czechia",
    "Denmark",
    "Djibouti",
    "Dominica",
    "Dominican Republic",
    "Ecuador",
    "Egypt",
    "El Salvador",
    "Equatorial Guinea",
    "Eritrea",
    "Estonia",
    "Eswatini",
    "Ethiopia",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Gambia",
    "Georgia",
    "Germany",
    "Ghana",
    "Greece",
    "Grenada",
    "Guatemala",
    "Guinea",
    "Guinea-Bissau",
    "Guyana",
    "Haiti",
    "Honduras",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Jamaica",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kiribati",
    "Kuwait",
    "Kyrgyzstan",
    "Laos",
    "Latvia",
    "Lebanon",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Maldives",
    "Mali",
    "Malta",
    "Marshall Islands",
    "Mauritania",
    "Mauritius",
    "Mexico",
    "Micronesia",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Namibia",
    "Nauru",
    "Nepal",
    "Netherlands",
    "New Zealand",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "North Macedonia",
    "Norway",
    "Oman",
    "Pakistan",
    "Palau",
    "Panama",
    "Papua New Guinea",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Qatar",
    "Republic of Korea",
    "Romania",
    "Rwanda",
    "Saint Kitts and Nevis",
    "Saint Lucia",
    "Saint Vincent and the Grenadines",
    "Samoa",
    "San Marino",
    "São Tomé and Príncipe",
    "Saudi Arabia",
    "Senegal",
    "Serbia",
    "Seychelles",
    "Sierra Leone",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Solomon Islands",
    "Somalia",
    "South Africa",
    "South Sudan",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "Suriname",
    "Sweden",
    "Switzerland",
    "Syria",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Timor-Leste",
    "Togo",
    "Tonga",
    "Trinidad and Tobago",
    "Tunisia",
    "Türkiye",
    "Turkmenistan",
    "Tuvalu",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
    "Uruguay",
    "Uzbekistan",
    "Vanuatu",
    "Viet Nam",
    "Yemen",
    "Zambia",
    "Zimbabwe",
];

/// Given names in Latin script, some with macrons and diacritics.
const GIVEN: &[&str] = &[
    "Judith",
    "Anna",
    "Peter",
    "Maria",
    "John",
    "Sofia",
    "Ahmed",
    "Priya",
    "Carlos",
    "Ingrid",
    "Olu",
    "Mei",
    "Kwame",
    "Elena",
    "Tomás",
    "Aroha",
    "Rēwi",
    "Mākena",
    "Tāne",
    "Hēmi",
    "Zoë",
    "François",
    "Łukasz",
    "Søren",
    "José",
    "Amina",
    "Ravi",
    "Leila",
    "Nikolai",
    "Grace",
];

/// Family names in Latin script, some with macrons and diacritics.
const FAMILY: &[&str] = &[
    "Collins",
    "Smith",
    "Okafor",
    "García",
    "Müller",
    "Nguyen",
    "Haddad",
    "Kowalski",
    "Silva",
    "Petrov",
    "Mensah",
    "Andersen",
    "Patel",
    "Rossi",
    "Tūhoe",
    "Pōtae",
    "Ngāta",
    "O'Brien",
    "Dubois",
    "Chen",
    "Kim",
    "Ramírez",
    "Johansson",
    "Yılmaz",
    "Novák",
    "Moana",
    "Kāretu",
    "Fernández",
    "Ali",
    "Lee",
];

/// Japanese family names: romanised (printed in capitals, family name first) and in kanji.
const JA_FAMILY: &[(&str, &str)] = &[
    ("MOTEGI", "茂木"),
    ("KOIZUMI", "小泉"),
    ("IWAYA", "岩屋"),
    ("NAKATANI", "中谷"),
    ("HAYASHI", "林"),
    ("KAMIKAWA", "上川"),
    ("KIHARA", "木原"),
    ("ŌTA", "太田"),
    ("SATŌ", "佐藤"),
    ("KŌNO", "河野"),
];

/// Japanese given names: romanised and in kanji.
const JA_GIVEN: &[(&str, &str)] = &[
    ("Toshimitsu", "敏充"),
    ("Shinjiro", "進次郎"),
    ("Takeshi", "毅"),
    ("Gen", "元"),
    ("Yoshimasa", "芳正"),
    ("Yōko", "陽子"),
    ("Minoru", "稔"),
    ("Yūko", "裕子"),
    ("Kōichi", "浩一"),
    ("Tarō", "太郎"),
];

/// The posts a state's people rotate through.
const POSTS: &[&str] = &[
    "Minister for Foreign Affairs",
    "Minister of Defence",
    "Prime Minister",
    "Vice-Minister of Defence",
    "Chief of Defence Staff",
    "Ambassador",
];

/// Honorifics, chosen with the person.
const HONORIFICS: &[&str] = &["Mr.", "Ms.", "Hon.", "H.E.", "Dr."];

/// Meeting topics.
const TOPICS: &[&str] = &[
    "bilateral security cooperation",
    "economic security",
    "regional issues",
    "maritime security & freedom of navigation",
    "cyber security",
    "defence equipment & technology cooperation",
    "the situation in the \"Indo-Pacific\"",
    "humanitarian assistance & disaster relief",
    "nuclear non-proliferation",
    "space security",
    "counter-terrorism",
    "joint exercises",
];

/// What participants concurred on.
const CONCURRED: &[&str] = &[
    "the importance of further strengthening security & defence cooperation as partners in promoting a \"Free and Open Indo-Pacific\"",
    "to deepen cooperation between their armed forces, including joint exercises & training",
    "that the rules-based international order must be upheld",
    "to hold the next \"2+2\" dialogue at an early date",
];

/// Places a state hosts events in (the capital stands in for all of them).
const CAPITAL_SUFFIX: &[&str] = &["", " (Ministry of Defence)", " (Foreign Ministry)"];

/// People per state in the pool.
const PEOPLE_PER_STATE: u64 = 24;

/// SplitMix64: small, fast and good enough for synthetic data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Self {
        let mut rng = Self(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        rng.next();
        rng
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// A person of the synthetic world: state index and number in its pool.
#[derive(Clone, Copy)]
struct Who {
    state: usize,
    number: u64,
}

impl Who {
    /// The person's name parts (family, given, printed name, honorific), fixed by the seed.
    fn person(self, seed: u64, key: &str, post: &str) -> Person {
        let mut rng = Rng::new(seed ^ 0x5EED, (self.state as u64) << 20 | self.number);
        let state = STATES[self.state];
        let (family, given, name) = if state == "Japan" {
            // One name per person: family names cycle, given names shift every ten people.
            let base = (seed % JA_GIVEN.len() as u64) as usize;
            let (family, family_kanji) = JA_FAMILY[self.number as usize % JA_FAMILY.len()];
            let (given, given_kanji) =
                JA_GIVEN[(base + self.number as usize / JA_FAMILY.len()) % JA_GIVEN.len()];
            if self.number.is_multiple_of(2) {
                // Printed in Japanese script only: no separate name parts.
                (None, None, format!("{family_kanji}{given_kanji}"))
            } else {
                (
                    Some(family.to_owned()),
                    Some(given.to_owned()),
                    format!("{family} {given}"),
                )
            }
        } else if self.number == 0 {
            // Namesakes: person 0 of every state is a "Judith Collins", and none of them is New
            // Zealand's (the reference person) unless the state is New Zealand.
            (
                Some(FAMILY[0].to_owned()),
                Some(GIVEN[0].to_owned()),
                format!("{} {}", GIVEN[0], FAMILY[0]),
            )
        } else {
            // Within a state, family names differ (24 people, 30 names), so a name in a
            // country is one person; across states names recur.
            let base = (seed ^ self.state as u64) as usize % FAMILY.len();
            let family = FAMILY[1 + (base + self.number as usize) % (FAMILY.len() - 1)];
            let given = GIVEN[1 + rng.below(GIVEN.len() - 1)];
            // Disambiguate people of one state who draw the same name.
            let given = if self.number >= 12 {
                format!(
                    "{given} {}",
                    ["A.", "B.", "C.", "D."][self.number as usize % 4]
                )
            } else {
                given.to_owned()
            };
            (
                Some(family.to_owned()),
                Some(given.clone()),
                format!("{given} {family}"),
            )
        };
        Person {
            key: key.to_owned(),
            name,
            family_name: family,
            given_name: given,
            honorific: Some((*rng.pick(HONORIFICS)).to_owned()),
            post: Some(post.to_owned()),
            country: Some(state.to_owned()),
            evidence: Vec::new(),
        }
    }
}

/// Who holds a state's post in a given two-year term: people rotate through the posts from term
/// to term, so one person's post changes over time.
fn holder(state: usize, post: usize, term: u64) -> Who {
    let number = (post as u64 * 3 + term * 5) % PEOPLE_PER_STATE;
    Who { state, number }
}

/// Proleptic Gregorian date of a day number (days since 1970-01-01).
fn civil(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// The day (since 1970) of release `i` of `n`: spread evenly over 1996-2025.
fn day_of(i: u64, n: u64) -> i64 {
    const START: i64 = 9_496; // 1996-01-01
    const SPAN: i64 = 10_957; // 30 years
    START + (i128::from(i) * i128::from(SPAN) / i128::from(n.max(1))) as i64
}

/// The agreement types in the order the generator cycles through them.
const TYPES: &[AgreementType] = &[
    AgreementType::Acsa,
    AgreementType::InformationSecurity,
    AgreementType::ReciprocalAccess,
    AgreementType::EquipmentTransfer,
    AgreementType::Other,
];

fn type_names(t: AgreementType, a: &str, b: &str) -> (String, String, Option<String>) {
    match t {
        AgreementType::Acsa => (
            format!(
                "Agreement between the Government of {a} and the Government of {b} Concerning Reciprocal Provision of Supplies & Services"
            ),
            "Acquisition and Cross-Servicing Agreement".into(),
            Some("ACSA".into()),
        ),
        AgreementType::InformationSecurity => (
            format!(
                "Agreement between the Government of {a} and the Government of {b} on the Security of Information"
            ),
            "Information Security Agreement".into(),
            Some("GSOMIA".into()),
        ),
        AgreementType::ReciprocalAccess => (
            format!(
                "Agreement between {a} and {b} Concerning the Facilitation of Reciprocal Access & Cooperative Activities"
            ),
            "Reciprocal Access Agreement".into(),
            Some("RAA".into()),
        ),
        AgreementType::EquipmentTransfer => (
            format!(
                "Agreement between the Government of {a} and the Government of {b} concerning the Transfer of Defence Equipment & Technology"
            ),
            "Defence Equipment and Technology Transfer Agreement".into(),
            None,
        ),
        AgreementType::StatusOfForces => (
            format!("Agreement between {a} and {b} regarding the Status of Forces"),
            "Status of Forces Agreement".into(),
            Some("SOFA".into()),
        ),
        AgreementType::DefenceCooperation => (
            format!("Defence Cooperation Agreement between {a} and {b}"),
            "Defence Cooperation Agreement".into(),
            Some("DCA".into()),
        ),
        AgreementType::LogisticsSupport => (
            format!("Mutual Logistics Support Arrangement between {a} and {b}"),
            "Mutual Logistics Support Arrangement".into(),
            Some("MLSA".into()),
        ),
        AgreementType::MutualDefence => (
            format!("Mutual Defence Treaty between {a} and {b}"),
            "Mutual Defence Treaty".into(),
            None,
        ),
        AgreementType::Other => (
            format!("Memorandum on \"Defence Cooperation & Exchanges\" between {a} and {b}"),
            "Memorandum on Defence Cooperation".into(),
            None,
        ),
    }
}

/// What one group of eight releases is about: a pair of states, the type of the agreement they
/// sign, and the type of a second one they negotiate.
#[derive(Debug, Clone, Copy)]
struct Plan {
    a: usize,
    b: usize,
    t: AgreementType,
    second: AgreementType,
}

/// The plan of a group. One group in five signs a new agreement of the type that the pair of
/// the group about three years of releases earlier signed: successive agreements of one type
/// between the same parties, which must stay two agreements.
fn plan(seed: u64, group: u64, n: u64) -> Plan {
    let mut g = Rng::new(seed, group);
    // Pairs are drawn from a skewed distribution, so some pairs recur often.
    let a = g.below(STATES.len()).min(g.below(STATES.len()));
    let mut b = g.below(STATES.len());
    if b == a {
        b = (a + 1 + g.below(STATES.len() - 1)) % STATES.len();
    }
    let t = *g.pick(TYPES);
    let second = *g.pick(TYPES);
    let back = (n.div_ceil(8) / 10).max(1);
    if group % 5 == 4 && group >= back {
        let earlier = plan(seed, group - back, n);
        return Plan {
            a: earlier.a,
            b: earlier.b,
            t: earlier.t,
            second,
        };
    }
    Plan { a, b, t, second }
}

/// The agreements `n` generated releases (seed `seed`) are about, as the identity rules tell
/// them apart (README, "Identity"): each signed agreement by its pair of states, type and year
/// of signature (the world signs at most one agreement of a type between two states in a year:
/// a second signing that year is the same agreement signed again), each agreement still under
/// negotiation by its pair and type. A store built from those releases must hold exactly this
/// many `pg:Agreement` nodes.
pub fn agreements_written(seed: u64, n: u64) -> usize {
    let mut seen = std::collections::BTreeSet::new();
    for group in 0..n.div_ceil(8) {
        let Plan { a, b, t, second } = plan(seed, group, n);
        let pair = (a.min(b), a.max(b));
        if 8 * group < n {
            let year = civil(day_of(8 * group, n)).0;
            seen.insert((pair, t.slug(), Some(year)));
        }
        if 8 * group + 2 < n {
            seen.insert((pair, second.slug(), None));
        }
    }
    seen.len()
}

/// The card of release `i` of `n`. Releases come in groups of eight about one pair of states
/// and one agreement: its signing (0), a ministers' meeting (1), its entry into force (4), and
/// shorter releases on negotiations towards a second agreement (the rest); other groups meet
/// the same pair and agreement again.
pub fn card(seed: u64, i: u64, n: u64) -> Card {
    let group = i / 8;
    let phase = match i % 8 {
        0 => 0,
        1 => 1,
        4 => 2,
        _ => 3,
    };
    let Plan { a, b, t, second } = plan(seed, group, n);
    let (sa, sb) = (STATES[a], STATES[b]);
    let mut r = Rng::new(seed, i | 1 << 63);
    let day = day_of(i, n);
    let (year, month, dom) = civil(day);
    let date = format!("{year:04}-{month:02}-{dom:02}");
    let term = (year as u64).saturating_sub(1996) / 2;
    let host = if r.below(2) == 0 { a } else { b };
    let place = format!("{}{}", capital(STATES[host]), r.pick(CAPITAL_SUFFIX));
    let time = format!("{:02}:{:02}", 9 + r.below(9), r.below(4) * 15);
    let offset = format!("{:+03}:00", (host as i64 % 25) - 12);
    let offset = offset.replace("+-", "-");

    let post_a = if phase == 1 { 0 } else { r.below(3) };
    let post_b = if phase == 1 { 0 } else { r.below(3) };
    let pa = holder(a, post_a, term).person(seed, "a", POSTS[post_a]);
    let pb = holder(b, post_b, term).person(seed, "b", POSTS[post_b]);
    let again = phase == 1 && i % 3 == 1 && pa.family_name.is_some();

    let agreement = |key: &str, ty: AgreementType, action: AgreementAction| {
        let (title, short, abbreviation) = type_names(ty, sa, sb);
        Agreement {
            key: key.to_owned(),
            title: Some(title),
            short_name: Some(short),
            abbreviation,
            agreement_type: ty,
            instrument: None,
            parent: None,
            parties: vec![format!("Government of {sa}"), format!("Government of {sb}")],
            forces: if ty == AgreementType::Acsa || ty == AgreementType::ReciprocalAccess {
                vec![format!("{sa} Armed Forces"), format!("{sb} Defence Force")]
            } else {
                Vec::new()
            },
            action,
            summary: has_summary(i).then(|| {
                format!("sets out how the Parties' forces cooperate & exchange \"supplies and services\" ({})", ty.slug())
            }),
            evidence: Vec::new(),
        }
    };

    let (kind, events, agreements, title) = match phase {
        0 => (
            ReleaseKind::Signing,
            vec![Event {
                key: "signing".into(),
                kind: EventKind::Signing,
                date: Some(date.clone()),
                time: Some(time),
                timezone: Some(offset),
                place: Some(place),
                agreements: vec!["main".into()],
                signatories: vec!["a".into(), "b".into()],
                ..Event::default()
            }],
            vec![agreement("main", t, AgreementAction::Signed)],
            format!("Signing of the {sa}-{sb} {}", type_names(t, sa, sb).1),
        ),
        2 => (
            ReleaseKind::EntryIntoForce,
            vec![
                // "The Agreement, signed on ..., entered into force today": the signing
                // dates the agreement, so this release meets its signing's.
                recalled_signing(seed, group, n),
                Event {
                    key: "entry".into(),
                    kind: EventKind::EntryIntoForce,
                    date: Some(date.clone()),
                    after: Some("signed".into()),
                    agreements: vec!["main".into()],
                    ..Event::default()
                },
            ],
            vec![renamed(agreement(
                "main",
                t,
                AgreementAction::EnteredIntoForce,
            ))],
            format!(
                "Entry into Force of the {sa}-{sb} {}",
                type_names(t, sa, sb).1
            ),
        ),
        _ => {
            let mut topics: Vec<String> = (0..2 + r.below(3))
                .map(|_| (*r.pick(TOPICS)).to_owned())
                .collect();
            topics.sort();
            topics.dedup();
            let negotiations = phase == 3;
            (
                if negotiations {
                    ReleaseKind::Other
                } else {
                    ReleaseKind::Meeting
                },
                vec![Event {
                    key: "meeting".into(),
                    kind: if negotiations {
                        EventKind::Negotiations
                    } else {
                        EventKind::Meeting
                    },
                    date: Some(date.clone()),
                    place: (!negotiations).then_some(place),
                    participants: if negotiations {
                        Vec::new()
                    } else if again {
                        vec!["a".into(), "a-again".into(), "b".into()]
                    } else {
                        vec!["a".into(), "b".into()]
                    },
                    topics: if negotiations { Vec::new() } else { topics },
                    concurred: if negotiations {
                        Vec::new()
                    } else {
                        vec![(*r.pick(CONCURRED)).to_owned()]
                    },
                    agreements: if negotiations {
                        vec!["next".into()]
                    } else {
                        Vec::new()
                    },
                    ..Event::default()
                }],
                if negotiations {
                    vec![agreement(
                        "next",
                        second,
                        AgreementAction::NegotiationsStarted,
                    )]
                } else {
                    Vec::new()
                },
                if negotiations {
                    format!(
                        "{sa} & {sb} Launch Negotiations on a \"{}\"",
                        type_names(second, sa, sb).1
                    )
                } else {
                    format!("{sa}-{sb} Defence & Foreign Ministers' Meeting")
                },
            )
        }
    };
    let people = match phase {
        2 | 3 => Vec::new(),
        // One signing release in five names a signatory by surname only, with no one else of
        // that surname: a mention that stays this release's own node.
        0 if i.is_multiple_of(5) => vec![pa, surname_only(pb, "b")],
        // One meeting release in three names a participant again by surname only: the one
        // person of that surname and country in the release.
        1 if again => {
            let again = surname_only(pa.clone(), "a-again");
            vec![pa, pb, again]
        }
        _ => vec![pa, pb],
    };
    Card {
        release: Release {
            id: Some(release_id(seed, i)),
            title: Some(title),
            publisher: Some(format!("Ministry of Foreign Affairs of {}", STATES[host])),
            date: Some(date),
            url: Some(format!(
                "https://press.example.org/{}/{year}/{i:07}.html",
                crate::iri::slug(STATES[host])
            )),
            language: Some(if STATES[host] == "Japan" && r.below(4) == 0 {
                "ja".into()
            } else {
                "en".into()
            }),
            text_sha256: None,
            source: None,
        },
        kind,
        events,
        agreements,
        people,
    }
}

/// The signing of a group's agreement as its entry-into-force release recalls it: the same
/// date, time and place as the group's signing release reports (so both describe one event
/// alike), without the signatories.
fn recalled_signing(seed: u64, group: u64, n: u64) -> Event {
    let mut signing = card(seed, 8 * group, n)
        .events
        .into_iter()
        .next()
        .expect("a signing release has its signing");
    signing.key = "signed".into();
    signing.signatories.clear();
    signing
}

/// An information security agreement as another publisher names it: type `other`, an
/// "Information Protection Agreement", which the reference data resolves to its type.
fn renamed(mut agreement: Agreement) -> Agreement {
    if agreement.agreement_type == AgreementType::InformationSecurity {
        agreement.agreement_type = AgreementType::Other;
        agreement.short_name = Some("Information Protection Agreement".into());
        agreement.abbreviation = None;
    }
    agreement
}

/// A person as a release names them a second time: by family name alone.
fn surname_only(mut person: Person, key: &str) -> Person {
    if let Some(family) = person.family_name.take() {
        person.name = family;
    }
    person.key = key.to_owned();
    person.given_name = None;
    person.honorific = None;
    person
}

/// Whether release `i` gives its agreement a summary (two releases in three).
fn has_summary(i: u64) -> bool {
    !i.is_multiple_of(3)
}

fn capital(state: &str) -> String {
    match state {
        "Japan" => "Tokyo".into(),
        "New Zealand" => "Wellington".into(),
        "United States" => "Washington, D.C.".into(),
        other => format!("Capital of {other}"),
    }
}

/// The release id of card `i`.
pub fn release_id(seed: u64, i: u64) -> String {
    format!("gen-{seed}-{i:07}")
}

/// Where card `i` goes under `dir`.
pub fn card_path(dir: &Path, seed: u64, i: u64) -> PathBuf {
    dir.join(format!("{:04}", i / SHARD_SIZE))
        .join(format!("{}.json", release_id(seed, i)))
}

/// Writes `n` cards under `dir`, in parallel, and returns the bytes written. `progress` is
/// called with the number of cards done after each shard.
pub fn generate(
    dir: &Path,
    n: u64,
    seed: u64,
    progress: &(dyn Fn(u64) + Sync),
) -> Result<u64, GenerateError> {
    let shards = n.div_ceil(SHARD_SIZE);
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| GenerateError { path, source }
    };
    (0..shards)
        .into_par_iter()
        .map(|shard| {
            let sub = dir.join(format!("{shard:04}"));
            std::fs::create_dir_all(&sub).map_err(io(&sub))?;
            let mut bytes = 0;
            let end = ((shard + 1) * SHARD_SIZE).min(n);
            for i in shard * SHARD_SIZE..end {
                let text = card(seed, i, n).to_string(CardFormat::Json);
                let path = card_path(dir, seed, i);
                let mut file = std::fs::File::create(&path).map_err(io(&path))?;
                file.write_all(text.as_bytes()).map_err(io(&path))?;
                bytes += text.len() as u64;
            }
            progress(end - shard * SHARD_SIZE);
            Ok(bytes)
        })
        .sum()
}

/// An in-memory store built from `n` generated cards (seed `seed`), for tests at scale.
#[cfg(test)]
pub(crate) fn built_store(n: u64, seed: u64) -> crate::store::GraphStore {
    let dir = tempfile::tempdir().expect("a temporary directory");
    generate(dir.path(), n, seed, &|_| {}).expect("cards written");
    let store = crate::store::GraphStore::in_memory(crate::iri::Iris::default()).expect("a store");
    let source =
        crate::build::CardSource::from_inputs(&[dir.path().to_path_buf()]).expect("the cards");
    let options = crate::build::BuildOptions {
        build_time: None,
        force: false,
        replace: false,
    };
    crate::build::build(&store, &source, &options, &|_| {}).expect("a build");
    store
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_card_is_valid_and_the_seed_fixes_the_bytes() {
        for i in 0..400 {
            let text = card(7, i, 400).to_string(CardFormat::Json);
            let parsed = Card::parse(&text, CardFormat::Json, "gen").unwrap_or_else(|e| {
                panic!("card {i} does not parse: {e}\n{text}");
            });
            assert_eq!(parsed, card(7, i, 400), "card {i} does not round-trip");
            assert_eq!(text, card(7, i, 400).to_string(CardFormat::Json));
        }
        assert_ne!(
            card(7, 5, 400).to_string(CardFormat::Json),
            card(8, 5, 400).to_string(CardFormat::Json),
            "another seed gives other cards"
        );
    }

    #[test]
    fn posts_change_hands_and_agreements_recur() {
        // The same state and post have different holders in different terms...
        assert_ne!(holder(3, 0, 0).number, holder(3, 0, 1).number);
        // ...and one person holds different posts over time.
        let who = holder(3, 0, 0).number;
        let later = (0..PEOPLE_PER_STATE)
            .flat_map(|term| (0..POSTS.len()).map(move |p| (term, p)))
            .find(|&(term, p)| term > 0 && p != 0 && holder(3, p, term).number == who);
        assert!(later.is_some(), "person {who} never takes another post");
        // A signing and the entry into force of the same agreement, two releases apart.
        let signing = card(1, 8, 100);
        let entry = card(1, 12, 100);
        assert_eq!(signing.kind, ReleaseKind::Signing);
        assert_eq!(entry.kind, ReleaseKind::EntryIntoForce);
        assert_eq!(signing.agreements[0].title, entry.agreements[0].title);
        assert!(signing.release.date < entry.release.date);
    }

    #[test]
    fn dates_are_valid_and_in_order() {
        let mut last = String::new();
        for i in (0..1_000_000).step_by(997) {
            let (y, m, d) = civil(day_of(i, 1_000_000));
            let date = format!("{y:04}-{m:02}-{d:02}");
            crate::card::check_date(&date).unwrap();
            assert!(date >= last);
            last = date;
        }
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(20_441), (2025, 12, 19));
    }

    #[test]
    fn the_world_has_about_190_states() {
        assert!(STATES.len() >= 190, "{}", STATES.len());
        let unique: std::collections::BTreeSet<_> = STATES.iter().collect();
        assert_eq!(unique.len(), STATES.len());
    }
}
