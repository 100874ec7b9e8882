//! The projection as two passes over the statements grouped by subject, so that a graph of any
//! size is projected in memory proportional to its number of nodes, not of statements.
//!
//! The input is a [`SubjectGroups`] source: every subject's statements together (the selection's
//! and the context's), subjects in the order of their keys (the IRI as a string, `_:id` for a
//! blank node), which is the order of the nodes, each group read into a [`Subject`] with a
//! [`SubjectBuilder`]. An edge's target has a group of its own, even when the selection does not
//! describe it, so that everything the projection decides about a node is decided when its group
//! is read.
//!
//! - Pass 1 reads every group once and keeps, per node that may be kept, a small summary: its
//!   readable label when it has one, its start date and two flags. That map is the memory the
//!   projection needs: O(nodes), some fifty bytes per node besides its IRI and label. Trimming the
//!   reference data follows edges forwards from the nodes the other graphs describe (the seeds):
//!   a seed's targets are marked as reached when the seed is read; only the out-links of the
//!   nodes described in the reference graph alone are kept (as many as the reference data has),
//!   and the search over them finishes at the end of the pass. The literal properties of the
//!   kept nodes give the attribute names.
//! - Pass 2 reads the groups again and builds each kept node and its edges (both ends kept), in
//!   node order, for a [`ProjectionSink`]; attribute types, lists and the list delimiters the
//!   data contains are gathered on the way into the [`ProjectionHeader`].
//!
//! [`crate::projection::PropertyGraph::project`] runs the same passes over quads in memory
//! ([`MemoryGroups`]) and collects the result; `crate::export::graph_stream` runs them over a
//! store, grouped by an external sort, and spools the nodes and edges to disk.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io;

use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{Literal, NamedOrBlankNode, Quad, Term};
use rayon::prelude::*;

use crate::vocab::{schema, skos};

use super::{
    Attribute, DATED_BY, Edge, LINKS_OUT, NAMED_BY, Node, PLUMBING_KINDS, ProjectionOptions,
    RESERVED, Value, ValueType, best_label, graph_key, kind_of, node_key, order, prefixed,
    short_name, value_of,
};

/// The characters the tabular formats may join list items with; [`ProjectionHeader`] records
/// which of them occur in the data.
pub const LIST_DELIMITERS: &[char] = &[';', '|', '¦'];

/// A source of subjects in key order, read once per pass.
pub trait SubjectGroups {
    /// The named graphs holding the selection's statements (whose own descriptions are
    /// provenance plumbing).
    fn graphs(&self) -> &BTreeSet<String>;

    /// Reads every group whose key is `wanted` and hands them to `visit` in key order, a batch
    /// at a time; called once per pass.
    fn for_each_batch(
        &mut self,
        wanted: &(dyn Fn(&str) -> bool + Sync),
        visit: &mut dyn FnMut(Vec<Subject>) -> io::Result<()>,
    ) -> io::Result<()>;
}

/// Where pass 2 puts the projected graph: each node in IRI order, followed by its edges in
/// (property, target) order.
pub trait ProjectionSink {
    /// Takes the next node. Its values still have their own types: [`ProjectionHeader::retype`]
    /// gives them their attribute's type, which is known only at the end.
    fn node(&mut self, node: Node) -> io::Result<()>;

    /// Takes the next edge.
    fn edge(&mut self, edge: Edge) -> io::Result<()>;
}

/// What a writer needs before the nodes: the attributes, whether some node is dated, and which
/// list delimiters occur in the data.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectionHeader {
    /// The node attributes, sorted by name.
    pub attributes: Vec<Attribute>,
    /// Whether some node has a start date.
    pub dynamic: bool,
    /// The [`LIST_DELIMITERS`] that some list item (a type, a graph, a value of a list
    /// attribute) contains.
    pub taken: Vec<char>,
}

impl ProjectionHeader {
    /// The first of `candidates` (a subset of [`LIST_DELIMITERS`]) that no list item contains.
    pub fn list_delimiter(&self, candidates: &[char]) -> char {
        debug_assert!(candidates.iter().all(|c| LIST_DELIMITERS.contains(c)));
        candidates
            .iter()
            .copied()
            .find(|c| !self.taken.contains(c))
            .unwrap_or('\u{1f}')
    }

