//! SHACL validation, hand-written for the SHACL Core subset pactgraph's shapes use, each
//! constraint compiled to one SPARQL query on the store.
//!
//! The data graph is what the default export writes: the merge of the release graphs and the
//! reference graph, without the ontology graph. So an instance is a node typed in one of those
//! graphs (the ontology's subclass axioms do not count, as they are not in the export), and
//! `pactgraph validate` and an independent validator run on `pactgraph export` with the same
//! shapes give the same answer. Values a property has come from the merged default graph (the
//! ontology says nothing about the data's nodes).
//!
//! Supported: node shapes with `sh:targetClass` (nodes typed with the class itself), property
//! shapes with an IRI `sh:path` and `sh:minCount`, `sh:maxCount`, `sh:datatype`, `sh:class`,
//! `sh:nodeKind` (`sh:IRI`, `sh:Literal`, `sh:BlankNode`), `sh:pattern` (with `sh:flags`) and
//! `sh:in`. A shapes file that uses anything else is refused with the term it uses, rather than
//! half-checked; CI runs pySHACL on the same shapes as a second opinion.

use std::collections::BTreeSet;
use std::fmt;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::store::GraphStore;

const SH: &str = "http://www.w3.org/ns/shacl#";

/// Why shapes could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct ShapesError {
    /// The shapes file.
    pub origin: String,
    /// What is wrong.
    pub message: String,
}

/// One violation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Violation {
    /// The node that violates.
    pub focus: String,
    /// The property path.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// The shape.
    pub shape: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "violation: {} {}: {} ({})",
            self.focus, self.path, self.message, self.shape
        )
    }
}

/// The outcome of a validation.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Every violation, sorted.
    pub violations: Vec<Violation>,
    /// How many node shapes were checked.
    pub shapes: usize,
    /// How many focus nodes they targeted.
    pub focus_nodes: usize,
}

#[derive(Debug, Clone)]
enum Constraint {
    MinCount(u64),
    MaxCount(u64),
    Datatype(NamedNode),
    Class(NamedNode),
    NodeKind(String),
    Pattern(String, String),
    In(Vec<Term>),
}

#[derive(Debug, Clone)]
struct PropertyConstraint {
    shape: String,
    target: NamedNode,
    path: NamedNode,
    constraint: Constraint,
}

/// Parsed shapes.
#[derive(Debug, Clone)]
pub struct Shapes {
    constraints: Vec<PropertyConstraint>,
    targets: Vec<(String, NamedNode)>,
}

const ALLOWED: &[&str] = &[
    "targetClass",
    "property",
    "path",
    "minCount",
    "maxCount",
    "datatype",
    "class",
    "nodeKind",
    "pattern",
    "flags",
    "in",
    "name",
    "description",
    "message",
    "severity",
];

