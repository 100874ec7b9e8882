//! The projection for the graph-tool formats, streamed from the store: the two passes of
//! [`crate::projection::passes`] (the ones [`crate::projection::PropertyGraph::project`] runs in
//! memory), over the store's statements grouped by subject with an external sort, so that
//! memory does not grow with the number of statements.
//!
//! - The selected graphs are read [`GRAPH_BATCH`](super::stream::GRAPH_BATCH) at a time on all
//!   cores (reading RocksDB is most of the work). Every statement becomes one sort key,
//!   `subject NUL q N-Quads-line`; every edge adds `target NUL l`, which gives its target a group
//!   even when the selection does not describe it. Subjects are keyed by their IRI as a plain
//!   string (the order of the nodes; `<a/1>` and `<a/10>` order differently as N-Triples) and
//!   hold no NUL, so the sorted keys come out grouped by subject, in node order.
//! - The context (types and labels of nodes the selection only links to) comes from the graphs
//!   outside the selection, and the default graph: for a default export, the ontology. Their
//!   `rdf:type`, `rdfs:label`, `skos:prefLabel` and `schema:name` statements are sorted in too,
//!   as `subject NUL c N-Quads-line`. When the selection is a few graphs of many (`--graph`),
//!   reading every other graph would cost more than the selection, so each node that the
//!   selection gives no type or no label looks them up in the store as its group is read.
//! - The keys go through the external sort of [`super::stream`]: sorted runs of [`RUN_SIZE`]
//!   keys on disk, merged, duplicates dropped. Pass 1 reads the merge and copies it to a
//!   temporary file, which pass 2 reads; a thread merges and groups the keys a batch ahead while
//!   the batches before are parsed back with oxigraph's N-Quads parser on all cores. A group with a great many statements (the software
//!   every release names) is read a piece at a time.
//! - Pass 2 spools the nodes and edges to disk ([`crate::projection::spool`]), from where each
//!   writer reads them.
//!
//! Memory: pass 1's summary per node (O(nodes), see [`crate::projection::passes`]), one run of
//! sort keys, and a batch of groups; about 530 MB for 100,000 releases (7.9 million statements,
//! 270,000 nodes kept). Disk: the runs and pass 1's copy of them, then the copy and the spooled
//! graph, all compressed by [`crate::spill`].

use std::collections::{BTreeSet, HashSet};
use std::io::{self, BufRead, Seek, Write};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::vocab::{rdf, rdfs};
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad, Term};
use rayon::prelude::*;

use super::stream::{Merged, RUN_SIZE, Sorter, graphs_in_order, in_parallel};
use super::{ExportError, GraphFilter};
use crate::projection::passes::{self, Subject, SubjectBuilder, SubjectGroups, link_target};
use crate::projection::spool::{Spool, SpooledGraph};
use crate::projection::{ProjectionOptions, node_key};
use crate::store::{GraphStore, StoreError};
use crate::vocab::{schema, skos};

/// Projects the selected graphs of the store with `options` (whose `context` is added to the
/// types and labels read from the graphs outside the selection), onto a graph spooled to disk.
pub fn project(
    store: &GraphStore,
    filter: &GraphFilter,
    options: &ProjectionOptions,
) -> Result<SpooledGraph, ExportError> {
    project_in(store, filter, options, Sizes::default())
}

/// How much the stream holds in memory at a time.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    /// Sort keys per run.
    run: usize,
    /// Groups per batch, at most.
    batch: usize,
    /// Text of a batch, in bytes, at most (the groups of the reference nodes every release
    /// names are large).
    batch_text: usize,
    /// Text of a group read in one piece, in bytes: a bigger group (the software every
    /// release names has four statements per release) is read a piece at a time.
    group_text: usize,
}

impl Default for Sizes {
    fn default() -> Self {
        Self {
            run: RUN_SIZE,
            batch: 4096,
            batch_text: 8 << 20,
            group_text: 4 << 20,
        }
    }
}

fn project_in(
    store: &GraphStore,
    filter: &GraphFilter,
    options: &ProjectionOptions,
    sizes: Sizes,
) -> Result<SpooledGraph, ExportError> {
    let mut groups = StoreGroups::read(store, filter, &options.context, sizes)?;
    let mut spool = Spool::new()?;
    let header = passes::project(&mut groups, options, &mut spool)?;
    Ok(spool.finish(header)?)
}