    /// Gives a node's values their attribute's type (an attribute with values of mixed types
    /// is text).
    pub fn retype(&self, node: &mut Node) {
        for (name, values) in &mut node.values {
            if let Ok(i) = self
                .attributes
                .binary_search_by(|a| a.name.as_str().cmp(name))
            {
                let want = self.attributes[i].value_type;
                for v in values.iter_mut() {
                    v.value_type = want;
                }
            }
        }
    }
}

/// The key of an edge's target when a statement is an edge (its object is an IRI, a blank node
/// or a triple that is neither a type nor a link out of the graph), else `None`.
pub fn link_target(quad: &Quad) -> Option<String> {
    match &quad.object {
        Term::Literal(_) => None,
        Term::NamedNode(_) if quad.predicate.as_ref() == rdf::TYPE => None,
        Term::NamedNode(_) if LINKS_OUT.contains(&quad.predicate.as_str()) => None,
        other => Some(term_key(other)),
    }
}

fn term_key(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    }
}

/// A `YYYY-MM-DD` date.
type Day = [u8; 10];

fn day_text(day: &Day) -> String {
    String::from_utf8_lossy(day).into_owned()
}

/// What one group of statements says about its subject.
#[derive(Debug)]
pub struct Subject {
    key: String,
    described: bool,
    linked: bool,
    /// Its own types, else those the context gives it.
    types: BTreeSet<String>,
    graphs: BTreeSet<String>,
    /// Literal values (and links out as `xsd:anyURI` values), each (property, value) once.
    literals: Vec<(String, Literal)>,
    /// (property, target) -> the graphs stating it.
    links: BTreeMap<(String, String), BTreeSet<String>>,
    /// Its own best label, else the context's.
    label: Option<String>,
}

/// Reads a group's statements into a [`Subject`], one at a time, so that a subject with very
/// many statements (the software every release names) needs no more memory than what it
/// says: statements that differ only in their graph add just the graph. Statements come in
/// the order of their N-Quads lines, which puts those together.
#[derive(Debug)]
pub struct SubjectBuilder {
    subject: Subject,
    context_types: BTreeSet<String>,
    context_labels: Vec<(String, Literal)>,
}

impl SubjectBuilder {
    /// A subject with this key and nothing said about it yet.
    pub fn new(key: String) -> Self {
        Self {
            subject: Subject {
                key,
                described: false,
                linked: false,
                types: BTreeSet::new(),
                graphs: BTreeSet::new(),
                literals: Vec::new(),
                links: BTreeMap::new(),
                label: None,
            },
            context_types: BTreeSet::new(),
            context_labels: Vec::new(),
        }
    }

    /// The subject's key.
    pub fn key(&self) -> &str {
        &self.subject.key
    }

    /// Notes that a statement of the selection links to the subject.
    pub fn linked(&mut self) {
        self.subject.linked = true;
    }

    /// Adds a statement of the selection about the subject (after those whose N-Quads lines
    /// sort before its own).
    pub fn statement(&mut self, quad: Quad) {
        let subject = &mut self.subject;
        subject.described = true;
        let g = graph_key(&quad.graph_name);
        if let Some(g) = &g
            && !subject.graphs.contains(g)
        {
            subject.graphs.insert(g.clone());
        }
        let p = quad.predicate.as_str();
        let literal = match quad.object {
            Term::NamedNode(o) if quad.predicate.as_ref() == rdf::TYPE => {
                if !subject.types.contains(o.as_str()) {
                    subject.types.insert(o.into_string());
                }
                return;
            }
            Term::NamedNode(o) if LINKS_OUT.contains(&p) => {
                Literal::new_typed_literal(o.as_str(), xsd::ANY_URI)
            }
            Term::Literal(l) => l,
            other => {
                let graphs = subject
                    .links
                    .entry((p.to_owned(), term_key(&other)))
                    .or_default();
                if let Some(g) = g
                    && !graphs.contains(&g)
                {
                    graphs.insert(g);
                }
                return;
            }
        };
        // The same value in another graph comes right after.
        if subject
            .literals
            .last()
            .is_none_or(|(lp, l)| lp != p || *l != literal)
        {
            subject.literals.push((p.to_owned(), literal));
        }
    }

