//! The seed release as a graph: what it must hold.

use crate::util::{Env, id, rows, seed_store};

#[test]
fn both_agreements_with_titles_short_names_and_abbreviation() {
    let store = seed_store();
    let got = rows(
        &store,
        "SELECT ?a ?title ?short ?abbr ?type WHERE { ?a a pg:Agreement ; schema:name ?title ; pg:shortName ?short ; schema:legislationType ?type . OPTIONAL { ?a pg:abbreviation ?abbr } }",
        &["a", "short", "abbr", "type", "title"],
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0][0], id("agreement/acsa-japan_new-zealand-2025"));
    assert_eq!(got[0][1], "Acquisition and Cross-Servicing Agreement");
    assert_eq!(got[0][2], "ACSA");
    assert_eq!(
        got[0][3],
        "https://w3id.org/pactgraph/ontology#agreement-type-acsa"
    );
    assert!(got[0][4].starts_with("Agreement between the Government of Japan and the Government of New Zealand Concerning Reciprocal Provision"));
    assert_eq!(
        got[1][0],
        id("agreement/information-security-japan_new-zealand-2025")
    );
    assert_eq!(got[1][1], "Information Security Agreement");
    assert_eq!(got[1][2], "");
    assert_eq!(
        got[1][4],
        "Agreement between the Government of Japan and the Government of New Zealand on the Security of Information"
    );
}

