//! The agreement lifecycle (signature, entry into force, renewal, termination) at the precision
//! each release gives, in each release's graph; publishers as organisations with a country and a
//! kind (README, "The model" and "Publishers"); checked on tests/fixtures/lifecycle.

use crate::util::{Env, fixture, id, rows, seed_card, store_of};

const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

#[test]
fn each_release_keeps_its_own_lifecycle_dates_at_their_precision() {
    let store = store_of(&[seed_card(), fixture("lifecycle")]);
    let dates = rows(
        &store,
        "SELECT ?g ?a ?p ?d ?t WHERE {
           GRAPH ?g { ?a ?p ?d }
           VALUES ?p { schema:legislationDate eli:first_date_entry_in_force pg:renewalDate eli:date_no_longer_in_force }
           BIND (DATATYPE(?d) AS ?t)
         }",
        &["g", "a", "p", "d", "t"],
    );
    let graph = |r: &str| id(&format!("graph/release-{r}"));
    let acsa = id("agreement/acsa-japan_new-zealand-2025");
    let isa = id("agreement/information-security-japan_new-zealand-2025");
    let au_acsa = id("agreement/acsa-australia_japan-2010");
    let transfer = id("agreement/equipment-transfer-australia_japan-2014");
    let signed = "http://schema.org/legislationDate";
    let in_force = "http://data.europa.eu/eli/ontology#first_date_entry_in_force";
    let ended = "http://data.europa.eu/eli/ontology#date_no_longer_in_force";
    let renewed = "https://w3id.org/pactgraph/ontology#renewalDate";
    let (kyodo, mfat, seed, other) = (
        graph("kyodo-2026-03-japan-nz-acsa-in-force"),
        graph("nz-mfat-2026-03-02-japan-agreements-in-force"),
        graph("mofa-2025-12-19-jp-nz-acsa-isa"),
        graph("test-2024-02-01-jp-au-agreements-renewed-and-terminated"),
    );
    let row = |g: &str, a: &str, p: &str, d: &str, t: &str| {
        vec![
            g.to_owned(),
            a.to_owned(),
            p.to_owned(),
            d.to_owned(),
            format!("{XSD}{t}"),
        ]
    };
    let mut expected = vec![
        row(&kyodo, &acsa, in_force, "2026-03", "gYearMonth"),
        row(&kyodo, &acsa, signed, "2025-12-19", "date"),
        row(&seed, &acsa, signed, "2025-12-19", "date"),
        row(&seed, &isa, signed, "2025-12-19", "date"),
        row(&mfat, &acsa, in_force, "2026-03-02", "date"),
        row(&mfat, &acsa, signed, "2025-12-19", "date"),
        row(&mfat, &isa, in_force, "2026-03", "gYearMonth"),
        row(&mfat, &isa, signed, "2025-12-19", "date"),
        row(&other, &au_acsa, renewed, "2024", "gYear"),
        row(&other, &au_acsa, signed, "2010-05-19", "date"),
        row(&other, &transfer, ended, "2024-02-01", "date"),
        row(&other, &transfer, signed, "2014-07-08", "date"),
    ];
    expected.sort();
    assert_eq!(dates, expected);
    // A month-precision event is placed in time at that precision too.
    let instants = rows(
        &store,
        "SELECT ?i ?m WHERE { ?i time:inXSDgYearMonth ?m }",
        &["i", "m"],
    );
    assert!(
        instants.contains(&vec![
            id("instant/2026-03-entry-into-force-japan_new-zealand"),
            "2026-03".to_owned()
        ]),
        "{instants:?}"
    );
}

#[test]
fn publishers_are_organisations_with_a_country_and_a_kind() {
    let store = store_of(&[seed_card(), fixture("lifecycle")]);
    let publishers = rows(
        &store,
        "SELECT DISTINCT ?r ?p ?c ?k WHERE {
           ?r a schema:NewsArticle ; schema:publisher ?p .
           OPTIONAL { ?p pg:country ?c }
           OPTIONAL { ?p org:classification ?k }
         }",
        &["r", "p", "c", "k"],
    );
    let pg = |local: &str| format!("https://w3id.org/pactgraph/ontology#{local}");
    assert_eq!(
        publishers,
        vec![
            // Named nowhere in its card: known by its web host.
            vec![
                id("release/kyodo-2026-03-japan-nz-acsa-in-force"),
                id("organisation/kyodo-news"),
                id("country/japan"),
                pg("orgtype-news-agency"),
            ],
            vec![
                id("release/mofa-2025-12-19-jp-nz-acsa-isa"),
                id("ministry/japan-ministry-of-foreign-affairs"),
                id("country/japan"),
                pg("orgtype-foreign-ministry"),
            ],
            vec![
                id("release/nz-mfat-2026-03-02-japan-agreements-in-force"),
                id("ministry/new-zealand-ministry-of-foreign-affairs-and-trade"),
                id("country/new-zealand"),
                pg("orgtype-foreign-ministry"),
            ],
            // Unknown to the reference data: minted, its kind from its name, its state from
            // its host's top-level domain.
            vec![
                id("release/test-2024-02-01-jp-au-agreements-renewed-and-terminated"),
                id("organisation/embassy-in-tokyo"),
                id("country/australia"),
                pg("orgtype-diplomatic-mission"),
            ],
        ]
    );
}

