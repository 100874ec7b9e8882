//! `pactgraph export`: the graph in an RDF format.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{ExportArgs, GraphArgs};
use crate::export::{GraphFilter, exporter, select, stream, write_output};
use crate::format::OutputFormat;
use crate::store::GraphStore;

/// Runs the command.
pub fn run(args: &ExportArgs) -> Result<ExitCode> {
    let format = OutputFormat::resolve(
        args.format.as_deref(),
        args.output.as_deref(),
        OutputFormat::Turtle,
    )
    .map_err(anyhow::Error::msg)?;
    let store = super::open_source(&args.source)?;
    let filter = graph_filter(&store, &args.graphs)?;
    if let Some(rdf) = streamed(format) {
        write_output(args.output.as_deref(), |out| {
            stream::export(&store, &filter, rdf, out)
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let selection = select(&store, &filter, format.keeps_graphs())?;
    write_output(args.output.as_deref(), |out| {
        exporter(format).export(&selection, out)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The RDF syntax of a format that is exported by streaming from the store (see
/// [`crate::export::stream`]), in the same bytes as the in-memory exporter.
fn streamed(format: OutputFormat) -> Option<oxigraph::io::RdfFormat> {
    use oxigraph::io::RdfFormat;
    match format {
        OutputFormat::Turtle => Some(RdfFormat::Turtle),
        OutputFormat::NTriples => Some(RdfFormat::NTriples),
        OutputFormat::NQuads => Some(RdfFormat::NQuads),
        OutputFormat::TriG => Some(RdfFormat::TriG),
        _ => None,
    }
}

/// The graphs `--graph`, `--no-reference` and `--with-ontology` select.
pub fn graph_filter(store: &GraphStore, args: &GraphArgs) -> Result<GraphFilter> {
    let graphs = args
        .graph
        .iter()
        .map(|g| {
            store
                .graph_named(g)
                .map_err(|m| anyhow::anyhow!("--graph: {m}"))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(GraphFilter {
        graphs,
        reference: !args.no_reference,
        ontology: args.with_ontology,
    })
}