#[test]
fn signatories_with_posts_and_governments() {
    let store = seed_store();
    let got = rows(
        &store,
        "SELECT DISTINCT ?agreement ?name ?family ?given ?honorific ?post ?gov WHERE {
           ?agreement pg:signatory ?p .
           ?p rdfs:label ?name FILTER(lang(?name) = '') ?p schema:familyName ?family ; schema:givenName ?given ; schema:honorificPrefix ?honorific ; org:holds ?postNode .
           ?postNode rdfs:label ?post FILTER(lang(?post) = 'en')
           ?signing pg:signedInstrument ?agreement ; prov:qualifiedAssociation [ prov:agent ?p ; pg:onBehalfOf ?gov ] .
         }",
        &["agreement", "name", "family", "given", "honorific", "post", "gov"],
    );
    let acsa = id("agreement/acsa-japan_new-zealand-2025");
    let isa = id("agreement/information-security-japan_new-zealand-2025");
    let expected: Vec<Vec<String>> = [&acsa, &isa]
        .iter()
        .flat_map(|a| {
            [
                vec![
                    (*a).clone(),
                    "Judith Collins".into(),
                    "Collins".into(),
                    "Judith".into(),
                    "Hon.".into(),
                    "Minister of Defence of New Zealand".into(),
                    id("government/new-zealand"),
                ],
                vec![
                    (*a).clone(),
                    "Toshimitsu Motegi".into(),
                    "Motegi".into(),
                    "Toshimitsu".into(),
                    "Mr.".into(),
                    "Minister for Foreign Affairs of Japan".into(),
                    id("government/japan"),
                ],
            ]
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn parties_forces_and_the_signing_time() {
    let store = seed_store();
    let parties = rows(&store, "SELECT ?a ?g WHERE { ?a pg:party ?g }", &["a", "g"]);
    assert_eq!(parties.len(), 4);
    for a in ["acsa", "information-security"] {
        for g in ["japan", "new-zealand"] {
            assert!(
                parties.contains(&vec![
                    id(&format!("agreement/{a}-japan_new-zealand-2025")),
                    id(&format!("government/{g}"))
                ]),
                "{parties:?}"
            );
        }
    }
    let forces = rows(
        &store,
        "SELECT ?a ?f WHERE { ?a pg:concernsForce ?f }",
        &["a", "f"],
    );
    assert_eq!(
        forces,
        vec![
            vec![
                id("agreement/acsa-japan_new-zealand-2025"),
                id("force/japan-self-defense-forces")
            ],
            vec![
                id("agreement/acsa-japan_new-zealand-2025"),
                id("force/new-zealand-defence-force")
            ],
        ]
    );
    let when = rows(
        &store,
        "SELECT ?e ?t ?place WHERE { ?e a pg:Signing ; schema:startDate ?t ; schema:location ?place FILTER(datatype(?t) = xsd:dateTime) }",
        &["e", "t", "place"],
    );
    assert_eq!(
        when,
        vec![vec![
            id("event/2025-12-19-signing-japan_new-zealand"),
            "2025-12-19T11:40:00+09:00".into(),
            id("place/tokyo")
        ]]
    );
    let meeting = rows(
        &store,
        "SELECT ?m ?after ?topic WHERE { ?m a pg:Meeting ; pg:follows ?after ; schema:about ?t . ?t skos:prefLabel ?topic }",
        &["m", "after", "topic"],
    );
    assert_eq!(meeting.len(), 4, "{meeting:?}");
    assert!(
        meeting
            .iter()
            .all(|r| r[1] == id("event/2025-12-19-signing-japan_new-zealand"))
    );
    assert!(
        meeting
            .iter()
            .any(|r| r[2] == "the importance of U.S. engagement in the Indo-Pacific region")
    );
    let concurred = rows(
        &store,
        "SELECT ?text WHERE { ?c a schema:AgreeAction ; schema:text ?text ; pg:outcomeOf ?m . ?m a pg:Meeting }",
        &["text"],
    );
    assert_eq!(concurred.len(), 1);
    assert!(concurred[0][0].ends_with("as partners in promoting a \"Free and Open Indo-Pacific\""));
}

#[test]
fn posts_are_attested_at_the_signing_instant() {
    let store = seed_store();
    let got = rows(
        &store,
        "SELECT DISTINCT ?person ?post ?at WHERE { ?h a pg:PostHolding ; org:member ?person ; org:holds ?post ; pg:attestedAt ?e ; org:memberDuring/time:inside/time:inXSDDateTimeStamp ?at . ?e a pg:Signing }",
        &["person", "post", "at"],
    );
    assert_eq!(
        got,
        vec![
            vec![
                id("person/judith-collins"),
                id("post/new-zealand-minister-of-defence"),
                "2025-12-19T11:40:00+09:00".into()
            ],
            vec![
                id("person/toshimitsu-motegi"),
                id("post/japan-minister-for-foreign-affairs"),
                "2025-12-19T11:40:00+09:00".into()
            ],
        ]
    );
}

#[test]
fn every_fact_points_to_its_sentence_with_offsets() {
    let store = seed_store();
    let got = rows(
        &store,
        "SELECT ?n ?exact ?start ?end WHERE { ?a pg:abbreviation 'ACSA' ; prov:wasDerivedFrom ?s . ?s pg:sentenceNumber ?n ; oa:hasSelector ?q , ?p . ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end }",
        &["n", "exact", "start", "end"],
    );
    assert_eq!(
        got.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
        ["10", "11", "7", "9"]
    );
    let text = pactgraph::inputs::SEED_TEXT;
    for row in &got {
        let (start, end): (usize, usize) = (row[2].parse().unwrap(), row[3].parse().unwrap());
        let quoted: String = text.chars().skip(start).take(end - start).collect();
        assert_eq!(quoted, row[1]);
    }
    let seven = got.iter().find(|r| r[0] == "7").unwrap();
    assert!(seven[1].starts_with("On December 19, commencing at 11:40 a.m. in Tokyo"));
    assert!(seven[1].ends_with("Hon. Judith Collins, Minister of Defence of New Zealand."));
    let provenance = rows(
        &store,
        "SELECT ?g ?release ?publisher ?url ?version WHERE { ?g prov:hadPrimarySource ?release ; prov:wasGeneratedBy ?b . ?b prov:wasAssociatedWith/schema:softwareVersion ?version . ?release schema:publisher ?publisher ; schema:url ?url }",
        &["g", "release", "publisher", "url", "version"],
    );
    assert_eq!(
        provenance,
        vec![vec![
            id("graph/release-mofa-2025-12-19-jp-nz-acsa-isa"),
            id("release/mofa-2025-12-19-jp-nz-acsa-isa"),
            id("ministry/japan-ministry-of-foreign-affairs"),
            "https://www.mofa.go.jp/press/release/pressite_000001_01940.html".into(),
            env!("CARGO_PKG_VERSION").into(),
        ]]
    );
}

#[test]
fn the_seed_conforms_to_the_shapes() {
    let store = seed_store();
    let shapes =
        pactgraph::validate::Shapes::parse(pactgraph::store::SHAPES_TTL, "shapes.ttl").unwrap();
    let report = shapes.validate(&store).unwrap();
    assert!(report.violations.is_empty(), "{:?}", report.violations);
    assert!(report.focus_nodes > 20, "{}", report.focus_nodes);
    let env = Env::new();
    let out = env.run(&["validate"]).ok();
    assert!(out.starts_with("conforms: 14 shapes"), "{out}");
}

#[test]
fn the_validator_finds_violations() {
    let store = seed_store();
    // An agreement with no label, a second type and a party that is no government, in a graph
    // of its own and (as `build` keeps it) in the merge that is the default graph.
    let bad = "<urn:x> a <https://w3id.org/pactgraph/ontology#Agreement> ; <https://w3id.org/pactgraph/ontology#party> <urn:nobody> ; <https://w3id.org/pactgraph/ontology#abbreviation> 42";
    store
        .store()
        .update(&format!(
            "INSERT DATA {{ GRAPH <urn:test> {{ {bad} }} {bad} }}"
        ))
        .unwrap();
    let shapes =
        pactgraph::validate::Shapes::parse(pactgraph::store::SHAPES_TTL, "shapes.ttl").unwrap();
    let report = shapes.validate(&store).unwrap();
    let messages: Vec<String> = report.violations.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 5, "{messages:#?}");
    assert!(
        messages
            .iter()
            .all(|m| m.starts_with("violation: <urn:x> ")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("rdf-schema#label>: expected at least 1 values, found 0"))
    );
    assert!(messages.iter().any(|m| m.contains(
        "expected an instance of <http://www.w3.org/ns/org#FormalOrganization>, found <urn:nobody>"
    )));
    assert!(messages.iter().any(|m| m.contains("expected a literal of datatype <http://www.w3.org/2001/XMLSchema#string>, found \"42\"^^<http://www.w3.org/2001/XMLSchema#integer>")));
    let unsupported = pactgraph::validate::Shapes::parse(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . <urn:s> a sh:NodeShape ; sh:targetClass <urn:C> ; sh:property [ sh:path <urn:p> ; sh:qualifiedMinCount 1 ] .",
        "mine.ttl",
    )
    .unwrap_err();
    assert!(
        unsupported.to_string().starts_with(
            "mine.ttl: unsupported SHACL term <http://www.w3.org/ns/shacl#qualifiedMinCount>"
        ),
        "{unsupported}"
    );
}

#[test]
fn validate_exits_1_on_violations() {
    let env = Env::new();
    let shapes = env.write(
        "strict.ttl",
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix pg: <https://w3id.org/pactgraph/ontology#> .\n<urn:s> a sh:NodeShape ; sh:targetClass pg:Agreement ; sh:property [ sh:path pg:abbreviation ; sh:minCount 1 ] .\n",
    );
    let run = env.run(&["validate", "--shapes", shapes.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let out = run.text();
    assert!(out.contains("violation: <https://w3id.org/pactgraph/id/agreement/information-security-japan_new-zealand-2025> <https://w3id.org/pactgraph/ontology#abbreviation>: expected at least 1 values, found 0"), "{out}");
    assert!(
        out.trim_end().ends_with("does not conform: 1 violations"),
        "{out}"
    );
}

/// `validate` checks the graph the default export writes, as an independent validator given
/// that export would: a type only the ontology's subclass axioms give (a government is an
/// `org:Organization` through `org:FormalOrganization`) does not count, and the concepts the
/// agreements point to are typed in the exported reference graph.
#[test]
fn validate_counts_only_the_types_the_default_export_states() {
    let env = Env::new();
    let shapes = env.write(
        "inferred.ttl",
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n@prefix pg: <https://w3id.org/pactgraph/ontology#> .\n@prefix org: <http://www.w3.org/ns/org#> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix schema: <http://schema.org/> .\n<urn:s> a sh:NodeShape ; sh:targetClass pg:Agreement ;\n  sh:property [ sh:path pg:party ; sh:class org:Organization ] ;\n  sh:property [ sh:path schema:legislationType ; sh:class skos:Concept ] ;\n  sh:property [ sh:path pg:party ; sh:class org:FormalOrganization ] .\n",
    );
    let run = env.run(&["validate", "--shapes", shapes.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let out = run.text();
    let violations: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("violation: "))
        .collect();
    assert_eq!(violations.len(), 4, "{out}");
    assert!(
        violations
            .iter()
            .all(|v| v.contains("expected an instance of <http://www.w3.org/ns/org#Organization>")),
        "{out}"
    );
    let export = env.run(&["export", "--format", "ntriples"]).ok();
    for typed in [
        "<https://w3id.org/pactgraph/id/government/japan> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/org#FormalOrganization> .",
        "<https://w3id.org/pactgraph/ontology#agreement-type-acsa> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/2004/02/skos/core#Concept> .",
    ] {
        assert!(export.contains(typed), "the default export lacks {typed}");
    }
    assert!(env.run(&["validate"]).ok().starts_with("conforms: "));
}

#[test]
fn every_vocabulary_term_is_declared_with_label_and_comment() {
    let quads = pactgraph::compare::parse(
        oxigraph::io::RdfFormat::Turtle,
        pactgraph::store::ONTOLOGY_TTL.as_bytes(),
    )
    .unwrap();
    let has = |s: &str, p: &str| {
        quads
            .iter()
            .any(|q| q.subject.to_string() == format!("<{s}>") && q.predicate.as_str() == p)
    };
    const TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    const LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
    const COMMENT: &str = "http://www.w3.org/2000/01/rdf-schema#comment";
    for term in pactgraph::vocab::all_terms() {
        let t = term.as_str();
        assert!(
            has(t, TYPE),
            "{t} is not declared in ontology/pactgraph.ttl"
        );
        assert!(has(t, LABEL), "{t} has no rdfs:label");
        assert!(has(t, COMMENT), "{t} has no rdfs:comment");
    }
    // Every project term the ontology declares is labelled and commented too.
    for q in quads.iter().filter(|q| q.predicate.as_str() == TYPE) {
        let s = q.subject.to_string();
        let s = s.trim_matches(['<', '>']);
        if s.starts_with(pactgraph::vocab::pg::NAMESPACE) {
            assert!(
                has(s, LABEL) && has(s, COMMENT),
                "{s} lacks a label or a comment"
            );
        }
    }
}

#[test]
fn stats_count_the_seed() {
    let env = Env::new();
    let out = env.run(&["stats"]).ok();
    let get = |key: &str| -> usize {
        out.lines()
            .find_map(|l| l.strip_prefix(key).map(|v| v.trim().parse().unwrap()))
            .unwrap_or_else(|| panic!("no {key} in {out}"))
    };
    assert_eq!(get("releases "), 1);
    assert_eq!(get("agreements "), 2);
    assert_eq!(get("signings "), 1);
    assert_eq!(get("meetings "), 1);
    assert_eq!(get("post holdings "), 4);
    assert_eq!(get("sentences "), 9);
}

#[test]
fn two_releases_about_one_event_meet_on_the_same_nodes() {
    let store = crate::util::store_of(&[
        crate::util::seed_card(),
        crate::util::fixture("nz-defence-other-style.yaml"),
    ]);
    crate::util::assert_one_seed_event(&store, "nz-mod-2025-12-19-japan-agreements", "2025-12-19");
}

#[test]
fn the_shipped_seed_text_is_the_corpus_seed() {
    let Some(shared) = crate::util::shared() else {
        return;
    };
    let corpus =
        std::fs::read_to_string(shared.join("corpus/00-mofa-2025-jp-nz-acsa-isa-signing.txt"))
            .unwrap();
    assert_eq!(corpus, pactgraph::inputs::SEED_TEXT);
}
