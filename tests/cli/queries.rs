//! SPARQL over the graph: the bundled queries answer every competency question, on the seed and
//! on the test cards of tests/fixtures/corpus; parameters, formats, errors and the README list.

use std::path::PathBuf;

use pactgraph::bundled::{self, BUNDLED};
use pactgraph::query::{Answer, QueryOptions, display_term, parse_param, run};
use pactgraph::store::GraphStore;

use crate::util::{Env, fixture, seed_card, seed_store, store_of};

fn corpus_store() -> GraphStore {
    store_of(&[seed_card(), fixture("corpus")])
}

/// Runs a bundled query with `name=value` parameters; each cell as the table shows it (IRIs
/// abbreviated, literals by value, unbound empty), rows in the query's order.
fn answer(store: &GraphStore, name: &str, params: &[&str]) -> Vec<Vec<String>> {
    let query = bundled::find(name).unwrap_or_else(|| panic!("no bundled query {name}"));
    let base = store.iris().base().to_owned();
    let options = QueryOptions {
        params: params
            .iter()
            .map(|p| parse_param(p, &base).unwrap())
            .collect(),
        ..QueryOptions::default()
    };
    let prefixes = pactgraph::vocab::prefixes(&base);
    match run(store, query.text, &query.origin(), &options).unwrap_or_else(|e| panic!("{e}")) {
        Answer::Solutions { rows, .. } => rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|t| {
                        t.as_ref()
                            .map(|t| display_term(t, &prefixes))
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .collect(),
        other => panic!("{name}: expected solutions, got {other:?}"),
    }
}

/// The columns of a bundled query, from its header.
fn columns(name: &str) -> Vec<String> {
    bundled::find(name)
        .unwrap()
        .header()
        .columns
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// Picks columns of each row by name.
fn pick(name: &str, rows: &[Vec<String>], wanted: &[&str]) -> Vec<Vec<String>> {
    let columns = columns(name);
    let index: Vec<usize> = wanted
        .iter()
        .map(|w| {
            columns
                .iter()
                .position(|c| c == w)
                .unwrap_or_else(|| panic!("{name} has no column {w}"))
        })
        .collect();
    rows.iter()
        .map(|r| index.iter().map(|i| r[*i].clone()).collect())
        .collect()
}

fn strings(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
        .collect()
}

const ACSA: &str = "agreement:acsa-japan_new-zealand-2025";
const ISA: &str = "agreement:information-security-japan_new-zealand-2025";
const SEED: &str = "release:mofa-2025-12-19-jp-nz-acsa-isa";

#[test]
fn every_bundled_query_parses_runs_and_answers_on_the_corpus() {
    // The corpus with the lifecycle cards: other publishers' reports of the seed's agreements,
    // so that facts are corroborated.
    let corpus = store_of(&[seed_card(), fixture("corpus"), fixture("lifecycle")]);
    let seed = seed_store();
    for q in BUNDLED {
        let header = q.header();
        let columns: Vec<String> = header.columns.iter().map(|(c, _)| c.clone()).collect();
        let options = QueryOptions::default();
        for (label, store) in [("seed", &seed), ("corpus", &corpus)] {
            match run(store, q.text, &q.origin(), &options) {
                Ok(Answer::Solutions { variables, rows }) => {
                    let names: Vec<&str> = variables.iter().map(|v| v.as_str()).collect();
                    assert_eq!(names, columns, "{}: the header's columns", q.name);
                    // A single release has one publisher and corroborates nothing.
                    let single = label == "seed" && q.name == "corroborated_facts";
                    assert_eq!(rows.is_empty(), single, "{} ({label}): no answer", q.name);
                }
                Ok(other) => panic!("{}: expected a SELECT, got {other:?}", q.name),
                Err(e) => panic!("{}: {e}", q.name),
            }
        }
    }
}

#[test]
fn every_bundled_query_runs_from_the_command_line_and_by_question_number() {
    let env = Env::new();
    for q in BUNDLED {
        let by_name = env.run(&["query", q.name]).ok();
        let by_number = env.run(&["query", &format!("q{}", q.header().number)]).ok();
        assert_eq!(by_name, by_number, "{}", q.name);
        let header_line = by_name.lines().next().unwrap();
        assert!(
            header_line.starts_with(&columns(q.name)[0]),
            "{}: {header_line}",
            q.name
        );
    }
}

#[test]
fn q01_signed_agreements_of_the_seed_release() {
    let store = seed_store();
    let expected = strings(&[
        &[
            SEED,
            ACSA,
            "Agreement between the Government of Japan and the Government of New Zealand Concerning Reciprocal Provision of Supplies and Services between the Self-Defense Forces of Japan and the New Zealand Defence Force",
            "Acquisition and Cross-Servicing Agreement",
            "ACSA",
        ],
        &[
            SEED,
            ISA,
            "Agreement between the Government of Japan and the Government of New Zealand on the Security of Information",
            "Information Security Agreement",
            "",
        ],
    ]);
    assert_eq!(answer(&store, "signed_agreements", &[]), expected);
    assert_eq!(
        answer(&store, "signed_agreements", &[&format!("release={SEED}")]),
        expected
    );
    assert!(answer(&store, "signed_agreements", &["release=release:nothing"]).is_empty());
    // On the corpus, the entry-into-force release reports nothing as signed.
    let corpus = corpus_store();
    assert!(
        answer(
            &corpus,
            "signed_agreements",
            &["release=release:test-2023-08-13-jp-au-raa-in-force"]
        )
        .is_empty()
    );
    assert_eq!(
        answer(
            &corpus,
            "signed_agreements",
            &["release=release:test-2022-01-06-jp-au-raa"]
        )
        .len(),
        1
    );
}

#[test]
fn q02_what_japan_signed_with_new_zealand_when_and_at_what_local_time() {
    let store = seed_store();
    let got = answer(
        &store,
        "agreement_signings",
        &["country=country:japan", "partner=country:new-zealand"],
    );
    assert_eq!(
        got,
        strings(&[
            &[
                "country:japan",
                "country:new-zealand",
                ACSA,
                "2025-12-19",
                "11:40",
                "+09:00"
            ],
            &[
                "country:japan",
                "country:new-zealand",
                ISA,
                "2025-12-19",
                "11:40",
                "+09:00"
            ],
        ])
    );
    // Without parameters every ordered pair of parties is there.
    assert_eq!(answer(&store, "agreement_signings", &[]).len(), 4);
}

#[test]
fn q03_parties_and_the_countries_they_represent() {
    let store = seed_store();
    assert_eq!(
        answer(&store, "agreement_parties", &[&format!("agreement={ACSA}")]),
        strings(&[
            &[
                ACSA,
                "government:japan",
                "Government of Japan",
                "country:japan",
                "Japan"
            ],
            &[
                ACSA,
                "government:new-zealand",
                "Government of New Zealand",
                "country:new-zealand",
                "New Zealand"
            ],
        ])
    );
}

#[test]
fn q04_types_and_their_wikidata_match() {
    let store = seed_store();
    assert_eq!(
        answer(&store, "agreement_types", &[]),
        strings(&[
            &[
                ACSA,
                "pg:agreement-type-acsa",
                "acquisition and cross-servicing agreement",
                "broad",
                "wd:Q131569"
            ],
            &[
                ISA,
                "pg:agreement-type-information-security",
                "information security agreement",
                "broad",
                "wd:Q131569"
            ],
        ])
    );
}

#[test]
fn q05_what_an_agreement_provides_for() {
    let store = seed_store();
    let got = answer(
        &store,
        "agreement_summaries",
        &[&format!("agreement={ISA}")],
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0][..3], [ISA, "Information Security Agreement", SEED]);
    assert!(
        got[0][3].starts_with("stipulates measures in order for both receiving Parties to protect"),
        "{}",
        got[0][3]
    );
    assert!(
        got[0][3].ends_with("will promote further beneficial information exchanges"),
        "{}",
        got[0][3]
    );
}

#[test]
fn q06_forces_and_their_countries() {
    let store = seed_store();
    assert_eq!(
        pick(
            "agreement_forces",
            &answer(&store, "agreement_forces", &[]),
            &["agreement", "forceName", "countryName"]
        ),
        strings(&[
            &[ACSA, "Japan Self-Defense Forces", "Japan"],
            &[ACSA, "New Zealand Defence Force", "New Zealand"],
        ])
    );
    assert!(answer(&store, "agreement_forces", &[&format!("agreement={ISA}")]).is_empty());
}

#[test]
fn q07_city_and_country_of_each_signing() {
    let store = seed_store();
    assert_eq!(
        pick(
            "signing_places",
            &answer(&store, "signing_places", &[]),
            &["agreement", "city", "countryName"]
        ),
        strings(&[&[ACSA, "Tokyo", "Japan"], &[ISA, "Tokyo", "Japan"]])
    );
}

#[test]
fn q08_signatories_with_their_posts_and_governments() {
    let store = seed_store();
    let got = pick(
        "signatories",
        &answer(&store, "signatories", &[]),
        &["agreement", "name", "post", "government"],
    );
    assert_eq!(
        got,
        strings(&[
            &[
                ACSA,
                "MOTEGI Toshimitsu",
                "Minister for Foreign Affairs",
                "Government of Japan"
            ],
            &[
                ACSA,
                "Judith Collins",
                "Minister of Defence",
                "Government of New Zealand"
            ],
            &[
                ISA,
                "MOTEGI Toshimitsu",
                "Minister for Foreign Affairs",
                "Government of Japan"
            ],
            &[
                ISA,
                "Judith Collins",
                "Minister of Defence",
                "Government of New Zealand"
            ],
        ])
    );
    let one = answer(
        &store,
        "signatories",
        &[&format!("agreement={ISA}"), "person=person:judith-collins"],
    );
    assert_eq!(one.len(), 1);
    assert_eq!(one[0][2], "Judith Collins");
}

#[test]
fn q09_post_held_at_an_event_and_where_it_sits() {
    let store = seed_store();
    let got = answer(
        &store,
        "post_at_event",
        &[
            "person=person:toshimitsu-motegi",
            "event=event:2025-12-19-signing-japan_new-zealand",
        ],
    );
    assert_eq!(
        got,
        strings(&[&[
            "person:toshimitsu-motegi",
            "event:2025-12-19-signing-japan_new-zealand",
            "post:japan-minister-for-foreign-affairs",
            "Minister for Foreign Affairs of Japan",
            "Ministry of Foreign Affairs of Japan",
            "government:japan",
            "sentence:mofa-2025-12-19-jp-nz-acsa-isa-7",
        ]])
    );
    // Both people at both events.
    assert_eq!(answer(&store, "post_at_event", &[]).len(), 4);
}

#[test]
fn q10_posts_per_person_with_earliest_and_latest_dates() {
    let seed = seed_store();
    assert_eq!(
        pick(
            "post_timeline",
            &answer(&seed, "post_timeline", &[]),
            &["name", "post", "earliest", "latest", "attestations"]
        ),
        strings(&[
            &[
                "Judith Collins",
                "post:new-zealand-minister-of-defence",
                "2025-12-19",
                "2025-12-19",
                "2"
            ],
            &[
                "Toshimitsu Motegi",
                "post:japan-minister-for-foreign-affairs",
                "2025-12-19",
                "2025-12-19",
                "2"
            ],
        ])
    );
    // On the corpus: "Fumio Kishida" and "KISHIDA Fumio" are one person, whose post changes.
    let corpus = corpus_store();
    assert_eq!(
        pick(
            "post_timeline",
            &answer(
                &corpus,
                "post_timeline",
                &["person=person:japan-fumio-kishida"]
            ),
            &["name", "postName", "earliest", "latest", "attestations"]
        ),
        strings(&[
            &[
                "Fumio Kishida",
                "Minister for Foreign Affairs of Japan",
                "2014-07-08",
                "2014-07-08",
                "1"
            ],
            &[
                "Fumio Kishida",
                "Prime Minister of Japan",
                "2022-01-06",
                "2023-01-11",
                "2"
            ],
        ])
    );
    // Three people held the Japanese foreign ministry across the corpus.
    let holders: Vec<String> = answer(&corpus, "post_timeline", &[])
        .into_iter()
        .filter(|r| r[2] == "post:japan-minister-for-foreign-affairs")
        .map(|r| r[1].clone())
        .collect();
    assert_eq!(
        holders,
        ["Fumio Kishida", "Yoko Kamikawa", "Toshimitsu Motegi"]
    );
}

#[test]
fn q11_events_of_a_release_in_order_with_times() {
    let store = seed_store();
    assert_eq!(
        pick(
            "release_events",
            &answer(&store, "release_events", &[&format!("release={SEED}")]),
            &[
                "event",
                "kind",
                "date",
                "localTime",
                "timezone",
                "follows",
                "notBefore"
            ]
        ),
        strings(&[
            &[
                "event:2025-12-19-signing-japan_new-zealand",
                "signing",
                "2025-12-19",
                "11:40",
                "+09:00",
                "",
                ""
            ],
            &[
                "event:2025-12-19-meeting-japan_new-zealand",
                "meeting",
                "2025-12-19",
                "",
                "",
                "event:2025-12-19-signing-japan_new-zealand",
                "2025-12-19T11:40:00+09:00"
            ],
        ])
    );
    // A meeting dated only by the signing it follows still comes after it.
    let corpus = corpus_store();
    let kinds: Vec<String> = answer(
        &corpus,
        "release_events",
        &["release=release:test-2022-01-06-jp-au-raa"],
    )
    .into_iter()
    .map(|r| r[2].clone())
    .collect();
    assert_eq!(kinds, ["signing", "meeting"]);
}

#[test]
fn q12_views_exchanged_and_what_was_agreed() {
    let store = seed_store();
    let got = answer(
        &store,
        "meeting_outcomes",
        &["meeting=event:2025-12-19-meeting-japan_new-zealand"],
    );
    let what: Vec<(String, String)> = got.iter().map(|r| (r[1].clone(), r[2].clone())).collect();
    assert_eq!(
        what,
        [
            ("exchanged views on", "bilateral security cooperation"),
            ("exchanged views on", "economic security"),
            ("exchanged views on", "regional issues"),
            (
                "exchanged views on",
                "the importance of U.S. engagement in the Indo-Pacific region"
            ),
            (
                "concurred on",
                "the importance of further strengthening security and defense cooperation between Japan and New Zealand as partners in promoting a \"Free and Open Indo-Pacific\""
            ),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
}

#[test]
fn q13_meetings_that_mention_the_indo_pacific_and_their_partners() {
    let corpus = corpus_store();
    let got = pick(
        "indo_pacific_meetings",
        &answer(&corpus, "indo_pacific_meetings", &[]),
        &["meeting", "date", "partner"],
    );
    assert_eq!(
        got,
        strings(&[
            &[
                "event:2022-01-06-meeting-australia_japan",
                "2022-01-06",
                "country:australia"
            ],
            &[
                "event:2024-07-15-meeting-germany_japan",
                "2024-07-15",
                "country:germany"
            ],
            &[
                "event:2025-12-19-meeting-japan_new-zealand",
                "2025-12-19",
                "country:new-zealand"
            ],
            &[
                "event:2025-12-19-meeting-japan_new-zealand",
                "2025-12-19",
                "country:new-zealand"
            ],
        ])
    );
    // The Japan-UK talks (economic security, defence industry) do not mention it.
    assert!(
        answer(
            &corpus,
            "indo_pacific_meetings",
            &["partner=country:united-kingdom"]
        )
        .is_empty()
    );
    let germany = answer(
        &corpus,
        "indo_pacific_meetings",
        &["partner=country:germany"],
    );
    assert_eq!(germany.len(), 1);
    assert_eq!(
        germany[0][3],
        "Germany's growing engagement in the Indo-Pacific"
    );
}

#[test]
fn q14_timeline_of_agreements_per_partner() {
    let corpus = corpus_store();
    let australia = pick(
        "partner_timeline",
        &answer(&corpus, "partner_timeline", &["partner=country:australia"]),
        &["date", "agreement", "type", "action", "place"],
    );
    assert_eq!(
        australia,
        strings(&[
            &[
                "2014-07-08",
                "agreement:equipment-transfer-australia_japan-2014",
                "defence equipment and technology transfer agreement",
                "signing",
                "Canberra"
            ],
            &[
                "2022-01-06",
                "agreement:reciprocal-access-australia_japan-2022",
                "reciprocal access agreement",
                "signing",
                "Tokyo"
            ],
            &[
                "2023-08-13",
                "agreement:reciprocal-access-australia_japan-2022",
                "reciprocal access agreement",
                "entry into force",
                ""
            ],
        ])
    );
    let partners: std::collections::BTreeSet<String> = answer(&corpus, "partner_timeline", &[])
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(
        partners.into_iter().collect::<Vec<_>>(),
        [
            "country:australia",
            "country:new-zealand",
            "country:united-kingdom"
        ]
    );
}

#[test]
fn q15_agreements_that_concern_a_force_across_releases() {
    let corpus = corpus_store();
    assert_eq!(
        pick(
            "force_agreements",
            &answer(
                &corpus,
                "force_agreements",
                &["force=force:new-zealand-defence-force"]
            ),
            &["agreement", "signed", "releases"]
        ),
        strings(&[&[ACSA, "2025-12-19", "1"]])
    );
    // "Australian Defence Force" and "ADF" are one force; two releases mention its agreement.
    assert_eq!(
        pick(
            "force_agreements",
            &answer(
                &corpus,
                "force_agreements",
                &["force=force:australian-defence-force"]
            ),
            &["agreement", "type", "signed", "releases"]
        ),
        strings(&[&[
            "agreement:reciprocal-access-australia_japan-2022",
            "reciprocal access agreement",
            "2022-01-06",
            "2"
        ]])
    );
    let jsdf: Vec<String> = answer(
        &corpus,
        "force_agreements",
        &["force=force:japan-self-defense-forces"],
    )
    .into_iter()
    .map(|r| r[1].clone())
    .collect();
    assert_eq!(
        jsdf,
        [
            "agreement:reciprocal-access-australia_japan-2022",
            "agreement:reciprocal-access-japan_united-kingdom-2023",
            ACSA
        ]
    );
}

#[test]
fn q16_signing_cities_in_japan_and_in_partner_countries() {
    let corpus = corpus_store();
    assert_eq!(
        answer(&corpus, "signing_cities", &[]),
        strings(&[
            &["Tokyo", "country:japan", "Japan", "3", "3"],
            &["Canberra", "country:australia", "partner country", "1", "2"],
            &[
                "London",
                "country:united-kingdom",
                "partner country",
                "1",
                "2"
            ],
        ])
    );
    assert_eq!(
        answer(&seed_store(), "signing_cities", &[]),
        strings(&[&["Tokyo", "country:japan", "Japan", "2", "2"]])
    );
}

#[test]
fn q17_the_sentences_a_fact_comes_from_with_their_offsets() {
    let store = seed_store();
    let got = answer(&store, "fact_sources", &[&format!("fact={ISA}")]);
    let numbers: Vec<&str> = got.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(numbers, ["7", "12", "13"]);
    let text = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("releases/mofa-2025-12-19-jp-nz-acsa-isa.txt"),
    )
    .unwrap();
    let chars: Vec<char> = text.chars().collect();
    for row in &got {
        assert_eq!(row[1], SEED);
        let (start, end): (usize, usize) = (row[4].parse().unwrap(), row[5].parse().unwrap());
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, row[3], "sentence {} at {start}..{end}", row[2]);
    }
    assert!(
        got[1][3].starts_with("The Japan-New Zealand Information Security Agreement stipulates")
    );
}

#[test]
fn q18_provenance_of_a_graph_with_and_without_a_build_time() {
    let store = seed_store();
    let got = answer(&store, "graph_provenance", &[]);
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0][..5],
        [
            "graph:release-mofa-2025-12-19-jp-nz-acsa-isa",
            SEED,
            "Ministry of Foreign Affairs of Japan",
            env!("CARGO_PKG_VERSION"),
            ""
        ]
    );
    let statements: usize = got[0][5].parse().unwrap();
    let only_here: usize = got[0][6].parse().unwrap();
    let in_graph = store
        .store()
        .quads_for_pattern(
            None,
            None,
            None,
            Some(
                oxigraph::model::NamedNodeRef::new(
                    "https://w3id.org/pactgraph/id/graph/release-mofa-2025-12-19-jp-nz-acsa-isa",
                )
                .unwrap()
                .into(),
            ),
        )
        .count();
    assert_eq!(statements, in_graph);
    // Types and labels of reference nodes repeated in the release graph stay if it goes.
    assert!(only_here < statements && only_here > 0, "{only_here}");

    // With a recorded build time, in an on-disk store.
    let env = Env::new();
    env.run(&[
        "build",
        "--store",
        "db",
        "--build-time",
        "2026-01-02T03:04:05Z",
        "--quiet",
    ])
    .ok();
    let out = env
        .run(&[
            "query",
            "graph_provenance",
            "--store",
            "db",
            "--param",
            &format!("release={SEED}"),
            "--results",
            "csv",
        ])
        .ok();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[1].contains(",0.1.0,2026-01-02T03:04:05Z,"),
        "{}",
        lines[1]
    );
    // A graph shared with another release: fewer statements are its own.
    let corpus = corpus_store();
    let raa = answer(
        &corpus,
        "graph_provenance",
        &["graph=graph:release-test-2023-08-13-jp-au-raa-in-force"],
    );
    assert_eq!(raa.len(), 1);
    assert!(raa[0][6].parse::<usize>().unwrap() < raa[0][5].parse::<usize>().unwrap());
}

