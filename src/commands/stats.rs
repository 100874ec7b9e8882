//! `pactgraph stats`: what the graph holds.

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::StatsArgs;
use crate::store::COUNTED_CLASSES;

/// Runs the command.
pub fn run(args: &StatsArgs) -> Result<ExitCode> {
    let store = super::open_source(&args.source)?;
    let releases = store.release_graphs()?;
    let merged = store
        .store()
        .quads_for_pattern(
            None,
            None,
            None,
            Some(oxigraph::model::GraphNameRef::DefaultGraph),
        )
        .count();
    let mut rows: Vec<(String, usize)> = vec![
        ("releases".into(), releases.len()),
        ("quads".into(), store.store().len()? - merged),
        ("triples in the merge".into(), merged),
    ];
    let release_quads: usize = releases
        .iter()
        .map(|g| {
            store
                .store()
                .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
                .count()
        })
        .sum();
    rows.push(("quads in release graphs".into(), release_quads));
    for (name, class) in COUNTED_CLASSES {
        rows.push(((*name).to_owned(), store.count_instances(*class)?));
    }
    rows.push((
        "people".into(),
        store.count_instances(crate::vocab::schema::PERSON)?,
    ));
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    crate::export::write_output::<std::io::Error>(None, |out| {
        for (key, value) in rows {
            writeln!(out, "{key:<width$}  {value}")?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
