//! Neo4j: a directory for `neo4j-admin database import full` (`nodes.csv`, `relationships.csv`,
//! and `import.sh` with the command), plus `load.cypher`, which loads the same CSV files into a
//! running database with `LOAD CSV`.
//!
//! Headers follow neo4j-admin: `iri:ID`, `:LABEL` (the types' short names, plus `Resource` on
//! every node), `:START_ID`, `:END_ID`, `:TYPE` (the property's short name), and typed properties
//! (`name:long`, `startDate:datetime`, `legislationDate:date`, arrays as `name:string[]`). Array
//! items are joined by `;`, or by the first of `|`, `¦` that no value contains, and `import.sh`
//! passes the delimiter on. CSV is written by the csv crate (fields quoted as needed).

use std::collections::BTreeSet;
use std::io::Write;

use super::ExportError;
use super::graph_tools::GraphExporter;
use crate::projection::{Attribute, GraphView, ValueType};

/// The neo4j-admin CSV files and `load.cypher`.
#[derive(Debug, Clone, Copy)]
pub struct Neo4j;

/// The files written.
pub const FILES: &[&str] = &["nodes.csv", "relationships.csv", "load.cypher", "import.sh"];

/// The label every node has.
pub const RESOURCE: &str = "Resource";

fn neo4j_type(value_type: ValueType) -> &'static str {
    match value_type {
        ValueType::Integer => "long",
        ValueType::Double => "double",
        ValueType::Boolean => "boolean",
        ValueType::Date => "date",
        ValueType::DateTime => "datetime",
        ValueType::Text | ValueType::Uri => "string",
    }
}

fn column(a: &Attribute) -> String {
    format!(
        "{}:{}{}",
        a.name,
        neo4j_type(a.value_type),
        if a.list { "[]" } else { "" }
    )
}

/// The short name of a type (`schema:Person` -> `Person`), as a Neo4j label.
pub fn label_of(t: &str) -> String {
    if t.contains("://") {
        crate::projection::short_name(t).to_owned()
    } else {
        t.rsplit(':').next().unwrap_or(t).to_owned()
    }
}

fn labels(types: &[String]) -> Vec<String> {
    let mut set: BTreeSet<String> = types.iter().map(|t| label_of(t)).collect();
    set.remove(RESOURCE);
    std::iter::once(RESOURCE.to_owned()).chain(set).collect()
}

/// The array delimiter: `;` unless some array item contains it.
pub fn delimiter(graph: &dyn GraphView) -> char {
    graph.list_delimiter(&[';', '|', '¦'])
}