#[test]
fn q19_agreements_signed_by_a_foreign_minister_rather_than_a_defence_minister() {
    // On the seed, Japan signed both agreements through its foreign minister; New Zealand's
    // signatory was its defence minister, so New Zealand is not listed.
    let seed = seed_store();
    assert_eq!(
        pick(
            "foreign_minister_signings",
            &answer(&seed, "foreign_minister_signings", &[]),
            &["agreement", "person", "government"]
        ),
        strings(&[
            &[ACSA, "person:toshimitsu-motegi", "Government of Japan"],
            &[ISA, "person:toshimitsu-motegi", "Government of Japan"],
        ])
    );
    // On the corpus: the 2014 equipment transfer agreement was signed by both foreign
    // ministers; the reciprocal access agreements by heads of government, not listed.
    let corpus = corpus_store();
    assert_eq!(
        pick(
            "foreign_minister_signings",
            &answer(
                &corpus,
                "foreign_minister_signings",
                &["agreement=agreement:equipment-transfer-australia_japan-2014"]
            ),
            &["person", "name", "post"]
        ),
        strings(&[
            &[
                "person:australia-julie-bishop",
                "Julie Bishop",
                "Minister for Foreign Affairs of Australia"
            ],
            &[
                "person:japan-fumio-kishida",
                "Fumio Kishida",
                "Minister for Foreign Affairs of Japan"
            ],
        ])
    );
    let all = answer(&corpus, "foreign_minister_signings", &[]);
    assert_eq!(all.len(), 4, "{all:?}");
    // A government whose defence minister signed beside its foreign minister is left out.
    let env = Env::new();
    let card = env.write(
        "both.yaml",
        "release:\n  id: both\n  date: 2024-05-01\nkind: signing\nevents:\n  - key: s\n    kind: signing\n    date: 2024-05-01\n    agreements: [acsa]\n    signatories: [fm, dm, other]\nagreements:\n  - key: acsa\n    short_name: ACSA\n    type: acsa\n    parties: [Japan, France]\npeople:\n  - key: fm\n    name: Anna Martin\n    post: Minister for Foreign Affairs\n    country: France\n  - key: dm\n    name: Paul Durand\n    post: Minister of the Armed Forces\n    country: France\n  - key: other\n    name: Ken Sato\n    post: Minister for Foreign Affairs\n    country: Japan\n",
    );
    let both = store_of(&[card]);
    assert_eq!(
        pick(
            "foreign_minister_signings",
            &answer(&both, "foreign_minister_signings", &[]),
            &["person"]
        ),
        strings(&[&["person:japan-ken-sato"]])
    );
}

