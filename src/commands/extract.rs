//! `pactgraph extract`: press releases in, draft release cards out.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, anyhow};

use crate::card::CardFormat;
use crate::cli::ExtractArgs;

/// Runs the command: every file is read and drafted before anything is printed, so a bad file
/// stops the run with its error and no half output.
pub fn run(args: &ExtractArgs) -> Result<ExitCode> {
    let format: CardFormat = args
        .format
        .parse()
        .map_err(|e: String| anyhow!("--format: {e}"))?;
    let mut cards = Vec::with_capacity(args.files.len());
    for path in &args.files {
        cards.push(crate::inputs::extract_file(path)?.card);
    }
    let several = cards.len() > 1;
    crate::export::write_output(None, |out: &mut dyn Write| -> Result<()> {
        for card in &cards {
            match format {
                CardFormat::Yaml => {
                    if several {
                        writeln!(out, "---")?;
                    }
                    out.write_all(card.to_string(CardFormat::Yaml).as_bytes())?;
                }
                CardFormat::Json if several => {
                    serde_json::to_writer(&mut *out, card)?;
                    writeln!(out)?;
                }
                CardFormat::Json => {
                    out.write_all(card.to_string(CardFormat::Json).as_bytes())?;
                }
            }
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
