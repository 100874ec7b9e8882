//! SPARQL over the store, with pactgraph's prefixes predeclared and the RDF merge of all graphs
//! as the default graph (so simple queries need no `GRAPH` clause and count each triple once).
//!
//! [`run`] evaluates a query with the options of `pactgraph query`: the graphs that make the
//! default graph, parameters bound through the engine's own variable substitution (never by
//! editing the query text), and a timeout that cancels the evaluation. [`parse_term`] reads a
//! parameter value as one RDF term; [`write_table`] and [`write_results`] write an answer.

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use oxigraph::model::{Literal, NamedNode, Term, Triple, Variable};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{
    CancellationToken, PreparedSparqlQuery, QueryEvaluationError, QueryResults, QuerySolution,
    SparqlEvaluator,
};
use unicode_width::UnicodeWidthStr;

use crate::format::ResultsFormat;
use crate::store::GraphStore;

/// Why a query failed.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The query text does not parse.
    #[error("{origin}: {message}")]
    Syntax {
        /// Where the query came from.
        origin: String,
        /// The parser's message, with line and column.
        message: String,
    },
    /// Evaluation failed.
    #[error("{origin}: {message}")]
    Evaluation {
        /// Where the query came from.
        origin: String,
        /// What went wrong.
        message: String,
    },
    /// A SELECT was expected.
    #[error("{0}: expected a SELECT query")]
    NotSelect(String),
    /// The evaluation ran past the timeout and was cancelled.
    #[error(
        "{origin}: cancelled after {seconds}s, the --timeout; narrow the query or raise the timeout"
    )]
    Timeout {
        /// Where the query came from.
        origin: String,
        /// The timeout, in seconds.
        seconds: String,
    },
    /// A parameter names no variable the query can bind.
    #[error(
        "{origin}: --param {name}: the query has no variable ?{name} to bind (parameters bind variables of the SELECT clause)"
    )]
    UnknownParameter {
        /// Where the query came from.
        origin: String,
        /// The parameter.
        name: String,
    },
}

/// A SPARQL evaluator that knows pactgraph's prefixes for a base.
pub fn evaluator(base: &str) -> SparqlEvaluator {
    let mut evaluator = SparqlEvaluator::new();
    for (name, ns) in crate::vocab::prefixes(base) {
        evaluator = evaluator
            .with_prefix(name, ns)
            .expect("pactgraph's prefixes are valid IRIs");
    }
    evaluator
}

/// The deepest nesting of brackets (`{`, `(`, `[` together) a query may have. The parser and
/// the evaluator recurse once per level, so a deeper query is refused before it reaches them
/// rather than overflowing the stack.
pub const MAX_NESTING: usize = 128;

/// Refuses a query nested deeper than [`MAX_NESTING`]: brackets are counted outside strings,
/// IRIs and comments.
pub fn check_nesting(text: &str) -> Result<(), String> {
    let chars: Vec<char> = text.chars().collect();
    let (mut depth, mut line, mut i) = (0usize, 1usize, 0usize);
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\n' => line += 1,
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '"' | '\'' => {
                let long = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                i += if long { 3 } else { 1 };
                while i < chars.len() {
                    if chars[i] == '\\' {
                        i += 2;
                        continue;
                    }
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    if chars[i] == c
                        && (!long || (chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c)))
                    {
                        i += if long { 3 } else { 1 };
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            '<' => {
                // An IRI runs to `>` with no space or bracket inside; else `<` is an operator.
                let end = chars[i + 1..]
                    .iter()
                    .position(|&d| d == '>' || d.is_whitespace() || "<\"{}|^`\\".contains(d));
                if let Some(n) = end
                    && chars[i + 1 + n] == '>'
                {
                    i += n + 2;
                    continue;
                }
            }
            '{' | '(' | '[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(format!(
                        "line {line}: brackets nested more than {MAX_NESTING} deep, expected at most {MAX_NESTING} levels of {{ ( ["
                    ));
                }
            }
            '}' | ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Parses a query with pactgraph's prefixes, over the merge of all graphs.