#[test]
fn q20_people_who_signed_more_than_one_agreement_with_their_partners() {
    let corpus = corpus_store();
    assert_eq!(
        pick(
            "repeat_signatories",
            &answer(&corpus, "repeat_signatories", &[]),
            &["name", "signed", "partnerName", "country", "together"]
        ),
        strings(&[
            &["Fumio Kishida", "3", "Julie Bishop", "Australia", "1"],
            &["Fumio Kishida", "3", "Scott Morrison", "Australia", "1"],
            &["Fumio Kishida", "3", "Rishi Sunak", "United Kingdom", "1"],
            &["Judith Collins", "2", "Toshimitsu Motegi", "Japan", "2"],
            &[
                "Toshimitsu Motegi",
                "2",
                "Judith Collins",
                "New Zealand",
                "2"
            ],
        ])
    );
    assert_eq!(
        pick(
            "repeat_signatories",
            &answer(
                &corpus,
                "repeat_signatories",
                &["person=person:toshimitsu-motegi"]
            ),
            &["partner"]
        ),
        strings(&[&["person:judith-collins"]])
    );
}

/// The seed with two other publishers' reports of its agreements' entry into force and a card
/// of a renewal and a termination (tests/fixtures/lifecycle).
fn lifecycle_store() -> GraphStore {
    store_of(&[seed_card(), fixture("lifecycle")])
}

