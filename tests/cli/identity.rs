//! Identity: one node per real-world thing and never two things on one node (README,
//! "Identity"), checked on small cards and on a store built from the generated corpus.

use crate::util::{Env, fixture, id, rows, seed_card, store_of};

/// Generated releases for the corpus checks.
const N: u64 = 2_000;

/// Runs a query on the store in `db` and returns its CSV rows after the header.
fn csv(env: &Env, query: &str) -> Vec<String> {
    let out = env
        .run(&["query", "--store", "db", "-e", query, "--results", "csv"])
        .ok();
    out.lines().skip(1).map(str::to_owned).collect()
}

/// A store built from `N` generated cards (seed 1).
fn generated() -> Env {
    let env = Env::new();
    env.run(&[
        "generate",
        "--releases",
        &N.to_string(),
        "--output",
        "cards",
        "-q",
    ])
    .ok();
    env.run(&["build", "cards", "--store", "db", "-q"]).ok();
    env
}

#[test]
fn on_the_generated_corpus_people_agreements_and_counts_follow_the_identity_rules() {
    let env = generated();
    // No person of two countries, whether by their own country or by their posts' countries.
    let two_countries = csv(
        &env,
        "SELECT ?p WHERE { ?p a schema:Person ; pg:country ?a , ?b FILTER(?a != ?b) } LIMIT 5",
    );
    assert!(two_countries.is_empty(), "{two_countries:?}");
    let two_post_countries = csv(
        &env,
        "SELECT ?p WHERE { ?p org:holds ?x , ?y . ?x pg:country ?a . ?y pg:country ?b FILTER(?a != ?b) } LIMIT 5",
    );
    assert!(two_post_countries.is_empty(), "{two_post_countries:?}");
    // Namesakes are there, apart: several people called Judith Collins.
    let namesakes = csv(
        &env,
        "SELECT DISTINCT ?p WHERE { ?p a schema:Person ; rdfs:label \"Judith Collins\" } ORDER BY ?p",
    );
    assert!(namesakes.len() > 10, "{namesakes:?}");
    // No agreement bundles signings of different years...
    let two_years = csv(
        &env,
        "SELECT ?a WHERE { ?a a pg:Agreement ; schema:legislationDate ?x , ?y FILTER(YEAR(?x) != YEAR(?y)) } LIMIT 5",
    );
    assert!(two_years.is_empty(), "{two_years:?}");
    // ...and successive agreements of one type between the same parties are separate nodes.
    let successive = csv(
        &env,
        "SELECT ?a ?b WHERE {
           ?a a pg:Agreement ; schema:legislationType ?t ; schema:legislationDate ?x .
           ?b a pg:Agreement ; schema:legislationType ?t ; schema:legislationDate ?y .
           FILTER(STR(?a) < STR(?b) && YEAR(?x) != YEAR(?y))
           FILTER NOT EXISTS { ?a pg:party ?p FILTER NOT EXISTS { ?b pg:party ?p } }
           FILTER NOT EXISTS { ?b pg:party ?q FILTER NOT EXISTS { ?a pg:party ?q } }
         }",
    );
    assert!(successive.len() >= 10, "{successive:?}");
    // The entry into force meets its signing: no entry into force of an undated agreement.
    let undated_in_force = csv(
        &env,
        "SELECT ?a WHERE { ?e a pg:EntryIntoForce ; pg:concernsAgreement ?a FILTER NOT EXISTS { ?a schema:legislationDate ?d } } LIMIT 5",
    );
    assert!(undated_in_force.is_empty(), "{undated_in_force:?}");
    // Renamed agreements resolve to their type: none is left of type `other` under the name
    // "Information Protection Agreement".
    let renamed = csv(
        &env,
        "SELECT ?a ?t WHERE { ?a pg:shortName \"Information Protection Agreement\"@en ; schema:legislationType ?t }",
    );
    assert!(!renamed.is_empty());
    assert!(
        renamed
            .iter()
            .all(|r| r.ends_with("agreement-type-information-security")),
        "{renamed:?}"
    );
    // Surname-only mentions: resolved to the person of the release, or kept apart.
    let resolved = csv(
        &env,
        "SELECT DISTINCT ?p WHERE { ?p schema:alternateName ?n ; schema:givenName ?g }",
    );
    assert!(!resolved.is_empty());
    let apart = csv(
        &env,
        "SELECT DISTINCT ?p WHERE { ?p a schema:Person FILTER(CONTAINS(STR(?p), '-in-gen-')) }",
    );
    assert!(!apart.is_empty());
    // The lifecycle: every agreement the generator puts in force has its signature date too
    // (the entry-into-force release recalls the signing), and none enters into force before
    // it was signed.
    let in_force = csv(
        &env,
        "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a eli:first_date_entry_in_force ?f }",
    );
    assert!(in_force[0].parse::<u64>().unwrap() > N / 16, "{in_force:?}");
    let unsigned_or_early = csv(
        &env,
        "SELECT ?a WHERE { ?a eli:first_date_entry_in_force ?f OPTIONAL { ?a schema:legislationDate ?s } FILTER (!BOUND(?s) || ?f < ?s) } LIMIT 5",
    );
    assert!(unsigned_or_early.is_empty(), "{unsigned_or_early:?}");
    // The plain count, with no DISTINCT, is the number of agreements the generator wrote.
    let count = csv(&env, "SELECT (COUNT(?a) AS ?n) WHERE { ?a a pg:Agreement }");
    assert_eq!(
        count,
        vec![pactgraph::generate::agreements_written(1, N).to_string()]
    );
}

