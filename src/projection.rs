//! RDF -> property graph: the one projection every graph-tool format (GraphML, GEXF, DOT, Neo4j,
//! Cytoscape) is written from, so that every format shows the same nodes and edges.
//!
//! Hand-written, since no crate projects RDF onto a property graph; the rules are documented in
//! the README ("Graph tools") and, in short, are:
//!
//! - every IRI that is described (a subject) or linked to (the object of an IRI-valued property)
//!   is a node, identified by its IRI, with a readable label (`rdfs:label`, else `skos:prefLabel`,
//!   else `schema:name`, English first; else the IRI's last segment), its types (prefixed names)
//!   and one *kind* that decides its colour and shape;
//! - literal values are typed attributes named by the property's short name (dates as dates,
//!   numbers as numbers); a property with several values on some node is a list everywhere;
//!   links out of the graph (`schema:sameAs`, `skos:exactMatch`, `schema:url`, ...) are URI
//!   attributes, not edges;
//! - every other IRI-valued property is an edge typed by the property's short name;
//! - nodes and edges keep their IRI and the named graphs their statements came from;
//! - unless asked otherwise, provenance plumbing (sentences, selectors, instants, intervals,
//!   builds, the release graphs' own descriptions) is left out, and the reference data keeps only
//!   the nodes the releases reach.
//!
//! The projection is one algorithm, [`passes::project`]: two passes over the statements grouped
//! by subject, which holds a small summary per node (O(nodes) memory) and never every statement,
//! node or edge. [`PropertyGraph::project`] runs it over quads in memory and collects the graph;
//! `pactgraph export` runs it over the store, grouped by an external sort on disk, and spools the
//! nodes and edges to temporary files ([`spool`]). Writers read either through [`GraphView`].

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use oxigraph::model::vocab::{rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad};
use serde::{Deserialize, Deserializer, Serialize};

use crate::vocab::{oa, org, pg, prov, schema, skos, time};

pub mod passes;
pub mod spool;

/// What a projection keeps.
#[derive(Debug, Clone, Default)]
pub struct ProjectionOptions {
    /// Keep only nodes with one of these types (empty: every node).
    pub types: Vec<NamedNode>,
    /// Keep the provenance plumbing: sentences, selectors, instants, intervals, builds, software
    /// and the release graphs' own descriptions.
    pub provenance: bool,
    /// The reference-data graph, when its nodes are to be cut down to those the other graphs
    /// reach (following edges forwards); `None` keeps every reference node.
    pub trim_reference: Option<NamedNode>,
    /// Statements from outside the selection (labels and types) that name and classify nodes the
    /// selection only links to. (Projecting a store, [`crate::export::graph_stream`] reads them
    /// from the graphs outside the selection itself, and adds these.)
    pub context: Vec<Quad>,
    /// Prefixes (name, namespace) for the readable names of types and attributes.
    pub prefixes: Vec<(String, String)>,
}

/// The type of an attribute's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ValueType {
    /// Text (strings, language-tagged strings and every other datatype).
    Text,
    /// A whole number (`xsd:integer` and its subtypes) that fits 64 bits.
    Integer,
    /// A finite floating-point number (`xsd:double`, `xsd:float`, `xsd:decimal`).
    Double,
    /// `xsd:boolean`.
    Boolean,
    /// `xsd:date` (`YYYY-MM-DD`).
    Date,
    /// `xsd:dateTime` with a time zone offset.
    DateTime,
    /// An IRI pointing out of the graph (`schema:sameAs`, `schema:url`, ...).
    Uri,
}

/// One value of an attribute, in its lexical form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Value {
    /// What the value is.
    pub value_type: ValueType,
    /// Its canonical text (`42`, `2025-12-19`, `true`, the string itself).
    pub text: String,
}

/// A node attribute as the formats declare it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    /// Its name: the property's short name, or `prefix_name` when two properties share one.
    pub name: String,
    /// The property's IRI.
    pub iri: String,
    /// The type every value has (mixed types fall back to text).
    pub value_type: ValueType,
    /// Whether some node has several values, so that every format writes it as a list.
    pub list: bool,
}

