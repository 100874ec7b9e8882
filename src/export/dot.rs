//! Graphviz DOT: one fill colour and shape per kind of node (the README lists them), edges
//! labelled by property. Every ID and label is a quoted string with `"` and `\` escaped and line
//! breaks written as `\n`; long labels are wrapped at word boundaries so the picture stays
//! readable. Node IDs are IRIs; each node's IRI is also its tooltip.

use std::io::Write;

use super::ExportError;
use super::graph_tools::{GraphExporter, style};
use crate::projection::GraphView;

/// Graphviz DOT.
#[derive(Debug, Clone, Copy)]
pub struct Dot;

/// The widest a label line grows before it is wrapped, in characters.
pub const WRAP: usize = 30;

/// A DOT quoted string: `"` and `\` escaped, line breaks as `\n`, other control characters
/// dropped.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A DOT label: quoted, with `&` written as `&amp;`, since Graphviz reads entity references
/// (`&lt;`) in labels.
pub fn label(text: &str) -> String {
    quote(&text.replace('&', "&amp;"))
}

/// Wraps text at word boundaries into lines of at most [`WRAP`] characters (longer words stay
/// whole); existing line breaks are kept.
pub fn wrap(text: &str) -> String {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WRAP {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines.join("\n")
}

impl GraphExporter for Dot {
    fn write(
        &self,
        graph: &dyn GraphView,
        _file: &str,
        out: &mut dyn Write,
    ) -> Result<(), ExportError> {
        writeln!(out, "digraph \"pactgraph\" {{")?;
        writeln!(
            out,
            "  graph [rankdir=\"LR\", overlap=\"false\", fontsize=\"10\"];"
        )?;
        writeln!(
            out,
            "  node [style=\"filled\", fontsize=\"10\", margin=\"0.1,0.05\"];"
        )?;
        writeln!(out, "  edge [fontsize=\"8\", color=\"#555555\"];")?;
        for node in graph.nodes() {
            let node = node?;
            let (colour, shape, _) = style(node.kind);
            let extra = if node.kind == "post" {
                ", style=\"rounded,filled\""
            } else {
                ""
            };
            writeln!(
                out,
                "  {} [label={}, shape=\"{shape}\", fillcolor=\"{colour}\", tooltip={}{extra}];",
                quote(&node.iri),
                label(&wrap(&node.label)),
                label(&node.iri),
            )?;
        }
        for edge in graph.edges() {
            let edge = edge?;
            writeln!(
                out,
                "  {} -> {} [label={}];",
                quote(&edge.source),
                quote(&edge.target),
                label(&edge.label),
            )?;
        }
        writeln!(out, "}}")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_quotes_backslashes_and_line_breaks() {
        assert_eq!(quote("a \"b\" \\ c\nd"), r#""a \"b\" \\ c\nd""#);
        assert_eq!(quote("日本 <&>"), "\"日本 <&>\"");
        assert_eq!(label("Q&A &lt;"), "\"Q&amp;A &amp;lt;\"");
    }

    #[test]
    fn wrapping_breaks_long_labels_at_spaces() {
        let wrapped = wrap("Acquisition and Cross-Servicing Agreement between two governments");
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= WRAP),
            "{wrapped}"
        );
        assert_eq!(
            wrapped.replace('\n', " "),
            "Acquisition and Cross-Servicing Agreement between two governments"
        );
    }
}
