//! Streaming export of the line and Turtle-family formats, in the order [`super::select`] sorts,
//! byte for byte, without holding the graph in memory.
//!
//! - N-Quads and TriG keep the graphs, and the export order puts the graph first, so each graph
//!   is read from the store and sorted on its own, graph after graph (in N-Triples order of
//!   their names): memory is one batch of release graphs. TriG declares its prefixes first, so
//!   its single pass over the store also spills the sorted quads to a temporary N-Quads file,
//!   read back into the TriG writer once the prefixes are known.
//! - N-Triples, Turtle and RDF/XML merge the graphs into one, sorted by subject across all of
//!   them, so they use an external sort: triples are read graph after graph into a buffer of
//!   [`RUN_SIZE`] sort keys, each full buffer is sorted and written to a temporary file (a
//!   "run", compressed by [`crate::spill`]), and the runs are merged with a k-way merge (a
//!   binary heap of one line per run), dropping duplicates. Memory is one buffer; disk is one
//!   compressed copy of the output in N-Triples. Turtle and RDF/XML declare the prefixes they
//!   use, which the same pass notes before the merge.
//!
//! Reading the store (RocksDB lookups of every term) is most of the work, so graphs are read
//! [`GRAPH_BATCH`] at a time on all cores, and written in order.
//!
//! A sort key is the triple's N-Triples line with its parts reordered so that plain byte order
//! is the export order: subject, a 0 for `rdf:type` (1 otherwise), predicate IRI, object, with
//! NUL bytes between (N-Triples never contains a raw NUL).

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};
use std::io::{BufRead, Seek, Write};

use lz4_flex::frame::FrameDecoder;

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{GraphName, NamedNode, Quad};

use rayon::prelude::*;

use super::{ExportError, GraphFilter, used_prefixes};
use crate::store::{GraphStore, StoreError};

/// Sort keys held in memory before a run is written to disk.
pub const RUN_SIZE: usize = 400_000;

/// Whether [`export`] streams this format.
pub fn streams(format: RdfFormat) -> bool {
    matches!(
        format,
        RdfFormat::NQuads
            | RdfFormat::TriG
            | RdfFormat::NTriples
            | RdfFormat::Turtle
            | RdfFormat::RdfXml
    )
}

/// The selected graphs in export order (by their N-Triples form), without repeats.
pub(crate) fn graphs_in_order(
    store: &GraphStore,
    filter: &GraphFilter,
) -> Result<Vec<NamedNode>, StoreError> {
    let mut graphs = filter.resolve(store)?;
    graphs.sort_by_key(|g| g.to_string());
    graphs.dedup();
    Ok(graphs)
}

/// One graph's quads, sorted and without duplicates.
fn graph_quads(store: &GraphStore, graph: &NamedNode) -> Result<Vec<Quad>, ExportError> {
    let mut quads = store
        .store()
        .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(StoreError::from)?;
    // One graph: the export order is the order of the sort keys (see `sort_key`).
    quads.sort_by_cached_key(sort_key);
    quads.dedup();
    Ok(quads)
}

/// Writes the selected graphs in `format` (one for which [`streams`] holds), exactly as
/// [`super::exporter`] would write [`super::select`]'s selection.
pub fn export(
    store: &GraphStore,
    filter: &GraphFilter,
    format: RdfFormat,
    out: &mut dyn Write,
) -> Result<(), ExportError> {
    export_with_runs_of(store, filter, format, out, RUN_SIZE)
}

