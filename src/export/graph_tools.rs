//! What the graph-tool formats share: the [`GraphExporter`] trait they implement, the style of
//! each kind of node, list encoding, and [`write_directory`] for the formats that write several
//! files (Neo4j, Cytoscape): a temporary directory renamed into place only on success.
//!
//! Writers read the projection through [`GraphView`], one node or edge at a time, as often as
//! they need (GEXF and the directory formats write every node before the first edge; Neo4j's
//! `load.cypher` reads the nodes again for their labels). `pactgraph export` hands them a graph
//! streamed from the store and spooled to disk ([`super::graph_stream`]), so that memory stays
//! at the projection's summary per node; [`Projected`] (a `construct` query's graph) projects in
//! memory. Either way the bytes are the same.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::{ExportError, Exporter, Selection};
use crate::format::OutputFormat;
use crate::projection::{GraphView, ProjectionOptions, PropertyGraph};

/// A property-graph format, written from the projection.
pub trait GraphExporter {
    /// The files a directory format writes, in order; empty for a single-file format.
    fn files(&self) -> &'static [&'static str] {
        &[]
    }

    /// Writes one file of the format (`""` for a single-file format), reading the graph's nodes
    /// and edges one at a time.
    fn write(
        &self,
        graph: &dyn GraphView,
        file: &str,
        out: &mut dyn Write,
    ) -> Result<(), ExportError>;
}

/// The writer of a property-graph format.
pub fn graph_exporter(format: OutputFormat) -> Option<Box<dyn GraphExporter>> {
    match format {
        OutputFormat::GraphMl => Some(Box::new(super::graphml::GraphMl { yed: false })),
        OutputFormat::GraphMlYed => Some(Box::new(super::graphml::GraphMl { yed: true })),
        OutputFormat::Gexf => Some(Box::new(super::gexf::Gexf)),
        OutputFormat::Dot => Some(Box::new(super::dot::Dot)),
        OutputFormat::Neo4j => Some(Box::new(super::neo4j::Neo4j)),
        OutputFormat::Cytoscape => Some(Box::new(super::cytoscape::Cytoscape)),
        _ => None,
    }
}

/// A single-file property-graph format behind [`Exporter`]: projects the selection with
/// `options`, then writes it. A directory format is refused (it has no single stream).
pub struct Projected {
    /// The format.
    pub format: OutputFormat,
    /// How to project.
    pub options: ProjectionOptions,
}

impl Exporter for Projected {
    fn export(&self, selection: &Selection, out: &mut dyn Write) -> Result<(), ExportError> {
        let writer = graph_exporter(self.format).expect("a property-graph format");
        if !writer.files().is_empty() {
            return Err(directory_only(self.format));
        }
        let mut options = self.options.clone();
        if options.prefixes.is_empty() {
            options.prefixes = selection.prefixes.clone();
        }
        let graph = PropertyGraph::project(&selection.quads, &options);
        writer.write(&graph, "", out)
    }
}

/// The error for a directory format asked to write to one stream.
pub fn directory_only(format: OutputFormat) -> ExportError {
    ExportError::Serialize {
        format: format.name(),
        message: "writes a directory of files, expected --output DIR (not standard output)"
            .to_owned(),
    }
}

/// How a kind of node is drawn: fill colour (`#rrggbb`), Graphviz shape, yEd shape.
pub fn style(kind: &str) -> (&'static str, &'static str, &'static str) {
    match kind {
        "person" => ("#8ecae6", "ellipse", "ellipse"),
        "agreement" => ("#ffd166", "note", "rectangle"),
        "event" => ("#f4a261", "hexagon", "hexagon"),
        "government" => ("#90be6d", "house", "trapezoid"),
        "force" => ("#43aa8b", "octagon", "octagon"),
        "ministry" => ("#b5e48c", "component", "rectangle"),
        "country" => ("#e9c46a", "box3d", "rectangle3d"),
        "place" => ("#f28482", "invhouse", "trapezoid2"),
        "post" => ("#bde0fe", "box", "roundrectangle"),
        "holding" => ("#d9d9d9", "box", "rectangle"),
        "association" => ("#e5e5e5", "diamond", "diamond"),
        "claim" => ("#caffbf", "parallelogram", "parallelogram"),
        "release" => ("#ffadad", "folder", "rectangle"),
        "concept" => ("#f8f9fa", "ellipse", "ellipse"),
        "organisation" => ("#a3c4bc", "box", "rectangle"),
        "ontology" => ("#fdffb6", "box", "rectangle"),
        "sentence" | "selector" | "time" | "build" => ("#eeeeee", "note", "rectangle"),
        _ => ("#ffffff", "ellipse", "ellipse"),
    }
}

/// The red, green and blue of a `#rrggbb` colour.
pub fn rgb(colour: &str) -> (u8, u8, u8) {
    let part = |i: usize| u8::from_str_radix(&colour[i..i + 2], 16).unwrap_or(0);
    (part(1), part(3), part(5))
}

/// The text of an attribute's values: the value, or a JSON array of them for a list.
pub fn values_text(values: &[crate::projection::Value], list: bool) -> String {
    if list {
        json_list(values.iter().map(|v| v.text.as_str()))
    } else {
        values[0].text.clone()
    }
}

/// A list as a JSON array of strings (how GraphML and GEXF, which have no list type a reader
/// shares, carry lists).
pub fn json_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    serde_json::Value::Array(
        items
            .into_iter()
            .map(|s| serde_json::Value::String(s.to_owned()))
            .collect(),
    )
    .to_string()
}

