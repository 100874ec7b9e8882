//! Cytoscape: a directory with the edge table (`edges.csv`: `source`, `interaction`, `target`,
//! then the edge's id, IRI, graphs and start date), which Cytoscape imports as a network, and
//! the node table (`nodes.csv`, keyed by `id`, the node's IRI), imported onto it. List columns
//! join their items with `|` (or `¦`, then `;`, when `|` occurs in the data); written by the csv
//! crate.

use std::io::Write;

use super::ExportError;
use super::graph_tools::GraphExporter;
use crate::projection::GraphView;

/// Cytoscape's node and edge tables.
#[derive(Debug, Clone, Copy)]
pub struct Cytoscape;

/// The files written.
pub const FILES: &[&str] = &["nodes.csv", "edges.csv"];

/// The list delimiter: `|` unless some list item contains it.
fn delimiter(graph: &dyn GraphView) -> char {
    graph.list_delimiter(&['|', '¦', ';'])
}

impl GraphExporter for Cytoscape {
    fn files(&self) -> &'static [&'static str] {
        FILES
    }

    fn write(
        &self,
        graph: &dyn GraphView,
        file: &str,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        let delimiter = delimiter(graph).to_string();
        let join = |items: Vec<&str>| items.join(&delimiter);
        let mut csv = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(out);
        match file {
            "nodes.csv" => {
                let mut header: Vec<&str> = vec!["id", "label", "kind", "types", "graphs", "start"];
                header.extend(graph.attributes().iter().map(|a| a.name.as_str()));
                csv.write_record(&header).map_err(std::io::Error::from)?;
                for node in graph.nodes() {
                    let node = node?;
                    let mut record = vec![
                        node.iri.clone(),
                        node.label.clone(),
                        node.kind.to_owned(),
                        join(node.types.iter().map(String::as_str).collect()),
                        join(node.graphs.iter().map(String::as_str).collect()),
                        node.start.clone().unwrap_or_default(),
                    ];
                    for a in graph.attributes() {
                        record.push(
                            node.values
                                .get(&a.name)
                                .map(|vs| join(vs.iter().map(|v| v.text.as_str()).collect()))
                                .unwrap_or_default(),
                        );
                    }
                    csv.write_record(&record).map_err(std::io::Error::from)?;
                }
            }
            "edges.csv" => {
                csv.write_record([
                    "source",
                    "interaction",
                    "target",
                    "id",
                    "iri",
                    "graphs",
                    "start",
                ])
                .map_err(std::io::Error::from)?;
                for edge in graph.edges() {
                    let edge = edge?;
                    csv.write_record([
                        edge.source.as_str(),
                        edge.label.as_str(),
                        edge.target.as_str(),
                        edge.id.as_str(),
                        edge.iri.as_str(),
                        join(edge.graphs.iter().map(String::as_str).collect()).as_str(),
                        edge.start.as_deref().unwrap_or_default(),
                    ])
                    .map_err(std::io::Error::from)?;
                }
            }
            other => unreachable!("cytoscape writes no file {other}"),
        }
        csv.flush()?;
        Ok(())
    }
}
