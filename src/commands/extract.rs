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
    if args.explain {
        return explain(args);
    }
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
                    out.write_all(quote_clock_times(&card.to_string(CardFormat::Yaml)).as_bytes())?;
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

/// `--explain`: each file's facts with their rule and sentence, as indented text.
fn explain(args: &ExtractArgs) -> Result<ExitCode> {
    let mut report = String::new();
    for path in &args.files {
        let extracted = crate::inputs::extract_file(path)?;
        let (_, reasons) =
            crate::extract::draft_explained(&extracted.source, extracted.card.release.id.clone());
        report.push_str(&format!("{}\n", path.display()));
        for r in reasons {
            report.push_str(&format!("  {}\n    rule: {}\n", r.fact, r.rule));
            if let Some(text) = r.sentence.and_then(|n| extracted.source.sentence(n)) {
                let n = r.sentence.unwrap_or_default();
                report.push_str(&format!(
                    "    sentence {n}: \u{201c}{}\u{201d}\n",
                    text.text
                ));
            }
        }
    }
    crate::export::write_output(None, |out: &mut dyn Write| -> Result<()> {
        out.write_all(report.as_bytes())?;
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Quotes `time: 11:40` as `time: "11:40"`: YAML 1.1 readers (PyYAML and others) would read the
/// bare form as a base-60 number.
fn quote_clock_times(yaml: &str) -> String {
    let mut out = String::with_capacity(yaml.len() + 16);
    for line in yaml.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        let indent = body.len() - body.trim_start().len();
        match body.trim_start().strip_prefix("time: ") {
            Some(value) if crate::card::check_time(value).is_ok() => {
                out.push_str(&body[..indent]);
                out.push_str(&format!("time: \"{value}\""));
                out.push_str(&line[body.len()..]);
            }
            _ => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn clock_times_are_quoted() {
        assert_eq!(
            super::quote_clock_times("events:\n- key: s\n  time: 11:40\n  place: x\n"),
            "events:\n- key: s\n  time: \"11:40\"\n  place: x\n"
        );
    }
}