/// A query for `vars` of the pattern inside the release graphs (not the reference data).
fn in_releases(pattern: &str, vars: &str) -> String {
    format!(
        "SELECT DISTINCT {vars} WHERE {{ GRAPH ?g {{ {pattern} }} FILTER(STRSTARTS(STR(?g), '{}')) }}",
        id("graph/release-")
    )
}

/// A card of two people (and no events) with these YAML lines for the people section.
fn people_card(env: &Env, name: &str, people: &str) -> std::path::PathBuf {
    env.write(
        name,
        format!(
            "release:\n  id: {}\n  title: t\n  date: 2024-01-01\nkind: other\npeople:\n{people}",
            name.trim_end_matches(".yaml")
        ),
    )
}

#[test]
fn namesakes_of_different_countries_are_two_people_and_a_country_less_name_stays_in_its_release() {
    let env = Env::new();
    let card = people_card(
        &env,
        "namesakes.yaml",
        "  - key: nz\n    name: Judith Collins\n    country: New Zealand\n  - key: fr\n    name: Judith Collins\n    country: France\n  - key: none\n    name: Peter Smith\n",
    );
    let store = store_of(&[card]);
    let people = rows(
        &store,
        &in_releases("?p a schema:Person OPTIONAL { ?p pg:country ?c }", "?p ?c"),
        &["p", "c"],
    );
    assert_eq!(
        people,
        vec![
            vec![id("person/france-judith-collins"), id("country/france")],
            vec![id("person/judith-collins"), id("country/new-zealand")],
            vec![id("person/peter-smith-in-namesakes"), String::new()],
        ]
    );
}

#[test]
fn a_surname_only_mention_is_the_one_person_of_that_surname_and_country_else_apart() {
    let env = Env::new();
    let card = people_card(
        &env,
        "surnames.yaml",
        "  - key: full\n    name: Anna Smith\n    country: France\n  - key: again\n    name: Smith\n    country: France\n  - key: other\n    name: Smith\n    country: Spain\n  - key: ref\n    name: Collins\n    country: New Zealand\n",
    );
    let store = store_of(&[card]);
    let people = rows(&store, &in_releases("?p a schema:Person", "?p"), &["p"]);
    assert_eq!(
        people,
        vec![
            vec![id("person/france-anna-smith")],
            vec![id("person/judith-collins")],
            vec![id("person/spain-smith-in-surnames")],
        ]
    );
}

#[test]
fn two_keys_that_would_be_one_node_are_an_error_naming_both() {
    let env = Env::new();
    let card = people_card(
        &env,
        "clash.yaml",
        "  - key: first\n    name: Anna Smith\n    country: France\n  - key: second\n    name: SMITH Anna\n    country: France\n",
    );
    let error = env.run(&["build", card.to_str().unwrap()]).error();
    assert!(
        error.contains("\"first\"") && error.contains("\"second\"") && error.contains("people[1]"),
        "{error}"
    );
    let two = env.write(
        "two.yaml",
        "release:\n  id: two\n  date: 2024-01-01\nkind: signing\nevents:\n  - key: s\n    kind: signing\n    date: 2024-01-01\n    agreements: [a, b]\nagreements:\n  - key: a\n    short_name: ACSA\n    type: acsa\n    parties: [Japan, France]\n  - key: b\n    short_name: Amended ACSA\n    type: acsa\n    parties: [France, Japan]\n",
    );
    let error = env.run(&["build", two.to_str().unwrap()]).error();
    assert!(
        error.contains("\"a\"") && error.contains("\"b\"") && error.contains("agreements[1]"),
        "{error}"
    );
}