/// Text for XML: characters XML 1.0 cannot carry (controls other than tab, newline and carriage
/// return) become U+FFFD; quick-xml escapes the rest.
pub fn xml_text(text: &str) -> String {
    text.chars()
        .map(|c| {
            if (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}' {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// XML text content, escaped: `<`, `>`, `&`, and carriage returns as a character reference (a
/// parser would otherwise turn them into line feeds).
pub fn xml_content(text: &str) -> quick_xml::events::BytesText<'static> {
    let escaped = quick_xml::escape::partial_escape(xml_text(text))
        .into_owned()
        .replace('\r', "&#13;");
    quick_xml::events::BytesText::from_escaped(escaped)
}

/// An XML attribute value, escaped so that a parser gives back exactly `text`: besides `<`, `&`
/// and quotes, tabs and line breaks are written as character references (a parser would
/// otherwise turn them into spaces).
pub fn xml_attribute<'a>(key: &'a str, text: &str) -> quick_xml::events::attributes::Attribute<'a> {
    let escaped = quick_xml::escape::escape(xml_text(text))
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;");
    quick_xml::events::attributes::Attribute {
        key: quick_xml::name::QName(key.as_bytes()),
        value: std::borrow::Cow::Owned(escaped.into_bytes()),
    }
}

/// Writes the files of a directory format into a temporary directory beside `path`, then puts
/// it in place: `path` must not exist, be empty, or hold only files this format writes (an
/// earlier export, which is replaced). On any failure nothing at `path` changes.
pub fn write_directory(
    path: &Path,
    files: &[&str],
    mut write: impl FnMut(&str, &mut dyn Write) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let fail = |err: io::Error, at: &Path| ExportError::Io(super::with_path(err, at));
    let parent = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if path.exists() {
        let entries = std::fs::read_dir(path).map_err(|e| fail(e, path))?;
        for entry in entries {
            let name = entry.map_err(|e| fail(e, path))?.file_name();
            if !files.iter().any(|f| name.to_str() == Some(f)) {
                return Err(ExportError::Io(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "{}: holds {:?}, expected a new or empty directory or an earlier export \
                         holding only {}",
                        path.display(),
                        name,
                        files.join(", ")
                    ),
                )));
            }
        }
    }
    super::remove_stale_temporaries(parent);
    let tmp = tempfile::Builder::new()
        .prefix(super::TEMP_PREFIX)
        .tempdir_in(parent)
        .map_err(|e| fail(e, parent))?;
    // Held until the export ends: a later export leaves the directory alone meanwhile.
    // Best effort: where locks are not supported, no later export removes it either.
    let lock = std::fs::File::open(tmp.path()).ok();
    if let Some(lock) = &lock {
        let _ = lock.lock();
    }
    for name in files {
        let file_path = tmp.path().join(name);
        let file = std::fs::File::create(&file_path).map_err(|e| fail(e, &file_path))?;
        let mut out = BufWriter::new(&file);
        write(name, &mut out)?;
        out.flush()?;
        drop(out);
        file.sync_all()?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755))?;
    }
    if path.exists() {
        let old = tempfile::Builder::new()
            .prefix(".pactgraph-old-")
            .tempdir_in(parent)
            .map_err(|e| fail(e, parent))?;
        std::fs::rename(path, old.path()).map_err(|e| fail(e, path))?;
        if let Err(e) = std::fs::rename(tmp.path(), path) {
            // Put the earlier export back.
            let _ = std::fs::rename(old.path(), path);
            return Err(fail(e, path));
        }
        drop(old);
        let _ = tmp.keep();
    } else {
        let kept = tmp.keep();
        std::fs::rename(&kept, path).map_err(|e| {
            let _ = std::fs::remove_dir_all(&kept);
            fail(e, path)
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failed_directory_export_changes_nothing() {
        let scratch = tempfile::tempdir().unwrap();
        let target = scratch.path().join("out");
        let files = ["a.csv", "b.csv"];
        let failing = |name: &str, out: &mut dyn Write| -> Result<(), ExportError> {
            out.write_all(b"partial")?;
            if name == "b.csv" {
                return Err(ExportError::Io(io::Error::other("disk full")));
            }
            Ok(())
        };
        // Nothing there before: nothing there after, and no temporary directory left.
        assert!(write_directory(&target, &files, failing).is_err());
        assert_eq!(entries(scratch.path()), Vec::<String>::new());
        // An earlier export survives a failed one whole.
        write_directory(&target, &files, |name, out| {
            Ok(out.write_all(format!("old {name}").as_bytes())?)
        })
        .unwrap();
        assert!(write_directory(&target, &files, failing).is_err());
        assert_eq!(entries(scratch.path()), ["out"]);
        assert_eq!(entries(&target), ["a.csv", "b.csv"]);
        assert_eq!(
            std::fs::read_to_string(target.join("a.csv")).unwrap(),
            "old a.csv"
        );
        // A successful one replaces it.
        write_directory(&target, &files, |name, out| {
            Ok(out.write_all(format!("new {name}").as_bytes())?)
        })
        .unwrap();
        assert_eq!(entries(scratch.path()), ["out"]);
        assert_eq!(
            std::fs::read_to_string(target.join("b.csv")).unwrap(),
            "new b.csv"
        );
    }

    #[test]
    fn xml_attributes_keep_line_breaks_and_tabs() {
        let a = xml_attribute("v", "a\"<b>&\n\tc\r\u{1}");
        assert_eq!(
            std::str::from_utf8(&a.value).unwrap(),
            "a&quot;&lt;b&gt;&amp;&#10;&#9;c&#13;\u{fffd}"
        );
    }
}
