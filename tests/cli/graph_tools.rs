//! Graph-tool exports (GraphML, yEd, GEXF, DOT, Neo4j, Cytoscape): every format read back shows
//! the same nodes and edges, the seed's key edges, escaped text, and byte-identical output.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::util::{Env, fixture, id};

/// The nodes (IRI -> label) and edges (source IRI, property short name, target IRI) a file shows.
#[derive(Debug, Default, PartialEq, Eq)]
struct Shown {
    nodes: BTreeMap<String, String>,
    edges: BTreeSet<(String, String, String)>,
    edge_count: usize,
}

fn attrs(e: &BytesStart<'_>) -> BTreeMap<String, String> {
    e.attributes()
        .map(|a| {
            let a = a.expect("a well-formed attribute");
            (
                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                a.unescape_value().expect("an escaped value").into_owned(),
            )
        })
        .collect()
}

/// Reads XML into (element name, attributes, text content) for every element, failing on any
/// well-formedness error quick-xml detects.
fn elements(bytes: &[u8]) -> Vec<(String, BTreeMap<String, String>, String)> {
    let mut reader = Reader::from_reader(bytes);
    let mut out: Vec<(String, BTreeMap<String, String>, String)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed XML") {
            Event::Start(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                out.push((name, attrs(&e), String::new()));
                open.push(out.len() - 1);
            }
            Event::Empty(e) => {
                let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                out.push((name, attrs(&e), String::new()));
            }
            Event::End(_) => {
                open.pop().expect("balanced tags");
            }
            Event::Text(t) => {
                if let Some(&i) = open.last() {
                    out[i].2.push_str(&t.decode().unwrap());
                }
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().unwrap();
                        quick_xml::escape::unescape(&format!("&{name};"))
                            .unwrap()
                            .into_owned()
                    }
                };
                if let Some(&i) = open.last() {
                    out[i].2.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    assert!(open.is_empty(), "unclosed elements");
    out
}

fn graphml(bytes: &[u8]) -> Shown {
    let elements = elements(bytes);
    let keys: BTreeMap<String, String> = elements
        .iter()
        .filter(|(n, ..)| n == "key")
        .filter_map(|(_, a, _)| Some((a["id"].clone(), a.get("attr.name")?.clone())))
        .collect();
    let mut shown = Shown::default();
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let mut current: BTreeMap<String, String> = BTreeMap::new();
    let mut pending_edges: Vec<(String, String, BTreeMap<String, String>)> = Vec::new();
    let mut in_edge = false;
    let mut element_id = String::new();
    let flush = |in_edge: bool,
                 element_id: &str,
                 current: &mut BTreeMap<String, String>,
                 shown: &mut Shown,
                 ids: &mut BTreeMap<String, String>| {
        if !in_edge && !element_id.is_empty() {
            ids.insert(element_id.to_owned(), current["iri"].clone());
            shown
                .nodes
                .insert(current["iri"].clone(), current["label"].clone());
        }
        current.clear();
    };
    for (name, a, text) in &elements {
        match name.as_str() {
            "node" | "edge" => {
                if let Some(last) = pending_edges.last_mut()
                    && in_edge
                {
                    last.2 = current.clone();
                }
                flush(in_edge, &element_id, &mut current, &mut shown, &mut ids);
                in_edge = name == "edge";
                element_id = a["id"].clone();
                if in_edge {
                    pending_edges.push((a["source"].clone(), a["target"].clone(), BTreeMap::new()));
                }
            }
            "data" => {
                if let Some(key) = keys.get(&a["key"]) {
                    current.insert(key.clone(), text.clone());
                }
            }
            _ => {}
        }
    }
    if in_edge && let Some(last) = pending_edges.last_mut() {
        last.2 = current.clone();
    }
    flush(in_edge, &element_id, &mut current, &mut shown, &mut ids);
    for (s, t, data) in pending_edges {
        shown
            .edges
            .insert((ids[&s].clone(), data["label"].clone(), ids[&t].clone()));
        shown.edge_count += 1;
    }
    shown
}

