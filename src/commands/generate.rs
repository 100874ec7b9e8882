//! `pactgraph generate` (hidden): a synthetic corpus of release cards.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;

use crate::cli::GenerateArgs;

/// Runs the command.
pub fn run(args: &GenerateArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let bar = if std::io::stderr().is_terminal() && !args.quiet {
        indicatif::ProgressBar::new(args.releases)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let bytes = crate::generate::generate(&args.output, args.releases, args.seed, &|done| {
        bar.inc(done)
    })?;
    bar.finish_and_clear();
    if !args.quiet {
        eprintln!(
            "generated {} release cards ({bytes} bytes) in {} in {:.2} s",
            args.releases,
            args.output.display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(ExitCode::SUCCESS)
}