#[test]
fn q21_lag_from_signature_to_entry_into_force_in_days_or_its_precision() {
    let store = lifecycle_store();
    assert_eq!(
        pick(
            "entry_into_force_lag",
            &answer(&store, "entry_into_force_lag", &[]),
            &["agreement", "signed", "inForce", "days", "precision"]
        ),
        strings(&[
            &[
                "agreement:acsa-australia_japan-2010",
                "2010-05-19",
                "",
                "",
                "no entry into force reported"
            ],
            // Two publishers date the entry into force, one to the day and one to the month:
            // each keeps its own value, and only the day gives a lag in days.
            &[ACSA, "2025-12-19", "2026-03", "", "month"],
            &[ACSA, "2025-12-19", "2026-03-02", "73", "day"],
            &[
                "agreement:equipment-transfer-australia_japan-2014",
                "2014-07-08",
                "",
                "",
                "no entry into force reported"
            ],
            &[ISA, "2025-12-19", "2026-03", "", "month"],
        ])
    );
    // The days are counted across a year's end and a leap day alike.
    let env = Env::new();
    let card = env.write(
        "leap.yaml",
        "release:\n  id: leap\n  date: 2024-03-01\nkind: entry_into_force\nevents:\n  - key: s\n    kind: signing\n    date: 2023-12-31\n    agreements: [a]\n  - key: e\n    kind: entry_into_force\n    date: 2024-03-01\n    agreements: [a]\nagreements:\n  - key: a\n    short_name: ACSA\n    type: acsa\n    parties: [Japan, France]\n",
    );
    let leap = store_of(&[card]);
    assert_eq!(
        pick(
            "entry_into_force_lag",
            &answer(&leap, "entry_into_force_lag", &[]),
            &["signed", "inForce", "days", "precision"]
        ),
        strings(&[&["2023-12-31", "2024-03-01", "61", "day"]])
    );
    // Two signings of one agreement in one year (one node: type, parties and year), each
    // release recalling its own: each entry into force pairs with its own release's signature.
    let release = |name: &str, signed: &str, in_force: &str| {
        env.write(
            name,
            format!(
                "release:\n  id: {}\n  date: {in_force}\nkind: entry_into_force\nevents:\n  - key: s\n    kind: signing\n    date: {signed}\n    agreements: [a]\n  - key: e\n    kind: entry_into_force\n    date: {in_force}\n    agreements: [a]\nagreements:\n  - key: a\n    short_name: ACSA\n    type: acsa\n    parties: [Japan, France]\n",
                name.trim_end_matches(".yaml")
            ),
        )
    };
    let twice = store_of(&[
        release("spring.yaml", "2023-01-05", "2023-03-01"),
        release("autumn.yaml", "2023-11-20", "2023-12-01"),
    ]);
    assert_eq!(
        pick(
            "entry_into_force_lag",
            &answer(&twice, "entry_into_force_lag", &[]),
            &["agreement", "signed", "inForce", "days"]
        ),
        strings(&[
            &[
                "agreement:acsa-france_japan-2023",
                "2023-01-05",
                "2023-03-01",
                "55"
            ],
            &[
                "agreement:acsa-france_japan-2023",
                "2023-11-20",
                "2023-12-01",
                "11"
            ],
        ])
    );
    // On the seed alone nothing is in force yet.
    assert_eq!(
        pick(
            "entry_into_force_lag",
            &answer(
                &seed_store(),
                "entry_into_force_lag",
                &[&format!("agreement={ACSA}")]
            ),
            &["signed", "days", "precision"]
        ),
        strings(&[&["2025-12-19", "", "no entry into force reported"]])
    );
}

