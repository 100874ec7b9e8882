//! The Oxigraph store: in memory by default, on disk (RocksDB) with `--store DIR`.
//!
//! The store holds one named graph per release, plus the ontology and the reference data in
//! graphs of their own, and in its default graph the RDF merge of them all (each triple once,
//! whichever graphs state it), which queries read. Loading a set of releases is one transaction: either every release
//! graph is replaced and the reference graphs refreshed, or nothing changes.

use std::path::Path;

use oxigraph::io::{RdfFormat, RdfParser};
use std::collections::HashSet;

use oxigraph::model::{
    GraphName, GraphNameRef, NamedNode, NamedNodeRef, Quad, QuadRef, Term, Triple,
};
use oxigraph::store::{StorageError, Store, Transaction};

use crate::iri::Iris;
use crate::mapping::{ReleaseGraph, TOOL_VERSION};
use crate::reference::Reference;
use crate::vocab::{org, pg, prov, schema, skos};
use oxigraph::model::vocab::rdf;

/// The ontology as shipped, in Turtle.
pub const ONTOLOGY_TTL: &str = include_str!("../ontology/pactgraph.ttl");

/// The SHACL shapes as shipped, in Turtle.
pub const SHAPES_TTL: &str = include_str!("../ontology/shapes.ttl");

/// Why the store could not be used.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store directory could not be opened.
    #[error("{path}: cannot open the store: {source}")]
    Open {
        /// The directory.
        path: String,
        /// What the storage layer said.
        source: StorageError,
    },
    /// A read or write failed.
    #[error("store: {0}")]
    Storage(#[from] StorageError),
}

/// What a load changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadSummary {
    /// Releases whose graph was written.
    pub written: usize,
    /// Releases whose card had not changed since the graph was built, left as they were.
    pub unchanged: usize,
    /// Quads written.
    pub quads: usize,
}

/// pactgraph's view of an Oxigraph store.
#[derive(Clone)]
pub struct GraphStore {
    store: Store,
    iris: Iris,
}

impl GraphStore {
    /// An empty in-memory store.
    pub fn in_memory(iris: Iris) -> Result<Self, StoreError> {
        Ok(Self {
            store: Store::new()?,
            iris,
        })
    }

    /// Opens (or creates) an on-disk store. The sorted files a killed build's bulk loader left
    /// in it (`bulk-*.sst`, never ingested) are removed: the store is locked by this process
    /// once open, so no other build can be writing them.
    ///
    /// A new store is created beside its path and renamed into place once RocksDB has written
    /// all of it, so a build killed while creating it never leaves a half-made store that a
    /// reader cannot open.
    pub fn open(path: &Path, iris: Iris) -> Result<Self, StoreError> {
        let failed = |source| StoreError::Open {
            path: path.display().to_string(),
            source,
        };
        if !path.exists() {
            let mut making = path.as_os_str().to_owned();
            making.push(".pactgraph-creating");
            let making = std::path::PathBuf::from(making);
            // A creation an earlier run did not finish.
            let _ = std::fs::remove_dir_all(&making);
            drop(Store::open(&making).map_err(failed)?);
            std::fs::rename(&making, path).map_err(|e| failed(e.into()))?;
        }
        let store = Store::open(path).map_err(failed)?;
        remove_bulk_leftovers(path);
        Ok(Self { store, iris })
    }

    /// Opens an existing on-disk store for reading only.
    pub fn open_read_only(path: &Path, iris: Iris) -> Result<Self, StoreError> {
        if !path.join("CURRENT").is_file() {
            return Err(StoreError::Open {
                path: path.display().to_string(),
                source: StorageError::Other(
                    "no store there, expected a directory made by `pactgraph build --store`".into(),
                ),
            });
        }
        let store = Store::open_read_only(path).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        Ok(Self { store, iris })
    }