/// A node of the property graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// Its IRI (also its id in every format).
    pub iri: String,
    /// A readable label.
    pub label: String,
    /// Its kind (`person`, `agreement`, `event`, ...), which decides colour and shape.
    #[serde(deserialize_with = "kind_named")]
    pub kind: KindName,
    /// Its types, as prefixed names where a prefix is known, sorted.
    pub types: Vec<String>,
    /// The named graphs describing it, sorted (empty for a node only linked to).
    pub graphs: Vec<String>,
    /// The date from which it exists, for dynamic graphs: the earliest of its start, signing and
    /// publication dates.
    pub start: Option<String>,
    /// Attribute values by attribute name, each list sorted and without duplicates.
    pub values: BTreeMap<String, Vec<Value>>,
}

/// An edge of the property graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edge {
    /// `e1`, `e2`, ... in edge order.
    pub id: String,
    /// The source node's IRI.
    pub source: String,
    /// The target node's IRI.
    pub target: String,
    /// The property's short name (`signatory`, `party`, ...).
    pub label: String,
    /// The property's IRI.
    pub iri: String,
    /// The named graphs stating it, sorted.
    pub graphs: Vec<String>,
    /// The later of its two nodes' start dates.
    pub start: Option<String>,
}

/// The projected graph: nodes sorted by IRI, edges by source, property and target.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PropertyGraph {
    /// The nodes.
    pub nodes: Vec<Node>,
    /// The edges.
    pub edges: Vec<Edge>,
    /// The node attributes, sorted by name.
    pub attributes: Vec<Attribute>,
}

/// A kind's name. (An alias, so that serde does not take the field for borrowed text.)
type KindName = &'static str;

/// A kind read back by its name.
fn kind_named<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let name = String::deserialize(d)?;
    KINDS
        .iter()
        .map(|(kind, _)| *kind)
        .chain([OTHER_KIND])
        .find(|kind| *kind == name)
        .ok_or_else(|| serde::de::Error::custom(format!("unknown kind {name:?}")))
}

/// What the graph-tool writers read: the attributes and, as often as they need, the nodes (in
/// IRI order) and the edges (in source, property and target order). [`PropertyGraph`] holds
/// them in memory; [`spool::SpooledGraph`] reads them back from disk.
pub trait GraphView {
    /// The node attributes, sorted by name.
    fn attributes(&self) -> &[Attribute];

    /// The nodes, from the first.
    fn nodes(&self) -> Box<dyn Iterator<Item = io::Result<Node>> + '_>;

    /// The edges, from the first.
    fn edges(&self) -> Box<dyn Iterator<Item = io::Result<Edge>> + '_>;

    /// Whether some node has a start date.
    fn dynamic(&self) -> bool;

    /// The first of `candidates` (some of [`passes::LIST_DELIMITERS`]) that no list item (a
    /// type, a graph, a value of a list attribute) contains, to join lists with.
    fn list_delimiter(&self, candidates: &[char]) -> char;
}

/// Names the formats use for what every node has; a property with one of these short names is
/// written with its prefix instead.
pub const RESERVED: &[&str] = &["id", "iri", "label", "kind", "types", "graphs", "start"];

