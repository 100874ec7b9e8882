//! One module per subcommand; [`run`] dispatches. Commands return the exit code of a run that
//! worked (0, or 1 when the answer is "no"); errors become exit code 2 in `main`.

use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command, SourceArgs};
use crate::iri::Iris;
use crate::store::GraphStore;

pub mod build;
pub mod check;
pub mod export;
pub mod generate;
pub mod ontology;
pub mod sentences;
pub mod stats;
pub mod validate;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build(args) => build::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Stats(args) => stats::run(&args),
        Command::Ontology(args) => ontology::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Sentences(args) => sentences::run(&args),
        Command::Generate(args) => generate::run(&args),
    }
}

/// The graph a reading command works on: the store named by `--store` (read only), else the
/// cards given (built in memory), else the embedded seed (built in memory).
pub fn open_source(source: &SourceArgs) -> Result<GraphStore> {
    let iris = Iris::new(&source.base).map_err(anyhow::Error::msg)?;
    if let Some(dir) = &source.store {
        return Ok(GraphStore::open_read_only(dir, iris)?);
    }
    let graphs = crate::inputs::load_all(&source.inputs, &iris, None)?;
    let store = GraphStore::in_memory(iris).context("cannot create the in-memory store")?;
    store.load(&graphs, true)?;
    Ok(store)
}