    /// A copy of this store in memory, for queries at in-memory speed (RocksDB answers many
    /// small lookups several times slower than Oxigraph's in-memory store). Reading RocksDB
    /// (a lookup per term) is the cost, so graphs are read on all cores, 256 at a time.
    pub fn to_memory(&self) -> Result<Self, StoreError> {
        use rayon::prelude::*;
        let memory = Store::new()?;
        let mut graphs = vec![GraphName::DefaultGraph];
        for g in self.store.named_graphs() {
            graphs.push(g?.into());
        }
        let mut loader = memory.bulk_loader();
        for batch in graphs.chunks(256) {
            let quads: Vec<Vec<Quad>> = batch
                .par_iter()
                .map(|g| {
                    self.store
                        .quads_for_pattern(None, None, None, Some(g.as_ref()))
                        .collect::<Result<Vec<_>, _>>()
                })
                .collect::<Result<_, _>>()?;
            loader.load_quads(quads.into_iter().flatten())?;
        }
        loader.commit()?;
        Ok(Self {
            store: memory,
            iris: self.iris.clone(),
        })
    }

    /// The underlying Oxigraph store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The IRI minter the store was built with.
    pub fn iris(&self) -> &Iris {
        &self.iris
    }

    /// The quads of the ontology and reference graphs, rebased.
    pub fn base_quads(&self) -> Vec<Quad> {
        let ontology = self.iris.ontology_graph();
        let reference = self.iris.reference_graph();
        let mut quads: Vec<Quad> = RdfParser::from_format(RdfFormat::Turtle)
            .for_slice(ONTOLOGY_TTL.as_bytes())
            .map(|q| {
                let q = q.expect("ontology/pactgraph.ttl is valid Turtle");
                Quad::new(q.subject, q.predicate, q.object, ontology.clone())
            })
            .collect();
        for t in &Reference::get().triples {
            let rebase = |term: &Term| match term {
                Term::NamedNode(n) => Term::NamedNode(self.iris.rebase(n.as_str())),
                other => other.clone(),
            };
            let subject = match &t.subject {
                oxigraph::model::NamedOrBlankNode::NamedNode(n) => self.iris.rebase(n.as_str()),
                oxigraph::model::NamedOrBlankNode::BlankNode(_) => {
                    unreachable!("reference data has no blank nodes")
                }
            };
            // A government or international organisation of the reference data is typed as
            // the mapping types one it mints, so the default export (which leaves out the
            // ontology and its subclass axioms) satisfies the shapes on its own.
            let also: &[NamedNodeRef<'_>] = match &t.object {
                Term::NamedNode(c) if t.predicate == rdf::TYPE && *c == pg::GOVERNMENT => {
                    &[org::FORMAL_ORGANIZATION, schema::GOVERNMENT_ORGANIZATION]
                }
                Term::NamedNode(c)
                    if t.predicate == rdf::TYPE && *c == pg::INTERNATIONAL_ORGANIZATION =>
                {
                    &[org::FORMAL_ORGANIZATION]
                }
                _ => &[],
            };
            for class in also {
                quads.push(Quad::new(
                    subject.clone(),
                    rdf::TYPE,
                    *class,
                    reference.clone(),
                ));
            }
            quads.push(Quad::new(
                subject,
                t.predicate.clone(),
                rebase(&t.object),
                reference.clone(),
            ));
        }
        // The concepts the data points to (agreement types, actions, instrument forms, ...) are
        // declared in the ontology; their typing is repeated in the reference graph, which the
        // default export keeps, so that an independent SHACL validator finds them concepts.
        let concepts: Vec<Quad> = quads
            .iter()
            .filter(|q| {
                q.graph_name == GraphName::NamedNode(ontology.clone())
                    && q.predicate == rdf::TYPE
                    && q.object == Term::NamedNode(skos::CONCEPT.into_owned())
            })
            .map(|q| {
                Quad::new(
                    q.subject.clone(),
                    rdf::TYPE,
                    skos::CONCEPT,
                    reference.clone(),
                )
            })
            .collect();
        quads.extend(concepts);
        quads
    }