#[test]
fn q22_facts_two_or_more_publishers_report() {
    let store = lifecycle_store();
    let mofa = "ministry:japan-ministry-of-foreign-affairs";
    let mfat = "ministry:new-zealand-ministry-of-foreign-affairs-and-trade";
    let kyodo = "organisation:kyodo-news";
    let foreign = "pg:orgtype-foreign-ministry";
    assert_eq!(
        pick(
            "corroborated_facts",
            &answer(&store, "corroborated_facts", &[]),
            &[
                "agreement",
                "fact",
                "publishers",
                "publisher",
                "kind",
                "date"
            ]
        ),
        strings(&[
            &[ACSA, "entered into force", "2", mfat, foreign, "2026-03-02"],
            &[
                ACSA,
                "entered into force",
                "2",
                kyodo,
                "pg:orgtype-news-agency",
                "2026-03"
            ],
            &[ACSA, "signed", "3", mofa, foreign, "2025-12-19"],
            &[ACSA, "signed", "3", mfat, foreign, "2025-12-19"],
            &[
                ACSA,
                "signed",
                "3",
                kyodo,
                "pg:orgtype-news-agency",
                "2025-12-19"
            ],
            &[ISA, "signed", "2", mofa, foreign, "2025-12-19"],
            &[ISA, "signed", "2", mfat, foreign, "2025-12-19"],
        ])
    );
    let names: std::collections::BTreeSet<String> = pick(
        "corroborated_facts",
        &answer(&store, "corroborated_facts", &[&format!("agreement={ISA}")]),
        &["publisherName"],
    )
    .into_iter()
    .flatten()
    .collect();
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        [
            "Ministry of Foreign Affairs and Trade of New Zealand",
            "Ministry of Foreign Affairs of Japan"
        ]
    );
    // One publisher corroborates nothing: the seed alone has no answer.
    assert!(answer(&seed_store(), "corroborated_facts", &[]).is_empty());
}