fn export_with_runs_of(
    store: &GraphStore,
    filter: &GraphFilter,
    format: RdfFormat,
    out: &mut dyn Write,
    run_size: usize,
) -> Result<(), ExportError> {
    let graphs = graphs_in_order(store, filter)?;
    let candidates = crate::vocab::prefixes(store.iris().base());
    match format {
        RdfFormat::NQuads => {
            let mut writer = RdfSerializer::from_format(format).for_writer(out);
            in_parallel(
                &graphs,
                |g| graph_quads(store, g),
                |quads| {
                    for quad in quads {
                        writer.serialize_quad(&quad)?;
                    }
                    Ok(())
                },
            )?;
            writer.finish()?;
        }
        RdfFormat::TriG => {
            // The prefixes come first but depend on every graph: a first pass reads the store
            // once, notes the prefixes used and spills the sorted quads as N-Quads; the second
            // pass reads the spill back into the TriG writer.
            let mut used = BTreeSet::new();
            let mut spill = tempfile::tempfile()?;
            {
                let mut writer = RdfSerializer::from_format(RdfFormat::NQuads)
                    .for_writer(crate::spill::compress(&mut spill));
                in_parallel(
                    &graphs,
                    |g| {
                        let quads = graph_quads(store, g)?;
                        let prefixes = used_prefixes(&quads, &candidates);
                        Ok((quads, prefixes))
                    },
                    |(quads, prefixes)| {
                        used.extend(prefixes);
                        for quad in quads {
                            writer.serialize_quad(&quad)?;
                        }
                        Ok(())
                    },
                )?;
                crate::spill::finish(writer.finish()?)?;
            }
            spill.seek(std::io::SeekFrom::Start(0))?;
            let serializer = with_prefixes(
                RdfSerializer::from_format(format),
                format,
                &candidates,
                &used,
            )?;
            let mut writer = serializer.for_writer(out);
            for quad in RdfParser::from_format(RdfFormat::NQuads)
                .for_reader(crate::spill::decompress(spill))
            {
                let quad = quad.map_err(|e| ExportError::Serialize {
                    format: "trig",
                    message: format!("cannot read back a sorted quad: {e}"),
                })?;
                writer.serialize_quad(&quad)?;
            }
            writer.finish()?;
        }
        RdfFormat::NTriples | RdfFormat::Turtle | RdfFormat::RdfXml => {
            let mut sorter = Sorter::new(run_size);
            let mut used = BTreeSet::new();
            let prefixed = format != RdfFormat::NTriples;
            in_parallel(
                &graphs,
                |graph| {
                    let quads: Vec<Quad> = store
                        .store()
                        .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
                        .map(|q| {
                            q.map(|q| {
                                Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph)
                            })
                        })
                        .collect::<Result<_, _>>()
                        .map_err(StoreError::from)?;
                    let prefixes = if prefixed {
                        used_prefixes(&quads, &candidates)
                    } else {
                        Vec::new()
                    };
                    Ok((quads.iter().map(sort_key).collect::<Vec<_>>(), prefixes))
                },
                |(keys, prefixes)| {
                    used.extend(prefixes);
                    for key in keys {
                        sorter.push(key)?;
                    }
                    Ok(())
                },
            )?;
            let lines = sorter.finish()?;
            if format == RdfFormat::NTriples {
                for key in lines {
                    out.write_all(ntriples_line(&key?).as_bytes())?;
                }
            } else {
                let serializer = with_prefixes(
                    RdfSerializer::from_format(format),
                    format,
                    &candidates,
                    &used,
                )?;
                let mut writer = serializer.for_writer(out);
                for key in lines {
                    let line = ntriples_line(&key?);
                    let triple = RdfParser::from_format(RdfFormat::NTriples)
                        .for_slice(line.as_bytes())
                        .next()
                        .expect("a sort key holds one triple")
                        .map_err(|e| ExportError::Serialize {
                            format: format.name(),
                            message: format!("cannot read back a sorted triple: {e}"),
                        })?;
                    writer.serialize_quad(&triple)?;
                }
                writer.finish()?;
            }
        }
        other => unreachable!("{other} is not a streamed format"),
    }
    Ok(())
}

/// Graphs read from the store per parallel step.
pub const GRAPH_BATCH: usize = 256;