/// The kinds of node, in priority order: a node's kind is the first whose classes it has.
pub const KINDS: &[(&str, &[NamedNodeRef<'static>])] = &[
    ("person", &[schema::PERSON]),
    ("agreement", &[pg::AGREEMENT, schema::LEGISLATION]),
    (
        "event",
        &[
            pg::SIGNING,
            pg::MEETING,
            pg::EXCHANGE_OF_NOTES,
            pg::ENTRY_INTO_FORCE,
            pg::NEGOTIATIONS,
            pg::EVENT,
            schema::EVENT,
        ],
    ),
    ("government", &[pg::GOVERNMENT]),
    ("force", &[pg::ARMED_FORCE]),
    ("ministry", &[pg::MINISTRY]),
    ("country", &[schema::COUNTRY]),
    ("place", &[schema::CITY, schema::PLACE]),
    ("post", &[org::POST]),
    ("holding", &[pg::POST_HOLDING, org::MEMBERSHIP]),
    ("association", &[prov::ASSOCIATION]),
    ("claim", &[schema::AGREE_ACTION]),
    ("release", &[schema::NEWS_ARTICLE]),
    ("sentence", &[pg::SENTENCE]),
    (
        "selector",
        &[oa::TEXT_QUOTE_SELECTOR, oa::TEXT_POSITION_SELECTOR],
    ),
    ("time", &[time::INSTANT, time::INTERVAL]),
    ("build", &[pg::BUILD, prov::SOFTWARE_AGENT]),
    (
        "organisation",
        &[
            org::ORGANIZATION,
            org::FORMAL_ORGANIZATION,
            schema::GOVERNMENT_ORGANIZATION,
        ],
    ),
    ("concept", &[skos::CONCEPT, skos::CONCEPT_SCHEME]),
    (
        "ontology",
        &[
            NamedNodeRef::new_unchecked("http://www.w3.org/2002/07/owl#Class"),
            NamedNodeRef::new_unchecked("http://www.w3.org/2002/07/owl#ObjectProperty"),
            NamedNodeRef::new_unchecked("http://www.w3.org/2002/07/owl#DatatypeProperty"),
            NamedNodeRef::new_unchecked("http://www.w3.org/2002/07/owl#Ontology"),
        ],
    ),
];

/// The kind of a node with none of the classes of [`KINDS`].
pub const OTHER_KIND: &str = "other";

/// The kinds that are provenance plumbing, left out unless asked for.
const PLUMBING_KINDS: &[&str] = &["sentence", "selector", "time", "build"];

/// Properties whose IRI values point out of the graph: written as URI attributes, not edges.
const LINKS_OUT: &[&str] = &[
    "http://schema.org/sameAs",
    "http://schema.org/url",
    "http://www.w3.org/2004/02/skos/core#exactMatch",
    "http://www.w3.org/2004/02/skos/core#closeMatch",
    "http://www.w3.org/2002/07/owl#sameAs",
    "http://www.w3.org/2000/01/rdf-schema#seeAlso",
    "http://www.w3.org/2000/01/rdf-schema#isDefinedBy",
];

/// The properties (and a word before each) whose targets name a node that has no label.
const NAMED_BY: &[(&str, &str)] = &[
    ("agent", ""),
    ("member", ""),
    ("holds", ""),
    ("onBehalfOf", "for "),
    ("attestedAt", "at "),
];

/// Properties whose dates place a node in time, for dynamic graphs.
const DATED_BY: &[NamedNodeRef<'static>] = &[
    schema::START_DATE,
    schema::LEGISLATION_DATE,
    schema::DATE_PUBLISHED,
];

/// The key of a subject: its IRI, or `_:id` for a blank node.
pub(crate) fn node_key(node: &NamedOrBlankNode) -> String {
    match node {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
        NamedOrBlankNode::BlankNode(b) => b.to_string(),
    }
}

fn graph_key(graph: &GraphName) -> Option<String> {
    match graph {
        GraphName::NamedNode(n) => Some(n.as_str().to_owned()),
        GraphName::BlankNode(b) => Some(b.to_string()),
        GraphName::DefaultGraph => None,
    }
}

/// The last segment of an IRI (after `#`, else after `/`), or the IRI itself.
pub fn short_name(iri: &str) -> &str {
    let cut = iri
        .rfind('#')
        .or_else(|| iri.trim_end_matches('/').rfind('/'));
    match cut {
        Some(i) if i + 1 < iri.len() => iri[i + 1..].trim_end_matches('/'),
        _ => iri,
    }
}

/// `prefix:local` for an IRI under one of `prefixes` (the longest namespace wins), else the IRI.
pub fn prefixed(iri: &str, prefixes: &[(String, String)]) -> String {
    prefixes
        .iter()
        .filter(|(_, ns)| iri.len() > ns.len() && iri.starts_with(ns.as_str()))
        .max_by_key(|(_, ns)| ns.len())
        .map_or_else(
            || iri.to_owned(),
            |(name, ns)| format!("{name}:{}", &iri[ns.len()..]),
        )
}

fn value_of(literal: &Literal) -> Value {
    let text = literal.value();
    let dt = literal.datatype();
    let integer = [
        xsd::INTEGER,
        xsd::INT,
        xsd::LONG,
        xsd::SHORT,
        xsd::BYTE,
        xsd::NON_NEGATIVE_INTEGER,
        xsd::POSITIVE_INTEGER,
        xsd::NON_POSITIVE_INTEGER,
        xsd::NEGATIVE_INTEGER,
        xsd::UNSIGNED_INT,
        xsd::UNSIGNED_SHORT,
        xsd::UNSIGNED_BYTE,
    ];
    let typed = if integer.contains(&dt) {
        text.trim()
            .parse::<i64>()
            .ok()
            .map(|n| (ValueType::Integer, n.to_string()))
    } else if [xsd::DOUBLE, xsd::FLOAT, xsd::DECIMAL].contains(&dt) {
        text.trim()
            .parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(|f| (ValueType::Double, format!("{f:?}")))
    } else if dt == xsd::BOOLEAN {
        match text.trim() {
            "true" | "1" => Some((ValueType::Boolean, "true".to_owned())),
            "false" | "0" => Some((ValueType::Boolean, "false".to_owned())),
            _ => None,
        }
    } else if dt == xsd::DATE {
        is_date(text).then(|| (ValueType::Date, text.to_owned()))
    } else if dt == xsd::DATE_TIME {
        (is_date(text) && has_offset(text)).then(|| (ValueType::DateTime, text.to_owned()))
    } else if dt == xsd::ANY_URI {
        Some((ValueType::Uri, text.to_owned()))
    } else {
        None
    };
    let (value_type, text) = typed.unwrap_or_else(|| (ValueType::Text, text.to_owned()));
    Value { value_type, text }
}

fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
}

fn has_offset(text: &str) -> bool {
    text.ends_with('Z')
        || text.len() > 6 && {
            let tail = &text.as_bytes()[text.len() - 6..];
            (tail[0] == b'+' || tail[0] == b'-') && tail[3] == b':'
        }
}

/// Numbers in numeric order, everything else by its text.
fn order(a: &Value, b: &Value) -> std::cmp::Ordering {
    let number = |v: &Value| match v.value_type {
        ValueType::Integer | ValueType::Double => v.text.parse::<f64>().ok(),
        _ => None,
    };
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x.total_cmp(&y).then_with(|| a.cmp(b)),
        _ => a.text.cmp(&b.text).then_with(|| a.cmp(b)),
    }
}

