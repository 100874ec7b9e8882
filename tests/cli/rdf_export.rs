//! RDF export: every format parses back to the same graph, byte-identical from run to run,
//! correctly escaped, and never half-written.

use oxigraph::io::{JsonLdProfileSet, RdfFormat};
use oxigraph::model::{GraphName, Quad, Term};
use pactgraph::export::{GraphFilter, select};

use crate::util::{Env, fixture, seed_store, store_of};

/// (format name, file name, the Oxigraph parser format, keeps graphs)
const FORMATS: &[(&str, &str, Option<RdfFormat>, bool)] = &[
    ("turtle", "out.ttl", Some(RdfFormat::Turtle), false),
    ("ntriples", "out.nt", Some(RdfFormat::NTriples), false),
    ("nquads", "out.nq", Some(RdfFormat::NQuads), true),
    ("trig", "out.trig", Some(RdfFormat::TriG), true),
    ("rdfxml", "out.rdf", Some(RdfFormat::RdfXml), false),
    ("jsonld", "out.jsonld", None, true),
    ("canonical", "out.c14n.nq", Some(RdfFormat::NQuads), true),
];

fn parse(format: Option<RdfFormat>, bytes: &[u8]) -> Vec<Quad> {
    let format = format.unwrap_or(RdfFormat::JsonLd {
        profile: JsonLdProfileSet::empty(),
    });
    pactgraph::compare::parse(format, bytes).unwrap_or_else(|e| panic!("{format}: {e}"))
}

fn expected(store: &pactgraph::store::GraphStore, keeps_graphs: bool) -> Vec<Quad> {
    let filter = GraphFilter {
        reference: true,
        ..GraphFilter::default()
    };
    select(store, &filter, keeps_graphs).unwrap().quads
}

#[test]
fn every_format_round_trips_to_the_store_contents() {
    let env = Env::new();
    let store = seed_store();
    for (name, file, parser, keeps) in FORMATS {
        let run = env.run(&["export", "--output", file]);
        run.ok();
        let bytes = std::fs::read(env.path(file)).unwrap();
        let parsed = parse(*parser, &bytes);
        let want = expected(&store, *keeps);
        assert_eq!(parsed.len(), want.len(), "{name}: quad count");
        assert!(
            pactgraph::compare::isomorphic(&parsed, &want).unwrap(),
            "{name}: not isomorphic to the store"
        );
        // The same again through --format and standard output.
        let again = env.run(&["export", "--format", name]);
        assert_eq!(
            again.ok().as_bytes(),
            bytes.as_slice(),
            "{name}: --format and --output differ"
        );
    }
}

#[test]
fn exports_are_byte_identical_across_builds() {
    let env = Env::new();
    for (name, ..) in FORMATS {
        let first = env.run(&["export", "--format", name]).ok();
        let second = env.run(&["export", "--format", name]).ok();
        assert_eq!(first, second, "{name} differs between two in-memory builds");
    }
    let seed = crate::util::seed_card();
    let seed = seed.to_str().unwrap();
    env.run(&["build", "--store", "a", seed]).ok();
    env.run(&["build", "--store", "b", seed]).ok();
    for (name, ..) in FORMATS {
        let a = env.run(&["export", "--store", "a", "--format", name]).ok();
        let b = env.run(&["export", "--store", "b", "--format", name]).ok();
        let memory = env.run(&["export", "--format", name]).ok();
        assert_eq!(a, b, "{name} differs between two stores");
        assert_eq!(
            a, memory,
            "{name} differs between a store and the in-memory seed"
        );
    }
}

#[test]
fn turtle_declares_only_the_prefixes_it_uses_and_groups_subjects() {
    let env = Env::new();
    let out = env
        .run(&["export", "--graph", "mofa-2025-12-19-jp-nz-acsa-isa"])
        .ok();
    let (head, body): (Vec<&str>, Vec<&str>) = out.lines().partition(|l| l.starts_with("@prefix"));
    assert!(head.len() >= 10, "{head:?}");
    for line in &head {
        let name = line
            .trim_start_matches("@prefix ")
            .split(':')
            .next()
            .unwrap();
        assert!(
            body.iter().any(|l| l.contains(&format!("{name}:"))),
            "prefix {name} is declared but unused"
        );
    }
    assert!(
        !head
            .iter()
            .any(|l| l.starts_with("@prefix owl:") || l.starts_with("@prefix sh:")),
        "{head:?}"
    );
    let subjects: Vec<&str> = body
        .iter()
        .filter(|l| !l.starts_with('\t') && !l.is_empty())
        .map(|l| l.split(' ').next().unwrap())
        .collect();
    let mut unique = subjects.clone();
    unique.dedup();
    assert_eq!(subjects, unique, "a subject appears in two groups");
    let mut sorted = unique.clone();
    sorted.sort();
    assert!(out.contains("agreement:acsa-japan_new-zealand-2025 a eli:LegalResource , schema:Legislation , pg:Agreement ;"), "{out}");
    assert!(out.contains("\"2025-12-19T11:40:00+09:00\"^^xsd:dateTime"));
}

