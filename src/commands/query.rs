//! `pactgraph query`: a SPARQL query over the graph, answered as a table, a W3C results format
//! or RDF.

use std::io::Read;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};

use crate::bundled;
use crate::cli::QueryArgs;
use crate::export::{Selection, exporter, sort_quads, write_output};
use crate::format::{OutputFormat, ResultsFormat};
use crate::query::{Answer, QueryOptions, parse_param, run as run_query, write_results};

/// The time limit of a query without `--timeout`, in seconds.
pub const DEFAULT_TIMEOUT_SECONDS: u64 = 600;

/// The largest `--timeout`, in seconds (a week).
pub const MAX_TIMEOUT_SECONDS: f64 = 604_800.0;

/// Runs the command.
pub fn run(args: &QueryArgs) -> Result<ExitCode> {
    let mut source = args.source.clone();
    let (text, origin, declared) = match (&args.file, &args.expression, &args.name) {
        (None, None, Some(name)) => {
            let query = bundled::find(name).ok_or_else(|| {
                anyhow!(
                    "no bundled query {name:?}, expected one of: {} (or a question such as q8)",
                    bundled::names().join(", ")
                )
            })?;
            let params: Vec<String> = query.header().params.into_iter().map(|(p, _)| p).collect();
            (query.text.to_owned(), query.origin(), Some(params))
        }
        (file, expression, name) => {
            // Without a bundled name, every positional argument is a card or directory.
            if let Some(name) = name {
                source.inputs.insert(0, name.into());
            }
            match (file, expression) {
                (Some(path), _) => (read_query(path)?, path.display().to_string(), None),
                (None, Some(text)) => (text.clone(), "-e".to_owned(), None),
                (None, None) => unreachable!("clap requires a name, --file or -e"),
            }
        }
    };
    if let Some(name) = &args.results
        && ResultsFormat::from_name(name).is_none()
        && OutputFormat::from_name(name).is_none()
    {
        bail!(
            "--results: unknown format {name:?}, expected one of: {} (SELECT, ASK) or {} (CONSTRUCT, DESCRIBE)",
            ResultsFormat::names().join(", "),
            OutputFormat::names().join(", ")
        );
    }
    let mut params = Vec::new();
    for param in &args.param {
        let (variable, term) = parse_param(param, &source.base).map_err(anyhow::Error::msg)?;
        if let Some(declared) = &declared
            && !declared.iter().any(|d| d == variable.as_str())
        {
            bail!(
                "{origin}: --param {}: not a parameter of this query, expected {}",
                variable.as_str(),
                if declared.is_empty() {
                    "none (it takes no parameters)".to_owned()
                } else {
                    format!("one of: {}", declared.join(", "))
                }
            );
        }
        params.push((variable, term));
    }
    let timeout = match args.timeout {
        Some(s) if s.is_finite() && s > 0.0 && s <= MAX_TIMEOUT_SECONDS => {
            Duration::from_secs_f64(s)
        }
        Some(s) if s.is_finite() && s > MAX_TIMEOUT_SECONDS => {
            bail!("--timeout: {s} seconds is more than the limit of {MAX_TIMEOUT_SECONDS} (a week)")
        }
        Some(s) => bail!("--timeout: {s} is not a positive number of seconds"),
        None => Duration::from_secs(DEFAULT_TIMEOUT_SECONDS),
    };
    let timeout = Some(timeout);
    crate::export::check_outside_store(args.output.as_deref(), source.store.as_deref())?;
    let store = super::open_source(&source)?;
    let graphs = args
        .graph
        .iter()
        .map(|g| store.graph_named(g).map_err(|m| anyhow!("--graph: {m}")))
        .collect::<Result<Vec<_>>>()?;
    let options = QueryOptions {
        graphs,
        params,
        timeout,
    };
    let answer = run_query(&store, &text, &origin, &options)?;
    let prefixes = crate::vocab::prefixes(store.iris().base());
    match &answer {
        Answer::Graph(triples) => {
            let format = graph_format(args)?;
            let mut quads: Vec<_> = triples
                .iter()
                .map(|t| t.clone().in_graph(oxigraph::model::GraphName::DefaultGraph))
                .collect();
            sort_quads(&mut quads);
            let selection = Selection { quads, prefixes };
            write_output(args.output.as_deref(), |out| {
                exporter(format).export(&selection, out)
            })?;
        }
        _ => {
            let format = results_format(args)?;
            write_output(args.output.as_deref(), |out| {
                write_results(&answer, format, &prefixes, out)
            })?;
        }
    }
    Ok(match answer {
        Answer::Boolean(false) if args.ask_exit_code => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}

fn read_query(path: &std::path::Path) -> Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("standard input: cannot read the query")?;
        return Ok(text);
    }
    std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the query", path.display()))
}

/// The format of a SELECT or ASK answer: --results, else the --output extension, else a table.
fn results_format(args: &QueryArgs) -> Result<ResultsFormat> {
    if let Some(name) = &args.results {
        return ResultsFormat::from_name(name).ok_or_else(|| {
            anyhow!(
                "--results: {name} is an RDF format, but a SELECT or ASK query gives solutions, expected one of: {}",
                ResultsFormat::names().join(", ")
            )
        });
    }
    match &args.output {
        Some(path) if path.as_os_str() != "-" => ResultsFormat::from_path(path).ok_or_else(|| {
            anyhow!(
                "{}: cannot tell the results format from the extension, expected --results or one of the extensions: {}",
                path.display(),
                ResultsFormat::all()
                    .map(|f| format!(".{}", f.file_extension()))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }),
        _ => Ok(ResultsFormat::Table),
    }
}

/// The format of a CONSTRUCT or DESCRIBE answer: --results, else the --output extension, else
/// Turtle.
fn graph_format(args: &QueryArgs) -> Result<OutputFormat> {
    if let Some(name) = &args.results {
        return OutputFormat::from_name(name).ok_or_else(|| {
            anyhow!(
                "--results: {name} is a results format, but a CONSTRUCT or DESCRIBE query gives RDF, expected one of: {}",
                OutputFormat::names().join(", ")
            )
        });
    }
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    OutputFormat::resolve(None, output, OutputFormat::Turtle).map_err(anyhow::Error::msg)
}