pub fn prepare(
    store: &GraphStore,
    text: &str,
    origin: &str,
) -> Result<PreparedSparqlQuery, QueryError> {
    prepare_with(evaluator(store.iris().base()), store, text, origin)
}

/// Parses a query. Its default graph is the store's, which `build` keeps as the RDF merge of
/// every named graph (each triple once); a store built before that was kept is read through
/// the engine's union of its graphs instead, as before.
fn prepare_with(
    evaluator: SparqlEvaluator,
    store: &GraphStore,
    text: &str,
    origin: &str,
) -> Result<PreparedSparqlQuery, QueryError> {
    let base = store.iris().base();
    check_nesting(text).map_err(|message| QueryError::Syntax {
        origin: origin.to_owned(),
        message,
    })?;
    let mut prepared = evaluator.parse_query(text).map_err(|err| {
        let mut message = err.to_string().replace('\n', " ");
        if message.contains("Prefix not found") {
            let names: Vec<String> = crate::vocab::prefixes(base)
                .into_iter()
                .map(|(p, _)| format!("{p}:"))
                .collect();
            message.push_str(&format!(
                " (an undeclared prefix; predeclared: {})",
                names.join(" ")
            ));
        }
        QueryError::Syntax {
            origin: origin.to_owned(),
            message,
        }
    })?;
    let merged = store.has_merge().map_err(|err| QueryError::Evaluation {
        origin: origin.to_owned(),
        message: err.to_string(),
    })?;
    if !merged {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    Ok(prepared)
}

/// Runs a SELECT query and collects its solutions.
pub fn select(
    store: &GraphStore,
    text: &str,
    origin: &str,
) -> Result<Vec<QuerySolution>, QueryError> {
    let prepared = prepare(store, text, origin)?;
    let evaluation = |err: &dyn std::fmt::Display| QueryError::Evaluation {
        origin: origin.to_owned(),
        message: err.to_string(),
    };
    match prepared
        .on_store(store.store())
        .execute()
        .map_err(|e| evaluation(&e))?
    {
        QueryResults::Solutions(solutions) => solutions
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| evaluation(&e)),
        _ => Err(QueryError::NotSelect(origin.to_owned())),
    }
}

/// How [`run`] evaluates a query.
#[derive(Debug, Clone, Default)]
pub struct QueryOptions {
    /// The graphs whose union is the default graph, and the only named graphs `GRAPH` sees;
    /// empty means every graph.
    pub graphs: Vec<NamedNode>,
    /// Variables bound before evaluation, through the engine's substitution.
    pub params: Vec<(Variable, Term)>,
    /// Cancel the evaluation after this long.
    pub timeout: Option<Duration>,
}

/// The answer to a query, collected.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A SELECT answer: the variables and one row of optional values per solution.
    Solutions {
        /// The projected variables, in order.
        variables: Vec<Variable>,
        /// The solutions, in the engine's order (the query's `ORDER BY`, if any).
        rows: Vec<Vec<Option<Term>>>,
    },
    /// An ASK answer.
    Boolean(bool),
    /// A CONSTRUCT or DESCRIBE answer.
    Graph(Vec<Triple>),
}