impl Shapes {
    /// Parses shapes from Turtle; `origin` names them in errors.
    pub fn parse(turtle: &str, origin: &str) -> Result<Self, ShapesError> {
        let fail = |message: String| ShapesError {
            origin: origin.to_owned(),
            message,
        };
        let store = Store::new().map_err(|e| fail(e.to_string()))?;
        let quads = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(turtle.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| fail(format!("invalid Turtle: {e}")))?;
        store.extend(quads).map_err(|e| fail(e.to_string()))?;
        let rows = |query: &str| -> Result<Vec<Vec<Option<Term>>>, ShapesError> {
            let q = SparqlEvaluator::new()
                .with_prefix("sh", SH)
                .expect("valid prefix")
                .parse_query(query)
                .map_err(|e| fail(e.to_string()))?;
            let QueryResults::Solutions(solutions) = q
                .on_store(&store)
                .execute()
                .map_err(|e| fail(e.to_string()))?
            else {
                unreachable!("a SELECT query")
            };
            let vars: Vec<_> = solutions.variables().to_vec();
            solutions
                .map(|s| {
                    let s = s.map_err(|e| fail(e.to_string()))?;
                    Ok(vars.iter().map(|v| s.get(v).cloned()).collect())
                })
                .collect()
        };
        // Refuse what this validator does not implement.
        for row in rows(
            "SELECT DISTINCT ?p WHERE { { ?s sh:targetClass ?c } UNION { ?x sh:property ?s } UNION { ?s a sh:NodeShape } ?s ?p ?o }",
        )? {
            let Some(Term::NamedNode(p)) = &row[0] else {
                continue;
            };
            let p = p.as_str();
            let known = p == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
                || p.starts_with("http://www.w3.org/2000/01/rdf-schema#")
                || p.strip_prefix(SH).is_some_and(|l| ALLOWED.contains(&l));
            if !known {
                return Err(fail(format!(
                    "unsupported SHACL term <{p}>, expected only: {}",
                    ALLOWED
                        .iter()
                        .map(|a| format!("sh:{a}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        }
        let mut targets = Vec::new();
        for row in rows("SELECT ?s ?c WHERE { ?s sh:targetClass ?c } ORDER BY ?s ?c")? {
            match (&row[0], &row[1]) {
                (Some(s), Some(Term::NamedNode(c))) => targets.push((s.to_string(), c.clone())),
                _ => return Err(fail("sh:targetClass must name a class IRI".into())),
            }
        }
        let mut constraints = Vec::new();
        let query = "SELECT ?s ?c ?prop ?path WHERE { ?s sh:targetClass ?c ; sh:property ?prop . OPTIONAL { ?prop sh:path ?path } } ORDER BY ?s ?c ?path";
        for row in rows(query)? {
            let (Some(shape), Some(Term::NamedNode(target)), Some(_)) = (&row[0], &row[1], &row[2])
            else {
                continue;
            };
            let Some(Term::NamedNode(path)) = &row[3] else {
                return Err(fail(format!(
                    "{shape}: expected sh:path to be an IRI (no complex paths)"
                )));
            };
            let value = |p: &str| -> Result<Vec<Term>, ShapesError> {
                // Property shapes are blank nodes, which a query cannot name: find them by
                // their shape and path instead.
                let q = format!(
                    "SELECT ?v WHERE {{ {shape} sh:targetClass {target} ; sh:property ?x . ?x sh:path {path} ; sh:{p} ?v }} ORDER BY ?v"
                );
                Ok(rows(&q)?.into_iter().filter_map(|r| r[0].clone()).collect())
            };
            let mut add = |constraint: Constraint| {
                constraints.push(PropertyConstraint {
                    shape: shape.to_string(),
                    target: target.clone(),
                    path: path.clone(),
                    constraint,
                });
            };
            let count = |t: &Term| match t {
                Term::Literal(l) => l.value().parse::<u64>().ok(),
                _ => None,
            };
            for v in value("minCount")? {
                add(Constraint::MinCount(count(&v).ok_or_else(|| {
                    fail(format!("{shape}: sh:minCount must be a whole number"))
                })?));
            }
            for v in value("maxCount")? {
                add(Constraint::MaxCount(count(&v).ok_or_else(|| {
                    fail(format!("{shape}: sh:maxCount must be a whole number"))
                })?));
            }
            for v in value("datatype")? {
                let Term::NamedNode(d) = v else {
                    return Err(fail(format!("{shape}: sh:datatype must be an IRI")));
                };
                add(Constraint::Datatype(d));
            }
            for v in value("class")? {
                let Term::NamedNode(c) = v else {
                    return Err(fail(format!("{shape}: sh:class must be an IRI")));
                };
                add(Constraint::Class(c));
            }
            for v in value("nodeKind")? {
                let kind = match &v {
                    Term::NamedNode(n) => {
                        n.as_str().strip_prefix(SH).unwrap_or_default().to_owned()
                    }
                    _ => String::new(),
                };
                if !matches!(kind.as_str(), "IRI" | "Literal" | "BlankNode") {
                    return Err(fail(format!(
                        "{shape}: unsupported sh:nodeKind {v}, expected sh:IRI, sh:Literal or sh:BlankNode"
                    )));
                }
                add(Constraint::NodeKind(kind));
            }
            let flags = value("flags")?
                .first()
                .map(|f| match f {
                    Term::Literal(l) => l.value().to_owned(),
                    _ => String::new(),
                })
                .unwrap_or_default();
            for v in value("pattern")? {
                let Term::Literal(l) = v else {
                    return Err(fail(format!("{shape}: sh:pattern must be a string")));
                };
                add(Constraint::Pattern(l.value().to_owned(), flags.clone()));
            }
            let list_query = format!(
                "SELECT ?v WHERE {{ {shape} sh:targetClass {target} ; sh:property ?x . ?x sh:path {path} ; sh:in/<http://www.w3.org/1999/02/22-rdf-syntax-ns#rest>*/<http://www.w3.org/1999/02/22-rdf-syntax-ns#first> ?v }} ORDER BY ?v"
            );
            let items: Vec<Term> = rows(&list_query)?
                .into_iter()
                .filter_map(|r| r[0].clone())
                .collect();
            if !items.is_empty() {
                add(Constraint::In(items));
            }
        }
        // One property shape can be listed under several rows (one per value); keep each once.
        let mut seen = BTreeSet::new();
        constraints.retain(|c| {
            seen.insert(format!(
                "{}|{}|{}|{:?}",
                c.shape, c.target, c.path, c.constraint
            ))
        });
        Ok(Self {
            constraints,
            targets,
        })
    }

    /// Checks a store.
    pub fn validate(&self, store: &GraphStore) -> Result<Report, crate::query::QueryError> {
        let mut report = Report {
            shapes: self.targets.len(),
            ..Report::default()
        };
        let ontology = store.iris().ontology_graph();
        let mut focus = BTreeSet::new();
        for (_, class) in &self.targets {
            let q = format!(
                "SELECT DISTINCT ?f WHERE {{ {} }}",
                instance("?f", class, &ontology)
            );
            for s in crate::query::select(store, &q, "shapes")? {
                if let Some(f) = s.get("f") {
                    focus.insert(f.to_string());
                }
            }
        }
        report.focus_nodes = focus.len();
        for c in &self.constraints {
            let query = c.constraint.query(&c.target, &c.path, &ontology);
            for s in crate::query::select(store, &query, &c.shape)? {
                let value = s.get("v").or_else(|| s.get("n"));
                report.violations.push(Violation {
                    focus: s.get("f").map(Term::to_string).unwrap_or_default(),
                    path: c.path.to_string(),
                    message: c.constraint.message(value),
                    shape: c.shape.clone(),
                });
            }
        }
        report.violations.sort();
        report.violations.dedup();
        Ok(report)
    }
}

impl Constraint {
    /// The SPARQL query that finds the focus nodes violating this constraint (`?f`), with the
    /// offending value (`?v`) or count (`?n`).
    fn query(&self, class: &NamedNode, path: &NamedNode, ontology: &NamedNode) -> String {
        let target = instance("?f", class, ontology);
        let each = |filter: &str| {
            format!("SELECT DISTINCT ?f ?v WHERE {{ {target} ?f {path} ?v FILTER({filter}) }}")
        };
        match self {
            Self::MinCount(n) => format!(
                "SELECT ?f (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {target} OPTIONAL {{ ?f {path} ?v }} }} GROUP BY ?f HAVING (COUNT(DISTINCT ?v) < {n})"
            ),
            Self::MaxCount(n) => format!(
                "SELECT ?f (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {target} ?f {path} ?v }} GROUP BY ?f HAVING (COUNT(DISTINCT ?v) > {n})"
            ),
            Self::Datatype(d) => each(&format!("!isLiteral(?v) || datatype(?v) != {d}")),
            Self::Class(k) => each(&format!(
                "NOT EXISTS {{ GRAPH ?cg {{ ?v rdf:type {k} }} FILTER(?cg != {ontology}) }}"
            )),
            Self::NodeKind(kind) => each(match kind.as_str() {
                "IRI" => "!isIRI(?v)",
                "Literal" => "!isLiteral(?v)",
                _ => "!isBlank(?v)",
            }),
            Self::Pattern(pattern, flags) => {
                let lit = |s: &str| oxigraph::model::Literal::new_simple_literal(s).to_string();
                each(&format!(
                    "isBlank(?v) || !REGEX(STR(?v), {}, {})",
                    lit(pattern),
                    lit(flags)
                ))
            }
            Self::In(items) => {
                let list = items.iter().map(Term::to_string).collect::<Vec<_>>();
                each(&format!("?v NOT IN ({})", list.join(", ")))
            }
        }
    }

    /// What a violation of this constraint says, given the offending value or count.
    fn message(&self, value: Option<&Term>) -> String {
        match self {
            Self::MinCount(n) => format!(
                "expected at least {n} values, found {}",
                value.map(literal_value).unwrap_or_default()
            ),
            Self::MaxCount(n) => format!(
                "expected at most {n} values, found {}",
                value.map(literal_value).unwrap_or_default()
            ),
            Self::Datatype(d) => {
                format!("expected a literal of datatype {d}, found {}", show(value))
            }
            Self::Class(k) => format!("expected an instance of {k}, found {}", show(value)),
            Self::NodeKind(kind) => {
                format!("expected a node of kind sh:{kind}, found {}", show(value))
            }
            Self::Pattern(pattern, _) => {
                format!(
                    "expected a value matching {pattern:?}, found {}",
                    show(value)
                )
            }
            Self::In(items) => {
                let list = items.iter().map(Term::to_string).collect::<Vec<_>>();
                format!("expected one of {}, found {}", list.join(", "), show(value))
            }
        }
    }
}

/// A pattern binding `var` to the nodes typed `class` in a graph other than the ontology's:
/// the instances the default export holds.
fn instance(var: &str, class: &NamedNode, ontology: &NamedNode) -> String {
    format!(
        "{var} rdf:type {class} . FILTER EXISTS {{ GRAPH ?tg {{ {var} rdf:type {class} }} FILTER(?tg != {ontology}) }}"
    )
}

fn literal_value(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

fn show(term: Option<&Term>) -> String {
    term.map(Term::to_string)
        .unwrap_or_else(|| "nothing".into())
}
