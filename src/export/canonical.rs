//! Canonical N-Quads (W3C RDFC-1.0), written by sophia: the same dataset always gives the same
//! bytes, whatever its blank-node labels, so two exports can be compared with `cmp`.

use std::io::Write;

use super::{ExportError, Exporter, Selection};

/// RDFC-1.0 canonical N-Quads.
#[derive(Debug, Clone, Copy)]
pub struct Canonical;

impl Exporter for Canonical {
    fn export(&self, selection: &Selection, out: &mut dyn Write) -> Result<(), ExportError> {
        crate::compare::canonical_nquads(&selection.quads, out).map_err(|message| {
            ExportError::Serialize {
                format: "canonical",
                message,
            }
        })
    }
}