/// Evaluates a query over the store with these options and collects the answer.
pub fn run(
    store: &GraphStore,
    text: &str,
    origin: &str,
    options: &QueryOptions,
) -> Result<Answer, QueryError> {
    let token = CancellationToken::new();
    let mut prepared = prepare_with(
        evaluator(store.iris().base()).with_cancellation_token(token.clone()),
        store,
        text,
        origin,
    )?;
    if !options.graphs.is_empty() {
        // The default graph is their union, and `GRAPH ?g` sees only them.
        let dataset = prepared.dataset_mut();
        dataset.set_default_graph(
            options
                .graphs
                .iter()
                .map(|g| oxigraph::model::GraphName::NamedNode(g.clone()))
                .collect(),
        );
        dataset.set_available_named_graphs(
            options
                .graphs
                .iter()
                .map(|g| oxigraph::model::NamedOrBlankNode::NamedNode(g.clone()))
                .collect(),
        );
    }
    for (variable, term) in &options.params {
        prepared = prepared.substitute_variable(variable.clone(), term.clone());
    }
    // With a timeout the evaluation runs on its own thread; when the timeout passes first, the
    // evaluation is cancelled (the engine stops at its next read of the store) and the caller
    // gets its answer at once, whatever the engine is doing.
    let answer = match options.timeout {
        None => collect(prepared, store.store()),
        Some(timeout) => {
            let (send, receive) = mpsc::channel();
            let store = store.store().clone();
            // The evaluator recurses once per level of nesting: give it a main thread's stack.
            std::thread::Builder::new()
                .stack_size(8 << 20)
                .spawn(move || {
                    // The receiver is gone when the timeout passed first.
                    let _ = send.send(collect(prepared, &store));
                })
                .map_err(|err| QueryError::Evaluation {
                    origin: origin.to_owned(),
                    message: format!("cannot start the query: {err}"),
                })?;
            match receive.recv_timeout(timeout) {
                Ok(answer) => answer,
                Err(_) => {
                    token.cancel();
                    Err(QueryEvaluationError::Cancelled)
                }
            }
        }
    };
    answer.map_err(|err| match err {
        QueryEvaluationError::Cancelled => QueryError::Timeout {
            origin: origin.to_owned(),
            seconds: options
                .timeout
                .map(|t| format!("{}", t.as_secs_f64()))
                .unwrap_or_default(),
        },
        QueryEvaluationError::NotExistingSubstitutedVariable(v) => QueryError::UnknownParameter {
            origin: origin.to_owned(),
            name: v.as_str().to_owned(),
        },
        other => QueryError::Evaluation {
            origin: origin.to_owned(),
            message: other.to_string().replace('\n', " "),
        },
    })
}

fn collect(
    prepared: PreparedSparqlQuery,
    store: &oxigraph::store::Store,
) -> Result<Answer, QueryEvaluationError> {
    Ok(match prepared.on_store(store).execute()? {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for solution in solutions {
                let solution = solution?;
                rows.push(variables.iter().map(|v| solution.get(v).cloned()).collect());
            }
            Answer::Solutions { variables, rows }
        }
        QueryResults::Boolean(value) => Answer::Boolean(value),
        QueryResults::Graph(triples) => {
            let mut all = triples.collect::<Result<Vec<_>, _>>()?;
            all.sort_by_key(|t| t.to_string());
            all.dedup();
            Answer::Graph(all)
        }
    })
}

/// What a parameter value may be, for error messages.
const TERM_FORMS: &str = "an IRI in <>, a prefixed name such as agreement:acsa-japan_new-zealand-2025, a literal such as \"text\"@en, \"2025-12-19\"^^xsd:date or 42, or a plain word";