/// Runs `work` on every graph (or other item), [`GRAPH_BATCH`] at a time in parallel (reading
/// and decoding terms from RocksDB is the bulk of an export), and hands the results to `sink` in
/// order. Reading runs on its own thread, one batch ahead of `sink`, so that writing overlaps
/// reading.
pub(crate) fn in_parallel<I: Sync, T: Send>(
    graphs: &[I],
    work: impl Fn(&I) -> Result<T, ExportError> + Sync + Send,
    mut sink: impl FnMut(T) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Vec<T>, ExportError>>(1);
        scope.spawn(move || {
            for batch in graphs.chunks(GRAPH_BATCH) {
                let done: Result<Vec<T>, ExportError> = batch.par_iter().map(&work).collect();
                let failed = done.is_err();
                // A closed channel means the writer failed and stopped listening.
                if tx.send(done).is_err() || failed {
                    break;
                }
            }
        });
        for done in rx {
            for item in done? {
                sink(item)?;
            }
        }
        Ok(())
    })
}

fn with_prefixes(
    mut serializer: RdfSerializer,
    format: RdfFormat,
    candidates: &[(String, String)],
    used: &BTreeSet<(String, String)>,
) -> Result<RdfSerializer, ExportError> {
    // In the candidates' order, as the in-memory exporter declares them.
    for (name, ns) in candidates.iter().filter(|c| used.contains(*c)) {
        serializer = serializer
            .with_prefix(name, ns)
            .map_err(|e| ExportError::Serialize {
                format: format.name(),
                message: e.to_string(),
            })?;
    }
    Ok(serializer)
}

/// The sort key of a triple (the graph is ignored): see the module documentation.
fn sort_key(quad: &Quad) -> String {
    let is_type = if quad.predicate.as_ref() == rdf::TYPE {
        '0'
    } else {
        '1'
    };
    format!(
        "{}\0{is_type}{}\0{}",
        quad.subject,
        quad.predicate.as_str(),
        quad.object
    )
}

/// The N-Triples line (with its newline) of a sort key.
fn ntriples_line(key: &str) -> String {
    let mut parts = key.splitn(3, '\0');
    let subject = parts.next().unwrap_or_default();
    let predicate = parts.next().map(|p| &p[1..]).unwrap_or_default();
    let object = parts.next().unwrap_or_default();
    format!("{subject} <{predicate}> {object} .\n")
}

/// An external sort of strings that hold no newline: sorted runs on disk, merged. The runs
/// are unnamed temporary files (removed by the system when closed, or when the process dies),
/// so a killed export leaves none behind.
pub(crate) struct Sorter {
    buffer: Vec<String>,
    runs: Vec<std::fs::File>,
    run_size: usize,
}

impl Sorter {
    pub(crate) fn new(run_size: usize) -> Self {
        Self {
            buffer: Vec::new(),
            runs: Vec::new(),
            run_size,
        }
    }

