//! `pactgraph queries`: the bundled queries and what they answer.

use std::process::ExitCode;

use anyhow::{Result, anyhow};

use crate::bundled::{self, BUNDLED};
use crate::cli::QueriesArgs;
use crate::export::write_output;

/// Runs the command.
pub fn run(args: &QueriesArgs) -> Result<ExitCode> {
    let text = if let Some(name) = &args.name {
        bundled::find(name)
            .ok_or_else(|| {
                anyhow!(
                    "no bundled query {name:?}, expected one of: {} (or a question such as q8)",
                    bundled::names().join(", ")
                )
            })?
            .text
            .to_owned()
    } else if args.markdown {
        bundled::markdown()
    } else {
        list()
    };
    write_output::<std::io::Error>(None, |out| out.write_all(text.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

/// One entry per query: name and question, then its parameters.
fn list() -> String {
    let width = BUNDLED.iter().map(|q| q.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for q in BUNDLED {
        let h = q.header();
        out.push_str(&format!(
            "{:<width$}  Q{:<2}  {}\n",
            q.name, h.number, h.question
        ));
        for (param, what) in &h.params {
            out.push_str(&format!(
                "{:<width$}        --param {param}=...  {what}\n",
                ""
            ));
        }
    }
    out
}