/// The best label among (property, literal) pairs: `rdfs:label`, then `skos:prefLabel`, then
/// `schema:name`; English, then untagged, then other languages; then the smallest text.
fn best_label<'a>(literals: impl Iterator<Item = (&'a str, &'a Literal)>) -> Option<String> {
    literals
        .filter_map(|(p, l)| {
            let rank = [
                rdfs::LABEL.as_str(),
                skos::PREF_LABEL.as_str(),
                schema::NAME.as_str(),
            ]
            .iter()
            .position(|x| *x == p)?;
            let lang = match l.language() {
                Some("en") => 0,
                None => 1,
                Some(_) => 2,
            };
            Some((rank, lang, l.value().to_owned()))
        })
        .min()
        .map(|(_, _, v)| v)
}

fn kind_of(types: &BTreeSet<String>) -> &'static str {
    KINDS
        .iter()
        .find(|(_, classes)| classes.iter().any(|c| types.contains(c.as_str())))
        .map_or(OTHER_KIND, |(k, _)| k)
}

impl PropertyGraph {
    /// Projects quads (with their graph names) onto a property graph: the two passes of
    /// [`passes`] over the quads grouped in memory, collected.
    pub fn project(quads: &[Quad], options: &ProjectionOptions) -> Self {
        let mut groups = passes::MemoryGroups::new(quads, &options.context);
        let mut collected = Collected::default();
        let header = passes::project(&mut groups, options, &mut collected)
            .expect("projecting in memory does not fail");
        let mut nodes = collected.nodes;
        for node in &mut nodes {
            header.retype(node);
        }
        PropertyGraph {
            nodes,
            edges: collected.edges,
            attributes: header.attributes,
        }
    }