/// Reads a parameter value as one RDF term: an IRI in `<>`, a prefixed name with pactgraph's
/// prefixes, a literal in N-Triples or Turtle form (a prefixed datatype is allowed; numbers and
/// booleans are typed literals), or a plain word (letters, digits, spaces and `-_.,'/()`),
/// which is a string literal. Anything else is refused, so no value can change a query's shape.
pub fn parse_term(value: &str, base: &str) -> Result<Term, String> {
    let refuse = |why: String| {
        format!(
            "invalid value {value:?}: {}, expected {TERM_FORMS}",
            crate::one_line(&why)
        )
    };
    let v = value.trim();
    let prefixes = crate::vocab::prefixes(base);
    let expand = |name: &str| -> Result<NamedNode, String> {
        let (prefix, local) = name
            .split_once(':')
            .ok_or_else(|| "not a prefixed name".to_owned())?;
        let (_, ns) = prefixes
            .iter()
            .find(|(p, _)| p == prefix)
            .ok_or_else(|| format!("unknown prefix {:?}", format!("{prefix}:")))?;
        let plain = local
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
            && !local.ends_with('.');
        if !plain {
            return Err(format!("{local:?} is not a plain local name"));
        }
        NamedNode::new(format!("{ns}{local}")).map_err(|e| e.to_string())
    };
    let first = v
        .chars()
        .next()
        .ok_or_else(|| refuse("it is empty".into()))?;
    if first == '<' {
        return v
            .parse::<NamedNode>()
            .map(Term::from)
            .map_err(|e| refuse(e.to_string()));
    }
    if first == '"' {
        let text = match v.rsplit_once("^^") {
            Some((lexical, datatype)) if !datatype.starts_with('<') && lexical.ends_with('"') => {
                let iri = expand(datatype).map_err(refuse)?;
                format!("{lexical}^^<{}>", iri.as_str())
            }
            _ => v.to_owned(),
        };
        return text
            .parse::<Literal>()
            .map(Term::from)
            .map_err(|e| refuse(e.to_string()));
    }
    if first.is_ascii_digit() || matches!(first, '+' | '-' | '.') || v == "true" || v == "false" {
        return v
            .parse::<Literal>()
            .map(Term::from)
            .map_err(|e| refuse(e.to_string()));
    }
    if v.contains(':') {
        return expand(v).map(Term::from).map_err(refuse);
    }
    if first.is_alphabetic()
        && v.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | ',' | '\'' | '/' | '(' | ')')
        })
    {
        return Ok(Literal::new_simple_literal(v).into());
    }
    Err(refuse("it is not one RDF term".into()))
}

/// Reads `name=value` (`?name` and `$name` are accepted) into a variable and a term.
pub fn parse_param(param: &str, base: &str) -> Result<(Variable, Term), String> {
    let (name, value) = param
        .split_once('=')
        .ok_or_else(|| format!("--param {param:?}: expected NAME=VALUE"))?;
    let name = name.trim().trim_start_matches(['?', '$']);
    let variable = Variable::new(name)
        .map_err(|e| format!("--param {param:?}: {name:?} is not a variable name: {e}"))?;
    let term = parse_term(value, base).map_err(|e| format!("--param {name}: {e}"))?;
    Ok((variable, term))
}

/// A term as the table shows it: an IRI abbreviated with a prefix when its local part is plain
/// (else in `<>`), a literal by its lexical form, a blank node as `_:id`; control characters
/// escaped so that every row stays on one line.
pub fn display_term(term: &Term, prefixes: &[(String, String)]) -> String {
    let text = match term {
        Term::NamedNode(n) => compact(n.as_str(), prefixes),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    };
    escape_control(&text)
}

fn compact(iri: &str, prefixes: &[(String, String)]) -> String {
    prefixes
        .iter()
        .filter_map(|(p, ns)| Some((p, iri.strip_prefix(ns.as_str())?)))
        .filter(|(_, local)| {
            local
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
                && !local.ends_with('.')
                && !local.starts_with(['-', '.'])
        })
        .min_by_key(|(_, local)| local.len())
        .map_or_else(|| format!("<{iri}>"), |(p, local)| format!("{p}:{local}"))
}

