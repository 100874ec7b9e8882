//! `pactgraph sentences`: the numbered sentences of a text, with code-point offsets.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::SentencesArgs;
use crate::text::SourceText;

/// Runs the command.
pub fn run(args: &SentencesArgs) -> Result<ExitCode> {
    let raw = if args.file.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("<stdin>: expected UTF-8 text")?;
        s
    } else {
        std::fs::read_to_string(&args.file)
            .with_context(|| format!("{}: cannot read as UTF-8 text", args.file.display()))?
    };
    let text = SourceText::new(raw);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for s in &text.sentences {
        writeln!(out, "{}\t{}-{}\t{}", s.number, s.start, s.end, s.text)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