#[test]
fn a_post_alias_two_countries_share_resolves_by_the_holders_country() {
    let env = Env::new();
    let card = people_card(
        &env,
        "posts.yaml",
        "  - key: jp\n    name: Yoko Kamikawa\n    post: Minister for Foreign Affairs\n    country: Japan\n  - key: au\n    name: Penny Wong\n    post: Minister for Foreign Affairs\n    country: Australia\n  - key: none\n    name: Peter Smith\n    post: Minister for Foreign Affairs\n",
    );
    let store = store_of(&[card]);
    let posts = rows(
        &store,
        "SELECT DISTINCT ?p ?post WHERE { ?p a schema:Person ; org:holds ?post }",
        &["p", "post"],
    );
    assert_eq!(
        posts,
        vec![
            vec![
                id("person/australia-penny-wong"),
                id("post/australia-minister-for-foreign-affairs")
            ],
            vec![
                id("person/japan-yoko-kamikawa"),
                id("post/japan-minister-for-foreign-affairs")
            ],
            vec![
                id("person/peter-smith-in-posts"),
                id("post/minister-for-foreign-affairs-in-posts")
            ],
        ]
    );
}

#[test]
fn the_seed_and_another_publishers_renamed_report_meet_on_one_node_per_agreement_and_minister() {
    let env = Env::new();
    let text = std::fs::read_to_string(fixture("nz-defence-other-style.yaml")).unwrap();
    // The other publisher calls the information security agreement an "Information
    // Protection Agreement" and types it `other`.
    let renamed = text.replace(
        "    title: Agreement on the Security of Information\n    type: information_security",
        "    short_name: Japan-New Zealand Information Protection Agreement\n    type: other",
    );
    assert_ne!(text, renamed);
    let card = env.write("renamed.yaml", renamed);
    let store = store_of(&[seed_card(), card]);
    crate::util::assert_one_seed_event(&store, "nz-mod-2025-12-19-japan-agreements", "2025-12-19");
    let agreements = rows(
        &store,
        "SELECT (COUNT(?a) AS ?n) WHERE { ?a a pg:Agreement }",
        &["n"],
    );
    assert_eq!(agreements, vec![vec!["2".to_owned()]]);
}

#[test]
fn a_signing_and_a_later_entry_into_force_meet_while_successive_agreements_stay_apart() {
    let env = Env::new();
    let card = |name: &str, kind: &str, date: &str, signed: &str| {
        env.write(
            name,
            format!(
                "release:\n  id: {}\n  date: {date}\nkind: {kind}\nevents:\n  - key: s\n    kind: signing\n    date: {signed}\n    agreements: [isa]\n  - key: e\n    kind: {kind}\n    date: {date}\n    agreements: [isa]\nagreements:\n  - key: isa\n    short_name: GSOMIA\n    type: other\n    parties: [Japan, France]\n",
                name.trim_end_matches(".yaml")
            ),
        )
    };
    let first = card("first.yaml", "signing", "2011-10-14", "2011-10-14");
    let in_force = card(
        "in-force.yaml",
        "entry_into_force",
        "2012-03-01",
        "2011-10-14",
    );
    let second = card("second.yaml", "signing", "2025-02-03", "2025-02-03");
    let store = store_of(&[first, in_force, second]);
    let agreements = rows(
        &store,
        "SELECT DISTINCT ?a ?t WHERE { ?a a pg:Agreement ; schema:legislationType ?t }",
        &["a", "t"],
    );
    let t = "https://w3id.org/pactgraph/ontology#agreement-type-information-security".to_owned();
    assert_eq!(
        agreements,
        vec![
            vec![
                id("agreement/information-security-france_japan-2011"),
                t.clone()
            ],
            vec![id("agreement/information-security-france_japan-2025"), t],
        ]
    );
}
