//! Output formats: their names, file extensions and media types, resolved once.
//!
//! `--format NAME` wins; otherwise the `--output` file's extension decides; otherwise the
//! command's default. An unknown name or extension is an error that lists the known ones.

use std::path::Path;

use oxigraph::io::RdfFormat;

/// One row of a format table: the format, its names (the first is the primary one), its file
/// extensions (the first is the usual one) and its media type.
type Entry<F> = (
    F,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
);

fn by_name<F: Copy>(table: &[Entry<F>], name: &str) -> Option<F> {
    let name = name.to_ascii_lowercase();
    table
        .iter()
        .find(|(_, names, ..)| names.contains(&name.as_str()))
        .map(|(f, ..)| *f)
}

/// The format whose extension ends the file name, the longest one winning (`x.c14n.nq` is
/// canonical N-Quads, not N-Quads).
fn by_path<F: Copy>(table: &[Entry<F>], path: &Path) -> Option<F> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    table
        .iter()
        .flat_map(|(f, _, exts, _)| exts.iter().map(move |e| (f, e)))
        .filter(|(_, e)| name.ends_with(&format!(".{e}")))
        .max_by_key(|(_, e)| e.len())
        .map(|(f, _)| *f)
}

fn entry<F: Copy + PartialEq>(table: &'static [Entry<F>], format: F) -> &'static Entry<F> {
    table
        .iter()
        .find(|(f, ..)| *f == format)
        .expect("every format is in its table")
}

/// Every format `pactgraph export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutputFormat {
    /// Turtle, sorted and grouped by subject, only the prefixes used.
    Turtle,
    /// N-Triples.
    NTriples,
    /// N-Quads.
    NQuads,
    /// TriG.
    TriG,
    /// RDF/XML.
    RdfXml,
    /// JSON-LD (expanded by sophia, IRIs compacted against pactgraph's prefixes).
    JsonLd,
    /// Canonical N-Quads (RDFC-1.0, by sophia).
    Canonical,
    /// GraphML with declared, typed keys (Gephi, Cytoscape, networkx).
    GraphMl,
    /// GraphML with yEd's node graphics, so that yEd shows labels, colours and shapes.
    GraphMlYed,
    /// GEXF 1.3 with typed attributes and dates (Gephi's timeline).
    Gexf,
    /// Graphviz DOT, one colour and shape per kind of node.
    Dot,
    /// A directory of `neo4j-admin database import` CSV files, with a `load.cypher`.
    Neo4j,
    /// A directory with Cytoscape's node and edge tables (CSV).
    Cytoscape,
}

/// The table of names: (format, names, extensions, media type).
const TABLE: &[Entry<OutputFormat>] = &[
    (
        OutputFormat::Turtle,
        &["turtle", "ttl"],
        &["ttl"],
        "text/turtle",
    ),
    (
        OutputFormat::NTriples,
        &["ntriples", "nt"],
        &["nt"],
        "application/n-triples",
    ),
    (
        OutputFormat::NQuads,
        &["nquads", "nq"],
        &["nq"],
        "application/n-quads",
    ),
    (OutputFormat::TriG, &["trig"], &["trig"], "application/trig"),
    (
        OutputFormat::RdfXml,
        &["rdfxml", "rdf", "xml", "owl"],
        &["rdf", "owl", "xml"],
        "application/rdf+xml",
    ),
    (
        OutputFormat::JsonLd,
        &["jsonld", "json-ld"],
        &["jsonld"],
        "application/ld+json",
    ),
    (
        OutputFormat::Canonical,
        &["canonical", "c14n", "rdfc"],
        &["c14n.nq"],
        "application/n-quads",
    ),
    (
        OutputFormat::GraphMl,
        &["graphml"],
        &["graphml"],
        "application/graphml+xml",
    ),
    (
        OutputFormat::GraphMlYed,
        &["graphml-yed", "yed"],
        &["yed.graphml"],
        "application/graphml+xml",
    ),
    (
        OutputFormat::Gexf,
        &["gexf"],
        &["gexf"],
        "application/gexf+xml",
    ),
    (
        OutputFormat::Dot,
        &["dot", "gv", "graphviz"],
        &["dot", "gv"],
        "text/vnd.graphviz",
    ),
    (OutputFormat::Neo4j, &["neo4j"], &["neo4j"], "text/csv"),
    (
        OutputFormat::Cytoscape,
        &["cytoscape"],
        &["cytoscape"],
        "text/csv",
    ),
];