    pub(crate) fn push(&mut self, key: String) -> std::io::Result<()> {
        self.buffer.push(key);
        if self.buffer.len() >= self.run_size {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> std::io::Result<()> {
        self.buffer.sort_unstable();
        self.buffer.dedup();
        let mut file = tempfile::tempfile()?;
        {
            let mut out = crate::spill::compress(&mut file);
            for key in self.buffer.drain(..) {
                out.write_all(key.as_bytes())?;
                out.write_all(b"\n")?;
            }
            crate::spill::finish(out)?;
        }
        self.runs.push(file);
        Ok(())
    }

    /// The keys in order, each once.
    pub(crate) fn finish(mut self) -> std::io::Result<Merged> {
        if self.runs.is_empty() {
            self.buffer.sort_unstable();
            self.buffer.dedup();
            return Ok(Merged::Memory(std::mem::take(&mut self.buffer).into_iter()));
        }
        if !self.buffer.is_empty() {
            self.spill()?;
        }
        let mut readers = Vec::new();
        let mut heap = BinaryHeap::new();
        for (i, mut run) in std::mem::take(&mut self.runs).into_iter().enumerate() {
            run.seek(std::io::SeekFrom::Start(0))?;
            let mut reader = crate::spill::decompress(run);
            if let Some(line) = read_line(&mut reader)? {
                heap.push(Reverse((line, i)));
            }
            readers.push(reader);
        }
        Ok(Merged::Runs {
            readers,
            heap,
            last: None,
        })
    }
}

fn read_line(reader: &mut impl BufRead) -> std::io::Result<Option<String>> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    line.pop();
    Ok(Some(line))
}

/// The merged, sorted keys.
pub(crate) enum Merged {
    Memory(std::vec::IntoIter<String>),
    Runs {
        readers: Vec<FrameDecoder<std::fs::File>>,
        heap: BinaryHeap<Reverse<(String, usize)>>,
        last: Option<String>,
    },
}

impl Iterator for Merged {
    type Item = std::io::Result<String>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::Memory(keys) => keys.next().map(Ok),
            Self::Runs {
                readers,
                heap,
                last,
                ..
            } => loop {
                let Reverse((line, i)) = heap.pop()?;
                match read_line(&mut readers[i]) {
                    Ok(Some(next)) => heap.push(Reverse((next, i))),
                    Ok(None) => {}
                    Err(err) => return Some(Err(err)),
                }
                match last {
                    Some(l) if *l == line => continue,
                    // Reuses the buffer: no allocation per key.
                    Some(l) => l.clone_from(&line),
                    None => *last = Some(line.clone()),
                }
                return Some(Ok(line));
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_external_sort_merges_runs_in_order_without_duplicates() {
        let mut sorter = Sorter::new(1_000);
        let n = 2_017;
        for i in 0..n {
            // Every key twice, in an order far from sorted.
            let key = format!("{:08}", (i * 7919) % (n / 2 + 1));
            sorter.push(key).unwrap();
        }
        assert_eq!(sorter.runs.len(), 2);
        let keys: Vec<String> = sorter.finish().unwrap().map(Result::unwrap).collect();
        assert_eq!(keys.len(), n / 2 + 1);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn spilled_exports_are_byte_identical_to_the_in_memory_exporter() {
        let store = crate::generate::built_store(120, 9);
        let filter = GraphFilter {
            reference: true,
            ..GraphFilter::default()
        };
        for format in [
            RdfFormat::Turtle,
            RdfFormat::NTriples,
            RdfFormat::NQuads,
            RdfFormat::TriG,
            RdfFormat::RdfXml,
        ] {
            let keeps = matches!(format, RdfFormat::NQuads | RdfFormat::TriG);
            let selection = super::super::select(&store, &filter, keeps).unwrap();
            let mut expected = Vec::new();
            super::super::Exporter::export(
                &super::super::rdf_syntax::RdfSyntax(format),
                &selection,
                &mut expected,
            )
            .unwrap();
            let mut streamed = Vec::new();
            // Runs of 1,000 keys: the graph spills into several files.
            export_with_runs_of(&store, &filter, format, &mut streamed, 1_000).unwrap();
            assert!(selection.quads.len() > 5_000, "{}", selection.quads.len());
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(expected).unwrap(),
                "{format}"
            );
        }
    }

    #[test]
    fn sort_keys_order_like_the_in_memory_sort_and_give_back_the_line() {
        let store = GraphStore::in_memory(crate::iri::Iris::default()).unwrap();
        let graphs = crate::inputs::load_all(&[], store.iris(), None).unwrap();
        store.load(&graphs, true).unwrap();
        let mut quads: Vec<Quad> = store
            .store()
            .iter()
            .map(|q| {
                let q = q.unwrap();
                Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph)
            })
            .collect();
        super::super::sort_quads(&mut quads);
        quads.dedup();
        let mut keys: Vec<String> = quads.iter().map(sort_key).collect();
        let in_order = keys.clone();
        keys.sort();
        assert_eq!(keys, in_order);
        for (quad, key) in quads.iter().zip(&keys) {
            assert_eq!(ntriples_line(key), format!("{quad} .\n"));
        }
    }
}
