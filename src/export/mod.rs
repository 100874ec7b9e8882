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

/// Whether an `--output` value means standard output: none, `-` or `/dev/stdout`.
pub fn is_stdout(path: Option<&Path>) -> bool {
    path.is_none_or(|p| p.as_os_str() == "-" || p == Path::new("/dev/stdout"))
}

/// Where a file output really goes: `path` itself, or the file a symbolic link at `path`
/// points to (written through, the link kept). Anything there must be a regular file: a
/// directory, FIFO, socket or device node is refused, so an export never replaces one.
pub fn output_target(path: &Path) -> io::Result<std::path::PathBuf> {
    let refuse = |what: &str| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{}: --output: {what}, expected a new or regular file (or - for standard output)",
                path.display()
            ),
        )
    };
    let target = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(with_path(e, path)),
        Ok(meta) if meta.file_type().is_symlink() => match std::fs::canonicalize(path) {
            Ok(target) => target,
            // A dangling link: the file it names is created through it.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let link = std::fs::read_link(path).map_err(|e| with_path(e, path))?;
                let resolved = match path.parent() {
                    Some(dir) => dir.join(link),
                    None => link,
                };
                if std::fs::symlink_metadata(&resolved).is_ok() {
                    return Err(refuse("a chain of symbolic links that ends nowhere"));
                }
                return Ok(resolved);
            }
            Err(e) => return Err(with_path(e, path)),
        },
        Ok(_) => path.to_path_buf(),
    };
    let meta = std::fs::metadata(&target).map_err(|e| with_path(e, &target))?;
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(target);
    }
    Err(refuse(if kind.is_dir() {
        "a directory"
    } else if is_fifo(&meta) {
        "a FIFO"
    } else {
        "not a regular file (a device node or socket)"
    }))
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_: &std::fs::Metadata) -> bool {
    false
}

/// Refuses an output path inside the on-disk store being read (`export --store S --output
/// S/CURRENT` would replace a file of the store).
pub fn check_outside_store(output: Option<&Path>, store: Option<&Path>) -> io::Result<()> {
    let (Some(output), Some(store)) = (output, store) else {
        return Ok(());
    };
    if is_stdout(Some(output)) {
        return Ok(());
    }
    let Ok(store) = std::fs::canonicalize(store) else {
        return Ok(());
    };
    // The output's directory, resolved (the file itself may not exist yet, or be a link).
    let target = output_target(output).unwrap_or_else(|_| output.to_path_buf());
    let absolute = if target.is_absolute() {
        target
    } else {
        std::env::current_dir()?.join(target)
    };
    let resolved = match (absolute.parent(), absolute.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(dir)
            .map(|d| d.join(name))
            .unwrap_or(absolute.clone()),
        _ => absolute.clone(),
    };
    if resolved.starts_with(&store) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{}: --output: inside the store {} being read, expected a path outside it",
                output.display(),
                store.display()
            ),
        ));
    }
    Ok(())
}

/// Name prefix of the temporary files an export writes beside its output.
pub const TEMP_PREFIX: &str = ".pactgraph-";

/// Runs `write` against standard output (`path` is `None`, `-` or `/dev/stdout`) or a
/// temporary file beside `path` that replaces it only on success. `path` must be new or a
/// regular file; a symbolic link is written through (see [`output_target`]). A closed pipe on
/// standard output is not an error.
pub fn write_output<E: From<io::Error>>(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    match path.filter(|p| !is_stdout(Some(p))) {
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());

            write(&mut out).and_then(|()| out.flush().map_err(E::from))
        }
        Some(path) => {
            let path = output_target(path).map_err(E::from)?;
            let path = path.as_path();
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            remove_stale_temporaries(dir);
            let mut tmp = tempfile::Builder::new()
                .prefix(TEMP_PREFIX)
                .permissions(output_permissions(path))
                .tempfile_in(dir)
                .map_err(|e| E::from(with_path(e, dir)))?;
            // Held until the export ends: a later export leaves the file alone meanwhile. Best
            // effort: where locks are not supported, no later export removes it either.
            let _ = tmp.as_file().lock();
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

/// How old an unlocked temporary file must be before a later export removes it (a younger one
/// may belong to an export that has just created it and not yet locked it).
pub const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes, from the directory an export writes into, the temporary files and directories
/// (`.pactgraph-*`) that a killed export left there. An export holds a lock on its temporary
/// file (or directory) until it ends, so a file nobody holds, older than [`STALE_AFTER`], is
/// a leftover. Best effort.
pub fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = std::time::SystemTime::now();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.starts_with(TEMP_PREFIX) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = path.symlink_metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age >= STALE_AFTER);
        if !old || !(meta.is_file() || meta.is_dir()) {
            continue;
        }
        let Ok(file) = std::fs::File::open(&path) else {
            continue;
        };
        if file.try_lock().is_err() {
            continue;
        }
        if meta.is_file() {
            let _ = std::fs::remove_file(&path);
        } else {
            let _ = std::fs::remove_dir_all(&path);
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