/// The sort key of a statement of the selection.
fn statement_key(quad: &Quad) -> String {
    format!("{}\0q{quad} .", node_key(&quad.subject))
}

/// The sort key that gives an edge's target a group.
fn target_key(target: &str) -> String {
    format!("{target}\0l")
}

/// The sort key of a context statement, or `None` for a statement the context does not use
/// (see [`ProjectionOptions::context`]).
fn context_key(quad: &Quad) -> Option<String> {
    let NamedOrBlankNode::NamedNode(s) = &quad.subject else {
        return None;
    };
    match &quad.object {
        Term::NamedNode(_) if quad.predicate.as_ref() == rdf::TYPE => {}
        Term::Literal(_) => {}
        _ => return None,
    }
    Some(format!("{}\0c{quad} .", s.as_str()))
}

/// The predicates whose statements outside the selection are read as context.
const CONTEXT_PREDICATES: &[oxigraph::model::NamedNodeRef<'static>] =
    &[rdf::TYPE, rdfs::LABEL, skos::PREF_LABEL, schema::NAME];

/// The store's statements grouped by subject (see the module documentation).
struct StoreGroups<'a> {
    graphs: BTreeSet<String>,
    /// Where each group looks up its context, when it is not in the sorted keys.
    lookup: Option<Lookup<'a>>,
    /// The merged keys, for pass 1.
    merged: Option<Merged>,
    /// Pass 1's copy of them, for pass 2.
    copy: Option<std::fs::File>,
    sizes: Sizes,
}

/// The store and the selected graphs, for context looked up node by node.
struct Lookup<'a> {
    store: &'a GraphStore,
    selected: HashSet<String>,
}

impl Lookup<'_> {
    /// Gives `builder` the types or labels it wants from outside the selection.
    fn context(&self, builder: &mut SubjectBuilder) -> io::Result<()> {
        let (types, labels) = builder.wants_context();
        let predicates = match (types, labels) {
            (false, false) => return Ok(()),
            (true, false) => &CONTEXT_PREDICATES[..1],
            (false, true) => &CONTEXT_PREDICATES[1..],
            (true, true) => CONTEXT_PREDICATES,
        };
        let subject = oxigraph::model::NamedNodeRef::new_unchecked(builder.key()).into_owned();
        for p in predicates {
            for quad in self.store.store().quads_for_pattern(
                Some(subject.as_ref().into()),
                Some(*p),
                None,
                None,
            ) {
                let quad = quad.map_err(io::Error::other)?;
                // The default graph (the merge of all graphs) is neither inside nor context.
                let inside = match &quad.graph_name {
                    GraphName::NamedNode(g) => self.selected.contains(g.as_str()),
                    GraphName::DefaultGraph => true,
                    GraphName::BlankNode(_) => false,
                };
                if !inside {
                    builder.context(&quad);
                }
            }
        }
        Ok(())
    }
}

impl<'a> StoreGroups<'a> {
    fn read(
        store: &'a GraphStore,
        filter: &GraphFilter,
        extra_context: &[Quad],
        sizes: Sizes,
    ) -> Result<Self, ExportError> {
        let selected = graphs_in_order(store, filter)?;
        let mut sorter = Sorter::new(sizes.run);
        let mut graphs = BTreeSet::new();
        in_parallel(
            &selected,
            |graph| {
                let mut keys = Vec::new();
                // Fewer keys to sort: one target key per target and graph.
                let mut targets = HashSet::new();
                for quad in
                    store
                        .store()
                        .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
                {
                    let quad = quad.map_err(StoreError::from)?;
                    keys.push(statement_key(&quad));
                    if let Some(target) = link_target(&quad)
                        && !targets.contains(&target)
                    {
                        keys.push(target_key(&target));
                        targets.insert(target);
                    }
                }
                Ok((graph.as_str().to_owned(), keys))
            },
            |(graph, keys)| {
                if !keys.is_empty() {
                    graphs.insert(graph);
                }
                for key in keys {
                    sorter.push(key)?;
                }
                Ok(())
            },
        )?;

        let selected: HashSet<String> = selected.iter().map(|g| g.as_str().to_owned()).collect();
        let mut others: Vec<GraphName> = Vec::new();
        for graph in store.store().named_graphs() {
            match graph.map_err(StoreError::from)? {
                NamedOrBlankNode::NamedNode(g) if selected.contains(g.as_str()) => {}
                g => others.push(g.into()),
            }
        }
        // A few graphs of many: look the context up node by node.
        let lookup = (others.len() > selected.len()).then(|| Lookup { store, selected });
        in_parallel(
            if lookup.is_some() { &[] } else { &others },
            |graph| {
                let mut keys = Vec::new();
                for p in CONTEXT_PREDICATES {
                    for quad in
                        store
                            .store()
                            .quads_for_pattern(None, Some(*p), None, Some(graph.as_ref()))
                    {
                        keys.extend(context_key(&quad.map_err(StoreError::from)?));
                    }
                }
                Ok(keys)
            },
            |keys| {
                for key in keys {
                    sorter.push(key)?;
                }
                Ok(())
            },
        )?;
        for quad in extra_context {
            if let Some(key) = context_key(quad) {
                sorter.push(key)?;
            }
        }
        let merged = Some(sorter.finish()?);
        Ok(Self {
            graphs,
            lookup,
            merged,
            copy: None,
            sizes,
        })
    }
}