    /// Adds a statement from outside the selection: an `rdf:type` or a label of the subject
    /// (anything else is ignored).
    pub fn context(&mut self, quad: &Quad) {
        if !matches!(quad.subject, NamedOrBlankNode::NamedNode(_)) {
            return;
        }
        match &quad.object {
            Term::NamedNode(o) if quad.predicate.as_ref() == rdf::TYPE => {
                self.context_types.insert(o.as_str().to_owned());
            }
            Term::Literal(l) => self
                .context_labels
                .push((quad.predicate.as_str().to_owned(), l.clone())),
            _ => {}
        }
    }

    /// Whether the subject would take its types (first) or its label (second) from the
    /// context: it is an IRI, and the selection gives it none.
    pub fn wants_context(&self) -> (bool, bool) {
        if self.subject.key.starts_with("_:") {
            return (false, false);
        }
        let labels = [
            rdfs::LABEL.as_str(),
            skos::PREF_LABEL.as_str(),
            schema::NAME.as_str(),
        ];
        (
            self.subject.types.is_empty(),
            !self
                .subject
                .literals
                .iter()
                .any(|(p, _)| labels.contains(&p.as_str())),
        )
    }

    /// The subject, with its own types and label, else the context's.
    pub fn finish(self) -> Subject {
        let mut subject = self.subject;
        subject.label = best_label(subject.literals.iter().map(|(p, l)| (p.as_str(), l)))
            .or_else(|| best_label(self.context_labels.iter().map(|(p, l)| (p.as_str(), l))));
        if subject.types.is_empty() {
            subject.types = self.context_types;
        }
        subject
    }
}

impl Subject {
    /// The subject's key.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The earliest of its dates that place it in time.
    fn start(&self) -> Option<Day> {
        self.literals
            .iter()
            .filter(|(p, _)| DATED_BY.iter().any(|x| x.as_str() == p))
            .filter_map(|(_, l)| {
                let value = value_of(l);
                matches!(value.value_type, ValueType::Date | ValueType::DateTime)
                    .then(|| value.text.as_bytes()[..10].try_into().ok())
                    .flatten()
            })
            .min()
    }

    /// Its label if it is not just the short name of its IRI.
    fn readable_label(&self) -> Option<Box<str>> {
        self.label
            .as_deref()
            .filter(|l| *l != short_name(&self.key))
            .map(Box::from)
    }
}

/// Pass 1's summary of a node that may be kept.
#[derive(Debug, Default)]
struct Summary {
    /// Its own (or the context's) label, when not just its short name.
    label: Option<Box<str>>,
    start: Option<Day>,
    flags: u8,
}

/// Reached from a seed (or a seed itself).
const REACHED: u8 = 1;
/// Has one of the types asked for (or none were asked for).
const TYPED: u8 = 2;

/// Adds the properties of a subject's literal values to `properties`.
fn note_properties(properties: &mut BTreeSet<String>, subject: &Subject) {
    for (p, _) in &subject.literals {
        if !properties.contains(p) {
            properties.insert(p.clone());
        }
    }
}

/// Pass 1's state.
struct Summaries<'a> {
    options: &'a ProjectionOptions,
    graphs: &'a BTreeSet<String>,
    /// Every candidate read so far (and, while trimming, the seeds' targets not read yet).
    nodes: HashMap<Box<str>, Summary>,
    /// The out-links of the candidates that are not seeds (described in the reference graph
    /// alone), followed once every seed has been read.
    out: HashMap<Box<str>, Vec<Box<str>>>,
    /// The literal properties of those candidates, used if they are kept.
    undecided: HashMap<Box<str>, BTreeSet<String>>,
    /// The literal properties of the kept nodes.
    properties: BTreeSet<String>,
}

