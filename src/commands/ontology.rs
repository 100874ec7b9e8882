//! `pactgraph ontology`: the vocabulary (or the shapes) as shipped, or converted.

use std::process::ExitCode;

use anyhow::Result;
use oxigraph::io::RdfFormat;

use crate::cli::OntologyArgs;
use crate::export::{Selection, exporter, sort_quads, write_output};
use crate::format::OutputFormat;
use crate::store::{ONTOLOGY_TTL, SHAPES_TTL};

/// Runs the command.
pub fn run(args: &OntologyArgs) -> Result<ExitCode> {
    let format = OutputFormat::resolve(
        args.format.as_deref(),
        args.output.as_deref(),
        OutputFormat::Turtle,
    )
    .map_err(anyhow::Error::msg)?;
    let text = if args.shapes {
        SHAPES_TTL
    } else {
        ONTOLOGY_TTL
    };
    if format == OutputFormat::Turtle {
        // The file as written, with its comments.
        write_output(args.output.as_deref(), |out| out.write_all(text.as_bytes()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut quads =
        crate::compare::parse(RdfFormat::Turtle, text.as_bytes()).map_err(anyhow::Error::msg)?;
    sort_quads(&mut quads);
    let selection = Selection {
        quads,
        prefixes: crate::vocab::prefixes(crate::vocab::DEFAULT_BASE),
    };
    write_output(args.output.as_deref(), |out| {
        exporter(format).export(&selection, out)
    })?;
    Ok(ExitCode::SUCCESS)
}