/// A group's records as read from the sorted keys, not parsed yet.
struct RawGroup {
    key: String,
    /// Whether the pass wants this group (else its records are skipped unread).
    wanted: bool,
    /// N-Quads lines of the selection's statements.
    quads: String,
    /// N-Quads lines of the context's statements.
    context: String,
    linked: bool,
}

impl RawGroup {
    fn new(key: &str, wanted: bool) -> Self {
        Self {
            key: key.to_owned(),
            wanted,
            quads: String::new(),
            context: String::new(),
            linked: false,
        }
    }

    /// Adds one of the group's records (a key without its subject).
    fn add(&mut self, record: &str) {
        if !self.wanted {
            return;
        }
        let Some((tag, line)) = record.split_at_checked(1) else {
            return;
        };
        let text = match tag {
            "q" => &mut self.quads,
            "c" => &mut self.context,
            _ => {
                self.linked = true;
                return;
            }
        };
        text.push_str(line);
        text.push('\n');
    }

    /// Parses the lines read so far into `builder`, and forgets them.
    fn feed(&mut self, builder: &mut SubjectBuilder) -> io::Result<()> {
        for quad in parse(&self.context) {
            builder.context(&quad?);
        }
        for quad in parse(&self.quads) {
            builder.statement(quad?);
        }
        if self.linked {
            builder.linked();
        }
        self.quads.clear();
        self.context.clear();
        Ok(())
    }

    /// The subject, if the pass wants it.
    fn read(mut self, lookup: Option<&Lookup<'_>>) -> io::Result<Option<Subject>> {
        if !self.wanted {
            return Ok(None);
        }
        let mut builder = SubjectBuilder::new(std::mem::take(&mut self.key));
        self.feed(&mut builder)?;
        finish(builder, lookup).map(Some)
    }
}

/// The quads of N-Quads lines.
fn parse(text: &str) -> impl Iterator<Item = io::Result<Quad>> + '_ {
    RdfParser::from_format(RdfFormat::NQuads)
        .lenient()
        .for_slice(text.as_bytes())
        .map(|quad| {
            quad.map_err(|e| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("cannot read back a sorted statement: {e}"),
                )
            })
        })
}

/// The subject, with its context looked up if that is where it comes from.
fn finish(mut builder: SubjectBuilder, lookup: Option<&Lookup<'_>>) -> io::Result<Subject> {
    if let Some(lookup) = lookup {
        lookup.context(&mut builder)?;
    }
    Ok(builder.finish())
}

/// Reads a batch of groups on all cores and hands the subjects the pass wants to `visit`.
fn flush(
    batch: &mut Vec<RawGroup>,
    lookup: Option<&Lookup<'_>>,
    visit: &mut dyn FnMut(Vec<Subject>) -> io::Result<()>,
) -> io::Result<()> {
    let subjects: Vec<Subject> = std::mem::take(batch)
        .into_par_iter()
        .map(|group| group.read(lookup))
        .filter_map(Result::transpose)
        .collect::<io::Result<_>>()?;
    if subjects.is_empty() {
        return Ok(());
    }
    visit(subjects)
}

/// What [`group_keys`] hands on: groups to read, or a big group read already.
enum Piece {
    Groups(Vec<RawGroup>),
    Subject(Subject),
}