fn csv_writer(out: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

/// A Cypher string literal.
pub fn cypher_string(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A Cypher identifier in backticks.
pub fn cypher_name(name: &str) -> String {
    format!("`{}`", name.replace('`', "``"))
}

/// The Cypher expression converting a CSV field (`row.<column>`) to the value of its type.
fn convert(column: &str, value_type: ValueType, list: bool, delimiter: char) -> String {
    let field = format!("row.{}", cypher_name(column));
    let one = |x: &str| match value_type {
        ValueType::Integer => format!("toInteger({x})"),
        ValueType::Double => format!("toFloat({x})"),
        ValueType::Boolean => format!("toBoolean({x})"),
        ValueType::Date => format!("date({x})"),
        ValueType::DateTime => format!("datetime({x})"),
        ValueType::Text | ValueType::Uri => x.to_owned(),
    };
    if list {
        format!(
            "CASE WHEN coalesce({field}, '') = '' THEN null ELSE [v IN split({field}, {}) | {}] END",
            cypher_string(&delimiter.to_string()),
            one("v")
        )
    } else {
        format!(
            "CASE WHEN coalesce({field}, '') = '' THEN null ELSE {} END",
            one(&field)
        )
    }
}

impl GraphExporter for Neo4j {
    fn files(&self) -> &'static [&'static str] {
        FILES
    }

    fn write(
        &self,
        graph: &dyn GraphView,
        file: &str,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let delimiter = delimiter(graph);
        let join = |items: &mut dyn Iterator<Item = &str>| {
            items.collect::<Vec<_>>().join(&delimiter.to_string())
        };
        match file {
            "nodes.csv" => {
                let mut csv = csv_writer(out);
                let mut header: Vec<String> = [
                    "iri:ID",
                    ":LABEL",
                    "label",
                    "kind",
                    "types:string[]",
                    "graphs:string[]",
                    "start:date",
                ]
                .iter()
                .map(|s| (*s).to_owned())
                .collect();
                header.extend(graph.attributes().iter().map(column));
                csv.write_record(&header).map_err(std::io::Error::from)?;
                for node in graph.nodes() {
                    let node = node?;
                    let mut record = vec![
                        node.iri.clone(),
                        labels(&node.types).join(&delimiter.to_string()),
                        node.label.clone(),
                        node.kind.to_owned(),
                        join(&mut node.types.iter().map(String::as_str)),
                        join(&mut node.graphs.iter().map(String::as_str)),
                        node.start.clone().unwrap_or_default(),
                    ];
                    for a in graph.attributes() {
                        record.push(
                            node.values
                                .get(&a.name)
                                .map(|vs| join(&mut vs.iter().map(|v| v.text.as_str())))
                                .unwrap_or_default(),
                        );
                    }
                    csv.write_record(&record).map_err(std::io::Error::from)?;
                }
                csv.flush()?;
            }
            "relationships.csv" => {
                let mut csv = csv_writer(out);
                csv.write_record([
                    ":START_ID",
                    ":END_ID",
                    ":TYPE",
                    "id",
                    "iri",
                    "graphs:string[]",
                    "start:date",
                ])
                .map_err(std::io::Error::from)?;
                for edge in graph.edges() {
                    let edge = edge?;
                    csv.write_record([
                        edge.source.as_str(),
                        edge.target.as_str(),
                        edge.label.as_str(),
                        edge.id.as_str(),
                        edge.iri.as_str(),
                        join(&mut edge.graphs.iter().map(String::as_str)).as_str(),
                        edge.start.as_deref().unwrap_or_default(),
                    ])
                    .map_err(std::io::Error::from)?;
                }
                csv.flush()?;
            }
            "import.sh" => {
                writeln!(out, "#!/bin/sh")?;
                writeln!(
                    out,
                    "# Imports this directory into a new Neo4j database (default: neo4j) with neo4j-admin."
                )?;
                writeln!(out, "set -e")?;
                writeln!(out, "cd \"$(dirname \"$0\")\"")?;
                writeln!(
                    out,
                    "neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv \
                     --array-delimiter='{delimiter}' --multiline-fields=true \"${{1:-neo4j}}\""
                )?;
            }
            "load.cypher" => self.load_cypher(graph, delimiter, out)?,
            other => unreachable!("neo4j writes no file {other}"),
        }
        Ok(())
    }
}

impl Neo4j {
    fn load_cypher(
        &self,
        graph: &dyn GraphView,
        delimiter: char,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let d = cypher_string(&delimiter.to_string());
        writeln!(
            out,
            "// Loads nodes.csv and relationships.csv into a running Neo4j database with LOAD CSV."
        )?;
        writeln!(
            out,
            "// Copy both files into the database's import directory, then: cypher-shell -f load.cypher"
        )?;
        writeln!(
            out,
            "CREATE CONSTRAINT resource_iri IF NOT EXISTS FOR (n:{RESOURCE}) REQUIRE n.iri IS UNIQUE;"
        )?;
        writeln!(out)?;
        writeln!(out, "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row")?;
        writeln!(out, "MERGE (n:{RESOURCE} {{iri: row.`iri:ID`}})")?;
        let mut sets = vec![
            "n.label = row.label".to_owned(),
            "n.kind = row.kind".to_owned(),
            format!(
                "n.types = {}",
                convert("types:string[]", ValueType::Text, true, delimiter)
            ),
            format!(
                "n.graphs = {}",
                convert("graphs:string[]", ValueType::Text, true, delimiter)
            ),
            format!(
                "n.start = {}",
                convert("start:date", ValueType::Date, false, delimiter)
            ),
            format!("n.pactgraphLabels = split(row.`:LABEL`, {d})"),
        ];
        for a in graph.attributes() {
            sets.push(format!(
                "n.{} = {}",
                cypher_name(&a.name),
                convert(&column(a), a.value_type, a.list, delimiter)
            ));
        }
        writeln!(out, "SET {};", sets.join(",\n    "))?;
        writeln!(out)?;
        let mut all: BTreeSet<String> = BTreeSet::new();
        for node in graph.nodes() {
            all.extend(labels(&node?.types));
        }
        for label in all.iter().filter(|l| *l != RESOURCE) {
            writeln!(
                out,
                "MATCH (n:{RESOURCE}) WHERE {} IN n.pactgraphLabels SET n:{};",
                cypher_string(label),
                cypher_name(label)
            )?;
        }
        writeln!(out, "MATCH (n:{RESOURCE}) REMOVE n.pactgraphLabels;")?;
        let mut types: BTreeSet<String> = BTreeSet::new();
        for edge in graph.edges() {
            types.insert(edge?.label);
        }
        for t in types {
            writeln!(out)?;
            writeln!(
                out,
                "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row"
            )?;
            writeln!(out, "WITH row WHERE row.`:TYPE` = {}", cypher_string(&t))?;
            writeln!(
                out,
                "MATCH (a:{RESOURCE} {{iri: row.`:START_ID`}}), (b:{RESOURCE} {{iri: row.`:END_ID`}})"
            )?;
            writeln!(
                out,
                "CREATE (a)-[r:{} {{id: row.id, iri: row.iri}}]->(b)",
                cypher_name(&t)
            )?;
            writeln!(
                out,
                "SET r.graphs = {},\n    r.start = {};",
                convert("graphs:string[]", ValueType::Text, true, delimiter),
                convert("start:date", ValueType::Date, false, delimiter)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cypher_text_is_escaped() {
        assert_eq!(
            cypher_string("it's a \\ \"x\"\n"),
            "'it\\'s a \\\\ \"x\"\\n'"
        );
        assert_eq!(cypher_name("a`b"), "`a``b`");
        assert_eq!(label_of("schema:Person"), "Person");
        assert_eq!(label_of("http://example.org/x#Y"), "Y");
    }
}
