//! `pactgraph validate`: SHACL validation of the graph.

use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::ValidateArgs;
use crate::store::SHAPES_TTL;

/// Runs the command: prints each violation on a line, then a summary; exit code 1 when the
/// graph does not conform.
pub fn run(args: &ValidateArgs) -> Result<ExitCode> {
    let store = super::open_source_for_queries(&args.source)?;
    let (origin, shapes) = match &args.shapes {
        Some(path) => (
            path.display().to_string(),
            std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the shapes", path.display()))?,
        ),
        None => ("ontology/shapes.ttl".to_owned(), SHAPES_TTL.to_owned()),
    };
    let shapes = crate::validate::Shapes::parse(&shapes, &origin)?;
    let report = shapes.validate(&store)?;
    let conforms = report.violations.is_empty();
    crate::export::write_output::<std::io::Error>(None, |out| {
        for v in &report.violations {
            writeln!(out, "{v}")?;
        }
        if conforms {
            writeln!(
                out,
                "conforms: {} shapes, {} focus nodes checked",
                report.shapes, report.focus_nodes
            )
        } else {
            writeln!(
                out,
                "does not conform: {} violations",
                report.violations.len()
            )
        }
    })?;
    Ok(if conforms {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
