//! The whole command line, declared with clap; doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// pactgraph: government press releases about defence and security agreements, as a linked-data
/// knowledge graph.
///
/// With no input and no --store, every command works on the embedded seed release (Japan and New
/// Zealand sign an ACSA and an Information Security Agreement, Tokyo, 19 December 2025).
#[derive(Debug, Parser)]
#[command(
    name = "pactgraph",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Map release cards to RDF and load them into the store (one named graph per release).
    Build(BuildArgs),
    /// Write the graph as RDF (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD, canonical
    /// N-Quads) or for graph tools (GraphML, yEd, GEXF, DOT, Neo4j, Cytoscape).
    Export(ExportArgs),
    /// Count what the graph holds.
    Stats(StatsArgs),
    /// Print the pactgraph ontology (for Protégé), or its SHACL shapes.
    Ontology(OntologyArgs),
    /// Check the graph against the SHACL shapes; exit code 1 when it does not conform.
    Validate(ValidateArgs),
    /// Check release cards without building anything.
    Check(CheckArgs),
    /// Print the numbered sentences of a source text, as card evidence counts them.
    Sentences(SentencesArgs),
    /// Ask the graph a SPARQL query: a bundled one by name, a file, or an inline query.
    Query(QueryArgs),
    /// List the bundled queries (one per competency question) with what they answer.
    Queries(QueriesArgs),
    /// Draft release cards from press releases as published (plain text or HTML).
    Extract(ExtractArgs),
    /// Write a synthetic corpus of release cards (for benchmarks and scale tests).
    #[command(hide = true)]
    Generate(GenerateArgs),
}

/// Where the graph comes from: cards on the command line, a store, or the embedded seed.
#[derive(Debug, Args, Clone)]
pub struct SourceArgs {
    /// Release cards (.yaml, .yml, .json), press releases (.txt, .html, .htm) or directories of
    /// them; none means the embedded seed.
    #[arg(value_name = "CARDS_OR_DIRS")]
    pub inputs: Vec<PathBuf>,

    /// Read the graph from this on-disk store (made by `pactgraph build --store`).
    #[arg(long, value_name = "DIR", conflicts_with = "inputs")]
    pub store: Option<PathBuf>,

    /// Base IRI of the data (the vocabulary keeps its own namespace).
    #[arg(long, value_name = "IRI", default_value = crate::vocab::DEFAULT_BASE)]
    pub base: String,
}

/// `pactgraph build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Release cards (.yaml, .yml, .json), press releases (.txt, .html, .htm) or directories of
    /// them; none means the embedded seed.
    #[arg(value_name = "CARDS_OR_DIRS")]
    pub inputs: Vec<PathBuf>,

    /// Keep the graph in this on-disk store (created if missing); without it the build is
    /// checked in memory and discarded.
    #[arg(long, value_name = "DIR")]
    pub store: Option<PathBuf>,

    /// Base IRI of the data (the vocabulary keeps its own namespace).
    #[arg(long, value_name = "IRI", default_value = crate::vocab::DEFAULT_BASE)]
    pub base: String,

    /// Record this build time (RFC 3339, or `now`) in the provenance; by default none is
    /// recorded so that builds are reproducible (SOURCE_DATE_EPOCH is honoured too).
    #[arg(long, value_name = "TIME")]
    pub build_time: Option<String>,

    /// Rewrite every release graph, even those whose card has not changed.
    #[arg(long)]
    pub force: bool,

    /// Replace a release graph even when it came from another source (another text or URL
    /// under the same release id); without it such a build is refused.
    #[arg(long)]
    pub replace: bool,

    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Which graphs an export takes.
#[derive(Debug, Args, Clone)]
pub struct GraphArgs {
    /// Only this graph: a release id, `reference`, `ontology` or a graph IRI (repeatable).
    #[arg(long, value_name = "GRAPH")]
    pub graph: Vec<String>,

    /// Leave out the reference data (countries, governments, forces, posts, places).
    #[arg(long)]
    pub no_reference: bool,

    /// Add the ontology.
    #[arg(long)]
    pub with_ontology: bool,
}

/// `pactgraph export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Where the graph comes from.
    #[command(flatten)]
    pub source: SourceArgs,

    /// Which graphs to take.
    #[command(flatten)]
    pub graphs: GraphArgs,

    /// How the graph-tool formats project the graph.
    #[command(flatten)]
    pub projection: ProjectionArgs,

    /// Output format: turtle, ntriples, nquads, trig, rdfxml, jsonld, canonical; for graph
    /// tools graphml, graphml-yed, gexf, dot, neo4j (a directory), cytoscape (a directory)
    /// (default: from the --output extension, else turtle).
    #[arg(long, short, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Write here instead of standard output (replaced only when the export succeeds); a
    /// directory for neo4j and cytoscape.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// How the graph-tool formats (graphml, graphml-yed, gexf, dot, neo4j, cytoscape) turn the graph
/// into nodes and edges.
#[derive(Debug, Args, Clone, Default)]
pub struct ProjectionArgs {
    /// Graph tools: keep only nodes of this type, a prefixed name (schema:Person, pg:Agreement)
    /// or an IRI (repeatable).
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,

