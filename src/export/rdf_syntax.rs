//! Turtle, N-Triples, N-Quads, TriG and RDF/XML, written by Oxigraph's serializers from the
//! sorted selection, so subjects come grouped, `a` first, with only the prefixes used.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};

use super::{ExportError, Exporter, Selection, used_prefixes};

/// An Oxigraph RDF syntax.
#[derive(Debug, Clone, Copy)]
pub struct RdfSyntax(pub RdfFormat);

impl Exporter for RdfSyntax {
    fn export(&self, selection: &Selection, out: &mut dyn Write) -> Result<(), ExportError> {
        let mut serializer = RdfSerializer::from_format(self.0);
        if matches!(
            self.0,
            RdfFormat::Turtle | RdfFormat::TriG | RdfFormat::RdfXml
        ) {
            for (name, ns) in used_prefixes(&selection.quads, &selection.prefixes) {
                serializer =
                    serializer
                        .with_prefix(name, ns)
                        .map_err(|e| ExportError::Serialize {
                            format: self.0.name(),
                            message: e.to_string(),
                        })?;
            }
        }
        let mut writer = serializer.for_writer(out);
        for quad in &selection.quads {
            writer.serialize_quad(quad)?;
        }
        writer.finish()?;
        Ok(())
    }
}