    /// The node with this IRI.
    pub fn node(&self, iri: &str) -> Option<&Node> {
        self.nodes
            .binary_search_by(|n| n.iri.as_str().cmp(iri))
            .ok()
            .map(|i| &self.nodes[i])
    }

    /// Every kind present, sorted.
    pub fn kinds(&self) -> BTreeSet<&'static str> {
        self.nodes.iter().map(|n| n.kind).collect()
    }
}

/// A [`passes::ProjectionSink`] that keeps everything in memory.
#[derive(Default)]
struct Collected {
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

impl passes::ProjectionSink for Collected {
    fn node(&mut self, node: Node) -> io::Result<()> {
        self.nodes.push(node);
        Ok(())
    }

    fn edge(&mut self, edge: Edge) -> io::Result<()> {
        self.edges.push(edge);
        Ok(())
    }
}

impl GraphView for PropertyGraph {
    fn attributes(&self) -> &[Attribute] {
        &self.attributes
    }

    fn nodes(&self) -> Box<dyn Iterator<Item = io::Result<Node>> + '_> {
        Box::new(self.nodes.iter().cloned().map(Ok))
    }

    fn edges(&self) -> Box<dyn Iterator<Item = io::Result<Edge>> + '_> {
        Box::new(self.edges.iter().cloned().map(Ok))
    }

    fn dynamic(&self) -> bool {
        self.nodes.iter().any(|n| n.start.is_some())
    }

    fn list_delimiter(&self, candidates: &[char]) -> char {
        PropertyGraph::list_delimiter(self, candidates)
    }
}

impl PropertyGraph {
    /// Every text that a tabular format writes as an item of a list: types, graphs and the
    /// values of list attributes.
    pub fn list_items(&self) -> Vec<&str> {
        let mut items: Vec<&str> = Vec::new();
        for node in &self.nodes {
            items.extend(node.types.iter().map(String::as_str));
            items.extend(node.graphs.iter().map(String::as_str));
            for (name, values) in &node.values {
                if self.attributes.iter().any(|a| a.name == *name && a.list) {
                    items.extend(values.iter().map(|v| v.text.as_str()));
                }
            }
        }
        for edge in &self.edges {
            items.extend(edge.graphs.iter().map(String::as_str));
        }
        items
    }

    /// The first of `candidates` that no list item contains, to join lists with.
    pub fn list_delimiter(&self, candidates: &[char]) -> char {
        free_delimiter(self.list_items().into_iter(), candidates)
    }
}

/// A list delimiter that occurs in none of these texts: the first of `candidates` that is free.
pub fn free_delimiter<'a>(
    texts: impl Iterator<Item = &'a str> + Clone,
    candidates: &[char],
) -> char {
    candidates
        .iter()
        .copied()
        .find(|c| texts.clone().all(|t| !t.contains(*c)))
        .unwrap_or('\u{1f}')
}

#[cfg(test)]
mod tests {
    use oxigraph::model::Term;
    use oxigraph::model::vocab::rdf;

    use super::*;

    fn iri(s: &str) -> NamedNode {
        NamedNode::new(s).unwrap()
    }

    fn quad(s: &str, p: NamedNodeRef<'_>, o: impl Into<Term>, g: &str) -> Quad {
        Quad::new(iri(s), p, o, GraphName::NamedNode(iri(g)))
    }