/// Groups sorted keys and hands the subjects the pass wants to `visit`, in batches read on all
/// cores. Merging and grouping the keys runs on a thread of its own, a batch ahead.
fn visit_keys(
    keys: impl Iterator<Item = io::Result<String>> + Send,
    sizes: Sizes,
    lookup: Option<&Lookup<'_>>,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    visit: &mut dyn FnMut(Vec<Subject>) -> io::Result<()>,
) -> io::Result<()> {
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<io::Result<Piece>>(1);
        scope.spawn(move || {
            let mut send = |piece| {
                // A closed channel means the reader failed and stopped listening.
                tx.send(Ok(piece))
                    .map_err(|_| io::Error::other("the reader stopped"))
            };
            if let Err(err) = group_keys(keys, sizes, lookup, wanted, &mut send) {
                let _ = tx.send(Err(err));
            }
        });
        for piece in rx {
            match piece? {
                Piece::Groups(mut batch) => flush(&mut batch, lookup, visit)?,
                Piece::Subject(subject) => visit(vec![subject])?,
            }
        }
        Ok(())
    })
}

/// Groups sorted keys into batches of [`RawGroup`]s for `send`; a group too big for a batch is
/// read here, a piece at a time, and sent as a [`Subject`].
fn group_keys(
    keys: impl Iterator<Item = io::Result<String>>,
    sizes: Sizes,
    lookup: Option<&Lookup<'_>>,
    wanted: &(dyn Fn(&str) -> bool + Sync),
    send: &mut dyn FnMut(Piece) -> io::Result<()>,
) -> io::Result<()> {
    let mut batch: Vec<RawGroup> = Vec::new();
    let mut batch_text = 0;
    // The last group of the batch, when it is too big to read in one piece.
    let mut big: Option<SubjectBuilder> = None;
    for key in keys {
        let key = key?;
        let Some((subject, record)) = key.split_once('\0') else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("a sort key without a subject: {key:?}"),
            ));
        };
        if batch.last().is_none_or(|g| g.key != subject) {
            if let Some(mut builder) = big.take() {
                let mut last = batch.pop().expect("the big group");
                last.feed(&mut builder)?;
                send(Piece::Subject(finish(builder, lookup)?))?;
            }
            if batch.len() >= sizes.batch || batch_text >= sizes.batch_text {
                send(Piece::Groups(std::mem::take(&mut batch)))?;
                batch_text = 0;
            }
            batch.push(RawGroup::new(subject, wanted(subject)));
        }
        let group = batch.last_mut().expect("just pushed");
        group.add(record);
        batch_text += record.len();
        if group.quads.len() + group.context.len() > sizes.group_text {
            let mut group = batch.pop().expect("the last group");
            let builder = match &mut big {
                Some(builder) => builder,
                None => {
                    // The groups before it go first.
                    send(Piece::Groups(std::mem::take(&mut batch)))?;
                    batch_text = 0;
                    big.insert(SubjectBuilder::new(group.key.clone()))
                }
            };
            group.feed(builder)?;
            batch.push(group);
        }
    }
    if let Some(mut builder) = big.take() {
        let mut last = batch.pop().expect("the big group");
        last.feed(&mut builder)?;
        send(Piece::Subject(finish(builder, lookup)?))?;
    }
    send(Piece::Groups(batch))
}

