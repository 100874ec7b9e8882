//! A projected graph spooled to disk: pass 2 writes the nodes and the edges to two temporary
//! files (compressed by [`crate::spill`]), one JSON object per line, and every writer reads them
//! back as often as it needs (the GEXF, Neo4j and Cytoscape formats want every node before the
//! first edge, and Neo4j's `load.cypher` reads the nodes a second time). Memory is one node or
//! edge at a time.
//!
//! The files are unnamed (`tempfile::tempfile`: unlinked as soon as they are made), so a
//! process killed mid-export leaves nothing in `$TMPDIR`. Each reader reads at its own offset
//! (positional reads), so several can read one file at once.

use std::io::{self, BufRead, Write};

use lz4_flex::frame::FrameEncoder;

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs::File;
use std::sync::Arc;

use super::passes::{ProjectionHeader, ProjectionSink};
use super::{Attribute, Edge, GraphView, Node};

/// Writes what pass 2 projects to temporary files.
pub struct Spool {
    nodes: FrameEncoder<File>,
    edges: FrameEncoder<File>,
}

impl Spool {
    /// Two new, empty temporary files.
    pub fn new() -> io::Result<Self> {
        Ok(Self {
            nodes: crate::spill::compress(tempfile::tempfile()?),
            edges: crate::spill::compress(tempfile::tempfile()?),
        })
    }

    /// The spooled graph, once pass 2 has put every node and edge and returned `header`.
    pub fn finish(self, header: ProjectionHeader) -> io::Result<SpooledGraph> {
        Ok(SpooledGraph {
            header,
            nodes: Arc::new(crate::spill::finish(self.nodes)?),
            edges: Arc::new(crate::spill::finish(self.edges)?),
        })
    }
}

fn write_line(out: &mut impl Write, item: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, item)?;
    out.write_all(b"\n")
}

impl ProjectionSink for Spool {
    fn node(&mut self, node: Node) -> io::Result<()> {
        write_line(&mut self.nodes, &node)
    }

    fn edge(&mut self, edge: Edge) -> io::Result<()> {
        write_line(&mut self.edges, &edge)
    }
}

/// A projected graph on disk; the files go when it is dropped (or the process ends).
pub struct SpooledGraph {
    header: ProjectionHeader,
    nodes: Arc<File>,
    edges: Arc<File>,
}

/// Reads a shared file from the start, at an offset of its own.
struct At {
    file: Arc<File>,
    offset: u64,
}

impl io::Read for At {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        #[cfg(unix)]
        let n = std::os::unix::fs::FileExt::read_at(&*self.file, buf, self.offset)?;
        #[cfg(windows)]
        let n = std::os::windows::fs::FileExt::seek_read(&*self.file, buf, self.offset)?;
        self.offset += n as u64;
        Ok(n)
    }
}

impl SpooledGraph {
    /// The attributes, the dynamic flag and the list delimiters in the data.
    pub fn header(&self) -> &ProjectionHeader {
        &self.header
    }
}

/// The items of a spool file, from the first.
fn read_back<T: DeserializeOwned + 'static>(
    file: &Arc<File>,
) -> Box<dyn Iterator<Item = io::Result<T>>> {
    let reader = At {
        file: Arc::clone(file),
        offset: 0,
    };
    Box::new(
        crate::spill::decompress(reader)
            .lines()
            .map(|line| Ok(serde_json::from_str(&line?)?)),
    )
}

impl GraphView for SpooledGraph {
    fn attributes(&self) -> &[Attribute] {
        &self.header.attributes
    }

    fn nodes(&self) -> Box<dyn Iterator<Item = io::Result<Node>> + '_> {
        Box::new(read_back(&self.nodes).map(|node: io::Result<Node>| {
            let mut node = node?;
            self.header.retype(&mut node);
            Ok(node)
        }))
    }

    fn edges(&self) -> Box<dyn Iterator<Item = io::Result<Edge>> + '_> {
        read_back(&self.edges)
    }

    fn dynamic(&self) -> bool {
        self.header.dynamic
    }

    fn list_delimiter(&self, candidates: &[char]) -> char {
        self.header.list_delimiter(candidates)
    }
}