#[test]
fn a_publisher_with_no_known_name_host_or_state_is_an_organisation_without_them() {
    let env = Env::new();
    let card = env.write(
        "unknown.yaml",
        "release:\n  id: unknown\n  publisher: Press Office\n  url: https://press.example.org/1.html\nkind: other\n",
    );
    let store = store_of(&[card]);
    let publisher = rows(
        &store,
        "SELECT ?p ?c ?k WHERE { ?r schema:publisher ?p OPTIONAL { ?p pg:country ?c } OPTIONAL { ?p org:classification ?k } }",
        &["p", "c", "k"],
    );
    assert_eq!(
        publisher,
        vec![vec![
            id("organisation/press-office"),
            String::new(),
            String::new()
        ]]
    );
}

/// The lifecycle cards alone.
#[test]
fn the_lifecycle_cards_validate() {
    let env = Env::new();
    let out = env
        .run(&["validate", fixture("lifecycle").to_str().unwrap()])
        .ok();
    assert!(out.starts_with("conforms: "), "{out}");
}

#[test]
fn bundled_queries_keep_a_month_date_at_its_precision() {
    let store = store_of(&[fixture("lifecycle")]);
    let query = pactgraph::bundled::find("release_events").unwrap();
    let dates: Vec<(String, String)> = pactgraph::query::select(&store, query.text, "test")
        .unwrap()
        .iter()
        .filter_map(|s| match s.get("date") {
            Some(oxigraph::model::Term::Literal(l)) => {
                Some((l.value().to_owned(), l.datatype().as_str().to_owned()))
            }
            _ => None,
        })
        .collect();
    assert!(
        dates.contains(&("2026-03".to_owned(), format!("{XSD}gYearMonth"))),
        "{dates:?}"
    );
    assert!(
        dates.contains(&("2024".to_owned(), format!("{XSD}gYear"))),
        "{dates:?}"
    );
    assert!(
        dates
            .iter()
            .all(|(v, t)| v.len() != 10 || t == &format!("{XSD}date")),
        "{dates:?}"
    );
}

/// The seed prints the signing's local time, the other publisher only its day: two
/// `schema:startDate` values meet on the one signing node of the merged graph, each release
/// keeping its own in its own graph (issue 12). The shapes check the merged graph, so they allow
/// both; `validate` conforms with the seed, the other publisher's card and the lifecycle cards.
#[test]
fn releases_that_disagree_on_a_signing_time_validate_together() {
    let env = Env::new();
    for cards in [
        vec![seed_card(), fixture("nz-defence-other-style.yaml")],
        vec![seed_card(), fixture("lifecycle")],
    ] {
        let mut args = vec!["validate".to_owned()];
        args.extend(cards.iter().map(|c| c.to_str().unwrap().to_owned()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = env.run(&args).ok();
        assert!(out.starts_with("conforms: "), "{out}");
    }
    let store = store_of(&[seed_card(), fixture("nz-defence-other-style.yaml")]);
    let signing = id("event/2025-12-19-signing-japan_new-zealand");
    let merged = rows(
        &store,
        &format!("SELECT ?d WHERE {{ <{signing}> schema:startDate ?d }}"),
        &["d"],
    );
    assert_eq!(merged.len(), 2, "{merged:?}");
}

/// What the shapes cannot say of the merged graph holds graph by graph: no release graph gives
/// one event two dates.
#[test]
fn each_release_graph_gives_an_event_at_most_one_date() {
    let store = store_of(&[
        seed_card(),
        fixture("nz-defence-other-style.yaml"),
        fixture("lifecycle"),
    ]);
    let twice = rows(
        &store,
        "SELECT ?g ?e WHERE { GRAPH ?g { ?e schema:startDate ?d } } GROUP BY ?g ?e HAVING (COUNT(DISTINCT ?d) > 1)",
        &["g", "e"],
    );
    assert!(twice.is_empty(), "{twice:?}");
    let graphs = rows(
        &store,
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?e schema:startDate ?d } }",
        &["g"],
    );
    assert!(graphs.len() >= 3, "{graphs:?}");
}