impl SubjectGroups for StoreGroups<'_> {
    fn graphs(&self) -> &BTreeSet<String> {
        &self.graphs
    }

    fn for_each_batch(
        &mut self,
        wanted: &(dyn Fn(&str) -> bool + Sync),
        visit: &mut dyn FnMut(Vec<Subject>) -> io::Result<()>,
    ) -> io::Result<()> {
        if let Some(merged) = self.merged.take() {
            // Pass 1: the merge, copied for pass 2 on the way.
            let mut copy = crate::spill::compress(tempfile::tempfile()?);
            let keys = merged.map(|key| {
                let key = key?;
                copy.write_all(key.as_bytes())?;
                copy.write_all(b"\n")?;
                Ok(key)
            });
            visit_keys(keys, self.sizes, self.lookup.as_ref(), wanted, visit)?;
            let mut copy = crate::spill::finish(copy)?;
            copy.rewind()?;
            self.copy = Some(copy);
            return Ok(());
        }
        let copy = self
            .copy
            .take()
            .expect("the store's groups are read in two passes");
        visit_keys(
            crate::spill::decompress(copy).lines(),
            self.sizes,
            self.lookup.as_ref(),
            wanted,
            visit,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::graph_tools::{graph_exporter, write_directory};
    use crate::format::OutputFormat;
    use crate::projection::{GraphView, PropertyGraph};

    /// Every file of a format, written from `graph`.
    fn written(format: OutputFormat, graph: &dyn GraphView) -> Vec<(String, String)> {
        let writer = graph_exporter(format).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        if writer.files().is_empty() {
            let mut out = Vec::new();
            writer.write(graph, "", &mut out).unwrap();
            files.push((String::new(), String::from_utf8(out).unwrap()));
        } else {
            let target = dir.path().join("out");
            write_directory(&target, writer.files(), |name, out| {
                writer.write(graph, name, out)
            })
            .unwrap();
            for name in writer.files() {
                let text = std::fs::read_to_string(target.join(name)).unwrap();
                files.push(((*name).to_owned(), text));
            }
        }
        files
    }

    #[test]
    fn the_streamed_projection_writes_what_the_in_memory_one_writes() {
        let store = crate::generate::built_store(150, 9);
        let prefixes = crate::vocab::prefixes(store.iris().base());
        let release = store.release_graphs().unwrap()[3].clone();
        let cases = [
            (GraphFilter::default(), ProjectionOptions::default()),
            (
                GraphFilter {
                    reference: true,
                    ..GraphFilter::default()
                },
                ProjectionOptions {
                    trim_reference: Some(store.iris().reference_graph()),
                    ..ProjectionOptions::default()
                },
            ),
            (
                GraphFilter {
                    reference: true,
                    ontology: true,
                    ..GraphFilter::default()
                },
                ProjectionOptions {
                    provenance: true,
                    ..ProjectionOptions::default()
                },
            ),
            (
                GraphFilter {
                    reference: true,
                    ..GraphFilter::default()
                },
                ProjectionOptions {
                    types: vec![crate::vocab::schema::PERSON.into_owned()],
                    trim_reference: Some(store.iris().reference_graph()),
                    ..ProjectionOptions::default()
                },
            ),
            // A few graphs of many: the context is looked up node by node.
            (
                GraphFilter {
                    graphs: vec![release.clone()],
                    ..GraphFilter::default()
                },
                ProjectionOptions::default(),
            ),
            (
                GraphFilter {
                    graphs: vec![release, store.iris().ontology_graph()],
                    ..GraphFilter::default()
                },
                ProjectionOptions {
                    provenance: true,
                    ..ProjectionOptions::default()
                },
            ),
        ];
        for (filter, options) in cases {
            let options = ProjectionOptions {
                prefixes: prefixes.clone(),
                ..options
            };
            // In memory: the selection, and as context every type and label of the store (the
            // stream reads those outside the selection only, which gives the same graph).
            let selection = super::super::select(&store, &filter, true).unwrap();
            let context: Vec<Quad> = store
                .store()
                .iter()
                .map(Result::unwrap)
                .filter(|q| CONTEXT_PREDICATES.contains(&q.predicate.as_ref()))
                .collect();
            let in_memory = PropertyGraph::project(
                &selection.quads,
                &ProjectionOptions {
                    context,
                    ..options.clone()
                },
            );
            // Runs of 500 keys: the sort spills into many files; groups over 2,000 bytes (the
            // software, the governments) are read a piece at a time.
            assert!(
                selection.quads.len() > 5_000 || !filter.graphs.is_empty(),
                "{}",
                selection.quads.len()
            );
            let sizes = Sizes {
                run: 500,
                batch: 64,
                batch_text: 20_000,
                group_text: 2_000,
            };
            let streamed = project_in(&store, &filter, &options, sizes).unwrap();
            assert_eq!(streamed.attributes(), in_memory.attributes.as_slice());
            assert!(!in_memory.nodes.is_empty());
            for format in [
                OutputFormat::GraphMl,
                OutputFormat::GraphMlYed,
                OutputFormat::Gexf,
                OutputFormat::Dot,
                OutputFormat::Neo4j,
                OutputFormat::Cytoscape,
            ] {
                assert_eq!(
                    written(format, &streamed),
                    written(format, &in_memory),
                    "{} with {filter:?}",
                    format.name()
                );
            }
        }
    }
}
