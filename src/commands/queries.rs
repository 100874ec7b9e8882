//! `pactgraph queries`: the bundled queries and what they answer.

use std::process::ExitCode;

use anyhow::{Result, anyhow};

use crate::bundled::{self, BUNDLED};
use crate::cli::QueriesArgs;
use crate::export::write_output;

/// Runs the command.
pub fn run(args: &QueriesArgs) -> Result<ExitCode> {
    let text = if let Some(name) = &args.name {
        let query = bundled::find(name)
            .ok_or_else(|| {
                anyhow!(
                    "no bundled query {name:?}, expected one of: {} (or a question such as q8)",
                    bundled::names().join(", ")
                )
            })?
            .text;
        if args.standalone {
            standalone(query, crate::vocab::DEFAULT_BASE)
        } else {
            query.to_owned()
        }
    } else if args.markdown {
        bundled::markdown()
    } else {
        list()
    };
    write_output::<std::io::Error>(None, |out| out.write_all(text.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}

/// A query's text with `PREFIX` declarations for every prefix pactgraph predeclares under
/// `base`, after its header comments.
fn standalone(query: &str, base: &str) -> String {
    let comments = query
        .lines()
        .take_while(|l| l.starts_with('#'))
        .map(|l| l.len() + 1)
        .sum::<usize>()
        .min(query.len());
    let mut out = query[..comments].to_owned();
    for (name, ns) in crate::vocab::prefixes(base) {
        out.push_str(&format!("PREFIX {name}: <{ns}>\n"));
    }
    out.push_str(&query[comments..]);
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standalone_queries_parse_without_predeclared_prefixes() {
        for query in BUNDLED {
            let text = standalone(query.text, crate::vocab::DEFAULT_BASE);
            assert!(
                oxigraph::sparql::SparqlEvaluator::new()
                    .parse_query(&text)
                    .is_ok(),
                "{}",
                query.name
            );
            // The bare text needs the prefixes pactgraph declares for it.
            assert!(
                oxigraph::sparql::SparqlEvaluator::new()
                    .parse_query(query.text)
                    .is_err(),
                "{}",
                query.name
            );
            assert!(text.starts_with("# "), "{}: header first", query.name);
        }
    }
}