#[test]
fn a_parameter_value_cannot_change_the_query() {
    let env = Env::new();
    env.run(&["build", "--store", "db", "--quiet"]).ok();
    let before = env.run(&["stats", "--store", "db"]).ok();
    for bad in [
        "agreement=\"> } ; DROP ALL #",
        "agreement=> } ; DROP ALL #",
        "agreement=agreement:x> } UNION { ?s ?p ?o",
        "agreement=<urn:x> } UNION { ?agreement ?p ?o }",
        "agreement=\"x\" , \"y\"",
    ] {
        let err = env
            .run(&["query", "signatories", "--store", "db", "--param", bad])
            .error();
        assert!(
            err.starts_with("pactgraph: --param agreement: invalid value"),
            "{bad}: {err}"
        );
    }
    // Quoted, the same text is one literal: bound as such, it matches nothing.
    for format in ["csv", "json"] {
        let out = env
            .run(&[
                "query",
                "signatories",
                "--store",
                "db",
                "--param",
                "agreement=\"> } ; DROP ALL #\"",
                "--results",
                format,
            ])
            .ok();
        match format {
            "csv" => assert_eq!(out, "agreement,person,name,post,government\r\n"),
            _ => assert!(out.contains("\"bindings\":[]"), "{out}"),
        }
    }
    assert_eq!(env.run(&["stats", "--store", "db"]).ok(), before);
    // The literal is bound as a term, not pasted: a label query finds it only when it exists.
    let count = env
        .run(&[
            "query",
            "-e",
            "SELECT ?label (COUNT(?x) AS ?n) WHERE { ?x rdfs:label ?label } GROUP BY ?label",
            "--param",
            "label=\"Tokyo\"@en",
            "--results",
            "tsv",
        ])
        .ok();
    assert_eq!(count, "?label\t?n\n\"Tokyo\"@en\t1\n");
    // A plain word is a string literal.
    let word = env
        .run(&[
            "query",
            "-e",
            "SELECT ?name ?p WHERE { ?p schema:name ?name }",
            "-p",
            "name=Judith Collins",
        ])
        .ok();
    assert!(word.contains("person:judith-collins"), "{word}");
}

#[test]
fn results_in_the_w3c_formats_and_as_a_table() {
    let env = Env::new();
    let query = "SELECT ?agreement ?abbr WHERE { ?agreement a pg:Agreement OPTIONAL { ?agreement pg:abbreviation ?abbr } } ORDER BY ?agreement";
    let base = "https://w3id.org/pactgraph/id/agreement/";
    assert_eq!(
        env.run(&["query", "-e", query]).ok(),
        "agreement                                              abbr\n\
         -----------------------------------------------------  ----\n\
         agreement:acsa-japan_new-zealand-2025                  ACSA\n\
         agreement:information-security-japan_new-zealand-2025\n"
    );
    assert_eq!(
        env.run(&["query", "-e", query, "--results", "csv"]).ok(),
        format!(
            "agreement,abbr\r\n{base}acsa-japan_new-zealand-2025,ACSA\r\n{base}information-security-japan_new-zealand-2025,\r\n"
        )
    );
    assert_eq!(
        env.run(&["query", "-e", query, "--results", "tsv"]).ok(),
        format!(
            "?agreement\t?abbr\n<{base}acsa-japan_new-zealand-2025>\t\"ACSA\"\n<{base}information-security-japan_new-zealand-2025>\t\n"
        )
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["query", "-e", query, "-r", "json"]).ok()).unwrap();
    assert_eq!(
        json["head"]["vars"],
        serde_json::json!(["agreement", "abbr"])
    );
    assert_eq!(
        json["results"]["bindings"][0]["abbr"],
        serde_json::json!({"type": "literal", "value": "ACSA"})
    );
    assert_eq!(
        json["results"]["bindings"][1],
        serde_json::json!({"agreement": {"type": "uri", "value": format!("{base}information-security-japan_new-zealand-2025")}})
    );
    let xml = env.run(&["query", "-e", query, "-r", "xml"]).ok();
    assert!(
        xml.contains("<variable name=\"agreement\"/><variable name=\"abbr\"/>"),
        "{xml}"
    );
    assert!(
        xml.contains("<binding name=\"abbr\"><literal>ACSA</literal></binding>"),
        "{xml}"
    );
    // The format from the output file's extension; the file only when the query succeeds.
    env.run(&["query", "-e", query, "--output", "out.srj"]).ok();
    let file = std::fs::read_to_string(env.path("out.srj")).unwrap();
    assert_eq!(file, env.run(&["query", "-e", query, "-r", "json"]).ok());
    env.run(&["query", "-e", "SELECT ?x WHERE {", "--output", "bad.csv"])
        .error();
    assert!(!env.path("bad.csv").exists());
    // ASK in every format.
    assert_eq!(
        env.run(&["query", "-e", "ASK { ?a pg:party government:japan }"])
            .ok(),
        "true\n"
    );
    assert_eq!(
        env.run(&[
            "query",
            "-e",
            "ASK { ?a pg:party government:japan }",
            "-r",
            "json"
        ])
        .ok(),
        "{\"head\":{},\"boolean\":true}"
    );
}