fn escape_control(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Writes a SELECT or ASK answer as an aligned text table (columns two spaces apart, widths in
/// terminal cells); an ASK answer is one line, `true` or `false`.
pub fn write_table(
    answer: &Answer,
    prefixes: &[(String, String)],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let (variables, rows) = match answer {
        Answer::Solutions { variables, rows } => (variables, rows),
        Answer::Boolean(value) => return writeln!(out, "{value}"),
        Answer::Graph(_) => {
            return Err(std::io::Error::other(
                "a graph answer is written as RDF, not as a table",
            ));
        }
    };
    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|t| {
                    t.as_ref()
                        .map(|t| display_term(t, prefixes))
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[String], out: &mut dyn Write| -> std::io::Result<()> {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(&widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            text.push_str(&" ".repeat(width - cell.width()));
        }
        writeln!(out, "{}", text.trim_end())
    };
    line(&header, out)?;
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat((*w).max(1))).collect();
    line(&rule, out)?;
    for row in &cells {
        line(row, out)?;
    }
    Ok(())
}

/// Writes a SELECT or ASK answer in a W3C SPARQL results format (CSV, TSV, JSON, XML).
pub fn write_results(
    answer: &Answer,
    format: ResultsFormat,
    prefixes: &[(String, String)],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let Some(sparql) = format.sparql_format() else {
        return write_table(answer, prefixes, out);
    };
    let serializer = QueryResultsSerializer::from_format(sparql);
    match answer {
        Answer::Boolean(value) => {
            serializer.serialize_boolean_to_writer(out, *value)?;
        }
        Answer::Solutions { variables, rows } => {
            let mut writer = serializer.serialize_solutions_to_writer(out, variables.clone())?;
            for row in rows {
                writer.serialize(
                    variables
                        .iter()
                        .zip(row)
                        .filter_map(|(v, t)| Some((v.as_ref(), t.as_ref()?.as_ref()))),
                )?;
            }
            writer.finish()?;
        }
        Answer::Graph(_) => {
            return Err(std::io::Error::other(
                "a graph answer is written as RDF, not as SPARQL results",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::DEFAULT_BASE;

    #[test]
    fn parameter_values_are_single_terms() {
        let term = |v: &str| parse_term(v, DEFAULT_BASE);
        assert_eq!(
            term("agreement:acsa-japan_new-zealand-2025")
                .unwrap()
                .to_string(),
            "<https://w3id.org/pactgraph/id/agreement/acsa-japan_new-zealand-2025>"
        );
        assert_eq!(term("<urn:x>").unwrap().to_string(), "<urn:x>");
        assert_eq!(term("\"Tokyo\"@en").unwrap().to_string(), "\"Tokyo\"@en");
        assert_eq!(
            term("\"2025-12-19\"^^xsd:date").unwrap().to_string(),
            "\"2025-12-19\"^^<http://www.w3.org/2001/XMLSchema#date>"
        );
        assert_eq!(
            term("42").unwrap().to_string(),
            "\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>"
        );
        assert_eq!(
            term("Indo-Pacific").unwrap().to_string(),
            "\"Indo-Pacific\""
        );
        assert_eq!(
            term("\"> } ; DROP ALL #\"").unwrap().to_string(),
            "\"> } ; DROP ALL #\""
        );
        for bad in [
            "\"> } ; DROP ALL #",
            "> } ; DROP ALL #",
            "x> } ; DROP ALL #",
            "<urn:x> } ; DROP ALL #",
            "agreement:x> } #",
            "nope:x",
            "https://example.org/x",
            "_:b0",
            "?x",
            "\"a\" , \"b\"",
            "",
        ] {
            assert!(term(bad).is_err(), "{bad:?} was accepted");
        }
        assert!(
            term("nope:x")
                .unwrap_err()
                .contains("unknown prefix \"nope:\"")
        );
    }

    #[test]
    fn parameters_name_a_variable() {
        let (v, t) = parse_param("?agreement=agreement:isa", DEFAULT_BASE).unwrap();
        assert_eq!(v.as_str(), "agreement");
        assert!(t.to_string().ends_with("/id/agreement/isa>"));
        assert!(parse_param("agreement", DEFAULT_BASE).is_err());
        assert!(parse_param("a b=1", DEFAULT_BASE).is_err());
    }

    #[test]
    fn the_table_aligns_and_escapes() {
        let prefixes = crate::vocab::prefixes(DEFAULT_BASE);
        let answer = Answer::Solutions {
            variables: vec![Variable::new_unchecked("who"), Variable::new_unchecked("n")],
            rows: vec![
                vec![
                    Some(Literal::new_simple_literal("茂木\nx").into()),
                    Some(Literal::from(1).into()),
                ],
                vec![
                    Some(
                        NamedNode::new_unchecked(format!("{DEFAULT_BASE}id/person/judith-collins"))
                            .into(),
                    ),
                    None,
                ],
            ],
        };
        let mut out = Vec::new();
        write_table(&answer, &prefixes, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "who                    n\n---------------------  -\n茂木\\nx                1\nperson:judith-collins\n"
        );
    }
}