fn gexf(bytes: &[u8]) -> Shown {
    let mut shown = Shown::default();
    for (name, a, _) in elements(bytes) {
        match name.as_str() {
            "node" => {
                shown.nodes.insert(a["id"].clone(), a["label"].clone());
            }
            "edge" => {
                shown
                    .edges
                    .insert((a["source"].clone(), a["label"].clone(), a["target"].clone()));
                shown.edge_count += 1;
            }
            _ => {}
        }
    }
    shown
}

/// Reads a DOT quoted string starting at `text[0] == '"'`; returns it unescaped and the rest.
fn dot_string(text: &str) -> (String, &str) {
    assert!(text.starts_with('"'), "expected a quoted string: {text}");
    let mut out = String::new();
    let mut chars = text[1..].char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return (out, &text[i + 2..]),
            '\\' => match chars.next().unwrap().1 {
                'n' => out.push('\n'),
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    panic!("unterminated string: {text}");
}

fn dot(text: &str) -> Shown {
    assert!(text.starts_with("digraph \"pactgraph\" {\n"), "{text}");
    assert!(text.ends_with("}\n"));
    let mut shown = Shown::default();
    for line in text.lines().map(str::trim) {
        if !line.starts_with('"') {
            continue;
        }
        let (first, rest) = dot_string(line);
        if let Some(rest) = rest.strip_prefix(" -> ") {
            let (second, rest) = dot_string(rest);
            let (label, _) = dot_string(rest.strip_prefix(" [label=").unwrap());
            shown.edges.insert((first, label, second));
            shown.edge_count += 1;
        } else {
            let (label, _) = dot_string(rest.strip_prefix(" [label=").unwrap());
            let label = label.replace('\n', " ").replace("&amp;", "&");
            shown.nodes.insert(first, label);
        }
    }
    shown
}

fn csv_rows(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

fn table(dir: &Path, nodes: &str, edges: &str, columns: [&str; 5]) -> Shown {
    let [id, label, source, kind, target] = columns;
    let (header, rows) = csv_rows(&dir.join(nodes));
    let col = |h: &[String], name: &str| h.iter().position(|c| c == name).unwrap();
    let mut shown = Shown::default();
    for row in rows {
        shown.nodes.insert(
            row[col(&header, id)].clone(),
            row[col(&header, label)].clone(),
        );
    }
    let (header, rows) = csv_rows(&dir.join(edges));
    for row in rows {
        shown.edges.insert((
            row[col(&header, source)].clone(),
            row[col(&header, kind)].clone(),
            row[col(&header, target)].clone(),
        ));
        shown.edge_count += 1;
    }
    shown
}

/// Exports in every graph-tool format with these extra arguments and reads each back.
fn every_format(env: &Env, extra: &[&str]) -> Vec<(&'static str, Shown)> {
    let mut shown = Vec::new();
    for (format, file) in [
        ("graphml", "g.graphml"),
        ("graphml-yed", "g.yed.graphml"),
        ("gexf", "g.gexf"),
        ("dot", "g.dot"),
    ] {
        let mut args = vec!["export", "--format", format, "--output", file];
        args.extend_from_slice(extra);
        env.run(&args).ok();
        let bytes = std::fs::read(env.path(file)).unwrap();
        let got = match format {
            "gexf" => gexf(&bytes),
            "dot" => dot(std::str::from_utf8(&bytes).unwrap()),
            _ => graphml(&bytes),
        };
        shown.push((format, got));
    }
    for format in ["neo4j", "cytoscape"] {
        let mut args = vec!["export", "--format", format, "--output", format];
        args.extend_from_slice(extra);
        env.run(&args).ok();
        let dir = env.path(format);
        let got = if format == "neo4j" {
            table(
                &dir,
                "nodes.csv",
                "relationships.csv",
                ["iri:ID", "label", ":START_ID", ":TYPE", ":END_ID"],
            )
        } else {
            table(
                &dir,
                "nodes.csv",
                "edges.csv",
                ["id", "label", "source", "interaction", "target"],
            )
        };
        shown.push((format, got));
    }
    shown
}

fn edge(source: &str, property: &str, target: &str) -> (String, String, String) {
    (id(source), property.to_owned(), id(target))
}

#[test]
fn every_format_shows_the_same_seed_graph_with_its_key_edges() {
    let env = Env::new();
    let all = every_format(&env, &[]);
    let (_, first) = &all[0];
    // The seed: 40 nodes and 92 edges (provenance plumbing and unreached reference data left
    // out), among them each person's country and the portfolios of the posts held.
    assert_eq!(first.nodes.len(), 40, "{:#?}", first.nodes);
    assert_eq!(first.edge_count, 92);
    assert_eq!(first.edges.len(), 92, "no duplicate edges");
    for (format, shown) in &all {
        assert_eq!(shown, first, "{format} differs from graphml");
    }
    let acsa = "agreement/acsa-japan_new-zealand-2025";
    let isa = "agreement/information-security-japan_new-zealand-2025";
    let signing = "event/2025-12-19-signing-japan_new-zealand";
    for (s, p, o) in [
        // MOTEGI Toshimitsu and the ACSA: he signed it, and attended the signing of it.
        edge(acsa, "signatory", "person/toshimitsu-motegi"),
        edge(signing, "attendee", "person/toshimitsu-motegi"),
        edge(signing, "signedInstrument", acsa),
        // Judith Collins and the ISA.
        edge(isa, "signatory", "person/judith-collins"),
        edge(signing, "attendee", "person/judith-collins"),
        edge(signing, "signedInstrument", isa),
        // The ACSA concerns the New Zealand Defence Force.
        edge(acsa, "concernsForce", "force/new-zealand-defence-force"),
        // Who signed for which government, where.
        edge(
            "association/2025-12-19-signing-japan_new-zealand-judith-collins",
            "onBehalfOf",
            "government/new-zealand",
        ),
        edge(signing, "location", "place/tokyo"),
    ] {
        assert!(
            first.edges.contains(&(s.clone(), p.clone(), o.clone())),
            "missing {s} -{p}-> {o}"
        );
    }
    assert_eq!(
        first.nodes[&id("person/toshimitsu-motegi")],
        "Toshimitsu Motegi"
    );
    assert_eq!(
        first.nodes[&id(acsa)],
        "Acquisition and Cross-Servicing Agreement"
    );
    assert_eq!(
        first.nodes[&id("force/new-zealand-defence-force")],
        "New Zealand Defence Force"
    );
    // Reference data the releases do not reach is left out; plumbing too.
    assert!(!first.nodes.contains_key(&id("country/australia")));
    assert!(
        !first
            .nodes
            .keys()
            .any(|n| n.contains("/sentence/") || n.contains("/instant/"))
    );
}

#[test]
fn options_choose_types_provenance_and_reference_data_in_every_format() {
    let env = Env::new();
    let people_and_agreements =
        every_format(&env, &["--type", "schema:Person", "--type", "pg:Agreement"]);
    for (format, shown) in &people_and_agreements {
        assert_eq!(
            shown.nodes.values().cloned().collect::<BTreeSet<_>>(),
            BTreeSet::from([
                "Acquisition and Cross-Servicing Agreement".to_owned(),
                "Information Security Agreement".to_owned(),
                "Judith Collins".to_owned(),
                "Toshimitsu Motegi".to_owned(),
            ]),
            "{format}"
        );
        assert_eq!(shown.edge_count, 4, "{format}: the four signatory edges");
        assert!(
            shown.edges.iter().all(|(_, p, _)| p == "signatory"),
            "{format}"
        );
    }
    let full = every_format(&env, &["--with-provenance", "--all-reference"]);
    let (_, first) = &full[0];
    for (format, shown) in &full {
        assert_eq!(shown, first, "{format}");
    }
    assert!(first.nodes.contains_key(&id("country/australia")));
    assert!(
        first
            .nodes
            .contains_key(&id("sentence/mofa-2025-12-19-jp-nz-acsa-isa-7"))
    );
    assert!(first.edges.contains(&edge(
        acsa_iri(),
        "wasDerivedFrom",
        "sentence/mofa-2025-12-19-jp-nz-acsa-isa-9"
    )));
    let bare = every_format(&env, &["--no-reference"]);
    // Without the reference data, governments are still there as the ends of edges, named
    // from the store.
    assert_eq!(
        bare[0].1.nodes[&id("government/japan")],
        "Government of Japan"
    );
    assert!(
        !bare[0]
            .1
            .nodes
            .contains_key(&id("ministry/new-zealand-ministry-of-defence"))
    );
}

fn acsa_iri() -> &'static str {
    "agreement/acsa-japan_new-zealand-2025"
}

#[test]
fn attributes_are_typed_dated_and_lists_are_kept() {
    let env = Env::new();
    let out = env
        .run(&["export", "--format", "graphml", "--with-provenance"])
        .ok();
    let elements = elements(out.as_bytes());
    let key_type = |name: &str| {
        elements
            .iter()
            .find(|(n, a, _)| n == "key" && a.get("attr.name").map(String::as_str) == Some(name))
            .map(|(_, a, _)| a["attr.type"].clone())
            .unwrap_or_else(|| panic!("no key {name}"))
    };
    assert_eq!(key_type("sentenceNumber"), "long");
    assert_eq!(key_type("legislationDate"), "string");
    assert_eq!(key_type("rdfs_label"), "string");
    // Motegi's labels, a list kept whole.
    assert!(
        out.contains("[\"Toshimitsu Motegi\",\"茂木敏充\"]"),
        "labels as a JSON list"
    );

    let gexf = env.run(&["export", "--format", "gexf"]).ok();
    assert!(
        gexf.contains("mode=\"dynamic\" timeformat=\"date\""),
        "{gexf}"
    );
    let elements = self::elements(gexf.as_bytes());
    let start = |iri: &str| {
        elements
            .iter()
            .find(|(n, a, _)| n == "node" && a["id"] == id(iri))
            .and_then(|(_, a, _)| a.get("start").cloned())
    };
    assert_eq!(
        start("agreement/acsa-japan_new-zealand-2025").as_deref(),
        Some("2025-12-19")
    );
    assert_eq!(
        start("event/2025-12-19-signing-japan_new-zealand").as_deref(),
        Some("2025-12-19")
    );
    assert_eq!(start("person/judith-collins"), None);
    let declared: BTreeMap<String, String> = elements
        .iter()
        .filter(|(n, ..)| n == "attribute")
        .map(|(_, a, _)| (a["title"].clone(), a["type"].clone()))
        .collect();
    assert_eq!(declared["rdfs_label"], "liststring");
    assert_eq!(declared["sameAs"], "liststring");
    assert_eq!(declared["abbreviation"], "string");

    env.run(&[
        "export",
        "--format",
        "neo4j",
        "--output",
        "n",
        "--with-provenance",
    ])
    .ok();
    let (header, _) = csv_rows(&env.path("n/nodes.csv"));
    for column in [
        "iri:ID",
        ":LABEL",
        "legislationDate:date",
        "hasEarliestBeginTimeStamp:datetime",
        "sentenceNumber:long",
        "rdfs_label:string[]",
    ] {
        assert!(header.iter().any(|h| h == column), "{column} in {header:?}");
    }
    let (header, _) = csv_rows(&env.path("n/relationships.csv"));
    assert_eq!(&header[..3], [":START_ID", ":END_ID", ":TYPE"]);
    let cypher = std::fs::read_to_string(env.path("n/load.cypher")).unwrap();
    assert!(cypher.contains("CREATE (a)-[r:`signatory` {id: row.id, iri: row.iri}]->(b)"));
    assert!(cypher.contains("SET n:`Person`;"));
}

#[test]
fn text_is_escaped_in_every_format() {
    let env = Env::new();
    let card = fixture("escapes.yaml");
    let card = card.to_str().unwrap();
    let all = every_format(&env, &[card]);
    let release = id("release/escapes-test");
    let title = "Signing of the \"Quoted\" <Agreement> & Friends\nsecond line";
    let (_, first) = &all[0];
    for (format, shown) in &all {
        let label = &shown.nodes[&release];
        // DOT wraps long labels; the words and every special character survive.
        if *format == "dot" {
            assert_eq!(label, &title.replace('\n', " "), "{format}");
        } else {
            assert_eq!(label, title, "{format}");
            assert_eq!(shown, first, "{format}");
        }
        assert_eq!(shown.nodes.len(), first.nodes.len(), "{format}");
        assert_eq!(shown.edges, first.edges, "{format}");
    }
    let agreement = first
        .nodes
        .iter()
        .find(|(iri, _)| iri.contains("/agreement/"))
        .unwrap();
    assert_eq!(agreement.1, "日本・ニュージーランド協定");
    assert!(first.nodes.values().any(|l| l == "Tāne \"Tama\" Mahuta"));
    // The summary, with its newline, tab and backslash, as a GEXF attribute value.
    let gexf = std::fs::read(env.path("g.gexf")).unwrap();
    let summary = "line one\nline two with a tab\tand a backslash \\ and </script>";
    assert!(
        elements(&gexf)
            .iter()
            .any(|(n, a, _)| n == "attvalue" && a["value"] == summary)
    );
    // And in the Neo4j and Cytoscape CSV.
    for file in ["neo4j/nodes.csv", "cytoscape/nodes.csv"] {
        let (_, rows) = csv_rows(&env.path(file));
        assert!(
            rows.iter().any(|r| r.iter().any(|v| v == summary)),
            "{file}"
        );
    }
}

#[test]
fn graph_exports_are_byte_identical_from_run_to_run() {
    let env = Env::new();
    for format in ["graphml", "graphml-yed", "gexf", "dot"] {
        let a = env.run(&["export", "--format", format]).ok();
        let b = env.run(&["export", "--format", format]).ok();
        assert_eq!(a, b, "{format}");
    }
    for (format, files) in [
        (
            "neo4j",
            &["nodes.csv", "relationships.csv", "load.cypher", "import.sh"][..],
        ),
        ("cytoscape", &["nodes.csv", "edges.csv"][..]),
    ] {
        env.run(&["export", "--format", format, "--output", "a"])
            .ok();
        env.run(&["export", "--format", format, "--output", "b"])
            .ok();
        for file in files {
            assert_eq!(
                std::fs::read(env.path(&format!("a/{file}"))).unwrap(),
                std::fs::read(env.path(&format!("b/{file}"))).unwrap(),
                "{format} {file}"
            );
        }
        std::fs::remove_dir_all(env.path("a")).unwrap();
        std::fs::remove_dir_all(env.path("b")).unwrap();
    }
    // The same from an on-disk store as from the in-memory seed.
    let seed = crate::util::seed_card();
    env.run(&["build", "--store", "kg", seed.to_str().unwrap()])
        .ok();
    for format in ["graphml", "gexf", "dot"] {
        let memory = env.run(&["export", "--format", format]).ok();
        let stored = env
            .run(&["export", "--store", "kg", "--format", format])
            .ok();
        assert_eq!(memory, stored, "{format}");
    }
}

#[test]
fn directory_formats_refuse_standard_output_and_foreign_directories() {
    let env = Env::new();
    for format in ["neo4j", "cytoscape"] {
        let message = env.run(&["export", "--format", format]).error();
        assert!(
            message.contains("writes a directory of files, expected --output DIR"),
            "{message}"
        );
    }
    // A directory holding other files is left alone.
    env.write("mine/notes.txt", "keep me");
    let message = env
        .run(&["export", "--format", "neo4j", "--output", "mine"])
        .error();
    assert!(
        message.contains("mine") && message.contains("notes.txt"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(env.path("mine/notes.txt")).unwrap(),
        "keep me"
    );
    assert_eq!(std::fs::read_dir(env.path("mine")).unwrap().count(), 1);
    // An earlier export is replaced whole, and no temporary directory is left behind.
    env.run(&[
        "export",
        "--format",
        "cytoscape",
        "--output",
        "cy",
        "--type",
        "schema:Person",
    ])
    .ok();
    env.run(&["export", "--format", "cytoscape", "--output", "cy"])
        .ok();
    let (_, rows) = csv_rows(&env.path("cy/nodes.csv"));
    assert_eq!(rows.len(), 40);
    let names: Vec<String> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.starts_with(".pactgraph")),
        "{names:?}"
    );
}