#[test]
fn escapes_reach_every_results_format_intact() {
    let env = Env::new();
    let card = fixture("escapes.yaml");
    let card = card.to_str().unwrap();
    let query = "SELECT ?title WHERE { ?r a schema:NewsArticle ; schema:headline ?title }";
    let table = env.run(&["query", "-e", query, card]).ok();
    assert!(
        table.contains("Signing of the \"Quoted\" <Agreement> & Friends\\nsecond line"),
        "{table}"
    );
    assert_eq!(
        table.lines().count(),
        3,
        "one row stays on one line: {table}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.run(&["query", "-e", query, card, "-r", "json"]).ok()).unwrap();
    assert_eq!(
        json["results"]["bindings"][0]["title"]["value"],
        "Signing of the \"Quoted\" <Agreement> & Friends\nsecond line"
    );
    let csv = env.run(&["query", "-e", query, card, "-r", "csv"]).ok();
    assert!(
        csv.contains("\"Signing of the \"\"Quoted\"\" <Agreement> & Friends\nsecond line\""),
        "{csv}"
    );
    let xml = env.run(&["query", "-e", query, card, "-r", "xml"]).ok();
    assert!(xml.contains("&lt;Agreement&gt; &amp; Friends"), "{xml}");
}

#[test]
fn construct_answers_are_rdf_with_our_prefixes() {
    let env = Env::new();
    let query = "CONSTRUCT { ?a pg:party ?g } WHERE { ?a pg:party ?g }";
    let turtle = env.run(&["query", "-e", query]).ok();
    assert!(
        turtle.contains("@prefix agreement: <https://w3id.org/pactgraph/id/agreement/> ."),
        "{turtle}"
    );
    assert!(
        turtle.contains(
            "agreement:acsa-japan_new-zealand-2025 pg:party government:japan , government:new-zealand ."
        ),
        "{turtle}"
    );
    assert_eq!(
        turtle,
        env.run(&["query", "-e", query]).ok(),
        "deterministic"
    );
    let nt = env.run(&["query", "-e", query, "-r", "ntriples"]).ok();
    assert_eq!(nt.lines().count(), 4);
    env.run(&["query", "-e", query, "--output", "parties.nt"])
        .ok();
    assert_eq!(std::fs::read_to_string(env.path("parties.nt")).unwrap(), nt);
    let err = env.run(&["query", "-e", query, "-r", "csv"]).error();
    assert!(
        err.contains("csv is a results format, but a CONSTRUCT or DESCRIBE query gives RDF"),
        "{err}"
    );
    let err = env
        .run(&[
            "query",
            "-e",
            "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
            "-r",
            "turtle",
        ])
        .error();
    assert!(
        err.contains("turtle is an RDF format, but a SELECT or ASK query gives solutions"),
        "{err}"
    );
}

#[test]
fn graph_narrows_the_default_graph() {
    let env = Env::new();
    let count = |args: &[&str]| {
        let mut all = vec![
            "query",
            "-e",
            "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a pg:Agreement }",
            "-r",
            "csv",
        ];
        all.extend_from_slice(args);
        env.run(&all).ok()
    };
    assert_eq!(count(&[]), "n\r\n2\r\n");
    assert_eq!(count(&["--graph", "reference"]), "n\r\n0\r\n");
    assert_eq!(
        count(&["--graph", "mofa-2025-12-19-jp-nz-acsa-isa"]),
        "n\r\n2\r\n"
    );
    // GRAPH sees only the chosen graphs too.
    let graphs = env
        .run(&[
            "query",
            "-e",
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
            "--graph",
            "reference",
        ])
        .ok();
    assert_eq!(
        graphs.lines().skip(2).collect::<Vec<_>>(),
        ["graph:reference"]
    );
    let err = env.run(&["query", "q1", "--graph", "nope"]).error();
    assert!(err.contains("--graph: no graph \"nope\""), "{err}");
}

#[test]
fn queries_read_files_stdin_and_cards() {
    let env = Env::new();
    env.write(
        "q.rq",
        "# how many agreements\nSELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a pg:Agreement }\n",
    );
    assert_eq!(
        env.run(&["query", "--file", "q.rq", "-r", "csv"]).ok(),
        "n\r\n2\r\n"
    );
    let corpus = fixture("corpus");
    let seed = seed_card();
    assert_eq!(
        env.run(&[
            "query",
            "-f",
            "q.rq",
            seed.to_str().unwrap(),
            corpus.to_str().unwrap(),
            "-r",
            "csv"
        ])
        .ok(),
        "n\r\n5\r\n"
    );
    assert_eq!(
        env.run(&[
            "query",
            "signing_cities",
            corpus.to_str().unwrap(),
            "-r",
            "csv"
        ])
        .ok()
        .lines()
        .count(),
        4
    );
    let err = env.run(&["query", "--file", "missing.rq"]).error();
    assert!(err.contains("missing.rq: cannot read the query"), "{err}");
}

#[test]
fn query_errors_name_the_problem() {
    let env = Env::new();
    let err = env
        .run(&["query", "-e", "SELECT ?x WHERE {\n  ?x ?y\n}"])
        .error();
    assert!(err.starts_with("pactgraph: -e: error at 3:"), "{err}");
    env.write("broken.rq", "SELECT * WHERE { ?s ?p ?o \n FILTER( }");
    let err = env.run(&["query", "-f", "broken.rq"]).error();
    assert!(
        err.starts_with("pactgraph: broken.rq: error at 2:"),
        "{err}"
    );
    let err = env
        .run(&["query", "-e", "SELECT * WHERE { ?s foaf:name ?o }"])
        .error();
    assert!(err.starts_with("pactgraph: -e: error at 1:"), "{err}");
    assert!(
        err.ends_with("(an undeclared prefix; predeclared: agreement: association: build: claim: country: dcterms: eli: event: force: government: graph: holding: instant: interval: ministry: oa: org: organisation: owl: person: pg: place: post: prov: rdf: rdfs: release: schema: selector: sem: sentence: sh: skos: software: time: topic: wd: xsd:)"),
        "{err}"
    );
    let err = env.run(&["query", "nothing"]).error();
    assert!(
        err.contains(
            "no bundled query \"nothing\", expected one of: signed_agreements, agreement_signings"
        ),
        "{err}"
    );
    assert!(err.contains("graph_provenance"), "{err}");
    let err = env
        .run(&["query", "signatories", "-p", "country=country:japan"])
        .error();
    assert_eq!(
        err,
        "pactgraph: queries/signatories.rq: --param country: not a parameter of this query, expected one of: agreement, person"
    );
    let err = env
        .run(&["query", "-e", "SELECT ?s WHERE { ?s ?p ?o }", "-p", "x=1"])
        .error();
    assert!(
        err.contains("--param x: the query has no variable ?x to bind"),
        "{err}"
    );
    let err = env.run(&["query", "q1", "-p", "release"]).error();
    assert!(err.contains("expected NAME=VALUE"), "{err}");
    let err = env.run(&["query", "q1", "-r", "yaml"]).error();
    assert!(
        err.contains("--results: unknown format \"yaml\", expected one of: table, csv"),
        "{err}"
    );
    let err = env.run(&["query", "q1", "--timeout=0"]).error();
    assert_eq!(
        err,
        "pactgraph: --timeout: 0 is not a positive number of seconds"
    );
}

#[test]
fn a_query_past_its_timeout_is_cancelled() {
    let env = Env::new();
    let started = std::time::Instant::now();
    let err = env
        .run(&[
            "query",
            "-e",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
            "--timeout",
            "0.5",
        ])
        .error();
    assert_eq!(
        err,
        "pactgraph: -e: cancelled after 0.5s, the --timeout; narrow the query or raise the timeout"
    );
    // The answer comes at the timeout, not when the engine next looks at the store.
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    // A quick query is not affected.
    env.run(&["query", "q8", "--timeout", "30"]).ok();
}

#[test]
fn ask_exit_codes() {
    let env = Env::new();
    let no = "ASK { ?a pg:party government:france }";
    let yes = "ASK { ?a pg:party government:japan }";
    let run = env.run(&["query", "-e", no, "--ask-exit-code"]);
    assert_eq!((run.code, run.text()), (1, "false\n".to_owned()));
    let run = env.run(&["query", "-e", no]);
    assert_eq!((run.code, run.text()), (0, "false\n".to_owned()));
    assert_eq!(env.run(&["query", "-e", yes, "--ask-exit-code"]).code, 0);
}

#[test]
fn the_list_of_queries_and_a_query_text() {
    let env = Env::new();
    let list = env.run(&["queries"]).ok();
    for q in BUNDLED {
        let h = q.header();
        assert!(
            list.contains(&format!("{}  ", q.name)) && list.contains(&h.question),
            "{}",
            q.name
        );
    }
    assert!(
        list.contains("signatories                Q8   Who signed each agreement"),
        "{list}"
    );
    assert!(
        list.contains("--param agreement=...  an agreement IRI"),
        "{list}"
    );
    assert_eq!(
        env.run(&["queries", "signatories"]).ok(),
        std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("queries/signatories.rq")
        )
        .unwrap()
    );
    assert!(
        env.run(&["queries", "nope"])
            .error()
            .contains("expected one of")
    );
}

