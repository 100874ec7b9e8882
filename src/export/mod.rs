//! Exporters: one module per output format, each behind [`Exporter`] and writing to a
//! [`Write`]. Exporters never open files: [`write_output`] hands them standard output or a
//! temporary file that is renamed over the target only when the export succeeded, so a failed
//! export leaves no partial file.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, NamedNode, Quad, Term};

use crate::format::OutputFormat;
use crate::store::{GraphStore, StoreError};

pub mod canonical;
pub mod cytoscape;
pub mod dot;
pub mod gexf;
pub mod graph_stream;
pub mod graph_tools;
pub mod graphml;
pub mod jsonld;
pub mod neo4j;
pub mod rdf_syntax;
pub mod stream;

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("write error: {0}")]
    Io(#[from] io::Error),
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A serializer refused the data.
    #[error("{format}: {message}")]
    Serialize {
        /// The format.
        format: &'static str,
        /// What went wrong.
        message: String,
    },
}

/// What an exporter writes: quads in a deterministic order, and the prefixes to use.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The quads, sorted by graph, subject, predicate (`rdf:type` first) and object; for a format
    /// without named graphs they are all in the default graph, without duplicates.
    pub quads: Vec<Quad>,
    /// Candidate prefixes (name, namespace); writers declare only those they use.
    pub prefixes: Vec<(String, String)>,
}

/// Which graphs of the store an export takes.
#[derive(Debug, Clone, Default)]
pub struct GraphFilter {
    /// Only these graphs; when empty, every release graph.
    pub graphs: Vec<NamedNode>,
    /// Add the reference-data graph (when `graphs` is empty).
    pub reference: bool,
    /// Add the ontology graph (when `graphs` is empty).
    pub ontology: bool,
}

impl GraphFilter {
    /// The graphs this filter selects in a store.
    pub fn resolve(&self, store: &GraphStore) -> Result<Vec<NamedNode>, StoreError> {
        if !self.graphs.is_empty() {
            return Ok(self.graphs.clone());
        }
        let mut graphs = store.release_graphs()?;
        if self.reference {
            graphs.push(store.iris().reference_graph());
        }
        if self.ontology {
            graphs.push(store.iris().ontology_graph());
        }
        graphs.sort();
        Ok(graphs)
    }
}

/// One output format.
pub trait Exporter {
    /// Writes the selection.
    fn export(&self, selection: &Selection, out: &mut dyn Write) -> Result<(), ExportError>;
}

/// The exporter for a format (a property-graph format projects with the default options).
pub fn exporter(format: OutputFormat) -> Box<dyn Exporter> {
    match format {
        OutputFormat::JsonLd => Box::new(jsonld::JsonLd),
        OutputFormat::Canonical => Box::new(canonical::Canonical),
        graph if graph.is_property_graph() => Box::new(graph_tools::Projected {
            format: graph,
            options: crate::projection::ProjectionOptions::default(),
        }),
        other => Box::new(rdf_syntax::RdfSyntax(
            other
                .rdf_format()
                .expect("every other format is an Oxigraph one"),
        )),
    }
}

/// Reads the selected graphs from the store, merged into the default graph when the format has
/// no named graphs, and sorts them.
pub fn select(
    store: &GraphStore,
    filter: &GraphFilter,
    keep_graphs: bool,
) -> Result<Selection, ExportError> {
    let mut quads = Vec::new();
    for graph in filter.resolve(store)? {
        for q in store
            .store()
            .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
        {
            let q = q.map_err(StoreError::from)?;
            quads.push(if keep_graphs {
                q
            } else {
                Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph)
            });
        }
    }
    sort_quads(&mut quads);
    quads.dedup();
    Ok(Selection {
        quads,
        prefixes: crate::vocab::prefixes(store.iris().base()),
    })
}