impl Summaries<'_> {
    fn add(&mut self, subject: &Subject) {
        if !(subject.described || subject.linked) {
            return;
        }
        let key = subject.key.as_str();
        let candidate = self.options.provenance
            || !(self.graphs.contains(key) || PLUMBING_KINDS.contains(&kind_of(&subject.types)));
        let typed = self.options.types.is_empty()
            || self
                .options
                .types
                .iter()
                .any(|t| subject.types.contains(t.as_str()));
        let Some(reference) = &self.options.trim_reference else {
            if candidate && typed {
                self.nodes.insert(
                    key.into(),
                    Summary {
                        label: subject.readable_label(),
                        start: subject.start(),
                        flags: REACHED | TYPED,
                    },
                );
                note_properties(&mut self.properties, subject);
            }
            return;
        };
        if !candidate {
            self.nodes.remove(key);
            return;
        }
        let seed = subject.graphs.iter().any(|g| g != reference.as_str());
        if !self.nodes.contains_key(key) {
            self.nodes.insert(key.into(), Summary::default());
        }
        let summary = self.nodes.get_mut(key).expect("just inserted");
        summary.label = subject.readable_label();
        summary.start = subject.start();
        if typed {
            summary.flags |= TYPED;
        }
        if seed {
            summary.flags |= REACHED;
            if typed {
                note_properties(&mut self.properties, subject);
            }
            for (_, target) in subject.links.keys() {
                match target.as_str().cmp(key) {
                    // Read already: a candidate if it is in the map.
                    std::cmp::Ordering::Less => {
                        if let Some(n) = self.nodes.get_mut(target.as_str()) {
                            n.flags |= REACHED;
                        }
                    }
                    std::cmp::Ordering::Equal => {}
                    // Not read yet: its own group decides whether it is a candidate.
                    std::cmp::Ordering::Greater => match self.nodes.get_mut(target.as_str()) {
                        Some(n) => n.flags |= REACHED,
                        None => {
                            self.nodes.insert(
                                target.as_str().into(),
                                Summary {
                                    flags: REACHED,
                                    ..Summary::default()
                                },
                            );
                        }
                    },
                }
            }
        } else {
            let targets: BTreeSet<&str> = subject.links.keys().map(|(_, o)| o.as_str()).collect();
            if !targets.is_empty() {
                self.out
                    .insert(key.into(), targets.into_iter().map(Box::from).collect());
            }
            if typed && !subject.literals.is_empty() {
                let mut properties = BTreeSet::new();
                note_properties(&mut properties, subject);
                self.undecided.insert(key.into(), properties);
            }
        }
    }

    /// Finishes the search from the seeds and keeps the reached nodes of the types asked for.
    fn finish(&mut self) {
        if self.options.trim_reference.is_some() {
            let mut queue: Vec<&str> = self
                .out
                .keys()
                .map(AsRef::as_ref)
                .filter(|k| self.nodes.get(*k).is_some_and(|n| n.flags & REACHED != 0))
                .collect();
            while let Some(from) = queue.pop() {
                for target in &self.out[from] {
                    if let Some(n) = self.nodes.get_mut(target.as_ref())
                        && n.flags & REACHED == 0
                    {
                        n.flags |= REACHED;
                        if self.out.contains_key(target.as_ref()) {
                            queue.push(target);
                        }
                    }
                }
            }
        }
        self.out = HashMap::new();
        self.nodes
            .retain(|_, n| n.flags & (REACHED | TYPED) == REACHED | TYPED);
        self.nodes.shrink_to_fit();
        for (key, properties) in std::mem::take(&mut self.undecided) {
            if self.nodes.contains_key(&key) {
                self.properties.extend(properties);
            }
        }
    }
}

/// Attribute names: short names, prefixed where two properties (or a reserved name) share one.
fn attribute_names(
    properties: &BTreeSet<String>,
    prefixes: &[(String, String)],
) -> BTreeMap<String, String> {
    let mut by_short: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for p in properties {
        by_short.entry(short_name(p)).or_default().push(p);
    }
    let mut names = BTreeMap::new();
    for (short, props) in &by_short {
        for p in props {
            let name = if props.len() > 1 || RESERVED.contains(short) {
                prefixed(p, prefixes).replace(':', "_")
            } else {
                short.replace(':', "_")
            };
            names.insert((*p).to_owned(), name);
        }
    }
    names
}