#[test]
fn the_readme_lists_the_bundled_queries_as_their_headers_say() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    let begin = "<!-- queries:begin (generated by `pactgraph queries --markdown`) -->\n";
    let end = "<!-- queries:end -->";
    let start = readme.find(begin).expect("the README has the begin marker") + begin.len();
    let stop = readme[start..]
        .find(end)
        .expect("the README has the end marker")
        + start;
    let env = Env::new();
    assert_eq!(
        &readme[start..stop],
        env.run(&["queries", "--markdown"]).ok(),
        "README section out of date: run `pactgraph queries --markdown` and paste it between the markers"
    );
    // The example answers are the real ones.
    let signatories = env.run(&["query", "signatories"]).ok();
    assert!(
        readme.contains(&format!("```text\n{signatories}```")),
        "README's example of `pactgraph query signatories` is out of date:\n{signatories}"
    );
    let csv = env
        .run(&[
            "query",
            "agreement_signings",
            "-p",
            "country=country:japan",
            "-p",
            "partner=country:new-zealand",
            "--results",
            "csv",
        ])
        .ok()
        .replace("\r\n", "\n");
    assert!(readme.contains(&format!("```text\n{csv}```")), "{csv}");
}

#[test]
fn a_query_from_standard_input() {
    let out = Env::new().run_with_input(
        &["query", "--file", "-", "--results", "csv"],
        b"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?a pg:signatory ?p }",
    );
    assert_eq!(out.ok(), "n\r\n2\r\n");
}

#[test]
fn bundled_queries_follow_the_base() {
    let env = Env::new();
    let corpus = fixture("corpus");
    let out = env
        .run(&[
            "query",
            "partner_timeline",
            corpus.to_str().unwrap(),
            "--base",
            "https://example.org/pg/",
            "--param",
            "partner=country:united-kingdom",
            "-r",
            "csv",
        ])
        .ok();
    assert_eq!(
        out,
        "partner,date,agreement,type,action,place\r\n\
         https://example.org/pg/id/country/united-kingdom,2023-01-11,https://example.org/pg/id/agreement/reciprocal-access-japan_united-kingdom-2023,reciprocal access agreement,signing,London\r\n"
    );
}