    /// Whether the graph of a release was built from this card by this version.
    pub fn is_current(
        &self,
        release: &ReleaseGraph,
        card_sha256: &str,
    ) -> Result<bool, StoreError> {
        let build = self.iris.id(
            "build",
            &format!("{}-{}", release.release_id, &card_sha256[..12]),
        );
        let software = self
            .iris
            .id("software", &format!("pactgraph-{TOOL_VERSION}"));
        let graph = GraphNameRef::NamedNode(release.graph.as_ref());
        let linked = QuadRef::new(
            release.graph.as_ref(),
            prov::WAS_GENERATED_BY,
            build.as_ref(),
            graph,
        );
        let by = QuadRef::new(
            build.as_ref(),
            prov::WAS_ASSOCIATED_WITH,
            software.as_ref(),
            graph,
        );
        Ok(self.store.contains(linked)? && self.store.contains(by)?)
    }

    /// Replaces the graphs of these releases and refreshes the ontology and reference graphs,
    /// in one transaction. Releases whose card is unchanged (`card_sha256` alongside each) are
    /// left as they are unless `force` is set.
    pub fn load(
        &self,
        releases: &[(ReleaseGraph, String)],
        force: bool,
    ) -> Result<LoadSummary, StoreError> {
        let mut summary = LoadSummary::default();
        let mut todo = Vec::new();
        for (release, sha) in releases {
            if !force && self.is_current(release, sha)? {
                summary.unchanged += 1;
            } else {
                todo.push(release);
            }
        }
        let mut transaction = self.store.start_transaction()?;
        self.refresh_base(&mut transaction)?;
        for release in todo {
            replace_graph(&mut transaction, release.graph.as_ref(), &release.quads)?;
            summary.written += 1;
            summary.quads += release.quads.len();
        }
        transaction.commit()?;
        Ok(summary)
    }

    /// Replaces the ontology and reference graphs with the shipped ones, in a transaction,
    /// keeping the default graph the merge.
    pub fn refresh_base(&self, transaction: &mut Transaction<'_>) -> Result<(), StorageError> {
        let base = self.base_quads();
        let (ontology, reference): (Vec<Quad>, Vec<Quad>) = base
            .into_iter()
            .partition(|q| q.graph_name == GraphName::NamedNode(self.iris.ontology_graph()));
        replace_graph(transaction, self.iris.ontology_graph().as_ref(), &ontology)?;
        replace_graph(
            transaction,
            self.iris.reference_graph().as_ref(),
            &reference,
        )?;
        Ok(())
    }

    /// Whether the default graph holds the merge of the named graphs: true once any build of
    /// this version has run; false for an empty store or one built before the merge was kept.
    pub fn has_merge(&self) -> Result<bool, StoreError> {
        Ok(self
            .store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .next()
            .transpose()?
            .is_some())
    }

    /// Writes the merge of every named graph into the default graph, in one bulk load: for a
    /// store built before the merge was kept.
    pub fn merge_all(&self) -> Result<(), StoreError> {
        let mut loader = self
            .store
            .bulk_loader()
            .with_max_memory_size_in_megabytes(crate::build::LOADER_MEMORY_MB);
        let mut failure = None;
        let quads = self
            .store
            .quads_for_pattern(None, None, None, None)
            .map_while(|q| match q {
                Ok(q) => Some(q),
                Err(e) => {
                    failure = Some(e);
                    None
                }
            })
            .filter(|q| !q.graph_name.is_default_graph())
            .map(merged);
        loader.load_quads(quads)?;
        if let Some(err) = failure {
            return Err(err.into());
        }
        loader.commit()?;
        Ok(())
    }

    /// The release graphs in the store, sorted.
    pub fn release_graphs(&self) -> Result<Vec<NamedNode>, StoreError> {
        let prefix = self.iris.release_graph("").as_str().to_owned();
        let mut graphs = Vec::new();
        for g in self.store.named_graphs() {
            if let oxigraph::model::NamedOrBlankNode::NamedNode(n) = g?
                && n.as_str().starts_with(&prefix)
            {
                graphs.push(n);
            }
        }
        graphs.sort();
        Ok(graphs)
    }