#[test]
fn bad_projection_options_are_one_line_errors() {
    let env = Env::new();
    let message = env
        .run(&["export", "--format", "dot", "--type", "nope:Person"])
        .error();
    assert!(
        message.contains("--type: unknown prefix \"nope\"") && message.contains("schema"),
        "{message}"
    );
    let message = env
        .run(&["export", "--format", "dot", "--type", "Person"])
        .error();
    assert!(message.contains("neither a prefixed name"), "{message}");
    let message = env.run(&["export", "--format", "svg"]).error();
    assert!(
        message.ends_with("canonical, graphml, graphml-yed, gexf, dot, neo4j, cytoscape"),
        "{message}"
    );
    let message = env.run(&["export", "--type", "schema:Person"]).error();
    assert!(
        message.contains("apply to the graph-tool formats") && message.contains("turtle"),
        "{message}"
    );
    // A full IRI works as well as a prefixed name.
    let out = env
        .run(&[
            "export",
            "--format",
            "dot",
            "--type",
            "http://schema.org/Person",
        ])
        .ok();
    assert_eq!(dot(&out).nodes.len(), 2);
}

#[test]
fn the_readme_shows_real_output() {
    let env = Env::new();
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let command = "pactgraph export --format dot --type schema:Person --type pg:Agreement\n";
    let after = &readme[readme.find(command).expect("the README shows the command")..];
    let block = after
        .split("```text\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .unwrap();
    let out = env
        .run(&[
            "export",
            "--format",
            "dot",
            "--type",
            "schema:Person",
            "--type",
            "pg:Agreement",
        ])
        .ok();
    assert_eq!(block, out);
    let edges = readme
        .split("source,interaction,target,id,iri,graphs,start\n")
        .nth(1)
        .unwrap()
        .lines()
        .next()
        .unwrap();
    env.run(&[
        "export",
        "--format",
        "cytoscape",
        "--output",
        "cy",
        "--type",
        "schema:Person",
        "--type",
        "pg:Agreement",
    ])
    .ok();
    let real = std::fs::read_to_string(env.path("cy/edges.csv")).unwrap();
    assert_eq!(real.lines().nth(1), Some(edges));
}

#[test]
fn the_library_exporter_projects_single_files_and_refuses_directories() {
    use pactgraph::export::{GraphFilter, exporter, select};
    use pactgraph::format::OutputFormat;
    let store = crate::util::seed_store();
    let selection = select(
        &store,
        &GraphFilter {
            reference: true,
            ..GraphFilter::default()
        },
        true,
    )
    .unwrap();
    let mut out = Vec::new();
    exporter(OutputFormat::Dot)
        .export(&selection, &mut out)
        .unwrap();
    let shown = dot(std::str::from_utf8(&out).unwrap());
    assert!(shown.edges.contains(&edge(
        "agreement/acsa-japan_new-zealand-2025",
        "signatory",
        "person/toshimitsu-motegi"
    )));
    // Without trimming, the whole reference data is there.
    assert!(shown.nodes.contains_key(&id("country/australia")));
    let err = exporter(OutputFormat::Neo4j)
        .export(&selection, &mut Vec::new())
        .unwrap_err();
    assert!(err.to_string().contains("expected --output DIR"), "{err}");
}
