//! sophia's half of the work: datasets compared up to blank-node renaming (isomorphism) and
//! canonical N-Quads (RDFC-1.0). Oxigraph terms cross over as N-Quads text, which both crates
//! read and write losslessly.

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::Quad;
use sophia::api::prelude::*;
use sophia::inmem::dataset::LightDataset;

/// The quads as a sophia dataset.
pub fn to_sophia(quads: &[Quad]) -> Result<LightDataset, String> {
    let mut nquads = Vec::new();
    let mut writer = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(&mut nquads);
    for q in quads {
        writer.serialize_quad(q).map_err(|e| e.to_string())?;
    }
    writer.finish().map_err(|e| e.to_string())?;
    let text = String::from_utf8(nquads).map_err(|e| e.to_string())?;
    sophia::turtle::parser::nq::parse_str(&text)
        .collect_quads()
        .map_err(|e| e.to_string())
}

/// Whether two sets of quads are the same dataset up to blank-node labels.
pub fn isomorphic(a: &[Quad], b: &[Quad]) -> Result<bool, String> {
    let (a, b) = (to_sophia(a)?, to_sophia(b)?);
    sophia::isomorphism::isomorphic_datasets(&a, &b).map_err(|e| e.to_string())
}

/// Writes the quads as canonical N-Quads (W3C RDFC-1.0).
pub fn canonical_nquads(quads: &[Quad], out: &mut dyn Write) -> Result<(), String> {
    let dataset = to_sophia(quads)?;
    sophia::c14n::rdfc10::normalize(&dataset, out).map_err(|e| e.to_string())
}

/// Parses RDF text of any format Oxigraph reads into quads.
pub fn parse(format: RdfFormat, bytes: &[u8]) -> Result<Vec<Quad>, String> {
    oxigraph::io::RdfParser::from_format(format)
        .for_slice(bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| e.to_string())
}