impl OutputFormat {
    /// Every format, in the order of the table.
    pub fn all() -> impl Iterator<Item = Self> {
        TABLE.iter().map(|(f, ..)| *f)
    }

    /// The format a name means (`turtle`, `ttl`, `nq`, ...).
    pub fn from_name(name: &str) -> Option<Self> {
        by_name(TABLE, name)
    }

    /// The format a file name's extension means.
    pub fn from_path(path: &Path) -> Option<Self> {
        by_path(TABLE, path)
    }

    /// The primary name.
    pub fn name(self) -> &'static str {
        self.entry().1[0]
    }

    /// The usual file extension.
    pub fn file_extension(self) -> &'static str {
        self.entry().2[0]
    }

    /// The media type.
    pub fn media_type(self) -> &'static str {
        self.entry().3
    }

    fn entry(self) -> &'static Entry<Self> {
        entry(TABLE, self)
    }

    /// The Oxigraph format behind it, when Oxigraph writes it.
    pub fn rdf_format(self) -> Option<RdfFormat> {
        match self {
            Self::Turtle => Some(RdfFormat::Turtle),
            Self::NTriples => Some(RdfFormat::NTriples),
            Self::NQuads => Some(RdfFormat::NQuads),
            Self::TriG => Some(RdfFormat::TriG),
            Self::RdfXml => Some(RdfFormat::RdfXml),
            Self::JsonLd | Self::Canonical => None,
            Self::GraphMl
            | Self::GraphMlYed
            | Self::Gexf
            | Self::Dot
            | Self::Neo4j
            | Self::Cytoscape => None,
        }
    }

    /// Whether the format keeps named graphs (otherwise graphs are merged into one).
    pub fn keeps_graphs(self) -> bool {
        matches!(
            self,
            Self::NQuads | Self::TriG | Self::JsonLd | Self::Canonical
        ) || self.is_property_graph()
    }

    /// Whether the format is a property graph for graph tools (written from
    /// [`crate::projection`]).
    pub fn is_property_graph(self) -> bool {
        matches!(
            self,
            Self::GraphMl
                | Self::GraphMlYed
                | Self::Gexf
                | Self::Dot
                | Self::Neo4j
                | Self::Cytoscape
        )
    }

    /// Whether the format writes a directory of files rather than one file.
    pub fn is_directory(self) -> bool {
        matches!(self, Self::Neo4j | Self::Cytoscape)
    }

    /// Resolves `--format`, else the `--output` extension, else `default`.
    pub fn resolve(
        format: Option<&str>,
        output: Option<&Path>,
        default: Self,
    ) -> Result<Self, String> {
        if let Some(name) = format {
            return Self::from_name(name).ok_or_else(|| {
                format!(
                    "unknown format {name:?}, expected one of: {}",
                    Self::names().join(", ")
                )
            });
        }
        // Standard output (`-`, `/dev/stdout`) has no extension to go by.
        match output.filter(|p| !crate::export::is_stdout(Some(p))) {
            Some(path) => Self::from_path(path).ok_or_else(|| {
                format!(
                    "{}: cannot tell the format from the extension, expected --format or one of the extensions: {}",
                    path.display(),
                    TABLE.iter().flat_map(|(_, _, e, _)| e.iter().map(|e| format!(".{e}"))).collect::<Vec<_>>().join(", ")
                )
            }),
            None => Ok(default),
        }
    }

    /// The primary names of every format.
    pub fn names() -> Vec<&'static str> {
        Self::all().map(Self::name).collect()
    }
}

/// Every format `pactgraph query` writes a SELECT or ASK answer in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResultsFormat {
    /// An aligned text table, IRIs abbreviated with pactgraph's prefixes.
    Table,
    /// SPARQL 1.1 Query Results CSV.
    Csv,
    /// SPARQL 1.1 Query Results TSV.
    Tsv,
    /// SPARQL 1.1 Query Results JSON.
    Json,
    /// SPARQL Query Results XML.
    Xml,
}