    /// Graph tools: keep the provenance plumbing (sentences, selectors, instants, intervals,
    /// builds, the release graphs' own descriptions), left out by default.
    #[arg(long)]
    pub with_provenance: bool,

    /// Graph tools: keep every node of the reference data, not only those the releases reach.
    #[arg(long, conflicts_with = "no_reference")]
    pub all_reference: bool,
}

/// `pactgraph stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Where the graph comes from.
    #[command(flatten)]
    pub source: SourceArgs,
}

/// `pactgraph ontology`.
#[derive(Debug, Args)]
pub struct OntologyArgs {
    /// Print the SHACL shapes instead of the vocabulary.
    #[arg(long)]
    pub shapes: bool,

    /// Output format (as for export; default: from the --output extension, else turtle).
    #[arg(long, short, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Write here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `pactgraph validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Where the graph comes from.
    #[command(flatten)]
    pub source: SourceArgs,

    /// SHACL shapes to use instead of the shipped ones (Turtle).
    #[arg(long, value_name = "FILE")]
    pub shapes: Option<PathBuf>,
}

/// `pactgraph check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Release cards or directories of them.
    #[arg(value_name = "CARDS_OR_DIRS", required = true)]
    pub inputs: Vec<PathBuf>,
}

/// `pactgraph sentences`.
#[derive(Debug, Args)]
pub struct SentencesArgs {
    /// A source text; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

/// `pactgraph query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// A bundled query: its name (see `pactgraph queries`) or its question (`q8`). With --file
    /// or -e there is no name and every positional argument is a card or directory.
    #[arg(value_name = "NAME", required_unless_present_any = ["file", "expression"])]
    pub name: Option<String>,

    /// Run the query in this file (`-` reads standard input).
    #[arg(long, short = 'f', value_name = "FILE", conflicts_with = "expression")]
    pub file: Option<PathBuf>,

    /// Run this query text.
    #[arg(long = "expression", short = 'e', value_name = "SPARQL")]
    pub expression: Option<String>,

    /// Where the graph comes from.
    #[command(flatten)]
    pub source: SourceArgs,

    /// Bind a variable of the query's SELECT clause before evaluation: NAME=VALUE, where VALUE
    /// is an IRI in <>, a prefixed name (agreement:acsa-japan_new-zealand-2025), a literal
    /// ("text"@en, "2025-12-19"^^xsd:date, 42) or a plain word (a string). Repeatable.
    #[arg(long, short = 'p', value_name = "NAME=VALUE")]
    pub param: Vec<String>,

    /// Query only these graphs: a release id, `reference`, `ontology` or a graph IRI
    /// (repeatable). Their union is the default graph and `GRAPH` sees only them; add
    /// `--graph reference` to keep the names of governments, posts and places. Default: every
    /// graph, merged (each triple once).
    #[arg(long, value_name = "GRAPH")]
    pub graph: Vec<String>,

    /// Answer format: for SELECT and ASK table (default), csv, tsv, json, xml (the W3C SPARQL
    /// results formats); for CONSTRUCT and DESCRIBE an RDF format as for export (default
    /// turtle). Default: from the --output extension.
    #[arg(long, short = 'r', value_name = "FORMAT")]
    pub results: Option<String>,

    /// Write here instead of standard output (replaced only when the query succeeds).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Cancel the query after this many seconds (default 600, at most 604800).
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,

    /// Exit with code 1 when an ASK query answers false.
    #[arg(long)]
    pub ask_exit_code: bool,
}

/// `pactgraph queries`.
#[derive(Debug, Args)]
pub struct QueriesArgs {
    /// Print this query's text (header included) instead of the list.
    #[arg(value_name = "NAME", conflicts_with = "markdown")]
    pub name: Option<String>,

    /// Print the list as the Markdown table of the README.
    #[arg(long)]
    pub markdown: bool,

    /// With NAME: declare pactgraph's prefixes in the text, so that another SPARQL engine can
    /// run it (pactgraph queries the merge of the graphs as the default graph: ask the other
    /// engine for the union, e.g. `oxigraph query --union-default-graph`).
    #[arg(long, requires = "name")]
    pub standalone: bool,
}

/// `pactgraph extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Press releases as published: plain text (.txt) or HTML (.html, .htm); `-` reads
    /// standard input.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// Card format: yaml (default) or json. Several cards are printed as a YAML stream
    /// (documents separated by `---`) or as JSON Lines (one card per line).
    #[arg(long, short, value_name = "FORMAT", default_value = "yaml")]
    pub format: String,

    /// Instead of the card, say why each main fact was stated: the rule, and the numbered
    /// sentence it was read from, quoted.
    #[arg(long)]
    pub explain: bool,
}

/// `pactgraph generate` (hidden: a developer tool).
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many release cards to write.
    #[arg(long, value_name = "N")]
    pub releases: u64,

    /// The seed: the same seed and N give the same bytes.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,

    /// The directory to write into (created; cards go into shards of 1,000).
    #[arg(long, short, value_name = "DIR")]
    pub output: PathBuf,

    /// Print nothing but errors.
    #[arg(long, short)]
    pub quiet: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
