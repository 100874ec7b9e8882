//! `pactgraph export`: the graph in an RDF format, or projected for graph tools.

use std::process::ExitCode;

use anyhow::{Result, bail};
use oxigraph::model::NamedNode;

use crate::cli::{ExportArgs, GraphArgs, ProjectionArgs};
use crate::export::graph_tools::{directory_only, graph_exporter, write_directory};
use crate::export::{GraphFilter, exporter, graph_stream, select, stream, write_output};
use crate::format::OutputFormat;
use crate::projection::ProjectionOptions;
use crate::store::GraphStore;

/// Runs the command.
pub fn run(args: &ExportArgs) -> Result<ExitCode> {
    let format = OutputFormat::resolve(
        args.format.as_deref(),
        args.output.as_deref(),
        OutputFormat::Turtle,
    )
    .map_err(anyhow::Error::msg)?;
    let p = &args.projection;
    if !format.is_property_graph() && (!p.types.is_empty() || p.with_provenance || p.all_reference)
    {
        bail!(
            "--type, --with-provenance and --all-reference apply to the graph-tool formats \
             (graphml, graphml-yed, gexf, dot, neo4j, cytoscape), not to {}",
            format.name()
        );
    }
    let to_stdout = crate::export::is_stdout(args.output.as_deref());
    if format.is_directory() && to_stdout {
        return Err(directory_only(format).into());
    }
    crate::export::check_outside_store(args.output.as_deref(), args.source.store.as_deref())?;
    let store = super::open_source(&args.source)?;
    let filter = graph_filter(&store, &args.graphs)?;
    if let Some(rdf) = streamed(format) {
        write_output(args.output.as_deref(), |out| {
            stream::export(&store, &filter, rdf, out)
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    if format.is_property_graph() {
        let prefixes = crate::vocab::prefixes(store.iris().base());
        let options = projection_options(&store, &filter, p, &prefixes)?;
        let graph = graph_stream::project(&store, &filter, &options)?;
        let writer = graph_exporter(format).expect("a property-graph format");
        match args.output.as_deref() {
            Some(dir) if format.is_directory() => {
                write_directory(dir, writer.files(), |name, out| {
                    writer.write(&graph, name, out)
                })?;
            }
            output => write_output(output, |out| writer.write(&graph, "", out))?,
        }
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
    format.rdf_format().filter(|&rdf| stream::streams(rdf))
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

/// The projection `--type`, `--with-provenance` and `--all-reference` ask for. The reference
/// data is cut down to what the releases reach when it is selected by default (no `--graph`).
/// The context is left empty: [`graph_stream::project`] reads the labels and types of nodes the
/// selection only links to from the rest of the store.
pub fn projection_options(
    store: &GraphStore,
    filter: &GraphFilter,
    args: &ProjectionArgs,
    prefixes: &[(String, String)],
) -> Result<ProjectionOptions> {
    let types = args
        .types
        .iter()
        .map(|t| resolve_type(t, prefixes))
        .collect::<Result<Vec<_>>>()?;
    let trim_reference = (filter.graphs.is_empty() && filter.reference && !args.all_reference)
        .then(|| store.iris().reference_graph());
    Ok(ProjectionOptions {
        types,
        provenance: args.with_provenance,
        trim_reference,
        context: Vec::new(),
        prefixes: prefixes.to_vec(),
    })
}

/// A `--type` value: an IRI, or a prefixed name with one of pactgraph's prefixes.
fn resolve_type(text: &str, prefixes: &[(String, String)]) -> Result<NamedNode> {
    if text.contains("://") {
        return NamedNode::new(text)
            .map_err(|e| anyhow::anyhow!("--type: invalid IRI {text:?}: {e}"));
    }
    let Some((prefix, local)) = text.split_once(':') else {
        bail!("--type: {text:?} is neither a prefixed name (schema:Person) nor an IRI");
    };
    let Some((_, ns)) = prefixes.iter().find(|(name, _)| name == prefix) else {
        let known: Vec<&str> = prefixes.iter().map(|(n, _)| n.as_str()).collect();
        bail!(
            "--type: unknown prefix {prefix:?} in {text:?}, expected one of: {}",
            known.join(", ")
        );
    };
    NamedNode::new(format!("{ns}{local}"))
        .map_err(|e| anyhow::anyhow!("--type: invalid name {text:?}: {e}"))
}