/// Which of [`LIST_DELIMITERS`] a text contains, as bits.
fn delimiters_in(text: &str) -> u8 {
    LIST_DELIMITERS
        .iter()
        .enumerate()
        .filter(|(_, c)| text.contains(**c))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// Pass 2's state: what the header gathers.
#[derive(Default)]
struct Gathered {
    attributes: BTreeMap<String, Attribute>,
    /// Delimiters in types and graphs.
    taken: u8,
    /// Delimiters in each attribute's values (list items if the attribute is a list).
    taken_by: BTreeMap<String, u8>,
    dynamic: bool,
    edges: usize,
}

impl Gathered {
    fn node(&mut self, node: &Node, iris: &BTreeMap<&str, &str>) {
        self.dynamic |= node.start.is_some();
        for t in node.types.iter().chain(&node.graphs) {
            self.taken |= delimiters_in(t);
        }
        for (name, list) in &node.values {
            let attr = self
                .attributes
                .entry(name.clone())
                .or_insert_with(|| Attribute {
                    name: name.clone(),
                    iri: iris[name.as_str()].to_owned(),
                    value_type: list[0].value_type,
                    list: false,
                });
            attr.list |= list.len() > 1;
            if list.iter().any(|v| v.value_type != attr.value_type) {
                attr.value_type = ValueType::Text;
            }
            let bits = self.taken_by.entry(name.clone()).or_default();
            for v in list {
                *bits |= delimiters_in(&v.text);
            }
        }
    }

    fn header(self) -> ProjectionHeader {
        let mut taken = self.taken;
        for (name, bits) in &self.taken_by {
            if self.attributes[name].list {
                taken |= bits;
            }
        }
        ProjectionHeader {
            attributes: self.attributes.into_values().collect(),
            dynamic: self.dynamic,
            taken: LIST_DELIMITERS
                .iter()
                .enumerate()
                .filter(|(i, _)| taken & 1 << i != 0)
                .map(|(_, c)| *c)
                .collect(),
        }
    }
}

/// A kept node and its edges, as pass 2 builds them (edges without ids yet).
struct Built {
    node: Node,
    edges: Vec<Edge>,
}

/// Pass 2's view of what pass 1 found.
struct Kept<'a> {
    nodes: &'a HashMap<Box<str>, Summary>,
    names: &'a BTreeMap<String, String>,
    prefixes: &'a [(String, String)],
}

impl Kept<'_> {
    fn build(&self, subject: Subject) -> Built {
        let summary = &self.nodes[subject.key.as_str()];
        let label = match &summary.label {
            Some(label) => label.to_string(),
            None => {
                // A node with no label of its own is named after what it links: who, in which
                // post, for whom, at which event.
                let mut parts = Vec::new();
                for (property, prefix) in NAMED_BY {
                    for (p, o) in subject.links.keys() {
                        if short_name(p) == *property
                            && let Some(l) =
                                self.nodes.get(o.as_str()).and_then(|n| n.label.as_ref())
                        {
                            parts.push(format!("{prefix}{l}"));
                        }
                    }
                }
                if parts.is_empty() {
                    short_name(&subject.key).to_owned()
                } else {
                    parts.join(", ")
                }
            }
        };
        let mut values: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for (p, l) in &subject.literals {
            values
                .entry(self.names[p.as_str()].clone())
                .or_default()
                .push(value_of(l));
        }
        for list in values.values_mut() {
            list.sort_by(order);
            list.dedup_by(|a, b| a.text == b.text);
        }
        let start = summary.start.as_ref().map(day_text);
        let mut edges = Vec::new();
        for ((p, o), graphs) in &subject.links {
            let Some(target) = self.nodes.get(o.as_str()) else {
                continue;
            };
            edges.push(Edge {
                id: String::new(),
                source: subject.key.clone(),
                target: o.clone(),
                label: short_name(p).to_owned(),
                iri: p.clone(),
                graphs: graphs.iter().cloned().collect(),
                start: [summary.start.as_ref(), target.start.as_ref()]
                    .into_iter()
                    .flatten()
                    .max()
                    .map(day_text),
            });
        }
        let node = Node {
            kind: kind_of(&subject.types),
            types: subject
                .types
                .iter()
                .map(|t| prefixed(t, self.prefixes))
                .collect(),
            graphs: subject.graphs.into_iter().collect(),
            iri: subject.key,
            label,
            start,
            values,
        };
        Built { node, edges }
    }
}