#[test]
fn hostile_text_is_escaped_in_every_format() {
    let env = Env::new();
    let card = fixture("escapes.yaml");
    let card = card.to_str().unwrap();
    let store = store_of(&[fixture("escapes.yaml")]);
    for (name, file, parser, keeps) in FORMATS {
        env.run(&["export", card, "--output", file]).ok();
        let bytes = std::fs::read(env.path(file)).unwrap();
        let parsed = parse(*parser, &bytes);
        assert!(
            pactgraph::compare::isomorphic(&parsed, &expected(&store, *keeps)).unwrap(),
            "{name}: not isomorphic"
        );
        let literals: Vec<String> = parsed
            .iter()
            .filter_map(|q| match &q.object {
                Term::Literal(l) => Some(l.value().to_owned()),
                _ => None,
            })
            .collect();
        for expected in [
            "Signing of the \"Quoted\" <Agreement> & Friends\nsecond line",
            "Agreement on \"Quotes\", <Brackets> & Ampersands",
            "日本・ニュージーランド協定",
            "Q&A<>",
            "line one\nline two with a tab\tand a backslash \\ and </script>",
            "加藤 勝信",
            "Tāne \"Tama\" Mahuta",
            "Te Ope Kātua o Aotearoa",
        ] {
            assert!(
                literals.iter().any(|l| l == expected),
                "{name}: {expected:?} did not survive"
            );
        }
    }
    // The forces and posts resolve despite the spelling: the macron name is the NZDF.
    let out = env.run(&["export", card, "--format", "nt"]).ok();
    assert!(
        out.contains("<https://w3id.org/pactgraph/id/force/new-zealand-defence-force>"),
        "{out}"
    );
}

#[test]
fn a_failed_export_leaves_the_old_file_and_no_temporary_file() {
    let env = Env::new();
    let target = env.write("graph.ttl", "old contents\n");
    let run = env.run(&[
        "export",
        "--output",
        "graph.ttl",
        "--graph",
        "no-such-release",
    ]);
    let line = run.error();
    assert!(
        line.starts_with("pactgraph: --graph: no graph \"no-such-release\" in the store"),
        "{line}"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old contents\n");
    let run = env.run(&["export", "--output", "missing-dir/graph.ttl"]);
    assert!(run.error().contains("missing-dir"), "{}", run.stderr);
    let names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["graph.ttl"]);
}

#[cfg(unix)]
#[test]
fn written_files_are_readable_by_others_or_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.run(&["export", "--output", "new.ttl"]).ok();
    let mode = |name: &str| {
        std::fs::metadata(env.path(name))
            .unwrap()
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("new.ttl"), 0o644);
    let kept = env.write("kept.ttl", "old\n");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).unwrap();
    env.run(&["export", "--output", "kept.ttl"]).ok();
    assert_eq!(mode("kept.ttl"), 0o640);
    assert!(
        std::fs::read_to_string(&kept)
            .unwrap()
            .starts_with("@prefix")
    );
}

#[test]
fn graph_selection_and_merging() {
    let env = Env::new();
    let release_only = env
        .run(&[
            "export",
            "--format",
            "nq",
            "--graph",
            "mofa-2025-12-19-jp-nz-acsa-isa",
        ])
        .ok();
    assert!(release_only.lines().all(|l| l.ends_with(
        "<https://w3id.org/pactgraph/id/graph/release-mofa-2025-12-19-jp-nz-acsa-isa> ."
    )));
    let everything = env
        .run(&["export", "--format", "nq", "--with-ontology"])
        .ok();
    let no_reference = env
        .run(&["export", "--format", "nq", "--no-reference"])
        .ok();
    assert_eq!(no_reference, release_only);
    assert!(everything.contains("<https://w3id.org/pactgraph/id/graph/ontology> ."));
    assert!(everything.contains("<https://w3id.org/pactgraph/id/graph/reference> ."));
    let triples = env.run(&["export", "--format", "nt"]).ok();
    let store = seed_store();
    let merged = expected(&store, false);
    assert_eq!(triples.lines().count(), merged.len());
    assert!(
        merged
            .iter()
            .all(|q| q.graph_name == GraphName::DefaultGraph)
    );
}

#[test]
fn base_iri_moves_the_data_but_not_the_vocabulary() {
    let env = Env::new();
    let out = env
        .run(&[
            "export",
            "--format",
            "nt",
            "--base",
            "http://example.org/kg/",
        ])
        .ok();
    assert!(out.contains("<http://example.org/kg/id/agreement/acsa-japan_new-zealand-2025> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/pactgraph/ontology#Agreement> ."));
    assert!(out.contains("<http://example.org/kg/id/government/japan> <http://schema.org/areaServed> <http://example.org/kg/id/country/japan> ."));
    assert!(
        !out.contains("https://w3id.org/pactgraph/id/"),
        "an IRI kept the default base"
    );
    let run = env.run(&["export", "--base", "not a base"]);
    assert!(run.error().contains("invalid base IRI"), "{}", run.stderr);
}

#[test]
fn the_ontology_opens_in_other_formats() {
    let env = Env::new();
    let ttl = env.run(&["ontology"]).ok();
    assert!(ttl.contains("pg:Agreement a owl:Class"));
    let xml = env.run(&["ontology", "--format", "rdfxml"]).ok();
    let quads = pactgraph::compare::parse(RdfFormat::RdfXml, xml.as_bytes()).unwrap();
    let from_ttl = pactgraph::compare::parse(RdfFormat::Turtle, ttl.as_bytes()).unwrap();
    assert!(pactgraph::compare::isomorphic(&quads, &from_ttl).unwrap());
    let shapes = env.run(&["ontology", "--shapes"]).ok();
    assert!(shapes.contains("sh:NodeShape"));
}
