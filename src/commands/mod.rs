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
pub mod extract;
pub mod generate;
pub mod ontology;
pub mod queries;
pub mod query;
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
        Command::Query(args) => query::run(&args),
        Command::Queries(args) => queries::run(&args),
        Command::Extract(args) => extract::run(&args),
        Command::Generate(args) => generate::run(&args),
    }
}

/// On-disk stores up to this size (in bytes) are copied into memory by
/// [`open_source_for_queries`] when the available memory is unknown (about 2.5 million quads).
pub const MEMORY_COPY_LIMIT: u64 = 512 << 20;

/// The size up to which an on-disk store is copied into memory: `PACTGRAPH_MEMORY_COPY_MB`
/// (megabytes, 0 turns the copy off), else a quarter of the available memory (the in-memory
/// store takes about twice the store's size on disk), else [`MEMORY_COPY_LIMIT`].
pub fn memory_copy_limit() -> Result<u64> {
    if let Ok(mb) = std::env::var("PACTGRAPH_MEMORY_COPY_MB") {
        let mb = mb.trim().parse::<u64>().map_err(|_| {
            anyhow::anyhow!("PACTGRAPH_MEMORY_COPY_MB: invalid value {mb:?}, expected megabytes")
        })?;
        return Ok(mb << 20);
    }
    let available = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("MemAvailable:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map(|kib| kib << 10);
    Ok(available.map_or(MEMORY_COPY_LIMIT, |bytes| bytes / 4))
}

/// As [`open_source`], but a `--store` small enough to fit in memory (see
/// [`memory_copy_limit`]) is copied into an in-memory store first, so that work made of many
/// queries (`validate` runs one per shape and constraint) runs at in-memory speed; larger stores
/// are queried on disk.
///
/// The copy decodes every term of the store, as long as an N-Quads export takes (about 40 s for
/// 100,000 releases), so a single query (`query`, `stats`) reads the store on disk instead: a
/// bundled query then answers in well under a second where the copy would take the whole time.
pub fn open_source_for_queries(source: &SourceArgs) -> Result<GraphStore> {
    let store = open_source(source)?;
    let Some(dir) = &source.store else {
        return Ok(store);
    };
    if dir_size(dir) <= memory_copy_limit()? {
        Ok(store.to_memory()?)
    } else {
        Ok(store)
    }
}

/// The total size of the files under a directory (unreadable entries count as nothing).
fn dir_size(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_size(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

/// The graph a reading command works on: the store named by `--store` (read only), else the
/// cards given (built in memory), else the embedded seed (built in memory).
pub fn open_source(source: &SourceArgs) -> Result<GraphStore> {
    let iris = Iris::new(&source.base).map_err(anyhow::Error::msg)?;
    if let Some(dir) = &source.store {
        return Ok(GraphStore::open_read_only(dir, iris)?);
    }
    // Cards are streamed into memory (see crate::build), not collected first.
    let cards = crate::build::CardSource::from_inputs(&source.inputs)?;
    let store = GraphStore::in_memory(iris).context("cannot create the in-memory store")?;
    let options = crate::build::BuildOptions {
        build_time: None,
        force: true,
        replace: false,
    };
    crate::build::build(&store, &cards, &options, &|_| {})?;
    Ok(store)
}