/// The table of names: (format, names, extensions, media type).
const RESULTS_TABLE: &[Entry<ResultsFormat>] = &[
    (
        ResultsFormat::Table,
        &["table", "text"],
        &["txt"],
        "text/plain",
    ),
    (ResultsFormat::Csv, &["csv"], &["csv"], "text/csv"),
    (
        ResultsFormat::Tsv,
        &["tsv"],
        &["tsv"],
        "text/tab-separated-values",
    ),
    (
        ResultsFormat::Json,
        &["json", "srj"],
        &["srj", "json"],
        "application/sparql-results+json",
    ),
    (
        ResultsFormat::Xml,
        &["xml", "srx"],
        &["srx", "xml"],
        "application/sparql-results+xml",
    ),
];

impl ResultsFormat {
    /// Every results format, in the order of the table.
    pub fn all() -> impl Iterator<Item = Self> {
        RESULTS_TABLE.iter().map(|(f, ..)| *f)
    }

    /// The format a name means (`table`, `csv`, `json`, `srx`, ...).
    pub fn from_name(name: &str) -> Option<Self> {
        by_name(RESULTS_TABLE, name)
    }

    /// The format a file name's extension means.
    pub fn from_path(path: &Path) -> Option<Self> {
        by_path(RESULTS_TABLE, path)
    }

    fn entry(self) -> &'static Entry<Self> {
        entry(RESULTS_TABLE, self)
    }

    /// The primary name.
    pub fn name(self) -> &'static str {
        self.entry().1[0]
    }

    /// The usual file extension.
    pub fn file_extension(self) -> &'static str {
        self.entry().2[0]
    }

    /// The media type.
    pub fn media_type(self) -> &'static str {
        self.entry().3
    }

    /// The W3C format behind it; `None` for the text table.
    pub fn sparql_format(self) -> Option<oxigraph::sparql::results::QueryResultsFormat> {
        use oxigraph::sparql::results::QueryResultsFormat as F;
        match self {
            Self::Table => None,
            Self::Csv => Some(F::Csv),
            Self::Tsv => Some(F::Tsv),
            Self::Json => Some(F::Json),
            Self::Xml => Some(F::Xml),
        }
    }

    /// The primary names of every results format.
    pub fn names() -> Vec<&'static str> {
        Self::all().map(Self::name).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_prefers_the_flag_then_the_extension() {
        let out = Path::new("seed.nq");
        assert_eq!(
            OutputFormat::resolve(Some("ttl"), Some(out), OutputFormat::Turtle),
            Ok(OutputFormat::Turtle)
        );
        assert_eq!(
            OutputFormat::resolve(None, Some(out), OutputFormat::Turtle),
            Ok(OutputFormat::NQuads)
        );
        assert_eq!(
            OutputFormat::resolve(None, Some(Path::new("x.c14n.nq")), OutputFormat::Turtle),
            Ok(OutputFormat::Canonical)
        );
        assert_eq!(
            OutputFormat::resolve(None, None, OutputFormat::Turtle),
            Ok(OutputFormat::Turtle)
        );
        assert!(
            OutputFormat::resolve(Some("yaml"), None, OutputFormat::Turtle)
                .unwrap_err()
                .contains("expected one of: turtle, ntriples")
        );
        assert!(
            OutputFormat::resolve(None, Some(Path::new("x.docx")), OutputFormat::Turtle).is_err()
        );
        for f in OutputFormat::all() {
            assert_eq!(OutputFormat::from_name(f.name()), Some(f));
        }
    }

    #[test]
    fn results_formats_resolve_by_name_and_extension() {
        assert_eq!(ResultsFormat::from_name("SRJ"), Some(ResultsFormat::Json));
        assert_eq!(
            ResultsFormat::from_path(Path::new("out.srx")),
            Some(ResultsFormat::Xml)
        );
        assert_eq!(
            ResultsFormat::from_path(Path::new("out.tsv")),
            Some(ResultsFormat::Tsv)
        );
        assert_eq!(ResultsFormat::from_name("turtle"), None);
        for f in ResultsFormat::all() {
            assert_eq!(ResultsFormat::from_name(f.name()), Some(f));
            assert_eq!(
                ResultsFormat::from_path(Path::new(&format!("x.{}", f.file_extension()))),
                Some(f)
            );
        }
    }
}