    #[test]
    fn literals_become_typed_attributes_and_iris_become_edges() {
        let g = "http://g/1";
        let quads = vec![
            quad("http://x/a", rdf::TYPE, schema::PERSON, g),
            quad(
                "http://x/a",
                rdfs::LABEL,
                Literal::new_simple_literal("A"),
                g,
            ),
            quad(
                "http://x/a",
                rdfs::LABEL,
                Literal::new_language_tagged_literal_unchecked("Ā", "mi"),
                g,
            ),
            quad(
                "http://x/a",
                pg::SENTENCE_NUMBER,
                Literal::new_typed_literal("7", xsd::INTEGER),
                g,
            ),
            quad(
                "http://x/a",
                schema::START_DATE,
                Literal::new_typed_literal("2025-12-19T11:40:00+09:00", xsd::DATE_TIME),
                g,
            ),
            quad("http://x/a", pg::SIGNATORY, iri("http://x/b"), g),
            quad("http://x/a", schema::SAME_AS, iri("http://wd/Q1"), g),
        ];
        let options = ProjectionOptions {
            prefixes: crate::vocab::prefixes(crate::vocab::DEFAULT_BASE),
            ..ProjectionOptions::default()
        };
        let graph = PropertyGraph::project(&quads, &options);
        assert_eq!(graph.nodes.len(), 2);
        let a = graph.node("http://x/a").unwrap();
        assert_eq!(a.label, "A");
        assert_eq!(a.kind, "person");
        assert_eq!(a.start.as_deref(), Some("2025-12-19"));
        assert_eq!(a.values["sentenceNumber"][0].value_type, ValueType::Integer);
        assert_eq!(a.values["sameAs"][0].value_type, ValueType::Uri);
        assert_eq!(
            a.values["rdfs_label"]
                .iter()
                .map(|v| v.text.as_str())
                .collect::<Vec<_>>(),
            ["A", "Ā"]
        );
        let label = graph
            .attributes
            .iter()
            .find(|a| a.name == "rdfs_label")
            .unwrap();
        assert!(label.list);
        assert_eq!(graph.edges.len(), 1);
        assert_eq!(graph.edges[0].label, "signatory");
        assert_eq!(graph.edges[0].graphs, ["http://g/1"]);
        assert_eq!(graph.edges[0].start.as_deref(), Some("2025-12-19"));
        let b = graph.node("http://x/b").unwrap();
        assert_eq!((b.label.as_str(), b.kind), ("b", OTHER_KIND));
    }

    #[test]
    fn plumbing_is_left_out_unless_asked_for() {
        let g = "http://g/1";
        let quads = vec![
            quad("http://x/a", rdf::TYPE, schema::PERSON, g),
            quad("http://x/a", prov::WAS_DERIVED_FROM, iri("http://x/s"), g),
            quad("http://x/s", rdf::TYPE, pg::SENTENCE, g),
            quad("http://g/1", prov::HAD_PRIMARY_SOURCE, iri("http://x/a"), g),
        ];
        let lean = PropertyGraph::project(&quads, &ProjectionOptions::default());
        assert_eq!(lean.nodes.len(), 1);
        assert!(lean.edges.is_empty());
        let full = PropertyGraph::project(
            &quads,
            &ProjectionOptions {
                provenance: true,
                ..ProjectionOptions::default()
            },
        );
        assert_eq!(full.nodes.len(), 3);
        assert_eq!(full.edges.len(), 2);
    }

    #[test]
    fn mixed_values_fall_back_to_text_and_delimiters_avoid_the_data() {
        let g = "http://g/1";
        let quads = vec![
            quad(
                "http://x/a",
                pg::SENTENCE_NUMBER,
                Literal::new_typed_literal("7", xsd::INTEGER),
                g,
            ),
            quad(
                "http://x/b",
                pg::SENTENCE_NUMBER,
                Literal::new_simple_literal("seven"),
                g,
            ),
        ];
        let graph = PropertyGraph::project(&quads, &ProjectionOptions::default());
        assert_eq!(graph.attributes[0].value_type, ValueType::Text);
        assert_eq!(
            graph.node("http://x/a").unwrap().values["sentenceNumber"][0].value_type,
            ValueType::Text
        );
        assert_eq!(
            free_delimiter(["a;b", "c|d"].into_iter(), &[';', '|', '¦']),
            '¦'
        );
    }
}
