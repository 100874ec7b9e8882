//! SPARQL over the store, with pactgraph's prefixes predeclared and the union of all graphs as
//! the default graph (so simple queries need no `GRAPH` clause).

use oxigraph::sparql::{PreparedSparqlQuery, QueryResults, QuerySolution, SparqlEvaluator};

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

/// Parses a query with pactgraph's prefixes, over the union of all graphs.
pub fn prepare(
    store: &GraphStore,
    text: &str,
    origin: &str,
) -> Result<PreparedSparqlQuery, QueryError> {
    let mut prepared = evaluator(store.iris().base())
        .parse_query(text)
        .map_err(|err| QueryError::Syntax {
            origin: origin.to_owned(),
            message: err.to_string().replace('\n', " "),
        })?;
    prepared.dataset_mut().set_default_graph_as_union();
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