    /// Resolves a `--graph` value: a full IRI, a release id, or `reference` / `ontology`.
    pub fn graph_named(&self, name: &str) -> Result<NamedNode, String> {
        let iri = match name {
            "reference" => self.iris.reference_graph(),
            "ontology" => self.iris.ontology_graph(),
            _ if name.contains(':') => {
                NamedNode::new(name).map_err(|err| format!("invalid graph IRI {name:?}: {err}"))?
            }
            _ => self.iris.release_graph(name),
        };
        let exists = self
            .store
            .contains_named_graph(iri.as_ref())
            .map_err(|e| e.to_string())?;
        if exists {
            Ok(iri)
        } else {
            let known: Vec<String> = self
                .release_graphs()
                .map_err(|e| e.to_string())?
                .iter()
                .filter_map(|g| {
                    self.iris
                        .segment("graph", g.as_str())
                        .and_then(|s| s.strip_prefix("release-"))
                        .map(str::to_owned)
                })
                .collect();
            // At most a few ids, so that the message stays one short line.
            const SHOWN: usize = 10;
            let listed = match known.len() {
                0 => "(none)".to_owned(),
                n if n <= SHOWN => known.join(", "),
                n => format!(
                    "{}, ... ({n} releases; `pactgraph query graph_provenance` lists them)",
                    known[..SHOWN].join(", ")
                ),
            };
            let shown: String = name.chars().take(200).collect();
            Err(format!(
                "no graph {shown:?} in the store, expected reference, ontology or a release id: {listed}"
            ))
        }
    }

    /// Counts for `pactgraph stats`.
    pub fn count_instances(&self, class: NamedNodeRef<'_>) -> Result<usize, StoreError> {
        let mut seen = std::collections::BTreeSet::new();
        for q in self.store.quads_for_pattern(
            None,
            Some(oxigraph::model::vocab::rdf::TYPE),
            Some(class.into()),
            None,
        ) {
            seen.insert(q?.subject.to_string());
        }
        Ok(seen.len())
    }
}

/// Removes the `bulk-*.sst` files of an interrupted bulk load from a store directory (best
/// effort: what cannot be removed stays for the next build).
fn remove_bulk_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-")
            && name.ends_with(".sst")
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A quad's triple in the default graph, where the store keeps the RDF merge of its named
/// graphs (README, "Querying").
pub fn merged(quad: Quad) -> Quad {
    Quad::new(
        quad.subject,
        quad.predicate,
        quad.object,
        GraphName::DefaultGraph,
    )
}

/// Replaces a named graph's statements within a transaction and keeps the default graph the
/// RDF merge of the named graphs: a triple enters it with the first graph that states it and
/// leaves it with the last.
pub fn replace_graph(
    transaction: &mut Transaction<'_>,
    graph: NamedNodeRef<'_>,
    quads: &[Quad],
) -> Result<(), StorageError> {
    let old: Vec<Triple> = transaction
        .quads_for_pattern(None, None, None, Some(graph.into()))
        .map(|q| q.map(Triple::from))
        .collect::<Result<_, _>>()?;
    transaction.clear_graph(graph)?;
    transaction.insert_named_graph(graph);
    transaction.extend(quads.iter());
    let new: HashSet<Triple> = quads.iter().cloned().map(Triple::from).collect();
    for t in &new {
        transaction.insert(QuadRef::new(
            &t.subject,
            &t.predicate,
            &t.object,
            GraphNameRef::DefaultGraph,
        ));
    }
    for t in old.iter().filter(|t| !new.contains(*t)) {
        let mut elsewhere = false;
        for q in transaction.quads_for_pattern(
            Some(t.subject.as_ref()),
            Some(t.predicate.as_ref()),
            Some(t.object.as_ref()),
            None,
        ) {
            if !q?.graph_name.is_default_graph() {
                elsewhere = true;
                break;
            }
        }
        if !elsewhere {
            transaction.remove(QuadRef::new(
                &t.subject,
                &t.predicate,
                &t.object,
                GraphNameRef::DefaultGraph,
            ));
        }
    }
    Ok(())
}

/// The classes `pactgraph stats` counts.
pub const COUNTED_CLASSES: &[(&str, NamedNodeRef<'static>)] = &[
    ("agreements", pg::AGREEMENT),
    ("signings", pg::SIGNING),
    ("meetings", pg::MEETING),
    ("post holdings", pg::POST_HOLDING),
    ("sentences", pg::SENTENCE),
];
