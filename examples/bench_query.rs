//! Times SPARQL queries inside one process, for `benches/run.sh` (which also times whole
//! `pactgraph query` processes): opens the store as `validate` does (copied into memory when it
//! fits, see `commands::open_source_for_queries`; `PACTGRAPH_MEMORY_COPY_MB=0` keeps it on
//! disk), then runs each query file and prints one line per query: `name <TAB> seconds <TAB>
//! rows`, after a line for the opening.
//!
//! `cargo run --release --example bench_query -- STORE_DIR QUERY.rq...`

use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args_os().skip(1);
    let store = args.next().ok_or_else(|| {
        anyhow::anyhow!("usage: bench_query STORE_DIR QUERY.rq..., expected a store directory")
    })?;
    let source = pactgraph::cli::SourceArgs {
        inputs: Vec::new(),
        store: Some(store.into()),
        base: pactgraph::vocab::DEFAULT_BASE.to_owned(),
    };
    let started = Instant::now();
    let store = pactgraph::commands::open_source_for_queries(&source)?;
    println!(
        "open\t{:.3}\t{}",
        started.elapsed().as_secs_f64(),
        store.store().len()?
    );
    for path in args {
        let path = std::path::PathBuf::from(path);
        let text = std::fs::read_to_string(&path)?;
        let name = path.file_stem().unwrap_or_default().to_string_lossy();
        let started = Instant::now();
        let rows = pactgraph::query::select(&store, &text, &path.display().to_string())?;
        println!(
            "{name}\t{:.3}\t{}",
            started.elapsed().as_secs_f64(),
            rows.len()
        );
    }
    Ok(())
}
