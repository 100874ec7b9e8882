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
    /// Write the graph as RDF (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD, canonical N-Quads).
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
    /// Write a synthetic corpus of release cards (for benchmarks and scale tests).
    #[command(hide = true)]
    Generate(GenerateArgs),
}

/// Where the graph comes from: cards on the command line, a store, or the embedded seed.
#[derive(Debug, Args, Clone)]
pub struct SourceArgs {
    /// Release cards (.yaml, .yml, .json) or directories of them; none means the embedded seed.
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
    /// Release cards (.yaml, .yml, .json) or directories of them; none means the embedded seed.
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

    /// Output format: turtle, ntriples, nquads, trig, rdfxml, jsonld, canonical (default: from
    /// the --output extension, else turtle).
    #[arg(long, short, value_name = "FORMAT")]
    pub format: Option<String>,

    /// Write here instead of standard output (replaced only when the export succeeds).
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
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
