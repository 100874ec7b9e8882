//! `pactgraph export`: the graph in an RDF format.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{ExportArgs, GraphArgs};
use crate::export::{GraphFilter, exporter, select, write_output};
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
    let selection = select(&store, &filter, format.keeps_graphs())?;
    write_output(args.output.as_deref(), |out| {
        exporter(format).export(&selection, out)
    })?;
    Ok(ExitCode::SUCCESS)
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