/// The export order: graph, subject, `rdf:type` before other predicates, then predicate and
/// object, each compared by its N-Triples form (computed once per quad).
pub fn sort_quads(quads: &mut [Quad]) {
    quads.sort_by_cached_key(|q| {
        let graph = match &q.graph_name {
            GraphName::DefaultGraph => String::new(),
            g => g.to_string(),
        };
        (
            graph,
            q.subject.to_string(),
            q.predicate.as_ref() != rdf::TYPE,
            q.predicate.as_str().to_owned(),
            q.object.to_string(),
        )
    });
}

/// The prefixes among `candidates` that a Turtle-family writer will use for these quads: a
/// namespace is used when some IRI (or literal datatype) extends it with a plain local name.
pub fn used_prefixes(quads: &[Quad], candidates: &[(String, String)]) -> Vec<(String, String)> {
    let mut by_length: Vec<&(String, String)> = candidates.iter().collect();
    by_length.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let mut used = std::collections::BTreeSet::new();
    let mut mark = |iri: &str| {
        if let Some((name, _)) = by_length
            .iter()
            .find(|(_, ns)| iri.strip_prefix(ns.as_str()).is_some_and(is_plain_local))
        {
            used.insert(name.clone());
        }
    };
    for q in quads {
        if let oxigraph::model::NamedOrBlankNode::NamedNode(s) = &q.subject {
            mark(s.as_str());
        }
        if q.predicate.as_ref() != rdf::TYPE {
            mark(q.predicate.as_str());
        }
        match &q.object {
            Term::NamedNode(o) => mark(o.as_str()),
            Term::Literal(l)
                if l.datatype() != oxigraph::model::vocab::xsd::STRING
                    && l.language().is_none() =>
            {
                mark(l.datatype().as_str())
            }
            _ => {}
        }
        if let GraphName::NamedNode(g) = &q.graph_name {
            mark(g.as_str());
        }
    }
    candidates
        .iter()
        .filter(|(name, _)| used.contains(name))
        .cloned()
        .collect()
}

/// A local name every Turtle writer abbreviates without escapes.
fn is_plain_local(local: &str) -> bool {
    let mut chars = local.chars();
    match chars.next() {
        None => true,
        Some(first) if first.is_alphanumeric() || first == '_' => {
            local.chars().last().is_some_and(|c| c != '.')
                && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        }
        Some(_) => false,
    }
}

/// Runs `write` against standard output (`path` is `None` or `-`) or a temporary file beside
/// `path` that replaces it only on success. A closed pipe on standard output is not an error.
pub fn write_output<E: From<io::Error>>(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    match path.filter(|p| p.as_os_str() != "-") {
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());

            write(&mut out).and_then(|()| out.flush().map_err(E::from))
        }
        Some(path) => {
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let mut tmp = tempfile::Builder::new()
                .prefix(".pactgraph-")
                .permissions(output_permissions(path))
                .tempfile_in(dir)
                .map_err(|e| E::from(with_path(e, dir)))?;
            {
                let mut out = BufWriter::new(tmp.as_file_mut());
                write(&mut out)?;
                out.flush().map_err(E::from)?;
            }
            tmp.as_file().sync_all().map_err(E::from)?;
            tmp.persist(path)
                .map_err(|e| E::from(with_path(e.error, path)))?;
            Ok(())
        }
    }
}

/// The mode a written file gets: the one of the file it replaces, else `rw-r--r--` (a temporary
/// file alone would be private to its owner).
fn output_permissions(path: &Path) -> std::fs::Permissions {
    if let Ok(meta) = std::fs::metadata(path) {
        return meta.permissions();
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o644)
    }
    #[cfg(not(unix))]
    {
        tempfile::NamedTempFile::new()
            .and_then(|f| f.as_file().metadata())
            .map(|m| m.permissions())
            .expect("a temporary file can be made")
    }
}

pub(crate) fn with_path(err: io::Error, path: &Path) -> io::Error {
    io::Error::new(err.kind(), format!("{}: {err}", path.display()))
}

/// Whether an error is a closed pipe (the reader went away), which is not a failure.
pub fn is_broken_pipe(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = cur {
        if let Some(io) = e.downcast_ref::<io::Error>()
            && io.kind() == io::ErrorKind::BrokenPipe
        {
            return true;
        }
        cur = e.source();
    }
    false
}