/// Projects the groups into `sink` (see the module documentation) and returns the header.
pub fn project(
    groups: &mut dyn SubjectGroups,
    options: &ProjectionOptions,
    sink: &mut dyn ProjectionSink,
) -> io::Result<ProjectionHeader> {
    let graphs = groups.graphs().clone();
    let mut summaries = Summaries {
        options,
        graphs: &graphs,
        nodes: HashMap::new(),
        out: HashMap::new(),
        undecided: HashMap::new(),
        properties: BTreeSet::new(),
    };
    groups.for_each_batch(&|_| true, &mut |subjects| {
        for subject in &subjects {
            summaries.add(subject);
        }
        Ok(())
    })?;
    summaries.finish();
    let names = attribute_names(&summaries.properties, &options.prefixes);
    // The property an attribute stands for: the first with its name.
    let mut iris: BTreeMap<&str, &str> = BTreeMap::new();
    for (p, name) in &names {
        iris.entry(name.as_str()).or_insert(p.as_str());
    }
    let kept = Kept {
        nodes: &summaries.nodes,
        names: &names,
        prefixes: &options.prefixes,
    };
    let mut gathered = Gathered::default();
    let wanted = |key: &str| kept.nodes.contains_key(key);
    groups.for_each_batch(&wanted, &mut |subjects| {
        let built: Vec<Built> = subjects.into_par_iter().map(|s| kept.build(s)).collect();
        for Built { node, edges } in built {
            gathered.node(&node, &iris);
            sink.node(node)?;
            for mut edge in edges {
                gathered.edges += 1;
                edge.id = format!("e{}", gathered.edges);
                for g in &edge.graphs {
                    gathered.taken |= delimiters_in(g);
                }
                sink.edge(edge)?;
            }
        }
        Ok(())
    })?;
    Ok(gathered.header())
}

/// Quads (and context) in memory as [`SubjectGroups`].
pub struct MemoryGroups<'a> {
    quads: &'a [Quad],
    context: &'a [Quad],
    graphs: BTreeSet<String>,
    /// (group key, what) in key order.
    order: Vec<(String, Entry)>,
}

#[derive(Clone, Copy)]
enum Entry {
    Quad(usize),
    Context(usize),
    Linked,
}

/// Groups handed over at a time.
const BATCH: usize = 1024;

impl<'a> MemoryGroups<'a> {
    /// Groups `quads` (the selection) and `context` by subject.
    pub fn new(quads: &'a [Quad], context: &'a [Quad]) -> Self {
        let mut order = Vec::new();
        let mut graphs = BTreeSet::new();
        for (i, q) in quads.iter().enumerate() {
            graphs.extend(graph_key(&q.graph_name));
            order.push((node_key(&q.subject), Entry::Quad(i)));
            if let Some(target) = link_target(q) {
                order.push((target, Entry::Linked));
            }
        }
        for (i, q) in context.iter().enumerate() {
            order.push((node_key(&q.subject), Entry::Context(i)));
        }
        order.sort_by(|a, b| a.0.cmp(&b.0));
        Self {
            quads,
            context,
            graphs,
            order,
        }
    }
}

impl SubjectGroups for MemoryGroups<'_> {
    fn graphs(&self) -> &BTreeSet<String> {
        &self.graphs
    }

    fn for_each_batch(
        &mut self,
        wanted: &(dyn Fn(&str) -> bool + Sync),
        visit: &mut dyn FnMut(Vec<Subject>) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut batch = Vec::new();
        for entries in self.order.chunk_by(|a, b| a.0 == b.0) {
            if !wanted(&entries[0].0) {
                continue;
            }
            let mut group = SubjectBuilder::new(entries[0].0.clone());
            // The selection's statements in the order of their N-Quads lines, as from a store.
            let mut statements: Vec<&Quad> = Vec::new();
            for (_, entry) in entries {
                match *entry {
                    Entry::Quad(i) => statements.push(&self.quads[i]),
                    Entry::Context(i) => group.context(&self.context[i]),
                    Entry::Linked => group.linked(),
                }
            }
            statements.sort_by_cached_key(|q| q.to_string());
            statements.dedup();
            for q in statements {
                group.statement(q.clone());
            }
            let group = group.finish();
            batch.push(group);
            if batch.len() == BATCH {
                visit(std::mem::take(&mut batch))?;
            }
        }
        if !batch.is_empty() {
            visit(batch)?;
        }
        Ok(())
    }
}
