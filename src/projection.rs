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

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};

use crate::vocab::{oa, org, pg, prov, schema, skos, time};

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
    /// selection only links to.
    pub context: Vec<Quad>,
    /// Prefixes (name, namespace) for the readable names of types and attributes.
    pub prefixes: Vec<(String, String)>,
}

/// The type of an attribute's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Its IRI (also its id in every format).
    pub iri: String,
    /// A readable label.
    pub label: String,
    /// Its kind (`person`, `agreement`, `event`, ...), which decides colour and shape.
    pub kind: &'static str,
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
#[derive(Debug, Clone, PartialEq, Eq)]
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

#[derive(Default)]
struct Described {
    types: BTreeSet<String>,
    graphs: BTreeSet<String>,
    literals: Vec<(String, Literal)>,
}

fn node_key(node: &NamedOrBlankNode) -> String {
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
    /// Projects quads (with their graph names) onto a property graph.
    pub fn project(quads: &[Quad], options: &ProjectionOptions) -> Self {
        let mut described: BTreeMap<String, Described> = BTreeMap::new();
        let mut links: BTreeMap<(String, String, String), BTreeSet<String>> = BTreeMap::new();
        let mut graph_names = BTreeSet::new();
        for q in quads {
            let s = node_key(&q.subject);
            let g = graph_key(&q.graph_name);
            let entry = described.entry(s.clone()).or_default();
            if let Some(g) = &g {
                entry.graphs.insert(g.clone());
                graph_names.insert(g.clone());
            }
            let p = q.predicate.as_str();
            match &q.object {
                Term::NamedNode(o) if q.predicate.as_ref() == rdf::TYPE => {
                    entry.types.insert(o.as_str().to_owned());
                }
                Term::NamedNode(o) if LINKS_OUT.contains(&p) => {
                    entry.literals.push((
                        p.to_owned(),
                        Literal::new_typed_literal(o.as_str(), xsd::ANY_URI),
                    ));
                }
                Term::Literal(l) => entry.literals.push((p.to_owned(), l.clone())),
                other => {
                    let o = match other {
                        Term::NamedNode(n) => n.as_str().to_owned(),
                        other => other.to_string(),
                    };
                    let graphs = links.entry((s, p.to_owned(), o)).or_default();
                    graphs.extend(g);
                }
            }
        }

        // What the context says about nodes the selection only links to.
        let mut context_types: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let mut context_labels: BTreeMap<&str, Vec<(&str, &Literal)>> = BTreeMap::new();
        for q in &options.context {
            let NamedOrBlankNode::NamedNode(s) = &q.subject else {
                continue;
            };
            match &q.object {
                Term::NamedNode(o) if q.predicate.as_ref() == rdf::TYPE => {
                    context_types
                        .entry(s.as_str())
                        .or_default()
                        .insert(o.as_str().to_owned());
                }
                Term::Literal(l) => context_labels
                    .entry(s.as_str())
                    .or_default()
                    .push((q.predicate.as_str(), l)),
                _ => {}
            }
        }
        let types_of = |iri: &str| -> BTreeSet<String> {
            match described.get(iri) {
                Some(d) if !d.types.is_empty() => d.types.clone(),
                _ => context_types.get(iri).cloned().unwrap_or_default(),
            }
        };

        // The candidate nodes: every subject and every object of an edge.
        let mut candidates: BTreeSet<String> = described.keys().cloned().collect();
        for (_, _, o) in links.keys() {
            candidates.insert(o.clone());
        }
        let mut kept: BTreeSet<String> = candidates
            .into_iter()
            .filter(|iri| {
                options.provenance
                    || !(graph_names.contains(iri)
                        || PLUMBING_KINDS.contains(&kind_of(&types_of(iri))))
            })
            .collect();

        if let Some(reference) = &options.trim_reference {
            let reference = reference.as_str();
            let mut out: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
            for (s, _, o) in links.keys() {
                out.entry(s.as_str()).or_default().push(o.as_str());
            }
            let mut reached: BTreeSet<String> = BTreeSet::new();
            let mut queue: VecDeque<String> = kept
                .iter()
                .filter(|iri| {
                    described
                        .get(*iri)
                        .is_some_and(|d| d.graphs.iter().any(|g| g != reference))
                })
                .cloned()
                .collect();
            while let Some(iri) = queue.pop_front() {
                if !kept.contains(&iri) || !reached.insert(iri.clone()) {
                    continue;
                }
                for next in out.get(iri.as_str()).into_iter().flatten() {
                    queue.push_back((*next).to_owned());
                }
            }
            kept = reached;
        }

        if !options.types.is_empty() {
            kept.retain(|iri| {
                let types = types_of(iri);
                options.types.iter().any(|t| types.contains(t.as_str()))
            });
        }

        // Attribute names: short names, prefixed where two properties (or a reserved name)
        // share one.
        let mut properties: BTreeSet<&str> = BTreeSet::new();
        for iri in &kept {
            if let Some(d) = described.get(iri) {
                properties.extend(d.literals.iter().map(|(p, _)| p.as_str()));
            }
        }
        let mut by_short: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for p in &properties {
            by_short.entry(short_name(p)).or_default().push(p);
        }
        let mut names: BTreeMap<&str, String> = BTreeMap::new();
        for (short, props) in &by_short {
            for p in props {
                let name = if props.len() > 1 || RESERVED.contains(short) {
                    let full = prefixed(p, &options.prefixes);
                    full.replace(':', "_")
                } else {
                    short.replace(':', "_")
                };
                names.insert(p, name);
            }
        }

        let mut nodes = Vec::new();
        let mut attributes: BTreeMap<String, Attribute> = BTreeMap::new();
        for iri in &kept {
            let d = described.get(iri);
            let types = types_of(iri);
            let label = d
                .and_then(|d| best_label(d.literals.iter().map(|(p, l)| (p.as_str(), l))))
                .or_else(|| {
                    context_labels
                        .get(iri.as_str())
                        .and_then(|ls| best_label(ls.iter().copied()))
                })
                .unwrap_or_else(|| short_name(iri).to_owned());
            let mut values: BTreeMap<String, Vec<Value>> = BTreeMap::new();
            let mut start: Option<String> = None;
            for (p, l) in d.map(|d| d.literals.as_slice()).unwrap_or_default() {
                let value = value_of(l);
                if DATED_BY.iter().any(|x| x.as_str() == p)
                    && matches!(value.value_type, ValueType::Date | ValueType::DateTime)
                {
                    let day = value.text[..10].to_owned();
                    if start.as_ref().is_none_or(|s| day < *s) {
                        start = Some(day);
                    }
                }
                values
                    .entry(names[p.as_str()].clone())
                    .or_default()
                    .push(value);
            }
            for (name, list) in &mut values {
                list.sort_by(order);
                list.dedup_by(|a, b| a.text == b.text);
                let p = properties
                    .iter()
                    .find(|p| names[**p] == *name)
                    .expect("every name comes from a property");
                let attr = attributes.entry(name.clone()).or_insert_with(|| Attribute {
                    name: name.clone(),
                    iri: (*p).to_owned(),
                    value_type: list[0].value_type,
                    list: false,
                });
                attr.list |= list.len() > 1;
                if list.iter().any(|v| v.value_type != attr.value_type) {
                    attr.value_type = ValueType::Text;
                }
            }
            nodes.push(Node {
                iri: iri.clone(),
                label,
                kind: kind_of(&types),
                types: types
                    .iter()
                    .map(|t| prefixed(t, &options.prefixes))
                    .collect(),
                graphs: d
                    .map(|d| d.graphs.iter().cloned().collect())
                    .unwrap_or_default(),
                start,
                values,
            });
        }
        // Values of an attribute that fell back to text are text.
        for node in &mut nodes {
            for (name, list) in &mut node.values {
                let want = attributes[name].value_type;
                for v in list.iter_mut() {
                    v.value_type = want;
                }
            }
        }

        // A node with no label of its own is named after what it links: who, in which post, for
        // whom, at which event (signatory associations and post holdings have no label).
        let labelled: BTreeMap<String, String> = nodes
            .iter()
            .filter(|n| n.label != short_name(&n.iri))
            .map(|n| (n.iri.clone(), n.label.clone()))
            .collect();
        for node in &mut nodes {
            if labelled.contains_key(&node.iri) {
                continue;
            }
            let mut parts = Vec::new();
            for (property, prefix) in NAMED_BY {
                for ((s, p, o), _) in
                    links.range((node.iri.clone(), String::new(), String::new())..)
                {
                    if *s != node.iri {
                        break;
                    }
                    if short_name(p) == *property
                        && kept.contains(o)
                        && let Some(l) = labelled.get(o)
                    {
                        parts.push(format!("{prefix}{l}"));
                    }
                }
            }
            if !parts.is_empty() {
                node.label = parts.join(", ");
            }
        }

        let starts: BTreeMap<&str, Option<&String>> = nodes
            .iter()
            .map(|n| (n.iri.as_str(), n.start.as_ref()))
            .collect();
        let mut edges = Vec::new();
        for ((s, p, o), graphs) in &links {
            if !(kept.contains(s) && kept.contains(o)) {
                continue;
            }
            let start = [starts[s.as_str()], starts[o.as_str()]]
                .into_iter()
                .flatten()
                .max()
                .cloned();
            edges.push(Edge {
                id: format!("e{}", edges.len() + 1),
                source: s.clone(),
                target: o.clone(),
                label: short_name(p).to_owned(),
                iri: p.clone(),
                graphs: graphs.iter().cloned().collect(),
                start,
            });
        }
        PropertyGraph {
            nodes,
            edges,
            attributes: attributes.into_values().collect(),
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
